import { t, onLanguage } from './i18n.js';

// GSI tiles (地理院タイル); their terms ask for this attribution, linking to the tile list.
const GSI = 'https://cyberjapandata.gsi.go.jp/xyz';
const GSI_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a>';
// Tiles that fail before any has loaded mean no connection to GSI: fall back to the offline background.
const ERRORS_BEFORE_FALLBACK = 4;
// A dismissed notice stays dismissed for the rest of the visit (this tab).
const NOTICE_DISMISSED = 'chizu.offlineNoticeDismissed';

const GSI_MAPS = [
  { id: 'std', message: 'gsiStd', url: `${GSI}/std/{z}/{x}/{y}.png`, minZoom: 5, maxNativeZoom: 18 },
  { id: 'pale', message: 'gsiPale', url: `${GSI}/pale/{z}/{x}/{y}.png`, minZoom: 5, maxNativeZoom: 18 },
  { id: 'seamlessphoto', message: 'gsiPhoto', url: `${GSI}/seamlessphoto/{z}/{x}/{y}.jpg`, minZoom: 2, maxNativeZoom: 18 },
];

/** The background offline when a page has nothing of its own to draw: the map's own colour. */
export function plainBackground() {
  return { id: 'plain', message: 'plain', notice: 'offline', layer: L.layerGroup() };
}

/**
 * The background maps: GSI standard, pale and aerial photo, and an offline one (by default the
 * plain background) used when GSI cannot be reached, with a notice saying so; the notice can be
 * dismissed for the visit when it has a .dismiss button, and takes its text in a .notice-text
 * child when it has one. The map element gets the class chizu-{offline id} while that is shown.
 * Calls onChange after each switch.
 */
export function createBasemaps(map, notice, onChange, offlineBackground = plainBackground()) {
  const definitions = [...GSI_MAPS, offlineBackground];
  const layers = new Map(definitions.map((d) => [d.id, d.url
    ? L.tileLayer(d.url, { attribution: GSI_ATTRIBUTION, minZoom: d.minZoom, maxNativeZoom: d.maxNativeZoom, maxZoom: 20 })
    : d.layer]));
  const noticeText = notice.querySelector('.notice-text') || notice;
  const dismiss = notice.querySelector('.dismiss');
  let active = null;
  let offline = false;

  function select(id) {
    if (active) map.removeLayer(layers.get(active));
    active = id;
    map.getContainer().classList.toggle(`chizu-${offlineBackground.id}`, id === offlineBackground.id);
    layers.get(id).addTo(map);
    onChange(id);
  }

  function fallBack() {
    offline = true;
    notice.hidden = sessionStorage.getItem(NOTICE_DISMISSED) === 'true';
    select(offlineBackground.id);
  }

  function watchConnection(layer) {
    let loaded = 0;
    let failed = 0;
    layer.on('tileload', () => { loaded += 1; });
    layer.on('tileerror', () => {
      failed += 1;
      if (!offline && loaded === 0 && failed >= ERRORS_BEFORE_FALLBACK) fallBack();
    });
  }

  dismiss?.addEventListener('click', () => {
    notice.hidden = true;
    sessionStorage.setItem(NOTICE_DISMISSED, 'true');
  });
  onLanguage(() => { noticeText.textContent = t(offlineBackground.notice); });
  GSI_MAPS.forEach((d) => watchConnection(layers.get(d.id)));
  if (navigator.onLine === false) fallBack();
  else select('pale');

  return {
    definitions,
    active: () => active,
    select,
  };
}
