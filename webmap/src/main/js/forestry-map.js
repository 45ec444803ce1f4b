import { createBasemaps } from './basemaps.js';
import { createOwnBackground } from './own-background.js';

const COVERAGE = { color: '#145a32', weight: 2, fill: false, dashArray: '8 4' };
// 益田市 and 安来市 lie either side of this, for a town with no survey yet.
const TOWN = [35.0, 132.5];

/** The surveys as GeoJSON features, or null when they cannot be fetched. */
export async function fetchSurveys() {
  try {
    const response = await fetch('/api/forestry/surveys', { headers: { Accept: 'application/geo+json' } });
    return response.ok ? (await response.json()).features : null;
  } catch (e) {
    return null;
  }
}

/**
 * The forestry map: the surveys' coverage outlined over the background (GSI's, or Chizu's own when GSI
 * cannot be reached), with their CS relief tiles between the background and anything drawn on top, so
 * the sub-compartments' outlines and an application's area stay readable over the relief.
 * Returns the map and the relief layer (to show or hide).
 */
export function forestryMap(id, surveys) {
  const map = L.map(id, { zoomControl: true });
  const coverage = L.geoJSON(surveys, { style: COVERAGE, interactive: false });
  if (surveys.length) map.fitBounds(coverage.getBounds(), { padding: [16, 16], maxZoom: 16, animate: false });
  else map.setView(TOWN, 11);
  createBasemaps(map, document.getElementById('offline-notice'), () => {}, createOwnBackground(map, []));
  // Over Chizu's own background (land at 240, roads at 250), under anything drawn on top (400 and up).
  map.createPane('forestry-relief').style.zIndex = 300;
  const relief = L.layerGroup(surveys.filter((s) => s.properties.reliefTiles).map((s) => {
    const tiles = s.properties.reliefTiles;
    return L.tileLayer(tiles.url, {
      pane: 'forestry-relief', minZoom: tiles.minzoom, maxNativeZoom: tiles.maxzoom, maxZoom: 20, opacity: 0.85,
    });
  })).addTo(map);
  coverage.addTo(map);
  return { map, relief, coverage };
}

/** Keeps the relief shown while the box is ticked. */
export function reliefToggle(box, map, relief) {
  box.addEventListener('change', () => {
    if (box.checked) relief.addTo(map); else map.removeLayer(relief);
  });
}

/**
 * The forest register's sub-compartments (the public forests layer, through OGC API – Features) over
 * the surveys' coverage: those are the ones with figures and the ones worth applying for.
 */
export async function compartmentsOver(coverage) {
  const bounds = coverage.getBounds();
  if (!bounds.isValid()) return [];
  const bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].join(',');
  try {
    const response = await fetch(`/ogc/collections/forests/items?bbox=${bbox}&limit=2000`, { headers: { Accept: 'application/geo+json' } });
    return response.ok ? (await response.json()).features : [];
  } catch (e) {
    return [];
  }
}
