// The Tributary web console: plain JavaScript over the admin API (/api/v1), no build step.
// The API key the admin signs in with lives in sessionStorage (gone when the tab closes) and travels only in the
// X-Api-Key header, never in a URL. Every value from the API is put on the page as text, never as HTML.

const KEY_STORAGE = 'tributary.apiKey';
const POLL_MS = 1000;
const view = document.getElementById('view');
let me = null;
let renderToken = 0; // bumped on every navigation: a poll of an older view stops when it sees a newer token

// ---- DOM ----------------------------------------------------------------------------------------------------

/** An element: h('button', {class: 'primary', onclick: f}, 'Save'). Children are nodes or text. */
function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

function table(headers, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, headers.map(title => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(cell => h('td', {}, cell))))));
}

/** A point in time in the browser's zone, or in {@code zone} (a schedule's) with the zone's name. */
function when(iso, zone) {
  if (!iso) return '–';
  const options = zone ? { timeZone: zone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : { dateStyle: 'medium', timeStyle: 'medium' };
  return h('time', { datetime: iso, title: iso }, new Date(iso).toLocaleString(undefined, options));
}

function badge(text, kind) {
  return h('span', { class: 'badge ' + (kind || text.toLowerCase()) }, text);
}

function errorBox(error) {
  const box = h('div', { class: 'error', role: 'alert' }, error.message);
  if (error.problems && error.problems.length) {
    box.append(h('ul', {}, error.problems.map(p => h('li', {}, p.field + ': ' + p.message))));
  }
  return box;
}

function field(label, input, hint) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  const parts = [h('label', { for: id }, label), input];
  if (hint) {
    const hintId = id + '-hint';
    input.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  parts.push(h('small', { class: 'field-error', 'data-error-for': input.name || '' }));
  return h('div', { class: 'field' }, parts);
}

function showProblems(form, error) {
  form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  for (const problem of (error.problems || [])) {
    const slot = form.querySelector(`.field-error[data-error-for="${CSS.escape(problem.field)}"]`);
    if (slot) slot.textContent = problem.message;
  }
}

// ---- API ----------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || ('The API answered ' + status + '.'));
    this.status = status;
    this.problems = (body && body.problems) || [];
  }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Api-Key': sessionStorage.getItem(KEY_STORAGE) || '' };
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch('/api/v1' + path, init);
  } catch (e) {
    throw new ApiError(0, { error: 'The daemon cannot be reached; is it still running?' });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
  if (response.status === 401 && path !== '/me') {
    signOut('Your API key is no longer accepted (revoked?): sign in again.');
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return pairs.length ? '?' + new URLSearchParams(pairs).toString() : '';
}

const may = method => me && me.methods.includes(method);

// ---- sign-in and navigation -----------------------------------------------------------------------------------

const SECTIONS = [
  ['connections', 'connections.read'], ['runs', 'runs.read'], ['products', 'products.read'],
  ['orders', 'orders.read'], ['customers', 'customers.read'], ['keys', 'keys.read']];

async function signIn(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  try {
    me = await api('GET', '/me');
  } catch (e) {
    sessionStorage.removeItem(KEY_STORAGE);
    throw e.status === 401 ? new Error('This key is not accepted: it is unknown or revoked.') : e;
  }
  document.getElementById('who-name').textContent = 'Signed in as ' + me.name
    + (me.accessType === 'ALL_STORES' ? ' (all stores)' : ' (' + me.stores.join(', ') + ')');
  for (const [section, method] of SECTIONS) {
    document.querySelector(`#nav a[data-section="${section}"]`).hidden = !may(method);
  }
  document.getElementById('sign-in').hidden = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  view.hidden = false;
  const first = SECTIONS.find(([, method]) => may(method));
  if (!location.hash || location.hash === '#/') location.hash = '#/' + (first ? first[0] : 'connections');
  else render();
}

function signOut(message) {
  sessionStorage.removeItem(KEY_STORAGE);
  me = null;
  renderToken++;
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  view.hidden = true;
  view.replaceChildren();
  document.getElementById('sign-in').hidden = false;
  document.getElementById('sign-in-error').textContent = message || '';
  document.getElementById('sign-in-key').value = '';
  document.getElementById('sign-in-key').focus();
}

const ROUTES = [
  [/^#\/connections$/, () => connectionsView()],
  [/^#\/connections\/new$/, () => connectionForm(null)],
  [/^#\/connections\/(\d+)$/, (m, token) => connectionView(m[1], token)],
  [/^#\/connections\/(\d+)\/edit$/, m => connectionForm(m[1])],
  [/^#\/runs$/, () => runsView()],
  [/^#\/products$/, () => recordsView('products')],
  [/^#\/orders$/, () => recordsView('orders')],
  [/^#\/orders\/(\d+(?::|%3A)[^/]+)$/i, m => orderView(decodeURIComponent(m[1]))], // the colon as typed or encoded
  [/^#\/customers$/, () => customersView()],
  [/^#\/customers\/(\d+)$/, m => customerView(m[1])],
  [/^#\/keys$/, () => keysView()],
];

async function render() {
  if (!me) return;
  const token = ++renderToken;
  const hash = location.hash || '#/connections';
  document.querySelectorAll('#nav a').forEach(a => {
    if ((hash + '/').startsWith(a.getAttribute('href') + '/') || hash.startsWith(a.getAttribute('href') + '?')) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  const path = hash.split('?')[0]; // a page's filters follow '?' and are read by the page itself
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  let content;
  if (!SECTIONS.some(([, method]) => may(method))) {
    view.replaceChildren(h('section', { class: 'card' }, h('h1', {}, 'Nothing to show for this key'),
      h('p', {}, 'The key “' + me.name + '” may call ' + me.methods.join(', ') + ' through the API (/api/v1), '
        + 'but none of the console’s pages.')));
    return;
  }
  try {
    content = route ? await route[1](path.match(route[0]), token) : h('p', {}, 'There is no page at ' + hash + '.');
  } catch (e) {
    content = h('section', {}, errorBox(e));
  }
  if (token === renderToken) {
    view.replaceChildren(content);
  }
}

// ---- connections ----------------------------------------------------------------------------------------------

let systemsCache = null;
const systems = async () => systemsCache || (systemsCache = await api('GET', '/systems'));

function health(connection) {
  return connection.failing ? badge('Failing', 'failed') : badge('OK', 'ok');
}

function runSummary(run) {
  if (!run) return 'never';
  return h('span', {}, badge(run.outcome), ' ', run.entity, ' ', when(run.finishedAt || run.startedAt));
}

async function connectionsView() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const [list, known, stores] = await Promise.all([
    api('GET', '/connections' + query({ system: params.get('system'), store: params.get('store') })),
    systems(), api('GET', '/stores')]);
  const filter = h('form', { class: 'filters', 'aria-label': 'Filter connections' },
    field('System', h('select', { name: 'system' }, h('option', { value: '' }, 'All systems'),
      known.map(s => h('option', { value: s.system, selected: s.system === params.get('system') }, s.name)))),
    field('Store', h('select', { name: 'store' }, h('option', { value: '' }, 'All stores'),
      stores.map(s => h('option', { value: s.code, selected: s.code === params.get('store') }, s.name)))));
  filter.addEventListener('change', () => {
    const data = new FormData(filter);
    location.hash = '#/connections' + query({ system: data.get('system'), store: data.get('store') });
  });
  const rows = list.map(c => [h('a', { href: '#/connections/' + c.id }, c.name), c.system, c.store,
    c.enabled ? 'yes' : 'no', runSummary(c.lastRun), health(c)]);
  return h('section', {},
    h('div', { class: 'title' }, h('h1', {}, 'Connections'),
      may('connections.write') && h('a', { class: 'button primary', href: '#/connections/new' }, 'New connection')),
    filter,
    table(['Name', 'System', 'Store', 'Enabled', 'Last run', 'Health'], rows,
      'No connections yet: add one with “New connection”.'));
}

function verificationBox(result) {
  const box = h('div', { class: 'verification ' + (result.ok ? 'ok' : 'failed'), role: 'status' },
    badge(result.kind, result.ok ? 'ok' : 'failed'), ' ', result.message);
  if (result.httpStatus) box.append(h('small', {}, ' (HTTP ' + result.httpStatus + ', ' + result.latencyMs + ' ms)'));
  return box;
}

async function connectionForm(id) {
  const [known, stores, existing] = await Promise.all([systems(), api('GET', '/stores'),
    id ? api('GET', '/connections/' + id) : Promise.resolve(null)]);
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': existing ? 'Edit connection' : 'New connection' });
  const systemSelect = h('select', { name: 'system', required: true, disabled: !!existing },
    h('option', { value: '' }, 'Choose a system…'),
    known.map(s => h('option', { value: s.system, selected: existing && existing.system === s.system }, s.name)));
  const name = h('input', { name: 'name', required: true, value: existing ? existing.name : '' });
  const store = h('select', { name: 'store' }, stores.map(s => h('option', {
    value: s.code, selected: existing ? existing.store === s.code : s.code === 'default' }, s.name + ' (' + s.code + ')')));
  const url = h('input', { name: 'url', type: 'url', required: true, value: existing ? existing.url : '',
    placeholder: 'https://shop.example.com', spellcheck: 'false' });
  const credentials = h('fieldset', { class: 'credentials' });
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const verifyButton = h('button', { type: 'button', id: 'verify' }, 'Verify connection');
  const saveButton = h('button', { type: 'submit', class: 'primary', id: 'save', disabled: true }, 'Save');
  const anyway = h('input', { type: 'checkbox', id: 'save-anyway' });
  let verified = false;

  const drawFields = () => {
    const system = known.find(s => s.system === (existing ? existing.system : systemSelect.value));
    credentials.replaceChildren(h('legend', {}, system ? system.name + ' credentials' : 'Credentials'));
    if (!system) {
      credentials.append(h('p', { class: 'hint' }, 'Pick a system to see the credentials it issues.'));
      return;
    }
    for (const f of system.fields) {
      const stored = existing && existing.credentials[f.name];
      const input = h('input', { name: f.name, 'data-credential': f.name, type: f.secret ? 'password' : 'text',
        autocomplete: 'off', spellcheck: 'false', required: f.required && !existing,
        value: stored && !f.secret ? stored : '',
        placeholder: stored && f.secret ? 'unchanged (stored encrypted)' : '' });
      credentials.append(field(f.label + (f.required ? '' : ' (optional)'), input, f.description));
    }
  };
  const credentialValues = () => {
    const values = {};
    credentials.querySelectorAll('[data-credential]').forEach(input => {
      const secretKept = existing && input.type === 'password' && input.value === '';
      if (!secretKept && (input.value !== '' || existing)) values[input.dataset.credential] = input.value;
    });
    return values;
  };
  const refreshSave = () => { saveButton.disabled = !(verified || anyway.checked); };
  form.addEventListener('input', event => {
    if (event.target === anyway) return;
    verified = false; // what is saved must be what was verified
    refreshSave();
  });
  anyway.addEventListener('change', refreshSave);
  systemSelect.addEventListener('change', () => { drawFields(); result.replaceChildren(); });

  verifyButton.addEventListener('click', async () => {
    verifyButton.disabled = true;
    result.replaceChildren(h('p', { class: 'hint' }, 'Verifying…'));
    showProblems(form, {});
    try {
      const answer = existing
        ? await api('POST', '/connections/' + existing.id + '/verify', { url: url.value, credentials: credentialValues() })
        : await api('POST', '/connections/verify', { system: systemSelect.value, url: url.value, credentials: credentialValues() });
      verified = answer.ok;
      result.replaceChildren(verificationBox(answer));
    } catch (e) {
      verified = false;
      showProblems(form, e);
      result.replaceChildren(errorBox(e));
    } finally {
      verifyButton.disabled = false;
      refreshSave();
    }
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    saveButton.disabled = true;
    showProblems(form, {});
    const body = { name: name.value, url: url.value, store: store.value, credentials: credentialValues() };
    try {
      const saved = existing ? await api('PATCH', '/connections/' + existing.id, body)
        : await api('POST', '/connections', Object.assign({ system: systemSelect.value }, body));
      location.hash = '#/connections/' + saved.id;
    } catch (e) {
      showProblems(form, e);
      result.replaceChildren(errorBox(e));
      refreshSave();
    }
  });

  drawFields();
  form.append(
    field('System', systemSelect),
    field('Name', name, 'How this connection is called in lists and messages.'),
    field('Store', store, 'The business this connection belongs to; API keys are scoped to stores.'),
    field('API URL', url, 'The address of the shop or platform, as its admin shows it.'),
    credentials,
    h('div', { class: 'actions' }, verifyButton, saveButton,
      h('label', { class: 'inline' }, anyway, ' Save without a successful verify')),
    result);
  return h('section', {}, h('h1', {}, existing ? 'Edit ' + existing.name : 'New connection'),
    h('p', {}, 'Verify checks the credentials against the system before anything is saved.'), form);
}

async function connectionView(id, token) {
  const [connection, schedules, known] = await Promise.all([api('GET', '/connections/' + id),
    may('schedules.read') ? api('GET', '/schedules?connection=' + id) : Promise.resolve([]), systems()]);
  const system = known.find(s => s.system === connection.system);
  const status = h('div', { id: 'connection-status', 'aria-live': 'polite' });
  const details = h('dl', { class: 'details' });
  for (const pair of [['System', system ? system.name : connection.system], ['Store', connection.store],
    ['API URL', connection.url], ['Enabled', connection.enabled ? 'yes' : 'no'], ['Health', health(connection)],
    ['Last error', connection.lastError], ...Object.entries(connection.credentials)]) {
    if (pair[1] === null || pair[1] === undefined) continue;
    details.append(h('dt', {}, pair[0]), h('dd', {}, pair[1]));
  }
  const act = (label, action, attrs) => h('button', Object.assign({ type: 'button', onclick: async () => {
    try {
      await action();
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  } }, attrs || {}), label);
  const actions = h('div', { class: 'actions' },
    may('connections.write') && h('a', { class: 'button', href: '#/connections/' + id + '/edit' }, 'Edit'),
    may('connections.verify') && act('Verify connection', async () => {
      status.replaceChildren(h('p', { class: 'hint' }, 'Verifying…'));
      status.replaceChildren(verificationBox(await api('POST', '/connections/' + id + '/verify')));
    }),
    may('connections.write') && act(connection.enabled ? 'Disable' : 'Enable', async () => {
      await api('POST', '/connections/' + id + (connection.enabled ? '/disable' : '/enable'));
      render();
    }),
    may('connections.write') && act('Remove', async () => {
      if (!confirm('Remove “' + connection.name + '” with its schedules, runs and every stored record?')) return;
      await api('DELETE', '/connections/' + id);
      location.hash = '#/connections';
    }, { class: 'danger' }));

  const syncArea = h('div', { id: 'sync-progress', 'aria-live': 'polite' });
  const runsArea = h('div', {});
  const refreshRuns = async () => {
    if (!may('runs.read')) return;
    const runs = await api('GET', '/runs' + query({ connection: id, limit: 10 }));
    runsArea.replaceChildren(runsTable(runs));
  };
  const syncButtons = may('syncs.run') ? (system ? system.entities : ['products', 'orders']).map(entity =>
    h('button', { type: 'button', 'data-sync': entity, onclick: async () => {
      try {
        const run = await api('POST', '/connections/' + id + '/syncs', { entity });
        await followRun(run, syncArea, token);
        await refreshRuns();
      } catch (e) {
        syncArea.replaceChildren(errorBox(e));
      }
    } }, 'Sync ' + entity + ' now')) : [];

  await refreshRuns();
  return h('section', {},
    h('div', { class: 'title' }, h('h1', {}, connection.name), actions),
    status, details,
    h('h2', {}, 'Schedules'), schedulesPart(id, schedules),
    h('h2', {}, 'Sync now'), h('div', { class: 'actions' }, syncButtons), syncArea,
    may('runs.read') && h('h2', {}, 'Recent runs'), runsArea);
}

/** Shows a run's counts as they grow (the engine records them with every page) until it ends. */
async function followRun(run, area, token) {
  for (;;) {
    area.replaceChildren(h('p', { class: 'progress', 'data-outcome': run.outcome },
      'Run ' + run.runId + ' (' + run.entity + '): ', badge(run.outcome), ' ',
      run.read + ' read, ' + run.inserted + ' new, ' + run.updated + ' changed, ' + run.unchanged + ' unchanged',
      run.error ? ' — ' + run.error : '', (run.notes || []).map(note => h('small', { class: 'hint note' }, note))));
    if (run.outcome !== 'RUNNING' || token !== renderToken) return run;
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    run = await api('GET', '/runs/' + run.runId);
  }
}

// ---- schedules ------------------------------------------------------------------------------------------------

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

function scheduleState(s) {
  return !s.active ? badge('Inactive', 'inactive') : s.paused ? badge('Paused', 'inactive') : badge('Active', 'ok');
}

/** A sync schedule by its entity (products), a reconcile schedule as products-reconcile. */
function scheduleId(s) {
  return s.kind === 'reconcile' ? s.entity + '-reconcile' : s.entity;
}

function schedulesPart(connectionId, schedules) {
  const message = h('div', { id: 'schedule-message', 'aria-live': 'polite' });
  const rows = schedules.map(s => [s.kind === 'reconcile' ? s.entity + ' (reconcile)' : s.entity,
    s.frequency.toLowerCase() + (s.frequency === 'WEEKLY' && s.dayOfWeek ? ' on ' + s.dayOfWeek : ''),
    s.frequency === 'HOURLY' ? 'at minute ' + s.time.slice(3) : s.time + ' ' + s.zone, s.startDate, scheduleState(s),
    h('span', { 'data-next-fire': scheduleId(s) }, s.nextFireAt ? when(s.nextFireAt, s.zone) : '–'),
    may('schedules.write') ? h('button', { type: 'button', 'data-edit-schedule': scheduleId(s),
      onclick: () => openScheduleDialog(connectionId, s, message) }, 'Edit schedule') : '']);
  return h('div', {}, table(['Entity', 'Frequency', 'When', 'From', 'State', 'Next run', ''], rows,
    'This connection has no schedules.'), message);
}

function openScheduleDialog(connectionId, schedule, message) {
  const radios = ['HOURLY', 'DAILY', 'WEEKLY'].map(value => h('label', { class: 'inline' },
    h('input', { type: 'radio', name: 'frequency', value, checked: schedule.frequency === value }),
    ' ' + value.charAt(0) + value.slice(1).toLowerCase()));
  const day = h('select', { name: 'dayOfWeek' }, DAYS.map(d => h('option', { value: d,
    selected: (schedule.dayOfWeek || 'MON') === d }, d)));
  const start = h('input', { type: 'date', name: 'startDate', value: schedule.startDate, required: true });
  const time = h('input', { type: 'time', name: 'time', value: schedule.time, required: true });
  const zone = h('input', { name: 'zone', value: schedule.zone, list: 'zones', spellcheck: 'false' });
  const zones = h('datalist', { id: 'zones' },
    (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : []).map(z => h('option', { value: z })));
  const active = h('input', { type: 'checkbox', name: 'active', checked: schedule.active });
  const problems = h('div', { 'aria-live': 'polite' });
  const form = h('form', { method: 'dialog' },
    h('h2', {}, (schedule.kind === 'reconcile' ? 'Reconcile schedule of ' : 'Schedule of ') + schedule.entity),
    h('fieldset', {}, h('legend', {}, 'Frequency'), radios),
    field('Day of week', day, 'For weekly schedules.'),
    field('Start date', start), field('Time of day', time, 'For hourly schedules, the minute past each hour.'),
    field('Time zone', zone, 'A region such as Europe/Stockholm, so daylight saving is followed.'), zones,
    h('label', { class: 'inline' }, active, ' Active'),
    problems,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', value: 'save' }, 'Save schedule'),
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')));
  const dialog = h('dialog', { id: 'schedule-dialog', 'aria-label': 'Schedule of ' + schedule.entity }, form);
  const syncDay = () => { day.disabled = form.elements.frequency.value !== 'WEEKLY'; };
  form.addEventListener('change', syncDay);
  syncDay();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const frequency = form.elements.frequency.value;
    const body = { kind: schedule.kind || 'sync', frequency, time: time.value, startDate: start.value, zone: zone.value,
      active: active.checked };
    if (frequency === 'WEEKLY') body.dayOfWeek = day.value;
    try {
      const saved = await api('PUT', '/connections/' + connectionId + '/schedules/' + schedule.entity, body);
      dialog.close();
      dialog.remove();
      await render();
      const slot = document.getElementById('schedule-message');
      if (slot) {
        slot.replaceChildren(h('p', { class: 'notice' }, 'Saved: ' + saved.entity + ' ' + saved.frequency.toLowerCase()
          + (saved.nextFireAt ? '; next run ' : '; it does not run until it is active'),
        saved.nextFireAt ? when(saved.nextFireAt, saved.zone) : '', '.'));
      }
    } catch (e) {
      showProblems(form, e);
      problems.replaceChildren(errorBox(e));
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

// ---- runs -----------------------------------------------------------------------------------------------------

function routeOutcomes(run) {
  if (!run.routes || run.routes.length === 0) return '';
  return h('ul', { class: 'plain' }, run.routes.map(r => h('li', {}, 'route ' + r.routeId + ' → connection '
    + r.toConnectionId + ': ' + r.outcome + ', ' + r.posted + ' posted, ' + r.refused + ' refused, ' + r.waiting
    + ' waiting' + (r.error ? ' — ' + r.error : ''),
    r.refusals && r.refusals.length ? h('ul', {}, r.refusals.map(x => h('li', {}, 'order ' + (x.orderNumber
      || x.orderExternalId) + ': ' + x.reason))) : '')));
}

function took(run) {
  if (!run.finishedAt) return '–';
  return ((new Date(run.finishedAt) - new Date(run.startedAt)) / 1000).toFixed(1) + ' s';
}

function runsTable(runs) {
  return table(['Run', 'Connection', 'Entity', 'Trigger', 'Outcome', 'Started', 'Took', 'Read', 'New', 'Changed',
    'Unchanged', 'Error and notes', 'Routes'], runs.map(r => [String(r.runId),
    h('a', { href: '#/connections/' + r.connectionId }, String(r.connectionId)), r.entity, r.trigger, badge(r.outcome),
    when(r.startedAt), took(r), String(r.read), String(r.inserted), String(r.updated), String(r.unchanged),
    h('span', {}, r.error || '', (r.notes || []).map(note => h('small', { class: 'hint note' }, note))),
    routeOutcomes(r)]), 'No runs yet.');
}

async function runsView() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const runs = await api('GET', '/runs' + query({ connection: params.get('connection'),
    entity: params.get('entity'), limit: 100 }));
  return h('section', {}, h('h1', {}, 'Runs'), runsTable(runs));
}

// ---- products and orders --------------------------------------------------------------------------------------

const RECORDS = {
  products: {
    title: 'Products', search: ['sku', 'SKU'],
    headers: ['Connection', 'ID', 'SKU', 'Name', 'Type', 'Status', 'Price', 'Stock', 'Updated'],
    row: p => [String(p.connectionId), p.externalId, p.sku || '', p.name || '', p.type || '', p.status || '',
      p.price === null ? '' : p.price + ' ' + (p.currency || ''), p.stockQuantity ?? '', when(p.updatedAt)],
  },
  orders: {
    title: 'Orders', search: ['number', 'Order number'],
    headers: ['Connection', 'Number', 'Status', 'Total', 'Customer', 'Lines', 'Updated'],
    row: o => [String(o.connectionId), orderLink(o), o.status || '', (o.total ?? '') + ' ' + (o.currency || ''),
      customerCell(o), o.lines.map(l => l.quantity + ' × ' + (l.sku || l.name)).join(', '),
      when(o.updatedAt)],
  },
};

async function recordsView(kind) {
  const spec = RECORDS[kind];
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const connections = may('connections.read') ? await api('GET', '/connections') : [];
  const [searchName, searchLabel] = spec.search;
  const filter = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search ' + kind },
    connections.length ? field('Connection', h('select', { name: 'connection' }, h('option', { value: '' }, 'All'),
      connections.map(c => h('option', { value: c.id, selected: String(c.id) === params.get('connection') }, c.name))))
      : '',
    field(searchLabel, h('input', { name: searchName, type: 'search', value: params.get(searchName) || '' })),
    kind === 'orders' ? field('Status', h('input', { name: 'status', value: params.get('status') || '' })) : '',
    h('button', { type: 'submit' }, 'Search'));
  filter.addEventListener('submit', event => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(filter).entries());
    location.hash = '#/' + kind + query(data);
  });
  const results = h('div', { 'aria-live': 'polite' });
  const cursors = []; // the cursors of the pages before this one, for "Previous page"
  const load = async after => {
    const filters = Object.fromEntries(params.entries());
    const page = await api('GET', '/' + kind + query(Object.assign(filters, { after, limit: 50 })));
    const previous = h('button', { type: 'button', disabled: cursors.length === 0, onclick: () => load(cursors.pop()) },
      'Previous page');
    const next = h('button', { type: 'button', disabled: !page.next, onclick: () => { cursors.push(after); load(page.next); } },
      'Next page');
    results.replaceChildren(table(spec.headers, page.items.map(spec.row),
      params.toString() ? 'Nothing matches this search.' : 'No ' + kind + ' stored yet.'),
    h('div', { class: 'actions' }, previous, next));
  };
  await load(null);
  return h('section', {}, h('h1', {}, spec.title), filter, results);
}

/** An order's number, linked to its page (where its status can be changed). */
/** An order's reference, CONNECTION:EXTERNAL_ID, as a path segment: the colon kept, the external id encoded. */
function orderSegment(ref) {
  const colon = ref.indexOf(':');
  return ref.slice(0, colon + 1) + encodeURIComponent(ref.slice(colon + 1));
}

function orderLink(o) {
  return h('a', { href: '#/orders/' + orderSegment(o.connectionId + ':' + o.externalId) }, o.number || o.externalId);
}

// The statuses WooCommerce ships with and Magento's usual ones: suggestions only, a shop may have others.
const STATUS_SUGGESTIONS = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed',
  'holded', 'complete', 'closed', 'canceled', 'fraud'];

async function orderView(ref) {
  const o = await api('GET', '/orders/' + orderSegment(ref));
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Status'), h('dd', { id: 'order-status' }, o.status || '–'),
    h('dt', {}, 'Connection'), h('dd', {}, may('connections.read')
      ? h('a', { href: '#/connections/' + o.connectionId }, String(o.connectionId)) : String(o.connectionId)),
    h('dt', {}, 'ID at the source'), h('dd', {}, o.externalId),
    h('dt', {}, 'Customer'), h('dd', {}, customerCell(o) || '–',
      o.customerEmail && o.customerName ? ' <' + o.customerEmail + '>' : '', o.customerPhone ? ' ' + o.customerPhone : ''),
    h('dt', {}, 'Total'), h('dd', {}, (o.total ?? '–') + ' ' + (o.currency || '')
      + (o.refundedTotal && Number(o.refundedTotal) !== 0 ? ' (refunded ' + o.refundedTotal + ')' : '')),
    h('dt', {}, 'Ordered'), h('dd', {}, when(o.createdAt)),
    h('dt', {}, 'Changed'), h('dd', {}, when(o.updatedAt)),
    o.deletedAt ? [h('dt', {}, 'Deleted at the source'), h('dd', {}, when(o.deletedAt))] : '');
  const lines = table(['SKU', 'Name', 'Quantity', 'Unit price', 'Total'], o.lines.map(l => [l.sku || '', l.name || '',
    l.quantity ?? '', l.unitPrice ?? '', l.total ?? '']), 'No lines.');
  const writes = table(['Asked', 'By', 'From', 'To', 'Outcome', 'HTTP', 'The shop said'], o.statusWrites.map(w => [
    when(w.requestedAt), w.requestedBy, w.fromStatus || '', w.toStatus, badge(w.outcome),
    w.httpStatus === null ? '' : String(w.httpStatus), w.answer || '']),
  'No status was changed from here yet.');
  return h('section', {}, h('h1', {}, 'Order ' + (o.number || o.externalId)), facts,
    may('orders.write') && !o.deletedAt ? statusForm(ref, o) : '',
    h('h2', {}, 'Lines'), lines, h('h2', {}, 'Status changes written to the shop'), writes);
}

/** Changes the order's status: written to its shop first, changed here only when the shop took it. */
function statusForm(ref, o) {
  const input = h('input', { name: 'status', required: true, list: 'status-suggestions', value: o.status || '',
    autocomplete: 'off' });
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Change status');
  const form = h('form', { class: 'card', 'aria-label': 'Change status' }, h('h2', {}, 'Change status'),
    field('New status', input, 'Written to the shop the order came from; it changes here only if the shop takes it.'),
    h('datalist', { id: 'status-suggestions' }, STATUS_SUGGESTIONS.map(s => h('option', { value: s }))),
    h('div', { class: 'actions' }, submit), outcome);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    outcome.replaceChildren(h('p', { class: 'hint' }, 'Writing to the shop…'));
    try {
      const changed = await api('PATCH', '/orders/' + orderSegment(ref), { status: input.value });
      const write = changed.statusWrite;
      outcome.replaceChildren(h('p', { class: 'notice', role: 'status' }, write
        ? 'The shop took it (HTTP ' + write.httpStatus + '): the order is now ' + changed.status + '.'
        : 'The order is ' + changed.status + '.'));
      const refreshed = await orderView(ref);
      refreshed.querySelector('form[aria-label="Change status"] [aria-live]').replaceChildren(...outcome.childNodes);
      view.replaceChildren(refreshed);
    } catch (e) {
      showProblems(form, e);
      outcome.replaceChildren(errorBox(e));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// ---- customers ------------------------------------------------------------------------------------------------

/** An order's customer, linked to the customer's page when the key may read customers. */
function customerCell(o) {
  const text = o.customerName || o.customerEmail || '';
  return o.customerId && may('customers.read') ? h('a', { href: '#/customers/' + o.customerId }, text || '#' + o.customerId)
    : text;
}

function spent(c) {
  return Object.entries(c.totalSpent).map(([currency, amount]) => amount + ' ' + currency).join(', ');
}

async function customersView() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const filter = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search customers' },
    field('E-mail', h('input', { name: 'email', type: 'search', value: params.get('email') || '' })),
    field('Phone', h('input', { name: 'phone', type: 'search', value: params.get('phone') || '' }),
      'With its +country code, or as the store writes it when a store is given.'),
    field('Store', h('input', { name: 'store', value: params.get('store') || '' })),
    h('button', { type: 'submit' }, 'Search'));
  filter.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = '#/customers' + query(Object.fromEntries(new FormData(filter).entries()));
  });
  const page = await api('GET', '/customers' + query(Object.assign(Object.fromEntries(params.entries()),
    { limit: 100 })));
  const rows = page.items.map(c => [h('a', { href: '#/customers/' + c.id }, c.name || '#' + c.id), c.email || '',
    c.phone || '', String(c.orderCount), spent(c), when(c.lastOrderAt),
    [...new Set(c.seenIn.map(s => s.store))].join(', ')]);
  return h('section', {}, h('h1', {}, 'Customers'), filter,
    table(['Name', 'E-mail', 'Phone', 'Orders', 'Spent', 'Last order', 'Stores'], rows,
      params.toString() ? 'Nothing matches this search.' : 'No customers yet: they come from stored orders.'));
}

async function customerView(id) {
  const c = await api('GET', '/customers/' + id);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'E-mail'), h('dd', {}, c.emails.join(', ') || '–'),
    h('dt', {}, 'Phone'), h('dd', {}, c.phones.join(', ') || '–'),
    h('dt', {}, 'Orders'), h('dd', {}, String(c.orderCount)),
    h('dt', {}, 'Spent'), h('dd', {}, spent(c) || '–'),
    h('dt', {}, 'First order'), h('dd', {}, when(c.firstOrderAt)),
    h('dt', {}, 'Last order'), h('dd', {}, when(c.lastOrderAt)),
    h('dt', {}, 'Seen in'), h('dd', {}, c.seenIn.map(s => s.store + ' / ' + s.connectionName).join(', ')));
  const orders = table(['Store', 'Connection', 'Number', 'Status', 'Total', 'Ordered'],
    c.orders.map(o => [o.store, o.connectionName, orderLink(o), o.status || '',
      (o.total ?? '') + ' ' + (o.currency || ''), when(o.createdAt)]), 'No orders.');
  const merges = c.merges.length ? h('section', {}, h('h2', {}, 'Merges'),
    table(['Merge', 'Joined', 'Into', 'Because of', 'When', 'Undone'], c.merges.map(m => [String(m.id),
      '#' + m.absorbedId, '#' + m.survivorId, m.reasonValue + (m.orderExternalId == null ? ' (a customer account)' : ' (order ' + m.orderExternalId + ')'), when(m.mergedAt),
      m.undoneAt ? when(m.undoneAt) : 'no']), '')) : '';
  // the customer's accounts at its shops (a customer who never ordered has only these)
  const sources = (c.sources || []).length ? h('section', {}, h('h2', {}, 'Source records'),
    table(['Store', 'Connection', 'External id', 'E-mail', 'Updated'], c.sources.map(s => [s.store,
      s.connectionName, s.externalId, s.email || '', when(s.updatedAt)]), '')) : '';
  return h('section', {}, h('h1', {}, c.name || 'Customer #' + c.id), facts, h('h2', {}, 'Orders'), orders, sources,
    merges);
}

// ---- API keys -------------------------------------------------------------------------------------------------

async function keysView() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const [keys, stores, catalogue] = await Promise.all([
    api('GET', '/keys' + query({ active: params.get('active'), accessType: params.get('accessType'),
      store: params.get('store') })), api('GET', '/stores'), api('GET', '/methods')]);
  const filter = h('form', { class: 'filters', 'aria-label': 'Filter keys' },
    field('State', h('select', { name: 'active' }, [['', 'All'], ['true', 'Active'], ['false', 'Revoked']].map(([v, t]) =>
      h('option', { value: v, selected: (params.get('active') || '') === v }, t)))),
    field('Access', h('select', { name: 'accessType' }, [['', 'All'], ['ALL_STORES', 'All stores'],
      ['SELECTED_STORES', 'Selected stores']].map(([v, t]) =>
      h('option', { value: v, selected: (params.get('accessType') || '') === v }, t)))),
    field('Store', h('select', { name: 'store' }, h('option', { value: '' }, 'All'),
      stores.map(s => h('option', { value: s.code, selected: params.get('store') === s.code }, s.name)))));
  filter.addEventListener('change', () => {
    location.hash = '#/keys' + query(Object.fromEntries(new FormData(filter).entries()));
  });
  const status = h('div', { 'aria-live': 'polite' });
  const toggle = key => h('button', { type: 'button', onclick: async () => {
    try {
      await api('POST', '/keys/' + key.id + (key.active ? '/revoke' : '/activate'));
      render();
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  } }, key.active ? 'Revoke' : 'Activate');
  const rows = keys.map(k => [String(k.id), k.name, h('code', {}, k.prefix + '…'),
    k.accessType === 'ALL_STORES' ? 'All stores' : k.stores.join(', '), k.methods.join(', '),
    k.active ? badge('Active', 'ok') : badge('Revoked', 'failed'), when(k.lastUsedAt),
    may('keys.write') ? toggle(k) : '']);
  return h('section', {}, h('h1', {}, 'API keys'), filter, status,
    table(['ID', 'Name', 'Prefix', 'Stores', 'Methods', 'State', 'Last used', ''], rows, 'No keys match.'),
    may('keys.write') && keyForm(stores, catalogue.blocks));
}

function keyForm(stores, blocks) {
  const name = h('input', { name: 'name', required: true });
  const access = ['ALL_STORES', 'SELECTED_STORES'].map(value => h('label', { class: 'inline' },
    h('input', { type: 'radio', name: 'accessType', value, checked: value === 'ALL_STORES' }),
    value === 'ALL_STORES' ? ' All stores' : ' Selected stores'));
  const storeBoxes = h('fieldset', { class: 'stores' }, h('legend', {}, 'Stores'),
    stores.map(s => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'stores', value: s.code }),
      ' ' + s.name + ' (' + s.code + ')')));
  const methodBlocks = Object.entries(blocks).map(([block, methods]) => {
    const boxes = methods.map(m => h('label', { class: 'inline' },
      h('input', { type: 'checkbox', name: 'methods', value: m }), ' ' + m));
    const title = h('button', { type: 'button', class: 'link', 'data-block': block, onclick: () => {
      const inputs = boxes.map(b => b.querySelector('input'));
      const on = !inputs.every(i => i.checked);
      inputs.forEach(i => { i.checked = on; });
    } }, block);
    return h('fieldset', { class: 'block' }, h('legend', {}, title), boxes);
  });
  const tokenArea = h('div', { id: 'new-token', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': 'New API key' },
    h('h2', {}, 'New API key'),
    field('Name', name, 'Who uses it: “Courier partner”, “Landing page”.'),
    h('fieldset', {}, h('legend', {}, 'Access'), access), storeBoxes,
    h('div', { class: 'methods' }, h('p', { class: 'hint' }, 'Allowed methods (click a block’s title to toggle it):'),
      methodBlocks),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'generate' }, 'Generate')),
    tokenArea);
  const syncStores = () => {
    const selected = form.elements.accessType.value === 'SELECTED_STORES';
    storeBoxes.disabled = !selected;
  };
  form.addEventListener('change', syncStores);
  syncStores();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    showProblems(form, {});
    const checked = field => [...form.querySelectorAll(`input[name="${field}"]:checked`)].map(i => i.value);
    const selected = form.elements.accessType.value === 'SELECTED_STORES';
    const methods = checked('methods');
    if (selected && checked('stores').length === 0) {
      tokenArea.replaceChildren(errorBox(new Error('Choose at least one store, or give the key all stores.')));
      return;
    }
    if (methods.length === 0) {
      tokenArea.replaceChildren(errorBox(new Error('Choose at least one method.')));
      return;
    }
    try {
      const created = await api('POST', '/keys', { name: name.value, stores: selected ? checked('stores') : null, methods });
      const token = h('input', { id: 'token', readonly: true, value: created.token, spellcheck: 'false', class: 'token' });
      const copied = h('span', { role: 'status' });
      tokenArea.replaceChildren(h('div', { class: 'notice' },
        h('p', {}, h('strong', {}, 'Key “' + created.name + '” created. '), 'Copy its token now: it is shown only once.'),
        token, ' ', h('button', { type: 'button', id: 'copy-token', onclick: async () => {
          token.select();
          try {
            await navigator.clipboard.writeText(created.token);
          } catch (e) {
            document.execCommand('copy'); // clipboard API needs https or localhost; the selection still works
          }
          copied.textContent = ' Copied.';
        } }, 'Copy'), copied,
        h('p', {}, h('a', { href: '#/keys', onclick: () => render() }, 'Back to the list'))));
    } catch (e) {
      showProblems(form, e);
      tokenArea.replaceChildren(errorBox(e));
    }
  });
  return form;
}

// ---- start ----------------------------------------------------------------------------------------------------

document.getElementById('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.getElementById('sign-in-error');
  error.textContent = '';
  try {
    await signIn(document.getElementById('sign-in-key').value.trim());
  } catch (e) {
    error.textContent = e.message;
  }
});
document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out.'));
window.addEventListener('hashchange', render);

const saved = sessionStorage.getItem(KEY_STORAGE);
if (saved) {
  signIn(saved).catch(e => signOut(e.message));
} else {
  signOut();
}
