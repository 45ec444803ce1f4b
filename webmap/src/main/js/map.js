import { t, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { createBasemaps } from './basemaps.js';
import { createOverlays, popupContent } from './overlays.js';
import { createPanel } from './panel.js';
import { createSafety } from './safety.js';

// Japan as a whole, when neither the address nor the layers say where to look.
const JAPAN = { center: [36.2, 138.2], zoom: 5 };

/** The view in the address (#map=zoom/lat/lon), so a view can be shared and reloaded. */
function viewFromHash() {
  const match = /map=(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(window.location.hash);
  return match ? { zoom: Number(match[1]), center: [Number(match[2]), Number(match[3])] } : null;
}

function keepViewInHash(map) {
  map.on('moveend', () => {
    const c = map.getCenter();
    history.replaceState(null, '', `#map=${map.getZoom()}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}`);
  });
}

/** The union of the layers' TileJSON bounds, where the town's data is; empty layers claim the whole world. */
function dataBounds(overlays) {
  const all = overlays.map((o) => o.tileJson.bounds)
    .filter((b) => Array.isArray(b) && b.length === 4 && b[2] - b[0] < 360)
    .map(([west, south, east, north]) => L.latLngBounds([south, west], [north, east]));
  return all.length ? all.reduce((acc, b) => acc.extend(b)) : null;
}

function bindButtons(map, safety) {
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
      window.alert(t('locationUnavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const here = L.latLng(position.coords.latitude, position.coords.longitude);
        map.setView(here, Math.max(map.getZoom(), 16));
        safety.assess(here);
      },
      () => window.alert(t('locationUnavailable')),
      { enableHighAccuracy: true, timeout: 15000 });
  });
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  document.getElementById('answer-close').addEventListener('click', () => {
    document.getElementById('answer').hidden = true;
  });
}

async function start() {
  translateStaticText();
  const map = L.map('map', { zoomControl: true, attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  const initial = viewFromHash() || JAPAN;
  map.setView(initial.center, initial.zoom);
  keepViewInHash(map);

  const status = document.getElementById('map-status');
  let panel = null;
  const basemaps = createBasemaps(map, document.getElementById('offline-notice'), () => panel?.render());
  const safety = createSafety(map, document.getElementById('answer'), document.getElementById('answer-body'));
  bindButtons(map, safety);

  let layers = [];
  try {
    const response = await fetch('/api/layers', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.statusText);
    layers = (await response.json()).layers;
  } catch (e) {
    status.hidden = false;
    status.textContent = t('layersUnavailable');
  }
  const overlays = await createOverlays(map, layers, (layer, properties, latlng) => {
    L.popup({ maxWidth: 320 }).setLatLng(latlng).setContent(popupContent(layer, properties)).openOn(map);
    safety.assess(latlng);
  });
  overlays.forEach(({ grid }) => grid.addTo(map));
  panel = createPanel(document.getElementById('layers-list'), map, basemaps, overlays);
  map.on('click', (e) => safety.assess(e.latlng));

  const bounds = !viewFromHash() && dataBounds(overlays);
  if (bounds) map.fitBounds(bounds, { maxZoom: 15 });
  document.body.dataset.ready = 'true';
  onLanguage(() => map.closePopup());
}

start();
