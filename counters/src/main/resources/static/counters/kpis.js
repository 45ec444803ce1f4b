import { api, bilingual, element, problemText } from './common.js';
import { barChart, legend } from './charts.js';

// Staff's counter figures: per office the mean wait and time at the counter over the days chosen,
// charts by service, by day and by hour of the day, every figure in a table and as CSV.
const form = document.getElementById('kpi-form');
const fromInput = document.getElementById('kpi-from');
const toInput = document.getElementById('kpi-to');
const officeSelect = document.getElementById('kpi-office');
const status = document.getElementById('kpi-status');
const DEFAULT_DAYS = 30;
let offices = new Map();
let services = new Map();

const isoDay = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const officeName = (code) => offices.get(code)?.name || { ja: code, en: code };
const serviceName = (code) => services.get(code)?.name || { ja: code, en: code };
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

/** The mean of a per-row mean, weighted by the row's called tickets; null when nothing was called. */
function weightedMean(rows, field) {
  const counted = rows.filter((row) => row[field] !== null && row.called > 0);
  const weight = counted.reduce((sum, row) => sum + row.called, 0);
  return weight ? round(counted.reduce((sum, row) => sum + row[field] * row.called, 0) / weight) : null;
}

const minutes = (value) => (value === null ? ['—']
  : [`${value}分`, element('span', { class: 'en', lang: 'en', text: ` / ${value} min` })]);

function summaryCard(code, rows) {
  const tickets = rows.reduce((sum, row) => sum + row.tickets, 0);
  const wait = weightedMean(rows, 'waitMinutes');
  const counter = weightedMean(rows, 'counterMinutes');
  return element('article', { class: 'kpi-card', 'data-office': code },
    element('h3', {}, bilingual(officeName(code))),
    element('dl', {},
      element('dt', {}, bilingual({ ja: '発券数', en: 'Tickets' })),
      element('dd', { id: `kpi-tickets-${code}`, text: String(tickets) }),
      element('dt', {}, bilingual({ ja: '平均待ち時間', en: 'Mean wait' })),
      element('dd', { id: `kpi-wait-${code}`, 'data-minutes': wait ?? '' }, ...minutes(wait)),
      element('dt', {}, bilingual({ ja: '窓口での平均時間', en: 'Mean time at the counter' })),
      element('dd', { id: `kpi-counter-${code}`, 'data-minutes': counter ?? '' }, ...minutes(counter))));
}

function groupBy(rows, key) {
  const groups = new Map();
  rows.forEach((row) => groups.set(key(row), [...(groups.get(key(row)) || []), row]));
  return groups;
}

/** The chart under its key; on a narrow screen it scrolls sideways, by keyboard too (hence focusable, named by its heading). */
function chartWithLegend(box, spec) {
  const heading = box.closest('section').querySelector('h2').id;
  box.replaceChildren(legend(spec.series),
    element('div', { class: 'chart-scroll', tabindex: '0', role: 'region', 'aria-labelledby': heading }, barChart(spec)));
}

function render(data) {
  const chosen = officeSelect.value;
  const days = data.days.filter((row) => !chosen || row.office === chosen);
  const hours = data.hours.filter((row) => !chosen || row.office === chosen);
  const where = chosen ? officeName(chosen).ja : '全庁舎';
  const perOffice = groupBy(data.days, (row) => row.office);
  document.getElementById('summary').replaceChildren(
    ...[...offices.keys()].filter((code) => perOffice.has(code)).map((code) => summaryCard(code, perOffice.get(code))));
  if (!data.days.length) {
    document.getElementById('summary').replaceChildren(element('p', {},
      bilingual({ ja: 'この期間の整理券はありません。', en: 'No tickets in these days.' })));
  }

  const byService = [...groupBy(days, (row) => row.service)];
  const serviceSeries = [
    { label: '待ち時間 / Waiting', values: byService.map(([, rows]) => weightedMean(rows, 'waitMinutes')) },
    { label: '窓口での時間 / At the counter', values: byService.map(([, rows]) => weightedMean(rows, 'counterMinutes')) },
  ];
  chartWithLegend(document.getElementById('chart-services'), {
    categories: byService.map(([code]) => serviceName(code).ja),
    series: serviceSeries,
    describe: `${where}：手続き別の平均待ち時間と窓口での時間（分） ${byService.map(([code], i) =>
      `${serviceName(code).ja} ${serviceSeries[0].values[i] ?? '—'}分・${serviceSeries[1].values[i] ?? '—'}分`).join('、')}`,
  });

  const byDay = [...groupBy(days, (row) => row.day)].sort(([a], [b]) => a.localeCompare(b));
  const dayTickets = byDay.map(([, rows]) => rows.reduce((sum, row) => sum + row.tickets, 0));
  const daySeries = [
    { label: '待ち時間 / Waiting', values: byDay.map(([, rows]) => weightedMean(rows, 'waitMinutes')) },
    { label: '窓口での時間 / At the counter', values: byDay.map(([, rows]) => weightedMean(rows, 'counterMinutes')) },
  ];
  chartWithLegend(document.getElementById('chart-days'), {
    categories: byDay.map(([day], i) => `${Number(day.slice(5, 7))}/${Number(day.slice(8))}\n${dayTickets[i]}枚`),
    series: daySeries,
    describe: `${where}：日別の平均待ち時間と窓口での時間（分） ${byDay.map(([day], i) =>
      `${day} ${dayTickets[i]}枚・待ち${daySeries[0].values[i] ?? '—'}分・窓口${daySeries[1].values[i] ?? '—'}分`).join('、')}`,
  });

  const perHour = new Map();
  hours.forEach((row) => perHour.set(row.hour, (perHour.get(row.hour) || 0) + row.tickets));
  const hourKeys = [...perHour.keys()].sort((a, b) => a - b);
  chartWithLegend(document.getElementById('chart-hours'), {
    categories: hourKeys.map((hour) => `${hour}時`),
    series: [{ label: '発券数 / Tickets', values: hourKeys.map((hour) => perHour.get(hour)) }],
    describe: `${where}：時間帯別の発券数 ${hourKeys.map((hour) => `${hour}時台 ${perHour.get(hour)}枚`).join('、')}`,
  });

  document.getElementById('kpi-rows').replaceChildren(...days.map((row) => element('tr', {},
    element('td', { text: row.day }), element('td', {}, bilingual(officeName(row.office))),
    element('td', {}, bilingual(serviceName(row.service))), element('td', { class: 'num', text: String(row.tickets) }),
    element('td', { class: 'num', text: String(row.called) }), element('td', { class: 'num', text: row.waitMinutes ?? '—' }),
    element('td', { class: 'num', text: row.counterMinutes ?? '—' }))));
}

async function load() {
  const range = `from=${fromInput.value}&to=${toInput.value}`;
  document.getElementById('csv-days').href = `/staff/api/counters/kpis.csv?${range}`;
  document.getElementById('csv-hours').href = `/staff/api/counters/kpis-hours.csv?${range}`;
  const url = new URL(window.location.href);
  url.search = `${range}${officeSelect.value ? `&office=${encodeURIComponent(officeSelect.value)}` : ''}`;
  window.history.replaceState(null, '', url);
  try {
    status.textContent = '';
    render(await api(`/staff/api/counters/kpis?${range}`));
    document.body.dataset.loaded = `${fromInput.value}/${toInput.value}/${officeSelect.value}`;
  } catch (error) {
    status.textContent = problemText(error);
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
officeSelect.addEventListener('change', load);

const asked = new URLSearchParams(window.location.search);
const today = new Date();
toInput.value = asked.get('to') || isoDay(today);
fromInput.value = asked.get('from') || isoDay(new Date(today.getTime() - (DEFAULT_DAYS - 1) * 86_400_000));
Promise.all([api('/api/counters/offices'), api('/api/counters/services')]).then(([o, s]) => {
  offices = new Map(o.offices.map(({ office }) => [office.code, office]));
  services = new Map(s.services.map((service) => [service.code, service]));
  officeSelect.replaceChildren(element('option', { value: '', text: '全庁舎 / All offices' }),
    ...o.offices.map(({ office }) => element('option', { value: office.code, text: `${office.name.ja} / ${office.name.en}` })));
  officeSelect.value = asked.get('office') || '';
  return load();
}).catch((error) => { status.textContent = problemText(error); });
