import { t, label, language, onLanguage, addMessages } from './i18n.js';
import { element } from './dom.js';
import { refreshOn } from './live.js';
import { levelSeverity } from './levels.js';

addMessages({
  sensorNormal: { ja: '基準未満', en: 'Below all levels' },
  sensorNoReading: { ja: '観測値なし', en: 'No reading yet' },
  sensorLastDay: { ja: '過去24時間', en: 'Last 24 hours' },
  sensorDayUnavailable: { ja: '過去24時間の観測値を読み込めませんでした。', en: 'The last 24 hours could not be loaded.' },
  sensorObservedAt: { ja: '観測時刻', en: 'Observed' },
  sensorSubscribe: { ja: 'この観測所の防災情報をメールで受け取る', en: 'E-mail me this station\'s alerts' },
  sensorEmail: { ja: 'メールアドレス', en: 'E-mail address' },
  sensorSubscribeButton: { ja: '登録', en: 'Subscribe' },
  sensorSubscribed: {
    ja: '確認メールを送りました。メール内のリンクを開き、「登録を完了する」を押してください。',
    en: 'We sent you an e-mail: open its link and press Confirm.',
  },
  sensorSubscribeFailed: { ja: '登録できませんでした。アドレスを確かめてください。', en: 'That did not work; please check the address.' },
  sensorSparkline: {
    ja: (observes, low, high, unit) => `${observes}の過去24時間の推移：最低${low}${unit}、最高${high}${unit}`,
    en: (observes, low, high, unit) => `${observes} over the last 24 hours: lowest ${low} ${unit}, highest ${high} ${unit}`,
  },
});

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 260;
const HEIGHT = 72;
const PAD = 4;

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function number(value) {
  return value === null || value === undefined ? '—' : String(Math.round(value * 100) / 100);
}

function clock(instant) {
  return new Date(instant).toLocaleString(language() === 'ja' ? 'ja-JP' : 'en-GB',
    { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * The day's readings as a line, with the sensor's level lines dashed where they fall in its range;
 * drawn as SVG elements (no inline script or style: the page's Content-Security-Policy refuses both).
 */
function sparkline(sensor, day) {
  const low = Math.min(...day.values);
  const high = Math.max(...day.values);
  const bottom = Math.min(low, ...sensor.lines.filter((line) => line < low).slice(-1));
  const top = Math.max(high, ...sensor.lines.filter((line) => line > high).slice(0, 1));
  const span = top - bottom || 1;
  const first = Date.parse(day.times[0]);
  const duration = Date.parse(day.times[day.times.length - 1]) - first || 1;
  const x = (time) => (PAD + ((Date.parse(time) - first) / duration) * (WIDTH - 2 * PAD)).toFixed(1);
  const y = (value) => (HEIGHT - PAD - ((value - bottom) / span) * (HEIGHT - 2 * PAD)).toFixed(1);
  const description = t('sensorSparkline', label(sensor.observes), number(low), number(high), sensor.unit);
  const chart = svg('svg', { class: 'sparkline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': description });
  const title = svg('title');
  title.textContent = description;
  chart.append(title);
  sensor.lines.forEach((line, i) => {
    if (line >= bottom && line <= top) {
      chart.append(svg('line', { class: `level-line sev-${levelSeverity(sensor.scheme, i + 1)}`, x1: PAD, x2: WIDTH - PAD, y1: y(line), y2: y(line) }));
    }
  });
  chart.append(svg('polyline', { class: 'reading-line', points: day.times.map((time, i) => `${x(time)},${y(day.values[i])}`).join(' ') }));
  return chart;
}

/** The value as the marker shows it; its accessible name contains the same text. */
function shownValue(sensor) {
  return sensor.value === null ? '—' : `${number(sensor.value)} ${sensor.unit}`;
}

function markerIcon(sensor) {
  const severity = levelSeverity(sensor.scheme, sensor.level);
  return L.divIcon({
    className: `sensor-marker sev-${severity}`,
    html: element('span', { text: shownValue(sensor) }),
    iconSize: null,
    iconAnchor: [0, 0],
  });
}

function markerTitle(sensor) {
  const reading = sensor.value === null ? `— ${t('sensorNoReading')}` : shownValue(sensor);
  return `${sensor.thing}：${label(sensor.observes)} ${reading}（${sensor.levelName ? label(sensor.levelName) : t('sensorNormal')}）`;
}

/**
 * The public map's sensors: each a marker with its latest value, coloured by the level it stands at,
 * refreshed by the live topic "readings" of the connection live; tapping one opens its last 24 hours.
 */
export function followSensors(map, live) {
  const markers = new Map();
  const sensors = new Map();

  /** A form that subscribes an address to the sensor's alerts (the server mails a confirmation link). */
  function subscribeForm(sensor) {
    const input = element('input', { type: 'email', name: 'email', required: 'required', autocomplete: 'email',
      id: `subscribe-${sensor.datastreamId}` });
    const result = element('p', { class: 'subscribe-result', role: 'status' });
    const form = element('form', { class: 'subscribe' }, [
      element('label', { for: input.id, text: t('sensorSubscribe') }),
      element('div', { class: 'subscribe-row' }, [input, element('button', { type: 'submit', text: t('sensorSubscribeButton') })]),
      result,
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const response = await fetch('/api/alerts/subscriptions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ email: input.value, datastreamId: sensor.datastreamId }),
        });
        result.textContent = t(response.ok ? 'sensorSubscribed' : 'sensorSubscribeFailed');
      } catch (e) {
        result.textContent = t('sensorSubscribeFailed');
      }
    });
    return form;
  }

  async function popupBody(sensor) {
    const body = element('div', { class: 'chizu-popup sensor-popup' }, [
      element('h3', { text: sensor.thing }),
      element('p', { class: 'reading' }, [
        `${label(sensor.observes)} `,
        element('strong', { text: sensor.value === null ? t('sensorNoReading') : shownValue(sensor) }),
        ' ',
        element('span', { class: `level-name sev-${levelSeverity(sensor.scheme, sensor.level)}`,
          text: sensor.levelName ? label(sensor.levelName) : t('sensorNormal') }),
      ]),
      sensor.observedAt ? element('p', { class: 'observed', text: `${t('sensorObservedAt')} ${clock(sensor.observedAt)}` }) : '',
      element('h4', { text: t('sensorLastDay') }),
    ]);
    try {
      const response = await fetch(`/api/sensors/${sensor.datastreamId}/day`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(response.statusText);
      const day = await response.json();
      if (day.values.length > 1) {
        body.append(sparkline(sensor, day), element('p', { class: 'sparkline-range',
          text: `${clock(day.times[0])} – ${clock(day.times[day.times.length - 1])}　${number(Math.min(...day.values))}–${number(Math.max(...day.values))} ${sensor.unit}` }));
      } else {
        body.append(element('p', { text: t('sensorNoReading') }));
      }
    } catch (e) {
      body.append(element('p', { text: t('sensorDayUnavailable') }));
    }
    body.append(subscribeForm(sensor));
    return body;
  }

  /** Moves the map down when the notices over it (the alert banner …) cover the top of an open popup. */
  function panClearOfNotices(popup) {
    const box = popup.getElement()?.getBoundingClientRect();
    const notices = document.querySelector('.notices')?.getBoundingClientRect();
    if (box && notices && notices.height > 0 && box.top < notices.bottom + 8 && box.left < notices.right && box.right > notices.left) {
      map.panBy([0, box.top - notices.bottom - 8]);
    }
  }

  async function showPopup(id) {
    const marker = markers.get(id);
    const body = await popupBody(sensors.get(id));
    if (marker.isPopupOpen()) {
      marker.setPopupContent(body);
      panClearOfNotices(marker.getPopup());
    }
  }

  function place(sensor) {
    sensors.set(sensor.datastreamId, sensor);
    let marker = markers.get(sensor.datastreamId);
    if (!marker) {
      marker = L.marker([sensor.lat, sensor.lon], { icon: markerIcon(sensor), title: markerTitle(sensor), riseOnHover: true })
        .bindPopup(() => element('p', { text: '…' }), { maxWidth: 300, minWidth: 200 })
        .on('popupopen', () => showPopup(sensor.datastreamId))
        .addTo(map);
      markers.set(sensor.datastreamId, marker);
    } else {
      marker.setIcon(markerIcon(sensor));
    }
    const icon = marker.getElement();
    if (icon) {
      icon.setAttribute('title', markerTitle(sensor));
      icon.setAttribute('aria-label', markerTitle(sensor));
      icon.dataset.datastream = String(sensor.datastreamId);
      icon.dataset.level = String(sensor.level);
    }
    // A new reading redraws an open popup, unless the reader is typing an address in it.
    const typed = marker.getPopup()?.getElement()?.querySelector('.subscribe input')?.value;
    if (marker.isPopupOpen() && !typed) showPopup(sensor.datastreamId);
  }

  async function refresh() {
    try {
      const response = await fetch('/api/sensors', { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      (await response.json()).sensors.forEach(place);
      document.body.dataset.sensors = String(sensors.size);
    } catch (e) {
      // The next event or poll tries again; the markers keep their last values meanwhile.
    }
  }

  onLanguage(() => sensors.forEach(place));
  refreshOn(live, 'readings', refresh);
}
