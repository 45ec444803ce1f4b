import { t, label, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import './report-messages.js';
import './staff-messages.js';
import { element } from './dom.js';
import { staffHeader } from './staff-header.js';

// A month of reports in numbers, from /staff/api/reports/statistics.
function table(caption, firstColumn, groups, nameOf) {
  const columns = [firstColumn, t('receivedCount'), t('closedCount'), t('medianDays')];
  return element('table', {}, [
    element('caption', { text: caption }),
    element('thead', {}, [element('tr', {}, columns.map((c) => element('th', { scope: 'col', text: c })))]),
    element('tbody', {}, groups.map((g) => element('tr', {}, [
      element('th', { scope: 'row', text: nameOf(g.key) }),
      element('td', { text: g.received }), element('td', { text: g.closed }),
      element('td', { text: g.medianDaysToClose == null ? '—' : g.medianDaysToClose }),
    ]))),
  ]);
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  staffHeader(document.getElementById('staff-header'));
  const monthInput = document.getElementById('month');
  monthInput.value = new URLSearchParams(window.location.search).get('month') || new Date().toISOString().slice(0, 7);
  const [{ categories }, towns] = await Promise.all([
    fetch('/api/reports/categories').then((r) => r.json()), fetch('/api/towns').then((r) => r.json()).catch(() => [])]);
  const output = document.getElementById('stats');
  let month;

  function render() {
    if (!month) return;
    const categoryName = (code) => label((categories.find((c) => c.code === code) || {}).name) || code;
    const townName = (code) => label((towns.find((town) => town.code === code) || {}).name) || code || t('unknownTown');
    output.replaceChildren(
      table(t('total'), t('month'), [{ ...month.total, key: month.month }], (key) => key),
      table(t('byCategory'), t('category'), month.byCategory, categoryName),
      table(t('byTown'), t('town'), month.byTown, townName));
    document.getElementById('json-link').href = `/staff/api/reports/statistics?month=${month.month}`;
  }

  async function load() {
    month = await fetch(`/staff/api/reports/statistics?month=${monthInput.value}`, { headers: { Accept: 'application/json' } }).then((r) => r.json());
    render();
    document.body.dataset.ready = 'true';
  }
  monthInput.addEventListener('change', load);
  onLanguage(render);
  await load();
}

start();
