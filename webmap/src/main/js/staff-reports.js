import { t, label, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { STATUSES, problemText } from './report-messages.js';
import { PRIORITIES } from './staff-messages.js';
import { element } from './dom.js';
import { createBasemaps } from './basemaps.js';
import { createOwnBackground, BACKGROUND_LAYERS } from './own-background.js';
import { overlaysNamed } from './overlays.js';
import { staffHeader, csrfToken } from './staff-header.js';

const MODERATIONS = ['new', 'accepted', 'rejected'];
const SORTS = [['newest', 'sortNewest'], ['oldest', 'sortOldest'], ['priority', 'sortPriority'], ['due', 'sortDue'], ['updated', 'sortUpdated']];
const FILTERS = ['number', 'moderation', 'status', 'category', 'body', 'town', 'assignee', 'priority', 'from', 'to', 'sort'];
const PAGE_SIZE = 50;

async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...options,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(), ...(options.headers || {}) },
  });
  if (!response.ok) throw new Error(await problemText(response, response.statusText));
  return response.json();
}

function fillSelect(select, options, all = t('all')) {
  const chosen = select.value;
  select.replaceChildren(...(all === null ? [] : [element('option', { value: '', text: all })]),
    ...options.map((o) => element('option', { value: o.value, text: o.text })));
  select.value = chosen;
}

function colourOf(status) {
  return (STATUSES.find((s) => s.id === status) || STATUSES[0]).colour;
}

function day(isoDateTime) {
  return isoDateTime ? isoDateTime.slice(0, 10) : '';
}

/** A table cell that phones show as a headed line of a card (see staff.css; data-label is taken by translateStaticText). */
function cell(message, attributes, children) {
  return element('td', { 'data-heading': t(message), ...attributes }, children);
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  staffHeader(document.getElementById('staff-header'));
  const map = L.map('map').setView([34.6745, 131.8425], 13);
  // Offline, Chizu's own roads, facilities, boundaries and names stand in for GSI's map.
  createBasemaps(map, element('p'), () => {}, createOwnBackground(map, await overlaysNamed(map, BACKGROUND_LAYERS)));
  const markers = L.layerGroup().addTo(map);
  const filters = document.getElementById('filters');
  const list = document.getElementById('staff-reports');
  const status = document.getElementById('staff-status');
  const pager = document.getElementById('pager');
  const [{ categories }, towns, assignees] = await Promise.all([
    api('/api/reports/categories'), api('/api/towns').catch(() => []), api('/staff/api/reports/assignees')]);
  const bodies = new Map();
  let page = 1;

  onLanguage(() => {
    fillSelect(filters.moderation, MODERATIONS.map((m) => ({ value: m, text: t(m) })));
    fillSelect(filters.status, STATUSES.map((s) => ({ value: s.id, text: label(s.label) })));
    fillSelect(filters.category, categories.map((c) => ({ value: c.code, text: label(c.name) })));
    fillSelect(filters.town, towns.map((town) => ({ value: town.code, text: label(town.name) })));
    fillSelect(filters.assignee, assignees.map((a) => ({ value: a.name, text: a.displayName })));
    fillSelect(filters.priority, PRIORITIES.map((p) => ({ value: p, text: t(p) })));
    fillSelect(filters.sort, SORTS.map(([value, message]) => ({ value, text: t(message) })), null);
    filters.sort.value = filters.sort.value || 'newest';
  });

  function query() {
    const q = new URLSearchParams();
    FILTERS.forEach((name) => filters[name].value && q.set(name, filters[name].value));
    if (filters.area.checked) q.set('bbox', map.getBounds().toBBoxString());
    return q;
  }

  function showLinks() {
    const q = query();
    document.getElementById('export-csv').href = `/staff/api/reports/export.csv?${q}`;
    document.getElementById('export-sjis').href = `/staff/api/reports/export.csv?${q}&encoding=shift_jis`;
    document.getElementById('work-sheet').href = `/staff/reports/sheet?${q}&page=${page}&size=${PAGE_SIZE}`;
  }

  async function moderate(report, decision, message) {
    try {
      await api(`/staff/api/reports/${report.id}/moderation`, { method: 'PUT', body: JSON.stringify({ decision }) });
      await reload();
      status.replaceChildren(message);
    } catch (e) {
      status.textContent = e.message;
    }
  }

  /** Spam needs a second click; afterwards the status line offers to undo it, back to what it was. */
  function askToReject(report, cellNode) {
    const box = element('div', { class: 'confirm', role: 'alertdialog', 'aria-label': t('confirmReject', report.id) }, [
      element('p', { text: t('confirmReject', report.id) })]);
    const yes = element('button', { type: 'button', class: 'confirm-reject danger', text: t('confirmYes') });
    const no = element('button', { type: 'button', class: 'confirm-cancel', text: t('confirmNo') });
    no.addEventListener('click', () => box.remove());
    yes.addEventListener('click', () => {
      const undo = element('button', { type: 'button', class: 'undo', text: t('undo') });
      const previous = report.moderation.toLowerCase();
      undo.addEventListener('click', () => moderate(report, previous, t('restored', report.id)));
      moderate(report, 'rejected', element('span', {}, [t('rejectedUndo', report.id), ' ', undo]));
    });
    box.append(yes, ' ', no);
    cellNode.append(box);
    no.focus();
  }

  function triageCell(report) {
    const node = cell('triage', { class: 'actions-cell' });
    if (report.moderation === 'NEW') {
      const accept = element('button', { type: 'button', class: 'accept', text: t('accept') });
      const reject = element('button', { type: 'button', class: 'reject', text: t('reject') });
      accept.addEventListener('click', () => moderate(report, 'accepted', `#${report.id} ${t('accepted')}`));
      reject.addEventListener('click', () => askToReject(report, node));
      node.append(accept, ' ', reject);
    } else if (report.moderation === 'REJECTED') {
      const restore = element('button', { type: 'button', class: 'restore', text: t('restore') });
      restore.addEventListener('click', () => moderate(report, 'new', t('restored', report.id)));
      node.append(restore);
    }
    const select = element('select', { class: 'status-select', 'aria-label': `#${report.id} ${t('status')}` },
      STATUSES.map((s) => element('option', { value: s.id, text: label(s.label) })));
    select.value = report.status.toLowerCase();
    const note = element('textarea', { class: 'staff-note', rows: 2, placeholder: t('publicNote'), 'aria-label': `#${report.id} ${t('publicNote')}` });
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
    node.append(element('div', {}, [select]), note, save);
    return node;
  }

  function workCell(report) {
    const { work } = report;
    const who = element('select', { class: 'assignee-select', 'aria-label': `#${report.id} ${t('assignee')}` },
      [element('option', { value: '', text: t('nobody') }), ...assignees.map((a) => element('option', { value: a.name, text: a.displayName }))]);
    who.value = work.assignee || '';
    const priority = element('select', { class: 'priority-select', 'aria-label': `#${report.id} ${t('priority')}` },
      PRIORITIES.map((p) => element('option', { value: p, text: t(p) })));
    priority.value = work.priority.toLowerCase();
    const due = element('input', { type: 'date', class: 'due-input', value: work.dueOn || '', 'aria-label': `#${report.id} ${t('dueOn')}` });
    const save = element('button', { type: 'button', class: 'save-work', text: t('saveWork') });
    save.addEventListener('click', async () => {
      try {
        await api(`/staff/api/reports/${report.id}/work`, {
          method: 'PUT', body: JSON.stringify({ assignee: who.value || null, priority: priority.value, dueOn: due.value || null }),
        });
        await reload();
        status.textContent = `#${report.id} ${t('saved')}`;
      } catch (e) {
        status.textContent = e.message;
      }
    });
    return cell('work', { class: `work-cell priority-${work.priority.toLowerCase()}` }, [who, priority, due, save]);
  }

  function authorName(name) {
    return (assignees.find((a) => a.name === name) || {}).displayName || name;
  }

  /** Notes staff keep for each other, read when opened: who wrote each and when, and a box to add one. */
  function staffNotes(report) {
    const box = element('details', { class: 'staff-notes' }, [element('summary', { text: t('staffNotes') })]);
    const list = element('ol', { class: 'staff-note-list' });
    const text = element('textarea', { class: 'new-staff-note', rows: 2, maxlength: 2000, 'aria-label': `#${report.id} ${t('newStaffNote')}` });
    const add = element('button', { type: 'button', class: 'add-staff-note', text: t('addStaffNote') });
    const show = (notes) => list.replaceChildren(...(notes.length ? notes.map((n) => element('li', {}, [
      element('span', { class: 'note-meta' }, [element('time', { datetime: n.at, text: n.at.slice(0, 16).replace('T', ' ') }), ` ${authorName(n.writtenBy)}`]),
      element('p', { text: n.text })])) : [element('li', { class: 'hint', text: t('noStaffNotes') })]));
    box.addEventListener('toggle', async () => {
      if (!box.open) return;
      try {
        show(await api(`/staff/api/reports/${report.id}/notes`));
      } catch (e) {
        status.textContent = e.message;
      }
    });
    add.addEventListener('click', async () => {
      try {
        show(await api(`/staff/api/reports/${report.id}/notes`, { method: 'POST', body: JSON.stringify({ text: text.value }) }));
        text.value = '';
        status.textContent = t('staffNoteAdded', report.id);
      } catch (e) {
        status.textContent = e.message;
      }
    });
    box.append(element('p', { class: 'hint', text: t('staffNotesHint') }), list, text, add);
    return box;
  }

  function historyCell(report) {
    return cell('history', { class: 'history-cell' }, [element('ol', {}, report.updates.map((u) => element('li', {}, [
      element('time', { datetime: u.at, text: day(u.at) }), ' ',
      label((STATUSES.find((s) => s.id === u.status) || {}).label) || u.status,
      u.note ? element('q', { text: u.note }) : '']))),
    staffNotes(report),
    ]);
  }

  function row(r) {
    const category = categories.find((c) => c.code === r.category);
    const categoryName = category ? label(category.name) : r.category;
    L.circleMarker([r.lat, r.lon], { radius: 7, color: '#fff', weight: 1.5, fillColor: colourOf(r.status.toLowerCase()), fillOpacity: 0.95 })
      .bindTooltip(`#${r.id} ${categoryName}`).addTo(markers);
    const photos = Array.from({ length: r.photos }, (_, i) => element('a', { href: `/api/reports/${r.id}/photos/${i + 1}`, target: '_blank' },
      [element('img', { src: `/api/reports/${r.id}/photos/${i + 1}/thumbnail`, alt: `#${r.id} ${i + 1}`, width: 64 })]));
    return element('tr', { 'data-report': r.id }, [
      element('th', { scope: 'row', class: 'number-cell' }, [element('span', { class: 'status-dot', style: `background:${colourOf(r.status.toLowerCase())}` }), `#${r.id}`,
        element('span', { class: 'category-name', text: ` ${categoryName}` })]),
      cell('reportedAt', { text: day(r.reportedAt) }),
      cell('description', {}, [element('div', { text: r.description }), ...photos]),
      cell('reporter', { text: [r.reporterName, r.reporterEmail].filter(Boolean).join(' / ') }),
      cell('body', { text: `${label(r.body)}${r.routeNo ? ` (${r.routeNo})` : ''}` }),
      workCell(r),
      historyCell(r),
      triageCell(r),
    ]);
  }

  async function reload() {
    showLinks();
    let answer;
    try {
      answer = await api(`/staff/api/reports?${query()}&page=${page}&size=${PAGE_SIZE}`);
    } catch (e) {
      status.textContent = e.message;
      return;
    }
    const { reports, total } = answer;
    reports.forEach((r) => bodies.set(r.bodyCode, r.body));
    fillSelect(filters.body, [...bodies].map(([code, name]) => ({ value: code, text: label(name) })));
    markers.clearLayers();
    list.replaceChildren(...reports.map(row));
    // The map follows the list unless the list follows the map.
    if (reports.length && !filters.area.checked) map.fitBounds(L.featureGroup(markers.getLayers()).getBounds(), { maxZoom: 16, padding: [20, 20] });
    const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    pager.querySelector('.page-count').textContent = t('pageOf', first, first + reports.length - (total === 0 ? 0 : 1), total);
    pager.querySelector('.previous').disabled = page === 1;
    pager.querySelector('.next').disabled = page * PAGE_SIZE >= total;
    status.textContent = t('listCount', total);
  }

  const moreFilters = document.getElementById('more-filters');
  moreFilters.open = window.matchMedia('(min-width: 701px)').matches;
  filters.addEventListener('change', () => { page = 1; reload(); });
  filters.addEventListener('submit', (event) => { event.preventDefault(); page = 1; reload(); });
  pager.querySelector('.previous').addEventListener('click', () => { page -= 1; reload(); });
  pager.querySelector('.next').addEventListener('click', () => { page += 1; reload(); });
  map.on('moveend', () => filters.area.checked && reload());
  onLanguage(() => list.children.length && reload());
  await reload();
  document.body.dataset.ready = 'true';
}

start();
