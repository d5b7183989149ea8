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
  const form = new Form({ container: page.querySelector('.form-js') });
  await form.importSchema(withServerPhoneRule(await response.json()));
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
  if (Object.keys(errors).length > 0) {
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
    data
  })], { type: 'application/json' }));
  for (const input of page.querySelectorAll('input[type=file][data-slot]')) {
    for (const file of input.files) {
      body.append(input.dataset.slot, file, file.name);
    }
  }
  const button = page.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const response = await fetch('/api/dossiers', {
      method: 'POST',
      body,
      headers: {
        Accept: 'application/json',
        'Accept-Language': document.documentElement.lang,
        'Idempotency-Key': idempotencyKey,
        'X-MOTCUA-XSRF': csrfToken()
      }
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201 || response.status === 200) {
      openReceipt(page, answer.code, answer.lookupSecret);
      return;
    }
    showViolations(page, form, answer);
  } catch (error) {
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
