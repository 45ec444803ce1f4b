import { t, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { createBasemaps } from './basemaps.js';
import { createOwnBackground } from './own-background.js';
import { createOverlays, popupContent } from './overlays.js';
import { createPanel } from './panel.js';
import { createSafety } from './safety.js';
import { followAlerts } from './live-alerts.js';
import { connectLive } from './live.js';
import { followSensors } from './sensor-markers.js';
import { followCounters } from './counter-markers.js';

// Japan as a whole, when neither the address nor the layers say where to look.
const JAPAN = { center: [36.2, 138.2], zoom: 5 };

/** The view in the address (#map=zoom/lat/lon, or #zoom/lat/lon as other maps write it), so a view can be shared. */
function viewFromHash() {
  const match = /^#(?:map=)?(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(window.location.hash);
  return match ? { zoom: Number(match[1]), center: [Number(match[2]), Number(match[3])] } : null;
}

/**
 * Writes each view into the address, and moves to a view typed or pasted there. The report link
 * carries the same view, so the report page opens where the resident was looking.
 */
function keepViewInHash(map) {
  const reportLink = document.getElementById('report-link');
  const view = () => {
    const c = map.getCenter();
    return `#map=${map.getZoom()}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}`;
  };
  reportLink.setAttribute('href', `/report${view()}`);
  map.on('moveend', () => {
    history.replaceState(null, '', view());
    reportLink.setAttribute('href', `/report${view()}`);
  });
  window.addEventListener('hashchange', () => {
    const view = viewFromHash();
    if (view) map.setView(view.center, view.zoom);
  });
}

/** The union of the layers' TileJSON bounds, where the town's data is; empty layers claim the whole world. */
function dataBounds(overlays) {
  const all = overlays.map((o) => o.tileJson.bounds)
    .filter((b) => Array.isArray(b) && b.length === 4 && b[2] - b[0] < 360)
    .map(([west, south, east, north]) => L.latLngBounds([south, west], [north, east]));
  return all.length ? all.reduce((acc, b) => acc.extend(b)) : null;
}

/** A message over the map (role=alert) that the reader can dismiss; it follows the language. */
function createStatus(element) {
  let key = null;
  const text = element.querySelector('.notice-text');
  element.querySelector('.dismiss').addEventListener('click', () => { element.hidden = true; });
  onLanguage(() => { if (key) text.textContent = t(key); });
  return {
    show(messageKey) {
      key = messageKey;
      text.textContent = t(key);
      element.hidden = false;
    },
  };
}

function bindButtons(map, safety, status) {
  const layersButton = document.getElementById('layers-button');
  const panel = document.getElementById('layers-panel');
  layersButton.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    layersButton.setAttribute('aria-expanded', String(!panel.hidden));
  });
  document.getElementById('layers-close').addEventListener('click', () => {
    panel.hidden = true;
    layersButton.setAttribute('aria-expanded', 'false');
    layersButton.focus();
  });
  document.getElementById('centre-button').addEventListener('click', () => safety.assess(map.getCenter()));
  document.getElementById('locate-button').addEventListener('click', () => {
    if (!navigator.geolocation) {
      status.show('locationUnavailable');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const here = L.latLng(position.coords.latitude, position.coords.longitude);
        map.setView(here, Math.max(map.getZoom(), 16));
        safety.assess(here);
      },
      () => status.show('locationUnavailable'),
      { enableHighAccuracy: true, timeout: 15000 });
  });
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  document.getElementById('answer-close').addEventListener('click', () => {
    document.getElementById('answer').hidden = true;
  });
}

/** Keeps the layer panel above the bottom sheet on phones, so neither hides the other. */
function keepPanelAboveSheet(sheet) {
  const main = sheet.parentElement;
  new ResizeObserver(() => {
    main.style.setProperty('--sheet-height', `${sheet.hidden ? 0 : sheet.offsetHeight}px`);
  }).observe(sheet);
}

async function loadLayers(status) {
  try {
    const response = await fetch('/api/layers', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.statusText);
    return (await response.json()).layers;
  } catch (e) {
    status.show('layersUnavailable');
    return [];
  }
}

async function start() {
  translateStaticText();
  const map = L.map('map', { zoomControl: true, attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  const initial = viewFromHash() || JAPAN;
  map.setView(initial.center, initial.zoom);
  keepViewInHash(map);

  const status = createStatus(document.getElementById('map-status'));
  const sheet = document.getElementById('answer');
  const safety = createSafety(map, sheet, document.getElementById('answer-body'));
  bindButtons(map, safety, status);
  keepPanelAboveSheet(sheet);
  const live = connectLive(['alerts', 'readings', 'counters.crowding']);
  followAlerts(map, document.getElementById('alert-banner'), live);
  followSensors(map, live);
  followCounters(map, live);

  const layers = await loadLayers(status);
  const overlays = await createOverlays(map, layers, (layer, properties, latlng) => {
    L.popup({ maxWidth: 320 }).setLatLng(latlng).setContent(popupContent(layer, properties)).openOn(map);
    safety.assess(latlng);
  });
  let panel = null;
  const basemaps = createBasemaps(map, document.getElementById('offline-notice'), () => panel?.render(),
    createOwnBackground(map, overlays));
  overlays.filter(({ layer }) => layer.style.shownAtFirst !== false).forEach(({ grid }) => grid.addTo(map));
  panel = createPanel(document.getElementById('layers-list'), map, basemaps, overlays);
  map.on('click', (e) => safety.assess(e.latlng));

  const bounds = !viewFromHash() && dataBounds(overlays);
  if (bounds) map.fitBounds(bounds, { maxZoom: 15 });
  document.body.dataset.ready = 'true';
  onLanguage(() => map.closePopup());
}

start();
