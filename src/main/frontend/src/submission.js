// The submission page: renders the procedure's Camunda Form with form-js, sends the values and the
// documents as one multipart request to POST /api/dossiers, and shows the server's violations next
// to the field, unit, result channel or document slot they concern.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

// One key per filled-in form: a retry after a lost answer gets the same dossier, not a second one.
const idempotencyKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

// The CSRF token the server left in a cookie: an officer's session (the counter) needs it on every post.
function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('MOTCUA-XSRF='));
  return cookie ? decodeURIComponent(cookie.slice('MOTCUA-XSRF='.length)) : '';
}

const page = document.getElementById('submission');
if (page) {
  start(page).catch((error) => showProblems(page, [page.dataset.loadFailed + ' (' + error.message + ')']));
}

async function start(page) {
  const response = await fetch('/api/procedures/' + encodeURIComponent(page.dataset.procedure) + '/submission-form');
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  datesAsThePageWritesThem(document.documentElement.lang);
  const form = new Form({
    container: page.querySelector('.form-js'),
    additionalModules: [pageMessagesModule(page.dataset)]
  });
  const schema = inPageLanguage(withServerPhoneRule(await response.json()), document.documentElement.lang);
  await form.importSchema(schema, prefill(page));
  watchUploads(page);
  page.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(page, form);
  });
  const fee = page.querySelector('#fee-quote');
  if (fee) {
    let pending;
    const quote = (data) => {
      clearTimeout(pending);
      pending = setTimeout(() => showFee(page, fee, data), 400);
    };
    form.on('changed', ({ data }) => quote(data));
    quote({});
  }
  page.querySelector('button[type=submit]').disabled = false;
}

// form-js checks a "phone" field as an international number (+84...) only, while the server
// (vn.motcua.forms.FormValidator) also accepts national numbers such as 0912 345 678, which is how
// people write them here: the browser is given the server's rule, which stays the one that decides.
const SERVER_PHONE_PATTERN = '^\\+?[0-9 ().-]{8,20}$';

function withServerPhoneRule(schema) {
  const visit = (components) => (components || []).forEach((component) => {
    const validate = component.validate;
    if (validate && validate.validationType === 'phone') {
      delete validate.validationType;
      validate.pattern = validate.pattern || SERVER_PHONE_PATTERN;
    }
    visit(component.components);
  });
  visit(schema.components);
  return schema;
}

// Our forms label every field "Tiếng Việt / English" for the officers' Tasklist, which has no
// language of its own; the citizen's page shows the half in its language, so that a label fits a
// phone's width instead of being cut.
function inPageLanguage(schema, lang) {
  const half = (text) => {
    if (typeof text !== 'string') {
      return text;
    }
    const parts = text.split(' / ');
    if (parts.length !== 2) {
      return text;
    }
    const heading = parts[0].match(/^(#+\s*)/);
    return lang === 'en' ? (heading ? heading[1] : '') + parts[1].trim() : parts[0].trim();
  };
  const visit = (components) => (components || []).forEach((component) => {
    for (const property of ['label', 'dateLabel', 'timeLabel', 'description', 'text']) {
      component[property] = half(component[property]);
    }
    (component.values || []).forEach((option) => { option.label = half(option.label); });
    visit(component.components);
  });
  visit(schema.components);
  return schema;
}

// form-js writes dates in the browser's default locale (mm/dd/yyyy in an American browser). The
// page's language decides instead: Vietnamese and British English both write dd/mm/yyyy. Only
// calls that ask for the default locale are changed; the value sent stays ISO (yyyy-mm-dd).
function datesAsThePageWritesThem(lang) {
  const Native = Intl.DateTimeFormat;
  if (Native.pageLocale) {
    return;
  }
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  function PageDateTimeFormat(locales, options) {
    return new Native(locales === undefined || locales === 'default' ? locale : locales, options);
  }
  PageDateTimeFormat.prototype = Native.prototype;
  PageDateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf;
  PageDateTimeFormat.pageLocale = locale;
  Intl.DateTimeFormat = PageDateTimeFormat;
}

// form-js 1.15 has no translations for its validation messages: its validator is wrapped so that
// each English message is replaced by the page's own text (from messages.properties, in the form's
// data attributes), worded for people: no regular expression, no internal names.
const DIGITS_PATTERN = /^\^(?:\[0-9\]|\\d)\{(\d+)(?:,(\d+))?\}\$$/;
const ENGLISH_MESSAGES = [
  [/^Field is required\.$/, () => ['msgRequired']],
  [/^Field must match pattern (.*)\.$/, (m) => {
    if (m[1] === SERVER_PHONE_PATTERN) {
      return ['msgPhone'];
    }
    const digits = m[1].match(DIGITS_PATTERN);
    if (digits) {
      return digits[2] ? ['msgDigitsRange', digits[1], digits[2]] : ['msgDigits', digits[1]];
    }
    return ['msgPattern'];
  }],
  [/^Field must have minimum value of (.*)\.$/, (m) => ['msgMin', m[1]]],
  [/^Field must have maximum value of (.*)\.$/, (m) => ['msgMax', m[1]]],
  [/^Field must have minimum length of (.*)\.$/, (m) => ['msgMinLength', m[1]]],
  [/^Field must have maximum length of (.*)\.$/, (m) => ['msgMaxLength', m[1]]],
  [/^Field must be a valid\s+international phone number/, () => ['msgPhone']],
  [/^Field must be a valid email\.$/, () => ['msgEmail']],
  [/^Value is not a number\.$/, () => ['msgNumber']],
  [/^Value is expected to be an integer\.$/, () => ['msgInteger']],
  [/^Value is expected to have at most (\d+) decimal/, (m) => ['msgDecimals', m[1]]],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, (m) => ['msgIncrement', m[1], m[2]]]
];

function pageMessage(texts, english) {
  for (const [pattern, toKey] of ENGLISH_MESSAGES) {
    const match = english.match(pattern);
    if (match) {
      const [key, ...values] = toKey(match);
      return fill(texts[key] || english, values);
    }
  }
  return english;
}

function fill(text, values) {
  return values.reduce((result, value, i) => result.split('{' + i + '}').join(value), text);
}

function pageMessagesModule(texts) {
  function PageMessages(validator) {
    for (const method of ['validateField', 'validateFieldInstance']) {
      const original = validator[method].bind(validator);
      validator[method] = (...args) => original(...args).map((message) => pageMessage(texts, message));
    }
  }
  PageMessages.$inject = ['validator'];
  return { __init__: ['pageMessages'], pageMessages: ['type', PageMessages] };
}

// A logged-in citizen's form starts with what the identity provider vouched for (name, number, ...),
// given by the server as data-prefill; the citizen may still correct what is not fixed by law.
function prefill(page) {
  try {
    return page.dataset.prefill ? JSON.parse(page.dataset.prefill) : {};
  } catch (e) {
    return {};
  }
}

// Each chosen file is checked against its slot before anything is sent, so that nobody waits for a
// 10 MB upload to be told it was too large or of the wrong type. The server checks again.
function uploadProblems(page, input) {
  const problems = [];
  const max = Number(input.dataset.maxBytes || 0);
  const accepted = (input.getAttribute('accept') || '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  for (const file of input.files) {
    const name = file.name.toLowerCase();
    if (accepted.length && !accepted.some((extension) => name.endsWith(extension))) {
      problems.push(fill(page.dataset.msgFileType, [file.name, accepted.join(', ')]));
    } else if (max && file.size > max) {
      problems.push(fill(page.dataset.msgFileSize, [file.name, input.dataset.maxSize]));
    }
  }
  return problems;
}

function showUploadProblems(page, input) {
  const problems = uploadProblems(page, input);
  const slot = page.querySelector('[data-error-for="' + CSS.escape(input.dataset.slot) + '"]');
  slot.textContent = problems.join(' ');
  slot.hidden = problems.length === 0;
  return problems;
}

function watchUploads(page) {
  for (const input of page.querySelectorAll('input[type=file][data-slot]')) {
    input.addEventListener('change', () => showUploadProblems(page, input));
  }
}

// The papers of earlier dossiers a logged-in citizen chose, by slot: sent by reference, not uploaded.
function chosenPapers(page) {
  const reuse = {};
  for (const choice of page.querySelectorAll('input[type=radio][data-reuse-slot]:checked')) {
    reuse[choice.dataset.reuseSlot] = Number(choice.value);
  }
  return reuse;
}

// fetch() cannot report upload progress; XMLHttpRequest can.
function send(url, body, headers, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    for (const [name, value] of Object.entries(headers)) {
      request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    });
    request.addEventListener('load', () => {
      let answer = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch (e) {
        answer = {};
      }
      resolve({ status: request.status, answer });
    });
    request.addEventListener('error', () => reject(new Error('HTTP ' + request.status)));
    request.send(body);
  });
}

// The fee as the server works it out from the values so far (fixed part, fee table, exemptions); nothing
// while the values do not decide one yet (a page count still missing).
async function showFee(page, element, data) {
  const response = await fetch('/api/procedures/' + encodeURIComponent(page.dataset.procedure) + '/fee-quote', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-MOTCUA-XSRF': csrfToken() },
    body: JSON.stringify({ data })
  });
  if (!response.ok) {
    element.textContent = '';
    return;
  }
  const quote = await response.json();
  element.textContent = element.dataset.label + ': ' + (quote.exemptionReason
    ? element.dataset.exempt + ' (' + quote.exemptionReason + ')'
    : new Intl.NumberFormat('vi-VN').format(quote.amount) + ' đ');
}

async function submit(page, form) {
  clearProblems(page, form);
  const { data, errors } = form.submit();
  const fileInputs = [...page.querySelectorAll('input[type=file][data-slot]')];
  const uploadsRefused = fileInputs.map((input) => showUploadProblems(page, input)).some((p) => p.length > 0);
  const reuse = chosenPapers(page);
  const consent = page.querySelector('#reuse-consent');
  const consentMissing = Object.keys(reuse).length > 0 && !(consent && consent.checked);
  if (consentMissing) {
    const error = page.querySelector('[data-error-for="reuseConsent"]');
    error.textContent = page.dataset.msgConsent;
    error.hidden = false;
  }
  if (Object.keys(errors).length > 0 || uploadsRefused || consentMissing) {
    showProblems(page, [page.dataset.fixFields]);
    return;
  }
  const fields = page.elements;
  const body = new FormData();
  body.append('submission', new Blob([JSON.stringify({
    procedureKey: page.dataset.procedure,
    unitCode: fields.unitCode.value,
    channel: fields.channel.value,
    // At the desk, ONLINE is a citizen's online submission the officer helps with: counted online, officer named.
    ...(page.dataset.desk === 'true' && fields.channel.value === 'ONLINE' ? { assistedAtDesk: true } : {}),
    resultChannel: fields.resultChannel.value,
    data,
    ...(Object.keys(reuse).length > 0 ? { reuse, reuseConsent: true } : {})
  })], { type: 'application/json' }));
  for (const input of fileInputs) {
    for (const file of input.files) {
      body.append(input.dataset.slot, file, file.name);
    }
  }
  const button = page.querySelector('button[type=submit]');
  const progress = page.querySelector('.upload-progress');
  const showProgress = (percent) => {
    progress.hidden = false;
    progress.querySelector('progress').value = percent;
    progress.querySelector('span').textContent = fill(page.dataset.msgProgress, [percent]);
  };
  button.disabled = true;
  showProgress(0);
  try {
    const { status, answer } = await send('/api/dossiers', body, {
      Accept: 'application/json',
      'Accept-Language': document.documentElement.lang,
      'Idempotency-Key': idempotencyKey,
      'X-MOTCUA-XSRF': csrfToken()
    }, showProgress);
    if (status === 201 || status === 200) {
      openReceipt(page, answer.code, answer.lookupSecret);
      return;
    }
    progress.hidden = true;
    showViolations(page, form, answer);
  } catch (error) {
    progress.hidden = true;
    showProblems(page, [page.dataset.sendFailed + ' (' + error.message + ')']);
  } finally {
    button.disabled = false;
  }
}

// The receipt page is rendered by the server from a POST, so the secret never appears in a URL.
function openReceipt(page, code, secret) {
  const receipt = document.createElement('form');
  receipt.method = 'post';
  receipt.action = page.dataset.receipt;
  for (const [name, value] of Object.entries({ code, secret, _csrf: csrfToken() })) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    receipt.appendChild(input);
  }
  document.body.appendChild(receipt);
  receipt.submit();
}

function showViolations(page, form, problem) {
  const general = [];
  const formErrors = {};
  const fieldIds = fieldIdsByKey(form);
  for (const violation of problem.violations || []) {
    const key = (violation.field || '').replace(/^(data|submission|documents)\./, '');
    const slot = page.querySelector('[data-error-for="' + CSS.escape(key) + '"]');
    if (slot) {
      slot.textContent = violation.message;
      slot.hidden = false;
    } else if (fieldIds[key]) {
      formErrors[fieldIds[key]] = [violation.message];
    } else {
      general.push(violation.message);
    }
  }
  if (Object.keys(formErrors).length > 0) {
    // form-js keeps field errors in its state; setting them shows each under its field.
    form._setState({ errors: formErrors });
  }
  if (general.length === 0 && !(problem.violations || []).length) {
    general.push(problem.detail || problem.title || page.dataset.sendFailed);
  }
  showProblems(page, general.length ? general : [page.dataset.fixFields]);
}

function fieldIdsByKey(form) {
  const ids = {};
  for (const field of form.get('formFieldRegistry').getAll()) {
    if (field.key) {
      ids[field.key] = field.id;
    }
  }
  return ids;
}

function showProblems(page, messages) {
  const box = page.querySelector('.problems');
  box.replaceChildren(...messages.map((message) => {
    const item = document.createElement('li');
    item.textContent = message;
    return item;
  }));
  box.hidden = false;
  box.focus();
}

function clearProblems(page, form) {
  page.querySelector('.problems').hidden = true;
  for (const slot of page.querySelectorAll('[data-error-for]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  form._setState({ errors: {} });
}
