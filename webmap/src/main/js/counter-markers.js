import { t, label, onLanguage, addMessages } from './i18n.js';
import { element } from './dom.js';
import { refreshOn } from './live.js';

addMessages({
  counterFind: { ja: '窓口を探す', en: 'Find a counter' },
  counterFindLabel: { ja: '窓口を探す：手続きができる近くの窓口と混雑状況', en: 'Find a counter: where a service is handled nearby, and how busy' },
  counterService: { ja: '手続き', en: 'Service' },
  counterFromCentre: { ja: '地図の中心（十字）から探す', en: 'Search from the map centre (the cross)' },
  counterNone: { ja: '本日この手続きができる窓口はありません。', en: 'No counter handles this service today.' },
  counterFailed: { ja: '窓口を探せませんでした。', en: 'The counters could not be searched.' },
  counterByCar: { ja: (minutes) => `車で約${minutes}分`, en: (minutes) => `about ${minutes} min by car` },
  counterVan: { ja: '移動窓口車', en: 'Counter van at' },
  counterNobody: { ja: '待ちなし', en: 'nobody waiting' },
  counterRoute: { ja: (km) => `道のり ${km} km（地図に表示）`, en: (km) => `${km} km by road (shown on the map)` },
  counterWaiting: { ja: (people, minutes) => `待ち${people}人・約${minutes}分`, en: (people, minutes) => `${people} waiting, about ${minutes} min` },
  counterLegend: { ja: '混雑の目安（今から取る整理券の待ち時間）', en: 'How busy: the wait of a ticket taken now' },
  counterUnder: { ja: (minutes) => `${minutes}分未満`, en: (minutes) => `under ${minutes} min` },
  counterFrom: { ja: (minutes) => `${minutes}分以上`, en: (minutes) => `${minutes} min or more` },
  counterTickets: { ja: '整理券・窓口の案内', en: 'Tickets and counters' },
  counterBoard: { ja: '呼出状況', en: 'Now serving' },
  counterClose: { ja: '窓口の検索を閉じる', en: 'Close the counter search' },
});

function crowdingText(office) {
  if (!office.open) return label(office.levelName);
  return `${label(office.levelName)}（${office.waiting ? t('counterWaiting', office.waiting, office.waitMinutes) : t('counterNobody')}）`;
}

/** The office's marker: a dot coloured by its crowding and the level in words, for readers who do not see colour. */
function markerIcon(office) {
  return L.divIcon({
    className: `counter-marker crowding-${office.level}`,
    html: element('span', {}, [element('b', { 'aria-hidden': 'true' }), ` ${label(office.levelName)}`]),
    iconSize: null,
    iconAnchor: [0, 0],
  });
}

function popupBody(office) {
  const code = encodeURIComponent(office.office);
  return element('div', { class: 'chizu-popup counter-popup' }, [
    element('h3', { text: label(office.name) }),
    element('p', { class: `crowding-name crowding-${office.level}`, text: crowdingText(office) }),
    element('p', {}, [element('a', { href: '/counters', text: t('counterTickets') }), ' · ',
      element('a', { href: `/counters/board/${code}`, text: t('counterBoard') })]),
  ]);
}

/**
 * The public map's service counters: each office a marker coloured by how crowded it is now
 * (空いています / やや混雑 / 混雑), updated by the live topic the crowding answer names; and a
 * control that lists the counters handling a service, nearest by road from the map's centre first.
 * Draws nothing where the town runs no counters.
 */
export function followCounters(map, live) {
  const markers = new Map();
  const offices = new Map();
  let thresholds = null;
  let levelNames = {};

  function place(office) {
    offices.set(office.office, office);
    const title = `${label(office.name)}：${crowdingText(office)}`;
    let marker = markers.get(office.office);
    if (!marker) {
      marker = L.marker([office.lat, office.lon], { icon: markerIcon(office), title, riseOnHover: true })
        .bindPopup(() => popupBody(offices.get(office.office)), { maxWidth: 280 })
        .addTo(map);
      markers.set(office.office, marker);
    } else {
      marker.setIcon(markerIcon(office));
      if (marker.isPopupOpen()) marker.setPopupContent(popupBody(office));
    }
    const icon = marker.getElement();
    if (icon) {
      icon.setAttribute('title', title);
      icon.setAttribute('aria-label', title);
      icon.dataset.office = office.office;
      icon.dataset.level = office.level;
    }
  }

  async function refresh() {
    try {
      const response = await fetch('/api/counters/crowding', { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const answer = await response.json();
      thresholds = answer.thresholds;
      levelNames = Object.fromEntries(answer.levels.map((level) => [level.level, level.name]));
      answer.offices.forEach(place);
      document.body.dataset.counters = String(offices.size);
      finder.showLegend();
    } catch (e) {
      // The next event or poll tries again; the markers keep their last colours meanwhile.
    }
  }

  const finder = counterFinder(map, () => thresholds, () => levelNames, (code) => markers.get(code), (code) => offices.get(code));
  onLanguage(() => offices.forEach(place));
  refreshOn(live, 'counters.crowding', refresh);
}

/** The "find a counter" control: a service, the map's centre, the answers by travel time. */
function counterFinder(map, thresholds, levelNames, markerOf, crowdingOf) {
  const select = element('select', { id: 'counter-service' });
  const results = element('ol', { id: 'counter-results', class: 'counter-results', 'aria-live': 'polite' });
  const legend = element('p', { class: 'counter-legend' });
  const search = element('button', { type: 'button', id: 'counter-search' });
  const label_ = element('label', { for: 'counter-service' });
  const close = element('button', { type: 'button', class: 'close', text: '×' });
  const body = element('div', { class: 'counter-finder-body', id: 'counter-finder-body', hidden: '' },
    [element('div', { class: 'counter-finder-head' }, [label_, close]), select, search, legend, results]);
  const toggle = element('button', { type: 'button', id: 'counter-finder-button', class: 'counter-finder-button',
    'aria-controls': 'counter-finder-body', 'aria-expanded': 'false' });
  let services = [];

  const open = (shown) => {
    body.hidden = !shown;
    toggle.hidden = shown;
    toggle.setAttribute('aria-expanded', String(shown));
    if (shown && !services.length) loadServices();
  };
  toggle.addEventListener('click', () => open(true));
  close.addEventListener('click', () => { open(false); toggle.focus(); });

  async function loadServices() {
    try {
      const response = await fetch('/api/counters/services', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(response.statusText);
      services = (await response.json()).services;
      renderServices();
    } catch (e) {
      results.replaceChildren(element('li', { text: t('counterFailed') }));
    }
  }

  function renderServices() {
    const chosen = select.value;
    select.replaceChildren(...services.map((service) => element('option', { value: service.code, text: label(service.name) })));
    if (chosen) select.value = chosen;
  }

  let route = null;

  /** A van stop has no marker of its own: the one the road goes to is marked while the road is shown. */
  const vanStopMarker = (stop) => L.marker([stop.place.lat, stop.place.lon], {
    interactive: false,
    keyboard: false,
    icon: L.divIcon({ className: 'counter-marker counter-van-stop', iconSize: null, iconAnchor: [0, 0],
      html: element('span', {}, [element('b', { 'aria-hidden': 'true' }), ` ${t('counterVan')} ${label(stop.name)}`]) }),
  });

  /**
   * Draws the road from where the search started to the office or van stop, fits the map to it and
   * opens the office's marker (or marks the stop). The destination is {office} or {stop} of the nearest answer.
   */
  async function showRoute(from, destination, item) {
    route?.remove();
    route = L.featureGroup().addTo(map);
    item.querySelector('.route')?.remove();
    const goal = destination.office || destination.stop;
    const to = destination.office ? `office=${encodeURIComponent(goal.code)}` : `stop=${goal.id}`;
    if (destination.stop) route.addLayer(vanStopMarker(goal));
    try {
      const response = await fetch(`/api/counters/route?lon=${from.lng.toFixed(6)}&lat=${from.lat.toFixed(6)}&${to}`,
        { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(response.statusText);
      const answer = await response.json();
      if (answer.geometry) {
        const road = L.geoJSON(answer.geometry, { interactive: false, style: { className: 'counter-route' } });
        route.addLayer(road);
        map.fitBounds(road.getBounds().extend([goal.place.lat, goal.place.lon]), { padding: [40, 40], maxZoom: 16 });
      } else {
        map.setView([goal.place.lat, goal.place.lon], Math.max(map.getZoom(), 15));
      }
      item.append(element('span', { class: 'route', text: t('counterRoute', (answer.metres / 1000).toFixed(1)) }));
    } catch (e) {
      map.setView([goal.place.lat, goal.place.lon], Math.max(map.getZoom(), 15));
    }
    if (destination.office) markerOf(goal.code)?.openPopup();
  }

  search.addEventListener('click', async () => {
    route?.remove();
    route = null;
    const centre = map.getCenter();
    try {
      const response = await fetch(`/api/counters/nearest?lon=${centre.lng.toFixed(6)}&lat=${centre.lat.toFixed(6)}`
        + `&service=${encodeURIComponent(select.value)}`, { headers: { Accept: 'application/json' } });
      const answer = await response.json();
      if (!response.ok) throw new Error(label(answer.message) || response.statusText);
      if (!answer.counters.length) {
        results.replaceChildren(element('li', { text: t('counterNone') }));
        return;
      }
      results.replaceChildren(...answer.counters.map((counter) => {
        // An answer is an office, or (where the town runs one) a stop of the counter van.
        const office = counter.office;
        const go = element('button', { type: 'button', class: 'link', 'data-office': office?.code, 'data-stop': counter.vanStop?.id,
          text: office ? label(office.name) : `${t('counterVan')} ${label(counter.vanStop.name)}` });
        go.addEventListener('click', () => showRoute(centre, office ? { office } : { stop: counter.vanStop }, go.parentElement));
        const now = office && crowdingOf(office.code);
        return element('li', {}, [go, ' ', element('span', { class: 'travel',
          text: t('counterByCar', Math.max(1, Math.round(counter.travelSeconds / 60))) }),
        now ? element('span', { class: `crowding-name crowding-${now.level}`, text: crowdingText(now) }) : '']);
      }));
    } catch (e) {
      results.replaceChildren(element('li', { text: e.message || t('counterFailed') }));
    }
  });

  const Control = L.Control.extend({
    onAdd: () => {
      const box = element('div', { class: 'leaflet-bar counter-finder' }, [toggle, body]);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    },
  });
  // Top left under the zoom buttons: the notices (tiles offline, alerts) take the top's middle and right.
  new Control({ position: 'topleft' }).addTo(map);

  function showLegend() {
    const limits = thresholds();
    if (!limits) return;
    const levels = [['quiet', t('counterUnder', limits.busyMinutes)], ['busy', t('counterUnder', limits.crowdedMinutes)],
      ['crowded', t('counterFrom', limits.crowdedMinutes)]];
    legend.replaceChildren(element('span', { text: t('counterLegend') }), ...levels.map(([level, range]) =>
      element('span', { class: `crowding-name crowding-${level}`, text: `${label(levelNames()[level])} ${range}` })));
  }

  onLanguage(() => {
    toggle.textContent = t('counterFind');
    toggle.setAttribute('aria-label', t('counterFindLabel'));
    label_.textContent = t('counterService');
    search.textContent = t('counterFromCentre');
    close.setAttribute('aria-label', t('counterClose'));
    renderServices();
    showLegend();
  });
  return { showLegend };
}
