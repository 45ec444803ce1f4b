import { t, label, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { STATUSES, problemText } from './report-messages.js';
import { element } from './dom.js';
import { createBasemaps } from './basemaps.js';

const MODERATIONS = ['new', 'accepted', 'rejected'];

/** The CSRF token Spring Security keeps in a cookie, sent back as a header with every change. */
function csrfHeader() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...options,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...csrfHeader(), ...(options.headers || {}) },
  });
  if (!response.ok) throw new Error(await problemText(response, response.statusText));
  return response.json();
}

function fillSelect(select, options) {
  const chosen = select.value;
  select.replaceChildren(element('option', { value: '', text: t('all') }),
    ...options.map((o) => element('option', { value: o.value, text: o.text })));
  select.value = chosen;
}

function colourOf(status) {
  return (STATUSES.find((s) => s.id === status) || STATUSES[0]).colour;
}

function triageCell(report, reload, status) {
  const cell = element('td', { class: 'actions-cell' });
  if (report.moderation === 'NEW') {
    const accept = element('button', { type: 'button', class: 'accept', text: t('accept') });
    const reject = element('button', { type: 'button', class: 'reject', text: t('reject') });
    accept.addEventListener('click', () => moderate('accepted'));
    reject.addEventListener('click', () => moderate('rejected'));
    cell.append(accept, ' ', reject);
  }
  const select = element('select', { class: 'status-select', 'aria-label': t('status') },
    STATUSES.map((s) => element('option', { value: s.id, text: label(s.label) })));
  select.value = report.status.toLowerCase();
  const note = element('textarea', { class: 'staff-note', rows: 2, placeholder: t('publicNote'), 'aria-label': t('publicNote') });
  const save = element('button', { type: 'button', class: 'save-status', text: t('save') });
  save.addEventListener('click', async () => {
    try {
      await api(`/staff/api/reports/${report.id}/status`, { method: 'PUT', body: JSON.stringify({ status: select.value, note: note.value }) });
      await reload();
      status.textContent = `#${report.id} ${t('saved')}`;
    } catch (e) {
      status.textContent = e.message;
    }
  });
  cell.append(element('div', {}, [select]), note, save);

  async function moderate(decision) {
    try {
      await api(`/staff/api/reports/${report.id}/moderation`, { method: 'PUT', body: JSON.stringify({ decision }) });
      await reload();
      status.textContent = `#${report.id} ${t(decision)}`;
    } catch (e) {
      status.textContent = e.message;
    }
  }
  return cell;
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const map = L.map('map').setView([34.6745, 131.8425], 13);
  createBasemaps(map, element('p'), () => {});
  const markers = L.layerGroup().addTo(map);
  const filters = document.getElementById('filters');
  const body = document.getElementById('staff-reports');
  const status = document.getElementById('staff-status');
  const { categories } = await api('/api/reports/categories');

  onLanguage(() => {
    fillSelect(filters.moderation, MODERATIONS.map((m) => ({ value: m, text: t(m) })));
    fillSelect(filters.status, STATUSES.map((s) => ({ value: s.id, text: label(s.label) })));
    fillSelect(filters.category, categories.map((c) => ({ value: c.code, text: label(c.name) })));
  });
  let bodies = new Map();

  async function reload() {
    const query = new URLSearchParams();
    ['moderation', 'status', 'category', 'body'].forEach((name) => {
      if (filters[name].value) query.set(name, filters[name].value);
    });
    if (filters.area.checked) query.set('bbox', map.getBounds().toBBoxString());
    let reports;
    try {
      reports = (await api(`/staff/api/reports?${query}`)).reports;
    } catch (e) {
      status.textContent = e.message;
      return;
    }
    reports.forEach((r) => bodies.set(r.bodyCode, r.body));
    const chosenBody = filters.body.value;
    fillSelect(filters.body, [...bodies].map(([code, name]) => ({ value: code, text: label(name) })));
    filters.body.value = chosenBody;
    markers.clearLayers();
    body.replaceChildren(...reports.map((r) => {
      const category = categories.find((c) => c.code === r.category);
      L.circleMarker([r.lat, r.lon], { radius: 7, color: '#fff', weight: 1.5, fillColor: colourOf(r.status.toLowerCase()), fillOpacity: 0.95 })
        .bindTooltip(`#${r.id} ${category ? label(category.name) : r.category}`).addTo(markers);
      const photos = Array.from({ length: r.photos }, (_, i) => element('a', { href: `/api/reports/${r.id}/photos/${i + 1}`, target: '_blank' },
        [element('img', { src: `/api/reports/${r.id}/photos/${i + 1}/thumbnail`, alt: `#${r.id} ${i + 1}`, width: 64 })]));
      return element('tr', { 'data-report': r.id }, [
        element('td', {}, [element('span', { class: 'status-dot', style: `background:${colourOf(r.status.toLowerCase())}` }), `${r.id}`]),
        element('td', { text: category ? label(category.name) : r.category }),
        element('td', {}, [element('div', { text: r.description }), ...photos]),
        element('td', { text: [r.reporterName, r.reporterEmail].filter(Boolean).join(' / ') }),
        element('td', { text: `${label(r.body)}${r.routeNo ? ` (${r.routeNo})` : ''}` }),
        triageCell(r, reload, status),
      ]);
    }));
    status.textContent = t('listCount', reports.length);
  }

  filters.addEventListener('change', reload);
  map.on('moveend', () => filters.area.checked && reload());
  await reload();
  document.body.dataset.ready = 'true';
}

start();
