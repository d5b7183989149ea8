// The supervisors' dashboard (/bao-cao): reads the reports API with the page's filters and fills the
// tables and charts. Data goes into the page as text only (never as HTML).
(function () {
  'use strict';

  const main = document.querySelector('main.dashboard');
  const form = document.getElementById('filters');
  const status = document.getElementById('report-status');
  const label = (name) => main.dataset[name] || '';
  const charts = {};

  function filters() {
    const period = form.period.value;
    const params = new URLSearchParams({period: period.toLowerCase()});
    if (period === 'CUSTOM') {
      params.set('from', form.from.value);
      params.set('to', form.to.value);
    } else if (form.date.value) {
      params.set('date', form.date.value);
    }
    if (form.unit.value) {
      params.set('unit', form.unit.value);
    }
    return params;
  }

  function showPeriodFields() {
    const custom = form.period.value === 'CUSTOM';
    form.querySelectorAll('[data-for-period]').forEach((field) => {
      field.hidden = (field.dataset.forPeriod === 'custom') !== custom;
    });
  }

  function downloads() {
    const params = filters();
    if (form.procedure.value) {
      params.set('procedure', form.procedure.value);
    }
    ['xlsx', 'csv'].forEach((format) => {
      params.set('format', format);
      document.getElementById('download-' + format).href = '/api/reports/ii06a?' + params;
    });
  }

  async function read(path, params) {
    const response = await fetch(path + '?' + params, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || response.statusText);
    }
    return response.json();
  }

  function cell(row, value, header) {
    const element = document.createElement(header ? 'th' : 'td');
    if (header) {
      element.scope = 'row';
    }
    element.textContent = value == null ? '' : String(value);
    row.appendChild(element);
    return element;
  }

  function figuresRow(body, name, f, kind) {
    const row = document.createElement('tr');
    row.className = kind;
    cell(row, name, true);
    [f.received.total, f.received.carriedOver, f.received.online, f.received.counterOrPost,
      f.resolved.total, f.resolved.beforeDeadline, f.resolved.onTime, f.resolved.late,
      f.inProgress.total, f.inProgress.withinDeadline, f.inProgress.overdue,
      f.awaitingSupplement, f.withdrawn, f.refused].forEach((value) => cell(row, value));
    body.appendChild(row);
  }

  function fill(table, rows) {
    const body = document.querySelector('#' + table + ' tbody');
    body.replaceChildren();
    return body;
  }

  function percent(rate) {
    return rate == null ? '' : (rate * 100).toFixed(1).replace('.', ',') + ' %';
  }

  function draw(id, config) {
    if (!window.Chart) {
      return; // the tables carry every number; charts are a view of them
    }
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  function showIi06a(report) {
    const body = fill('ii06a');
    report.units.forEach((unit) => {
      figuresRow(body, unit.unitName, unit.figures, 'unit');
      unit.procedures.forEach((p) => figuresRow(body, '— ' + p.procedureCode + ' ' + p.procedureName
          + (p.receivingUnitName ? ' (' + label('labelReceivedAt') + ' ' + p.receivingUnitName + ')' : ''), p.figures, 'procedure'));
    });
    figuresRow(body, label('labelTotal'), report.total, 'total');
    document.getElementById('ii06a-period').textContent =
        label('labelPeriod') + ' ' + report.period.from + ' – ' + report.period.to;
    const names = report.units.map((u) => u.unitName);
    draw('chart-units', {
      type: 'bar',
      data: {
        labels: names,
        datasets: [
          {label: label('labelResolvedOnTime'), data: report.units.map((u) => u.figures.resolved.beforeDeadline + u.figures.resolved.onTime), backgroundColor: '#2f855a', stack: 'resolved'},
          {label: label('labelResolvedLate'), data: report.units.map((u) => u.figures.resolved.late), backgroundColor: '#c53030', stack: 'resolved'},
          {label: label('labelWithin'), data: report.units.map((u) => u.figures.inProgress.withinDeadline), backgroundColor: '#3182ce', stack: 'open'},
          {label: label('labelOverdue'), data: report.units.map((u) => u.figures.inProgress.overdue), backgroundColor: '#dd6b20', stack: 'open'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}}
    });
  }

  function showRankings(rankings) {
    const body = fill('rankings');
    const online = new Map(rankings.online.map((line) => [line.unitCode, line]));
    const satisfaction = new Map(rankings.satisfaction.map((line) => [line.unitCode, line]));
    rankings.onTime.forEach((line) => {
      const row = document.createElement('tr');
      cell(row, line.rank);
      cell(row, line.unitName, true);
      cell(row, line.resolved);
      cell(row, percent(line.rate));
      cell(row, percent(online.get(line.unitCode) ? online.get(line.unitCode).rate : null));
      cell(row, percent(satisfaction.get(line.unitCode) ? satisfaction.get(line.unitCode).rate : null));
      body.appendChild(row);
    });
    draw('chart-rankings', {
      type: 'bar',
      data: {
        labels: rankings.onTime.map((line) => line.unitName),
        datasets: [
          {label: label('labelResolvedOnTime'), data: rankings.onTime.map((line) => line.rate == null ? 0 : line.rate * 100), backgroundColor: '#2f855a'},
          {label: label('labelOnlineRate'), data: rankings.onTime.map((line) => online.get(line.unitCode) && online.get(line.unitCode).rate != null ? online.get(line.unitCode).rate * 100 : 0), backgroundColor: '#3182ce'}
        ]
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, indexAxis: 'y', scales: {x: {min: 0, max: 100}}}
    });
  }

  function showFees(report) {
    const body = fill('fees');
    const amount = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN');
    report.lines.forEach((line) => {
      const row = document.createElement('tr');
      cell(row, line.unitName, true);
      cell(row, line.procedureCode);
      cell(row, line.paidBy === 'CASH' ? label('labelCash') : label('labelBank'));
      cell(row, line.payments);
      cell(row, amount.format(line.amount));
      body.appendChild(row);
    });
    const total = document.createElement('tr');
    total.className = 'total';
    cell(total, label('labelTotal'), true);
    cell(total, '');
    cell(total, '');
    cell(total, report.payments);
    cell(total, amount.format(report.amount));
    body.appendChild(total);
  }

  function showOverdue(list) {
    const body = fill('overdue');
    document.getElementById('overdue-hint').hidden = list !== null;
    if (list === null) {
      return;
    }
    if (list.dossiers.length === 0) {
      const row = document.createElement('tr');
      cell(row, label('labelNone')).colSpan = 7;
      body.appendChild(row);
    }
    list.dossiers.forEach((d) => {
      const row = document.createElement('tr');
      cell(row, d.code, true);
      cell(row, d.procedureName);
      cell(row, d.applicantName);
      cell(row, d.lateness === 'OVERDUE' ? label('labelOverdueStatus') : label('labelAtRiskStatus'));
      cell(row, new Date(d.dueAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN',
          {timeZone: document.documentElement.dataset.zone}));
      cell(row, d.currentStep);
      cell(row, d.currentHolder);
      body.appendChild(row);
    });
  }

  async function load() {
    const params = filters();
    const ii06a = new URLSearchParams(params);
    if (form.procedure.value) {
      ii06a.set('procedure', form.procedure.value);
    }
    status.textContent = '';
    main.setAttribute('aria-busy', 'true');
    try {
      const rankingParams = new URLSearchParams(params);
      rankingParams.delete('unit');
      const [report, rankings, fees, overdue] = await Promise.all([
        read('/api/reports/ii06a', ii06a),
        read('/api/reports/rankings', rankingParams),
        read('/api/reports/fees', params),
        form.unit.value ? read('/api/reports/overdue', new URLSearchParams({unit: form.unit.value})) : Promise.resolve(null)
      ]);
      showIi06a(report);
      showRankings(rankings);
      showFees(fees);
      showOverdue(overdue);
      main.dataset.loaded = 'true';
    } catch (e) {
      status.textContent = label('labelError') + ' ' + e.message;
      main.dataset.loaded = 'error';
    } finally {
      main.removeAttribute('aria-busy');
    }
  }

  form.period.addEventListener('change', () => { showPeriodFields(); downloads(); });
  form.addEventListener('change', downloads);
  showPeriodFields();
  downloads();
  load();
}());
