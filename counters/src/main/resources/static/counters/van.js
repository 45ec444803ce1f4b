import { api, bilingual, element, problemText } from './common.js';
import { frame, lines, pointOf, svg } from './van-sketch.js';

// The van's page, phone first: each route's live position drawn among its stops with "arriving in N
// minutes" at the next stop (pushed on the route's live topic), the road to a stop from where the
// resident is (or a point tapped on the sketch), its timetable, an iCalendar link, and a stop's slots
// to reserve.
const routesBox = document.getElementById('routes');
const status = document.getElementById('van-status');
const WEEKDAYS = { MONDAY: ['月', 'Mon', 1], TUESDAY: ['火', 'Tue', 2], WEDNESDAY: ['水', 'Wed', 3], THURSDAY: ['木', 'Thu', 4],
  FRIDAY: ['金', 'Fri', 5], SATURDAY: ['土', 'Sat', 6], SUNDAY: ['日', 'Sun', 7] };

const hhmm = (time) => time.slice(0, 5);
const clock = (iso) => iso.slice(11, 16);
const seenAt = (instant) => new Date(instant).toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/**
 * A sketch of the round: stops, the van and (once asked for) the road from the resident to a stop,
 * placed by longitude and latitude in a frame that holds them all, redrawn as they change; no map
 * tiles needed. While a start is being picked, a tap on the sketch is read back as a place.
 */
function sketch(route) {
  const drawing = svg('svg', { viewBox: '0 0 320 180', class: 'van-sketch', role: 'img', 'aria-label': `${route.name.ja}の停車地と車両の位置 / stops and the van` });
  let position = null;
  let trip = null;
  let fitted = null;
  const redraw = () => {
    const roads = lines(trip?.geometry);
    const places = route.stops.map((stop) => stop.place).concat(position ? [position] : [], trip ? [trip.from] : [], ...roads);
    fitted = frame(places, 320, 180);
    const { x, y } = fitted;
    const at = (place) => `${x(place.lon).toFixed(1)},${y(place.lat).toFixed(1)}`;
    drawing.replaceChildren(svg('polyline', { points: route.stops.map((s) => at(s.place)).join(' '), class: 'leg' }));
    roads.forEach((road) => drawing.append(svg('polyline', { points: road.map(at).join(' '), class: 'road-route' })));
    route.stops.forEach((stop, i) => {
      const chosen = trip?.stop === stop.id;
      drawing.append(svg('circle', { cx: x(stop.place.lon), cy: y(stop.place.lat), r: chosen ? 9 : 7, class: chosen ? 'stop chosen' : 'stop', 'data-stop': stop.id }));
      const label = svg('text', { x: x(stop.place.lon) + 10, y: y(stop.place.lat) + 4, class: 'stop-label' });
      label.textContent = `${i + 1}`;
      drawing.append(label);
    });
    if (trip) {
      drawing.append(svg('circle', { cx: x(trip.from.lon), cy: y(trip.from.lat), r: 6, class: 'start' }));
      const label = svg('text', { x: x(trip.from.lon) + 9, y: y(trip.from.lat) - 6, class: 'start-label' });
      label.textContent = '出発 Start';
      drawing.append(label);
    }
    if (position) {
      const van = svg('g', { class: 'van', transform: `translate(${x(position.lon).toFixed(1)},${y(position.lat).toFixed(1)})` });
      van.append(svg('rect', { x: -10, y: -7, width: 20, height: 14, rx: 3 }));
      drawing.append(van);
      drawing.dataset.van = `${position.lon},${position.lat}`;
    }
  };
  drawing.place = (where) => { position = where; redraw(); };
  drawing.showTrip = (shown) => { trip = shown; redraw(); };
  /** The place under a tap or click on the sketch. */
  drawing.placeAt = (event) => { const point = pointOf(drawing, event); return fitted.place(point.x, point.y); };
  redraw();
  return drawing;
}

function liveText(live) {
  if (!live.position) return { ja: 'まだ出発していません', en: 'Not on its round yet' };
  if (!live.nextStop) return { ja: '本日の巡回は終了しました', en: "Today's round is over" };
  const where = live.nextStop.name;
  if (live.atStop) return { ja: `${where.ja}に停車中`, en: `At ${where.en} now` };
  if (live.arrivingInMinutes === null) return { ja: `次は${where.ja}`, en: `Next: ${where.en}` };
  return { ja: `次は${where.ja}：あと約${live.arrivingInMinutes}分`, en: `Next: ${where.en}, arriving in about ${live.arrivingInMinutes} min` };
}

function showLive(card, drawing, live) {
  const box = card.querySelector('.van-live');
  box.dataset.arrivingIn = live.arrivingInMinutes ?? '';
  box.dataset.atStop = live.atStop ? 'yes' : 'no';
  box.replaceChildren(bilingual(liveText(live), 'strong'));
  if (live.position) box.append(element('span', { class: 'seen', text: `${seenAt(live.position.at)} 更新 / updated` }));
  if (live.position) drawing.place(live.position);
  card.querySelectorAll('.timetable tr[data-stop]').forEach((row) => row.classList.toggle('next', live.nextStop?.id === Number(row.dataset.stop)));
}

/** The next days (two weeks) the route runs on, as YYYY-MM-DD in Japan's time. */
function runningDays(route) {
  const days = [];
  const today = new Date(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).replace(' ', 'T'));
  const weekdays = route.weekdays.map((day) => WEEKDAYS[day][2] % 7);
  for (let i = 0; i < 15; i += 1) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i);
    if (weekdays.includes(day.getDay())) {
      days.push(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`);
    }
  }
  return days;
}

async function showSlots(stop, date, box) {
  const message = box.querySelector('.reserve-status');
  const list = box.querySelector('.slots');
  try {
    const answer = await api(`/api/counters/van/stops/${stop.id}/slots?date=${date}`);
    if (box.querySelector('select').value !== date) return; // another day was chosen meanwhile
    if (!answer.slots.length) {
      list.replaceChildren(element('li', {}, bilingual({ ja: 'この日は停車しません', en: 'The van does not stop here that day' })));
      return;
    }
    list.replaceChildren(...answer.slots.map((slot) => {
      const button = element('button', { type: 'button', class: `slot ${slot.state}`, 'data-start': slot.start, disabled: slot.state !== 'free' },
        `${clock(slot.start)}–${clock(slot.end)}`);
      button.addEventListener('click', () => reserve(stop, slot, date, box));
      return element('li', {}, button);
    }));
  } catch (error) {
    message.textContent = problemText(error);
  }
}

async function reserve(stop, slot, date, box) {
  const message = box.querySelector('.reserve-status');
  try {
    await api(`/api/counters/van/stops/${stop.id}/reservations`, { method: 'POST', body: { start: slot.start } });
    message.replaceChildren(bilingual({ ja: `${date} ${clock(slot.start)}〜 の予約を受け付けました。`, en: `Reserved: ${date} from ${clock(slot.start)}.` }));
    message.className = 'reserve-status done';
  } catch (error) {
    const signIn = error.problem?.status === 401 || error.problem?.status === 403 || /HTTP 40[13]/.test(error.message);
    message.replaceChildren(signIn
      ? element('a', { href: '/login' }, bilingual({ ja: '予約にはログインしてください', en: 'Sign in to reserve' }))
      : element('span', { text: problemText(error) }));
    message.className = 'reserve-status';
  }
  showSlots(stop, date, box);
}

function reserveBox(route, stop) {
  const days = runningDays(route);
  const id = `date-${stop.id}`;
  const select = element('select', { id }, ...days.map((day) => element('option', { value: day, text: day })));
  const box = element('details', { class: 'reserve', 'data-stop': stop.id },
    element('summary', {}, bilingual({ ja: '予約する', en: 'Reserve a slot' })),
    element('label', { for: id }, bilingual({ ja: '日付', en: 'Date' })), select,
    element('ul', { class: 'slots' }), element('p', { class: 'reserve-status', role: 'status' }));
  box.addEventListener('toggle', () => { if (box.open) showSlots(stop, select.value, box); });
  select.addEventListener('change', () => showSlots(stop, select.value, box));
  return box;
}

const km = (metres) => (metres / 1000).toFixed(1);

/**
 * 停車地への道順: the road from the resident to a stop, over the same road network and address as the
 * public map's counter search. The start is the phone's location; where that is refused or unknown,
 * the resident taps where they start on the sketch.
 */
function directions(route, drawing) {
  const id = `to-${route.code}`;
  const select = element('select', { id, class: 'to-stop' },
    ...route.stops.map((stop, i) => element('option', { value: stop.id, text: `${i + 1}. ${stop.name.ja} / ${stop.name.en}` })));
  const here = element('button', { type: 'button', class: 'primary from-here' }, bilingual({ ja: '現在地から', en: 'From my location' }));
  const pick = element('button', { type: 'button', class: 'pick-start' }, bilingual({ ja: '図で出発地を選ぶ', en: 'Pick a start on the sketch' }));
  const answer = element('p', { class: 'route-answer', role: 'status' });
  const box = element('section', { class: 'directions', 'data-route': route.code },
    element('h3', {}, bilingual({ ja: '停車地への道順（車）', en: 'Directions to a stop (by road)' })),
    element('label', { for: id }, bilingual({ ja: '行き先', en: 'To' })), select,
    element('div', { class: 'direction-buttons' }, here, pick), answer);
  const stopOf = () => route.stops.find((stop) => stop.id === Number(select.value));
  const say = (label, state) => { answer.replaceChildren(bilingual(label)); box.dataset.state = state; };

  async function show(from, fromWhat) {
    const stop = stopOf();
    say({ ja: '道順を調べています…', en: 'Finding the road…' }, 'finding');
    try {
      const road = await api(`/api/counters/route?lon=${from.lon.toFixed(6)}&lat=${from.lat.toFixed(6)}&stop=${stop.id}`);
      drawing.showTrip({ from, stop: stop.id, geometry: road.geometry });
      const minutes = Math.max(1, Math.round(road.travelSeconds / 60));
      box.dataset.metres = road.metres;
      say(road.geometry
        ? { ja: `${fromWhat.ja}${stop.name.ja}まで 道のり${km(road.metres)} km・車で約${minutes}分（図の青い線）`,
          en: `${fromWhat.en} to ${stop.name.en}: ${km(road.metres)} km by road, about ${minutes} min by car (the blue line)` }
        : { ja: `${stop.name.ja}はすぐ近くです。`, en: `${stop.name.en} is right by you.` }, 'shown');
    } catch (error) {
      say({ ja: problemText(error), en: '' }, 'failed');
    }
  }

  function picking() {
    drawing.classList.add('picking');
    box.dataset.state = 'picking';
  }
  drawing.addEventListener('click', (event) => {
    if (!drawing.classList.contains('picking')) return;
    drawing.classList.remove('picking');
    show(drawing.placeAt(event), { ja: 'タップした地点から', en: 'From the point you tapped' });
  });
  pick.addEventListener('click', () => {
    picking();
    say({ ja: '上の図で、出発する地点をタップしてください。', en: 'Tap where you start from on the sketch above.' }, 'picking');
  });
  here.addEventListener('click', () => {
    if (!navigator.geolocation) {
      picking();
      say({ ja: 'この端末では現在地を使えません。上の図で出発する地点をタップしてください。',
        en: 'This device cannot give its location: tap where you start from on the sketch above.' }, 'picking');
      return;
    }
    say({ ja: '現在地を確かめています…', en: 'Finding where you are…' }, 'locating');
    navigator.geolocation.getCurrentPosition(
      (found) => show({ lon: found.coords.longitude, lat: found.coords.latitude }, { ja: '現在地から', en: 'From your location' }),
      () => {
        picking();
        say({ ja: '現在地を取得できませんでした。上の図で出発する地点をタップしてください。',
          en: 'Your location is not available: tap where you start from on the sketch above.' }, 'picking');
      },
      { timeout: 10000, maximumAge: 60000 });
  });
  return box;
}

function routeCard({ route, today, calendar }) {
  const days = route.weekdays.slice().sort((a, b) => WEEKDAYS[a][2] - WEEKDAYS[b][2]);
  const drawing = sketch(route);
  const rows = route.stops.map((stop, i) => element('tr', { 'data-stop': stop.id },
    element('td', { class: 'when', text: `${hhmm(stop.arrives)}–${hhmm(stop.departs)}` }),
    element('td', {}, element('strong', {}, `${i + 1}. `, bilingual(stop.name)),
      element('span', { class: 'address', text: stop.place.address || '' }),
      element('ul', { class: 'offered' }, ...stop.services.map((service) => element('li', {}, bilingual(service.name)))),
      reserveBox(route, stop))));
  const card = element('article', { class: 'van-route', 'data-route': route.code },
    element('h2', {}, bilingual(route.name)),
    element('p', { class: 'days' }, element('span', { lang: 'ja', text: `毎週 ${days.map((d) => WEEKDAYS[d][0]).join('・')}曜日` }), ' ',
      element('span', { class: 'en', lang: 'en', text: `Every ${days.map((d) => WEEKDAYS[d][1]).join(', ')}` }), ' ',
      element('span', { class: today.hours ? 'today open' : 'today closed' },
        bilingual(today.hours ? { ja: '本日運行', en: 'Running today' } : { ja: '本日運休', en: 'Not today' }))),
    element('div', { class: 'van-live', 'aria-live': 'polite' }),
    drawing,
    directions(route, drawing),
    element('table', { class: 'timetable' },
      element('caption', {}, bilingual({ ja: '時刻表', en: 'Timetable' })),
      element('thead', {}, element('tr', {}, element('th', { scope: 'col' }, bilingual({ ja: '時間', en: 'Time' })),
        element('th', { scope: 'col' }, bilingual({ ja: '停車地・手続き', en: 'Stop and services' })))),
      element('tbody', {}, ...rows)),
    element('p', { class: 'links' }, element('a', { href: calendar, class: 'ical' },
      bilingual({ ja: 'カレンダーに登録（iCal）', en: 'Add to your calendar (iCal)' }))));
  follow(route, card, drawing);
  return card;
}

function follow(route, card, drawing) {
  const load = () => api(`/api/counters/van/routes/${encodeURIComponent(route.code)}/live`)
    .then((live) => showLive(card, drawing, live)).catch(() => {});
  const topic = `counters.van.${route.code}`;
  const source = new EventSource(`/events?topic=${encodeURIComponent(topic)}`);
  source.addEventListener(topic, (event) => showLive(card, drawing, JSON.parse(event.data)));
  source.onopen = () => { card.dataset.live = 'live'; load(); };
  source.onerror = () => { card.dataset.live = 'reconnecting'; };
  load();
}

api('/api/counters/van/routes').then((answer) => {
  if (!answer.routes.length) {
    routesBox.replaceChildren(element('p', {}, bilingual({ ja: '移動窓口車の路線はまだありません。', en: 'No van routes yet.' })));
    return;
  }
  routesBox.replaceChildren(...answer.routes.map(routeCard));
}).catch((error) => { status.textContent = problemText(error); });
