import { t, label, toggleLanguage, translateStaticText } from './i18n.js';
import { STATUSES } from './report-messages.js';
import './staff-messages.js';
import { element } from './dom.js';
import { createBasemaps } from './basemaps.js';
import { createOwnBackground } from './own-background.js';
import { staffHeader } from './staff-header.js';

// The crew's work sheets: the reports of the triage list's filter and page, one printed page each.
async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  staffHeader(document.getElementById('staff-header'));
  document.getElementById('print').addEventListener('click', () => window.print());
  const query = new URLSearchParams(window.location.search);
  const [{ categories }, { reports }] = await Promise.all([
    fetch('/api/reports/categories').then((r) => r.json()),
    fetch(`/staff/api/reports?${query}`, { headers: { Accept: 'application/json' } }).then((r) => r.json())]);
  const sheets = document.getElementById('sheets');
  reports.forEach((r) => {
    const category = categories.find((c) => c.code === r.category);
    const mapNode = element('div', { class: 'sheet-map' });
    const statusLabel = label((STATUSES.find((s) => s.id === r.status.toLowerCase()) || {}).label);
    const rows = [
      ['reportedAt', r.reportedAt.slice(0, 16).replace('T', ' ')],
      ['status', statusLabel],
      ['priority', t(r.work.priority.toLowerCase())],
      ['assignee', r.work.assignee || t('nobody')],
      ['dueOn', r.work.dueOn || '—'],
      ['body', label(r.body)],
      ['road', [r.roadName, r.routeNo].filter(Boolean).join(' ') || '—'],
      ['description', r.description],
    ];
    const history = element('ol', {}, r.updates.map((u) => element('li', {
      text: `${u.at.slice(0, 10)} ${label((STATUSES.find((s) => s.id === u.status) || {}).label)}${u.note ? `：${u.note}` : ''}`,
    })));
    sheets.append(element('article', { class: 'sheet-report', 'data-report': r.id }, [
      element('h2', { text: `#${r.id} ${category ? label(category.name) : r.category}` }),
      element('figure', { class: 'sheet-figure' }, [mapNode,
        element('figcaption', { text: `${t('location')} ${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}` })]),
      element('dl', {}, rows.flatMap(([message, value]) => [element('dt', { text: t(message) }), element('dd', { text: value })])),
      ...(r.photos > 0 ? [element('img', { class: 'sheet-photo', src: `/api/reports/${r.id}/photos/1`, alt: `#${r.id} ${t('photos')}` })] : []),
      element('h3', { text: t('notes') }), history,
      element('h3', { text: t('crewNotes') }), element('div', { class: 'crew-notes' }),
    ]));
    const map = L.map(mapNode, { zoomControl: false, keyboard: false }).setView([r.lat, r.lon], 17);
    createBasemaps(map, element('p'), () => {}, createOwnBackground(map, []));
    L.circleMarker([r.lat, r.lon], { radius: 9, color: '#fff', weight: 2, fillColor: '#c0392b', fillOpacity: 1 }).addTo(map);
  });
  document.getElementById('sheet-count').textContent = t('listCount', reports.length);
  document.body.dataset.ready = 'true';
}

start();
