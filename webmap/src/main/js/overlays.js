import 'leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.js';
import { label, t, onLanguage } from './i18n.js';

// Polygons under lines under points, all above the background map.
const PANES = { polygon: 410, line: 420, point: 430 };

function shapeOf(geometryType) {
  if (/Polygon/i.test(geometryType)) return 'polygon';
  if (/Line/i.test(geometryType)) return 'line';
  return 'point';
}

/** The colour a feature is drawn in: from the palette by its colorBy value, else the layer's colour. */
export function colourOf(layer, properties) {
  const { style } = layer;
  if (style.colorBy) {
    const attribute = layer.attributes.find((a) => a.name === style.colorBy);
    const index = (attribute?.values || []).findIndex((v) => v.value === String(properties[style.colorBy]));
    if (index >= 0 && style.palette[index]) return style.palette[index];
  }
  return style.color;
}

/** The legend entries of a layer: one per colorBy value (with the zoom it appears from, when not the first), or one for the whole layer. */
export function legendOf(layer) {
  const { style } = layer;
  const attribute = style.colorBy && layer.attributes.find((a) => a.name === style.colorBy);
  if (attribute && attribute.values) {
    return attribute.values.map((v, i) => ({ colour: style.palette[i] || style.color, label: v.label, fromZoom: v.fromZoom }));
  }
  return [{ colour: style.fillColor || style.color, label: layer.title }];
}

function drawingStyle(layer, shape) {
  return (properties) => {
    const colour = colourOf(layer, properties);
    const weight = layer.style.weight;
    if (shape === 'polygon') {
      const fill = layer.style.colorBy ? colour : layer.style.fillColor;
      return { color: colour, weight, fill: Boolean(fill), fillColor: fill, fillOpacity: 0.35 };
    }
    if (shape === 'line') return { color: colour, weight: Math.max(weight, 2), opacity: 0.9 };
    return { radius: 6, color: '#ffffff', weight: 1.5, fill: true, fillColor: colour, fillOpacity: 0.95 };
  };
}

function displayValue(attribute, value) {
  if (value === null || value === undefined || value === '') return '';
  const allowed = (attribute.values || []).find((v) => v.value === String(value));
  if (allowed) return label(allowed.label);
  if (attribute.type === 'boolean') return value === true || value === 'true' ? t('yes') : t('no');
  return String(value);
}

function escape(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

/** A feature's attributes as a table, labelled as the registry declares them. */
export function popupContent(layer, properties) {
  const rows = layer.attributes
    .map((a) => [a, displayValue(a, properties[a.name])])
    .filter(([, shown]) => shown !== '')
    .map(([a, shown]) => `<tr><th scope="row">${escape(label(a.label))}</th><td>${escape(shown)}</td></tr>`)
    .join('');
  return `<div class="chizu-popup"><h3>${escape(label(layer.title))}</h3><table>${rows}</table></div>`;
}

/**
 * VectorGrid's point symbols are circle markers without a position of their own, and Leaflet asks a
 * tapped circle marker for it (getLatLng) before any handler runs: each point is given the position
 * its place in its tile stands for, so tapping one opens its popup there.
 */
const TappableGrid = L.VectorGrid.Protobuf.extend({
  _createLayer(feature, pxPerExtent, layerStyle) {
    const symbol = L.VectorGrid.Protobuf.prototype._createLayer.call(this, feature, pxPerExtent, layerStyle);
    if (feature.type === 1) {
      symbol.getLatLng = () => {
        const tile = symbol._renderer.getCoord();
        return this._map.unproject(tile.scaleBy(this.getTileSize()).add(symbol._point), tile.z);
      };
    }
    return symbol;
  },
});

async function tileJson(layerId) {
  try {
    const response = await fetch(`/tiles/${encodeURIComponent(layerId)}.json`);
    return response.ok ? await response.json() : {};
  } catch (e) {
    return {};
  }
}

/** What a layer asks to be credited with: its licence and the attribution line of each source of its data. */
function creditsOf(layer) {
  const licence = layer.licence ? `<a href="${escape(layer.licence.url)}" target="_blank" rel="noopener">${escape(label(layer.licence.title))}</a>` : '';
  const sources = (layer.sources || []).map((s) => escape(s.attribution || label(s.title)));
  return [licence, ...sources].filter(Boolean);
}

/**
 * Keeps a layer's credits in the attribution control while it is on the map, each one separately:
 * the control counts who asked for a text and shows it once, so that a licence or source line that
 * several layers share (the boundaries every generated layer is laid out on) appears only once.
 */
function credit(map, grid, layer) {
  let shown = [];
  const show = () => {
    shown = creditsOf(layer);
    shown.forEach((text) => map.attributionControl.addAttribution(text));
  };
  const hide = () => {
    shown.forEach((text) => map.attributionControl.removeAttribution(text));
    shown = [];
  };
  grid.on('add', show).on('remove', hide);
  onLanguage(() => {
    if (map.hasLayer(grid)) {
      hide();
      show();
    }
  });
}

/**
 * One vector-tile layer per registry layer, drawn as SVG so each feature is a DOM element the
 * user can tap (and a test can find). onFeatureTap(layer, properties, latlng) is called on a tap.
 * Resolves to [{layer, grid, tileJson}] in registry order.
 */
export async function createOverlays(map, layers, onFeatureTap) {
  Object.entries(PANES).forEach(([name, zIndex]) => {
    map.createPane(`chizu-${name}`).style.zIndex = zIndex;
  });
  const described = await Promise.all(layers.map(async (layer) => ({ layer, tileJson: await tileJson(layer.id) })));
  return described.map(({ layer, tileJson: json }) => {
    const shape = shapeOf(layer.geometryType);
    const url = (json.tiles && json.tiles[0]) || `/tiles/${encodeURIComponent(layer.id)}/{z}/{x}/{y}.mvt`;
    const grid = new TappableGrid(url, {
      rendererFactory: L.svg.tile,
      interactive: true,
      pane: `chizu-${shape}`,
      className: `chizu-layer chizu-layer-${layer.id}`,
      maxNativeZoom: json.maxzoom ?? 16,
      minZoom: json.minzoom ?? 0,
      maxZoom: 20,
      vectorTileLayerStyles: { [layer.id]: drawingStyle(layer, shape) },
    });
    grid.on('click', (e) => onFeatureTap(layer, e.layer.properties || {}, e.latlng));
    credit(map, grid, layer);
    return { layer, grid, tileJson: json };
  });
}

/** The published layers (/api/layers) with the given ids, ready to draw; none when the list cannot be loaded. */
export async function overlaysNamed(map, ids) {
  try {
    const response = await fetch('/api/layers', { headers: { Accept: 'application/json' } });
    if (!response.ok) return [];
    return await createOverlays(map, (await response.json()).layers.filter((l) => ids.includes(l.id)), () => {});
  } catch (e) {
    return [];
  }
}
