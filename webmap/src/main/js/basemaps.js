import { t, onLanguage } from './i18n.js';

// GSI tiles (地理院タイル); their terms ask for this attribution, linking to the tile list.
const GSI = 'https://cyberjapandata.gsi.go.jp/xyz';
const GSI_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a>';
// Tiles that fail before any has loaded mean no connection to GSI: fall back to the plain background.
const ERRORS_BEFORE_FALLBACK = 4;

const DEFINITIONS = [
  { id: 'std', message: 'gsiStd', url: `${GSI}/std/{z}/{x}/{y}.png`, minZoom: 5, maxNativeZoom: 18 },
  { id: 'pale', message: 'gsiPale', url: `${GSI}/pale/{z}/{x}/{y}.png`, minZoom: 5, maxNativeZoom: 18 },
  { id: 'seamlessphoto', message: 'gsiPhoto', url: `${GSI}/seamlessphoto/{z}/{x}/{y}.jpg`, minZoom: 2, maxNativeZoom: 18 },
  { id: 'plain', message: 'plain' },
];

/**
 * The background maps: GSI standard, pale and aerial photo, and a plain background (the map's own
 * colour) used when offline. Calls onChange after each switch.
 */
export function createBasemaps(map, notice, onChange) {
  const layers = new Map(DEFINITIONS.map((d) => [d.id, d.url
    ? L.tileLayer(d.url, { attribution: GSI_ATTRIBUTION, minZoom: d.minZoom, maxNativeZoom: d.maxNativeZoom, maxZoom: 20 })
    : null]));
  let active = null;
  let offline = false;

  function select(id) {
    if (active && layers.get(active)) {
      map.removeLayer(layers.get(active));
    }
    active = id;
    const layer = layers.get(id);
    map.getContainer().classList.toggle('chizu-plain', !layer);
    if (layer) {
      layer.addTo(map);
    }
    onChange(id);
  }

  function watchConnection(layer) {
    let loaded = 0;
    let failed = 0;
    layer.on('tileload', () => { loaded += 1; });
    layer.on('tileerror', () => {
      failed += 1;
      if (!offline && loaded === 0 && failed >= ERRORS_BEFORE_FALLBACK) {
        offline = true;
        notice.hidden = false;
        select('plain');
      }
    });
  }

  layers.forEach((layer) => layer && watchConnection(layer));
  onLanguage(() => { notice.textContent = t('offline'); });
  select(navigator.onLine === false ? 'plain' : 'pale');
  if (navigator.onLine === false) {
    offline = true;
    notice.hidden = false;
  }

  return {
    definitions: DEFINITIONS,
    active: () => active,
    select,
  };
}
