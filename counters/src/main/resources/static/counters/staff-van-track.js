import { api, bilingual, element, problemText } from './common.js';
import { frame, svg } from './van-sketch.js';

// Staff's view of where the van went on a day: the positions its tablet (or staff) posted, drawn in
// time order among the route's stops with the times, listed in a table, and downloadable as CSV.
const box = document.getElementById('track');
const todayInJapan = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
const time = (at) => at.slice(11, 19);
let route = null;

const dateInput = element('input', { type: 'date', id: 'track-date', value: todayInJapan() });
const csv = element('a', { class: 'csv', download: '' }, bilingual({ ja: 'CSVで保存', en: 'Download CSV' }));
const drawing = svg('svg', { viewBox: '0 0 320 200', class: 'van-sketch track-sketch', role: 'img' });
const summary = element('p', { class: 'track-summary', role: 'status' });
const rows = element('tbody');
box.replaceChildren(
  element('div', { class: 'track-head' }, element('label', { for: 'track-date' }, bilingual({ ja: '日付', en: 'Day' })), dateInput, csv),
  summary, drawing,
  element('div', { class: 'track-table', tabindex: '0', role: 'region', 'aria-label': '送信された位置の一覧 / positions posted' }, element('table', {},
    element('caption', {}, bilingual({ ja: '送信された位置', en: 'Positions posted' })),
    element('thead', {}, element('tr', {},
      element('th', { scope: 'col' }, bilingual({ ja: '時刻', en: 'Time' })),
      element('th', { scope: 'col' }, bilingual({ ja: '経度・緯度', en: 'Lon, lat' })),
      element('th', { scope: 'col' }, bilingual({ ja: '送信者', en: 'Posted by' })))),
    rows)));

function draw(positions) {
  const places = route.stops.map((stop) => stop.place).concat(positions);
  const { x, y } = frame(places, 320, 200);
  const at = (place) => `${x(place.lon).toFixed(1)},${y(place.lat).toFixed(1)}`;
  drawing.setAttribute('aria-label', `${route.name.ja}の${dateInput.value}の走行記録（${positions.length}地点） / the van's track`);
  drawing.replaceChildren();
  route.stops.forEach((stop, i) => {
    drawing.append(svg('circle', { cx: x(stop.place.lon), cy: y(stop.place.lat), r: 7, class: 'stop' }));
    const label = svg('text', { x: x(stop.place.lon) + 10, y: y(stop.place.lat) + 4, class: 'stop-label' });
    label.textContent = `${i + 1}`;
    drawing.append(label);
  });
  if (positions.length > 1) drawing.append(svg('polyline', { points: positions.map(at).join(' '), class: 'track-line' }));
  positions.forEach((position, i) => {
    const dot = svg('circle', { cx: x(position.lon), cy: y(position.lat), r: 3.5, class: 'track-point', 'data-at': position.at });
    const title = svg('title');
    title.textContent = time(position.at);
    dot.append(title);
    drawing.append(dot);
    if (i === 0 || i === positions.length - 1) {
      const label = svg('text', { x: x(position.lon) + 6, y: y(position.lat) - 6, class: 'track-time' });
      label.textContent = time(position.at).slice(0, 5);
      drawing.append(label);
    }
  });
}

async function load() {
  if (!route) return;
  const path = `/staff/api/counters/van/routes/${encodeURIComponent(route.code)}/track`;
  const day = dateInput.value;
  csv.href = `${path}.csv?date=${encodeURIComponent(day)}`;
  try {
    const answer = await api(`${path}?date=${encodeURIComponent(day)}`);
    if (answer.date !== day || answer.route !== route.code) return; // another day or route was chosen meanwhile
    const positions = answer.positions;
    box.dataset.points = positions.length;
    summary.replaceChildren(bilingual(positions.length
      ? { ja: `${day}：${time(positions[0].at).slice(0, 5)}〜${time(positions.at(-1).at).slice(0, 5)}、${positions.length}地点`,
        en: `${day}: ${time(positions[0].at).slice(0, 5)}–${time(positions.at(-1).at).slice(0, 5)}, ${positions.length} positions` }
      : { ja: `${day}：位置の記録はありません。`, en: `${day}: no positions posted.` }));
    draw(positions);
    rows.replaceChildren(...positions.map((position) => element('tr', {},
      element('td', { class: 'when', text: time(position.at) }),
      element('td', { text: `${position.lon.toFixed(5)}, ${position.lat.toFixed(5)}` }),
      element('td', { text: position.postedBy }))));
  } catch (error) {
    summary.textContent = problemText(error);
  }
}

document.addEventListener('van-route', (event) => {
  const changed = route?.code !== event.detail.code;
  route = event.detail;
  if (changed || !box.dataset.points) load();
});
dateInput.addEventListener('change', load);
