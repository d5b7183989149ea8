// The dossier beside every task: a tab "Hồ sơ" in Tasklist's task detail (plugin point
// tasklist.task.detail), for every task of every procedure. It reads the task's dossierCode
// (set on every task by vn.motcua.worklist.TaskCards) and then motcua's own API with the session of
// Camunda's login (vn.motcua.security.WebappSessions lets those reads through).

const TEXT = {
  tab: 'Hồ sơ',
  loading: 'Đang tải hồ sơ…',
  noDossier: 'Công việc này không thuộc hồ sơ nào.',
  failed: 'Không tải được hồ sơ',
  code: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  version: 'phiên bản',
  applicant: 'Người nộp',
  channel: 'Hình thức nộp',
  resultChannel: 'Nhận kết quả',
  status: 'Trạng thái',
  receivedAt: 'Tiếp nhận lúc',
  dueAt: 'Hẹn trả kết quả',
  stepDue: 'Hạn của bước này',
  late: 'Quá hạn',
  newAppointment: 'Hẹn lại ngày',
  currentStep: 'Đang ở bước',
  documents: 'Thành phần hồ sơ',
  reusedFrom: 'Dùng lại từ hồ sơ',
  noDocuments: 'Chưa có giấy tờ nào.',
  preview: 'Xem',
  download: 'Tải xuống',
  controlSheet: 'Phiếu kiểm soát quá trình',
  result: 'Văn bản kết quả (dự thảo)',
  noResult: 'Chưa soạn văn bản kết quả.',
  openResult: 'Mở văn bản dự thảo',
  sha256: 'Mã kiểm tra SHA-256',
  draftedBy: 'Soạn bởi',
  approvedBy: 'Phê duyệt bởi',
  awaitingApproval: 'Chờ lãnh đạo phê duyệt',
  draftNote: 'Ghi chú của chuyên viên',
  ownSlots: {'result-draft': 'Dự thảo văn bản kết quả', result: 'Kết quả đã ban hành (có chữ ký số)'},
  fee: 'Phí, lệ phí',
  feeUnknown: 'Chưa xác định',
  when: 'Thời điểm', event: 'Nội dung', from: 'Từ', to: 'Đến', actor: 'Người thực hiện', outcome: 'Kết quả', note: 'Ghi chú',
  channels: {ONLINE: 'Trực tuyến', COUNTER: 'Tại bộ phận một cửa', POST: 'Qua bưu chính'},
  statuses: {
    SUBMITTED: 'Mới nộp', AWAITING_SUPPLEMENT: 'Chờ bổ sung', AWAITING_PAYMENT: 'Chờ nộp phí', IN_PROGRESS: 'Đang giải quyết',
    AWAITING_RESULT_RETURN: 'Chờ trả kết quả', RESULT_RETURNED: 'Đã trả kết quả', REFUSED: 'Từ chối tiếp nhận',
    CLOSED_WITHOUT_SUPPLEMENT: 'Đóng do không bổ sung', CLOSED_WITHOUT_PAYMENT: 'Đóng do không nộp phí'
  },
  feeStatuses: {DUE: 'Chưa nộp', PAID: 'Đã nộp', NONE: 'Không thu'},
  events: {
    SUBMITTED: 'Nộp hồ sơ', HANDED_OVER: 'Chuyển xử lý', STEP_COMPLETED: 'Hoàn thành bước', ACCEPTED: 'Tiếp nhận',
    SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung', SUPPLEMENT_RECEIVED: 'Nhận bổ sung', CLOSED_WITHOUT_SUPPLEMENT: 'Đóng do không bổ sung',
    REFUSED: 'Từ chối', DECIDED: 'Quyết định', RESULT_RETURNED: 'Trả kết quả', PAYMENT_REQUESTED: 'Yêu cầu nộp phí',
    PAYMENT_REMINDED: 'Nhắc nộp phí', PAYMENT_RECEIVED: 'Đã nộp phí', CLOSED_WITHOUT_PAYMENT: 'Đóng do không nộp phí',
    DEADLINE_SET: 'Đặt thời hạn', CLOCK_PAUSED: 'Tạm dừng tính hạn', CLOCK_RESUMED: 'Tiếp tục tính hạn',
    CLOCK_RESTARTED: 'Tính lại thời hạn', DEADLINE_WARNING: 'Cảnh báo sắp đến hạn', OVERDUE: 'Quá hạn',
    TASK_REASSIGNED: 'Giao lại', TASK_EXPEDITED: 'Đôn đốc', APOLOGY_ISSUED: 'Phiếu xin lỗi'
  }
};

// The agency's zone: the same in every browser that opens the panel.
const ZONE = 'Asia/Ho_Chi_Minh';
const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hour12: false
});

function time(value) {
  return value ? TIME.format(new Date(value)) : '';
}

function size(bytes) {
  if (bytes >= 1024 * 1024) {
    return (bytes / 1024 / 1024).toFixed(1).replace('.', ',') + ' MB';
  }
  return Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter((child) => child !== null && child !== undefined).forEach((child) => {
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

async function read(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(url + ': ' + response.status);
  }
  return response.json();
}

async function dossierCode(engineApi, taskId) {
  const response = await fetch(`${engineApi}/task/${encodeURIComponent(taskId)}/localVariables/dossierCode`,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error('dossierCode: ' + response.status);
  }
  return (await response.json()).value;
}

function facts(rows) {
  const list = element('dl', {class: 'dl-horizontal motcua-facts'});
  rows.filter(([, value]) => value).forEach(([label, value, name]) => {
    list.appendChild(element('dt', {}, label));
    list.appendChild(element('dd', name ? {'data-fact': name} : {}, value));
  });
  return list;
}

function documentsTable(code, documents, slotNames) {
  if (!documents.length) {
    return element('p', {}, TEXT.noDocuments);
  }
  const body = element('tbody');
  documents.forEach((document) => {
    const link = `/api/dossiers/${encodeURIComponent(code)}/documents/${document.id}`;
    const viewable = ['PDF', 'JPEG', 'PNG'].includes(document.type);
    body.appendChild(element('tr', {'data-document': String(document.id)},
      element('td', {}, slotNames[document.slot] || document.slot),
      element('td', {}, document.reusedFrom
        ? element('span', {}, document.name, element('br', {}),
          element('small', {class: 'motcua-reused'}, TEXT.reusedFrom + ' ' + document.reusedFrom.dossierCode))
        : document.name),
      element('td', {}, document.type),
      element('td', {}, size(document.size)),
      element('td', {}, time(document.uploadedAt)),
      element('td', {},
        viewable ? element('a', {href: link + '?inline=true', target: '_blank', rel: 'noopener', class: 'preview'}, TEXT.preview) : null,
        viewable ? ' · ' : null,
        element('a', {href: link, class: 'download'}, TEXT.download))));
  });
  return element('table', {class: 'table table-condensed motcua-documents'},
    element('thead', {}, element('tr', {}, ...['Loại giấy tờ', 'Tệp', 'Định dạng', 'Dung lượng', 'Nộp lúc', ''].map((h) => element('th', {}, h)))),
    body);
}

function controlSheetTable(rows) {
  const body = element('tbody');
  rows.forEach((row) => {
    body.appendChild(element('tr', {},
      element('td', {}, time(row.occurredAt)),
      element('td', {}, (TEXT.events[row.type] || row.type) + (row.stepName ? ': ' + row.stepName : '')),
      element('td', {}, row.from || ''),
      element('td', {}, row.to || ''),
      element('td', {}, row.actor || ''),
      element('td', {}, row.outcome || ''),
      element('td', {}, row.note || '')));
  });
  return element('table', {class: 'table table-condensed motcua-control-sheet'},
    element('thead', {}, element('tr', {}, ...[TEXT.when, TEXT.event, TEXT.from, TEXT.to, TEXT.actor, TEXT.outcome, TEXT.note]
      .map((h) => element('th', {}, h)))),
    body);
}

// The draft in force: what the head approves, byte for byte (its SHA-256 is on the approval form too).
function resultSection(code, drafts) {
  const draft = drafts.filter((d) => !d.supersededAt).pop();
  if (!draft) {
    return element('p', {}, TEXT.noResult);
  }
  const link = `/api/dossiers/${encodeURIComponent(code)}/documents/${draft.documentId}`;
  return element('div', {class: 'motcua-result-draft', 'data-draft': String(draft.id)},
    element('p', {}, element('a', {href: link + '?inline=true', target: '_blank', rel: 'noopener', class: 'result-draft'},
      TEXT.openResult)),
    facts([
      [TEXT.sha256, draft.sha256, 'sha256'],
      [TEXT.draftedBy, `${draft.draftedBy} · ${time(draft.draftedAt)}`, 'draftedBy'],
      [TEXT.draftNote, draft.note, 'draftNote'],
      [TEXT.approvedBy, draft.approvedAt ? `${draft.approvedBy} · ${time(draft.approvedAt)}` : TEXT.awaitingApproval, 'approvedBy']
    ]));
}

function feeText(fee) {
  if (!fee || !fee.fee) {
    return TEXT.feeUnknown;
  }
  const amount = new Intl.NumberFormat('vi-VN').format(fee.fee.amount) + ' đồng';
  return `${amount} · ${TEXT.feeStatuses[fee.fee.status] || fee.fee.status}`;
}

async function render(node, engineApi, taskId) {
  node.replaceChildren(element('p', {}, TEXT.loading));
  try {
    const code = await dossierCode(engineApi, taskId);
    if (!code) {
      node.replaceChildren(element('p', {}, TEXT.noDossier));
      return;
    }
    const encoded = encodeURIComponent(code);
    const task = await read(`${engineApi}/task/${encodeURIComponent(taskId)}`);
    const [dossier, documents, drafts] = await Promise.all([
      read(`/api/dossiers/${encoded}`),
      read(`/api/dossiers/${encoded}/documents`),
      read(`/api/dossiers/${encoded}/result-drafts`)
    ]);
    // The fee exists once the dossier is accepted (assessed with the receipt); asking before would
    // assess it from the values as submitted.
    const [fee, procedure] = await Promise.all([
      dossier.acceptedAt ? read(`/api/payments/${encoded}`).catch(() => null) : Promise.resolve(null),
      read(`/api/procedures/${encodeURIComponent(dossier.procedure.key)}`).catch(() => null)
    ]);
    const slotNames = Object.assign({}, TEXT.ownSlots,
      Object.fromEntries(((procedure && procedure.documents) || []).map((slot) => [slot.id, slot.name])));
    const deadline = dossier.deadline || {};
    node.replaceChildren(element('div', {class: 'motcua-dossier-panel', 'data-dossier': code},
      facts([
        [TEXT.code, dossier.code, 'code'],
        [TEXT.procedure, `${dossier.procedure.code} ${dossier.procedure.name} (${TEXT.version} ${dossier.procedure.version})`, 'procedure'],
        [TEXT.applicant, [dossier.applicant && dossier.applicant.name, dossier.applicant && dossier.applicant.phone]
          .filter(Boolean).join(' · '), 'applicant'],
        [TEXT.channel, TEXT.channels[dossier.channel] || dossier.channel, 'channel'],
        [TEXT.resultChannel, TEXT.channels[dossier.resultChannel] || dossier.resultChannel, 'resultChannel'],
        [TEXT.status, TEXT.statuses[dossier.status] || dossier.status, 'status'],
        [TEXT.receivedAt, time(dossier.receivedAt), 'receivedAt'],
        [TEXT.dueAt, time(dossier.dueAt) + (deadline.late ? ' · ' + TEXT.late : ''), 'dueAt'],
        [TEXT.newAppointment, deadline.newAppointmentDate, 'newAppointment'],
        [TEXT.stepDue, time(task.due), 'stepDue'],
        [TEXT.currentStep, [dossier.currentStep, dossier.currentHolder].filter(Boolean).join(' · '), 'currentStep'],
        [TEXT.fee, feeText(fee), 'fee']
      ]),
      element('h4', {}, TEXT.documents),
      documentsTable(code, documents, slotNames),
      element('h4', {}, TEXT.result),
      resultSection(code, drafts),
      element('h4', {}, TEXT.controlSheet),
      controlSheetTable(dossier.controlSheet || [])));
  } catch (error) {
    node.replaceChildren(element('p', {class: 'text-danger'}, `${TEXT.failed}: ${error.message}`));
  }
}

export default {
  id: 'motcua-dossier-panel',
  pluginPoint: 'tasklist.task.detail',
  // After the form (Tasklist's own tabs come first), before history and diagram.
  priority: 900,
  properties: {
    label: TEXT.tab
  },
  render: (node, {api, taskId}) => {
    render(node, api.engineApi, taskId);
  }
};
