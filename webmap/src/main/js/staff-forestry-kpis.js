import { t, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { problemText } from './report-messages.js';
import './staff-messages.js';
import { number } from './forestry-messages.js';
import { element } from './dom.js';
import { staffHeader } from './staff-header.js';

const SVG = 'http://www.w3.org/2000/svg';
const MONTHS_SHOWN = 12;
const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 22, right: 12, bottom: 28, left: 40 };

function svg(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}

/** The last twelve months up to the latest download (or now), months without downloads as zeros. */
function lastMonths(perMonth) {
  const byMonth = new Map(perMonth.map((m) => [m.month, m]));
  const latest = perMonth.length ? perMonth[perMonth.length - 1].month : new Date().toISOString().slice(0, 7);
  let [year, month] = latest.split('-').map(Number);
  const months = [];
  for (let i = 0; i < MONTHS_SHOWN; i += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.unshift(byMonth.get(key) || { month: key, downloads: 0, organisations: 0, bytes: 0 });
    month -= 1;
    if (month === 0) { month = 12; year -= 1; }
  }
  return months;
}

/**
 * Downloads (bars) and organisations downloading (darker inner bars) per month, drawn as SVG by the
 * page's own script: no charting library from a CDN, nothing inline for the Content-Security-Policy.
 */
function chart(months) {
  const max = Math.max(1, ...months.map((m) => m.downloads));
  const step = (WIDTH - MARGIN.left - MARGIN.right) / months.length;
  const y = (value) => MARGIN.top + (HEIGHT - MARGIN.top - MARGIN.bottom) * (1 - value / max);
  const ticks = [0, Math.ceil(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const last = months[months.length - 1];
  const summary = t('chartSummary', months.length,
    `${last.month}: ${t('downloads')} ${last.downloads}, ${t('organisations')} ${last.organisations}`);
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'kpi-chart', role: 'img', 'aria-label': summary }, [
    ...ticks.map((tick) => svg('g', {}, [
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick), class: 'grid' }),
      Object.assign(svg('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }), { textContent: number(tick) }),
    ])),
    ...months.map((m, i) => {
      const x = MARGIN.left + i * step;
      return svg('g', { 'data-month': m.month }, [
        svg('rect', { x: x + step * 0.15, width: step * 0.7, y: y(m.downloads), height: y(0) - y(m.downloads), class: 'bar-downloads' }),
        svg('rect', { x: x + step * 0.35, width: step * 0.3, y: y(m.organisations), height: y(0) - y(m.organisations), class: 'bar-organisations' }),
        Object.assign(svg('text', { x: x + step / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle', class: 'axis' }),
          { textContent: m.month.slice(2).replace('-', '/') }),
        ...(m.downloads ? [Object.assign(svg('text', { x: x + step / 2, y: y(m.downloads) - 4, 'text-anchor': 'middle', class: 'value' }),
          { textContent: number(m.downloads) })] : []),
      ]);
    }),
  ]);
}

function legend() {
  return element('p', { class: 'kpi-legend' }, [
    element('span', { class: 'swatch bar-downloads' }), ` ${t('downloads')} `,
    element('span', { class: 'swatch bar-organisations' }), ` ${t('organisations')}`]);
}

function table(perMonth) {
  return element('table', { class: 'kpi-table' }, [
    element('caption', { text: t('perMonth') }),
    element('thead', {}, [element('tr', {}, [t('month'), t('downloads'), t('organisations'), t('megabytes')]
      .map((c) => element('th', { scope: 'col', text: c })))]),
    element('tbody', {}, perMonth.map((m) => element('tr', {}, [
      element('th', { scope: 'row', text: m.month }), element('td', { text: number(m.downloads) }),
      element('td', { text: number(m.organisations) }), element('td', { text: number(Math.round(m.bytes / 1e5) / 10) })]))),
  ]);
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  staffHeader(document.getElementById('staff-header'));
  const output = document.getElementById('kpis');
  const response = await fetch('/staff/api/forestry/kpis', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    output.replaceChildren(element('p', { class: 'error', text: await problemText(response, t('failed')) }));
    return;
  }
  const kpis = await response.json();
  onLanguage(() => {
    const figures = ['organisationsUsing', 'organisationsApproved', 'applicationsPending', 'downloads'];
    const scrolled = element('div', { class: 'chart-scroll', tabindex: 0, role: 'region', 'aria-label': t('perMonth') });
    output.replaceChildren(
      element('dl', { class: 'kpi-figures' }, figures.map((key) => element('div', { 'data-kpi': key }, [
        element('dt', { text: t(key) }), element('dd', { text: number(kpis[key]) })]))),
      element('h2', { text: t('perMonth') }),
      ...(kpis.downloadsPerMonth.length ? [scrolled, legend(), table(kpis.downloadsPerMonth)] : [element('p', { text: t('noDownloads') })]));
    // On a phone the chart keeps readable labels and scrolls sideways in its own box, opening on the latest months.
    if (kpis.downloadsPerMonth.length) {
      scrolled.append(chart(lastMonths(kpis.downloadsPerMonth)));
      scrolled.scrollLeft = scrolled.scrollWidth;
    }
  });
  document.body.dataset.ready = 'true';
}

start();
