import { label, onLanguage } from './i18n.js';

// Above Leaflet's tile pane (200): land, then roads and facilities, under the layers' panes (410 and
// up); names above them all.
const PANES = { 'chizu-land': 240, 'chizu-background': 250, 'chizu-background-names': 440 };
const LAND = { color: '#8d8372', weight: 1.5, dashArray: '6 4', fillColor: '#fbf8f1', fillOpacity: 1 };
const DRAWN = {
  roads: { color: '#a89f8d', weight: 2.5, opacity: 0.9 },
  facilities: { radius: 3, color: '#8d8372', weight: 0, fill: true, fillColor: '#8d8372', fillOpacity: 0.8 },
};

/** The layers Chizu's own background draws (roads and facilities), under its boundaries' land. */
export const BACKGROUND_LAYERS = Object.keys(DRAWN);

async function boundaries() {
  try {
    const response = await fetch('/api/towns/boundaries', { headers: { Accept: 'application/geo+json' } });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

/** The names of the towns, each at a point inside its boundary, in the current language. */
function townNames(features) {
  const names = L.layerGroup();
  onLanguage(() => {
    names.clearLayers();
    features.forEach(({ properties }) => {
      const name = document.createElement('span');
      name.textContent = label(properties.name);
      const [lon, lat] = properties.labelPoint;
      L.marker([lat, lon], {
        pane: 'chizu-background-names', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'town-name', html: name, iconSize: null }),
      }).addTo(names);
    });
  });
  return names;
}

/**
 * Chizu's own background map, for when GSI tiles cannot be loaded: the municipal boundaries it
 * serves drawn as land (so a coast shows where a boundary follows it) with the towns' names, and
 * its own roads and facilities from its vector tiles, quietly, under the layers. Returns it as an
 * offline background for createBasemaps.
 */
export function createOwnBackground(map, overlays) {
  Object.entries(PANES).forEach(([name, zIndex]) => { map.createPane(name).style.zIndex = zIndex; });
  const background = L.layerGroup();
  const drawn = overlays.filter(({ layer }) => DRAWN[layer.id]);
  if (drawn.length) {
    const ids = drawn.map(({ layer }) => layer.id);
    L.vectorGrid.protobuf(`/tiles/${ids.map(encodeURIComponent).join(',')}/{z}/{x}/{y}.mvt`, {
      pane: 'chizu-background',
      rendererFactory: L.svg.tile,
      interactive: false,
      maxNativeZoom: Math.min(...drawn.map(({ tileJson }) => tileJson.maxzoom ?? 16)),
      maxZoom: 20,
      vectorTileLayerStyles: Object.fromEntries(ids.map((id) => [id, DRAWN[id]])),
    }).addTo(background);
  }
  boundaries().then((towns) => {
    if (!towns) return;
    L.geoJSON(towns, { pane: 'chizu-land', interactive: false, style: LAND }).addTo(background);
    townNames(towns.features).addTo(background);
  });
  return { id: 'own', message: 'ownBackground', notice: 'offlineOwn', layer: background };
}
