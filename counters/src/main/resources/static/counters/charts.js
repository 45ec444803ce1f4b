// Bar charts drawn as SVG elements by script (no chart library, no inline style or script: the
// pages' Content-Security-Policy refuses both). Each chart names its figures for screen readers.
const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 220;
const LEFT = 40;
const BOTTOM = 40;
const TOP = 18;
/** Charts of few groups still span this width (in the chart's units); bars stay at most BAR wide. */
const MIN_WIDTH = 640;
const BAR = 44;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A round top for the axis: 1, 2, 5 or 10 times a power of ten. */
function niceTop(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= value);
}

/**
 * Grouped vertical bars: one group per category, one bar per series, each bar labelled with its value.
 *
 * @param categories labels under the groups
 * @param series     [{ name: 'wait', label: '待ち / Waiting', values: [...] }], null values drawn as gaps
 * @param describe   the chart's accessible description
 */
export function barChart({ categories, series, describe }) {
  const groupWidth = Math.max(28, series.length * 18 + 10, (MIN_WIDTH - LEFT - 10) / Math.max(1, categories.length));
  const width = LEFT + categories.length * groupWidth + 10;
  const top = niceTop(Math.max(0, ...series.flatMap((s) => s.values.filter((v) => v !== null))));
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value) => TOP + plot - (value / top) * plot;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, class: 'bar-chart', role: 'img',
    'aria-label': describe });
  chart.append(svg('title', {}, describe));
  [0, top / 2, top].forEach((tick) => {
    chart.append(svg('line', { class: 'grid', x1: LEFT, x2: width - 4, y1: y(tick), y2: y(tick) }));
    chart.append(svg('text', { class: 'tick', x: LEFT - 4, y: y(tick) + 4, 'text-anchor': 'end' }, String(Math.round(tick * 10) / 10)));
  });
  const barWidth = Math.min(BAR, (groupWidth - 10) / series.length);
  categories.forEach((category, i) => {
    const x0 = LEFT + i * groupWidth + 5 + (groupWidth - 10 - barWidth * series.length) / 2;
    const middle = LEFT + i * groupWidth + groupWidth / 2;
    series.forEach((s, j) => {
      const value = s.values[i];
      if (value === null || value === undefined) return;
      const bar = svg('rect', { class: `bar series-${j}`, x: x0 + j * barWidth, y: y(value), width: Math.max(1, barWidth - 2),
        height: Math.max(0, TOP + plot - y(value)) });
      bar.append(svg('title', {}, `${category} ${s.label}: ${value}`));
      chart.append(bar);
      if (barWidth >= 12) {
        chart.append(svg('text', { class: 'value', x: x0 + j * barWidth + (barWidth - 2) / 2, y: y(value) - 3, 'text-anchor': 'middle' },
          String(value)));
      }
    });
    const label = svg('text', { class: 'category', x: middle, y: HEIGHT - BOTTOM + 14, 'text-anchor': 'middle' });
    String(category).split('\n').forEach((line, k) => label.append(svg('tspan', { x: middle, dy: k ? 13 : 0 }, line)));
    chart.append(label);
  });
  return chart;
}

/** The chart's key: a swatch per series. */
export function legend(series) {
  const list = document.createElement('ul');
  list.className = 'legend';
  series.forEach((s, j) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch series-${j}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, s.label);
    list.append(item);
  });
  return list;
}
