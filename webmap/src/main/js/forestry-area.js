import { t, onLanguage } from './i18n.js';
import { element } from './dom.js';
import { localized } from './forestry-messages.js';

const COMPARTMENT = { color: '#1e8449', weight: 1.5, fillColor: '#52be80', fillOpacity: 0.08 };
const CHOSEN = { color: '#b9770e', weight: 3, fillColor: '#f5b041', fillOpacity: 0.45 };
const DRAWN = { color: '#b9770e', weight: 3, fillColor: '#f5b041', fillOpacity: 0.3, interactive: false };

function compartmentText(feature) {
  const p = feature.properties;
  return t('compartmentLabel', p.compartment, p.subcompartment, p.species, p.area_ha ?? '—');
}

/**
 * The sub-compartments on the map, which show their figures when tapped, and the area of an
 * application: sub-compartments picked on the map or ticked in a list, or a polygon drawn by tapping
 * its corners or, from a keyboard, placing the map's centre. The list and the centre button are there
 * for whoever cannot tap a map.
 */
export function createAreaPicker(map, features, showFigures) {
  const chosen = new Set();
  const corners = [];
  let applying = false;
  let mode = 'pick';
  const boxes = new Map();
  const layers = new Map();
  const drawn = L.layerGroup().addTo(map);

  const compartments = L.geoJSON(features, {
    style: COMPARTMENT,
    onEachFeature: (feature, layer) => {
      layers.set(feature.id, layer);
      layer.on('click', () => {
        if (applying && mode === 'draw') return; // the map's click places a corner
        if (applying) toggle(feature.id);
        showFigures(feature);
      });
    },
  }).addTo(map);

  const count = element('p', { class: 'chosen-count', role: 'status' });
  const pointCount = element('p', { class: 'chosen-count', role: 'status' });

  function refresh() {
    layers.forEach((layer, id) => layer.setStyle(chosen.has(id) ? CHOSEN : COMPARTMENT));
    boxes.forEach((box, id) => { box.checked = chosen.has(id); });
    count.textContent = t('chosenCount', chosen.size);
    drawn.clearLayers();
    if (mode === 'draw' && corners.length) {
      (corners.length >= 3 ? L.polygon(corners, DRAWN) : L.polyline(corners, DRAWN)).addTo(drawn);
      corners.forEach((corner) => L.circleMarker(corner, { radius: 5, color: '#b9770e', fillOpacity: 1, interactive: false }).addTo(drawn));
    }
    pointCount.textContent = t('pointCount', corners.length);
  }

  function toggle(id) {
    if (chosen.has(id)) chosen.delete(id); else chosen.add(id);
    refresh();
  }

  function addCorner(latlng) {
    corners.push([latlng.lat, latlng.lng]);
    refresh();
  }

  map.on('click', (event) => {
    if (applying && mode === 'draw') addCorner(event.latlng);
  });

  function list() {
    return element('ul', { class: 'compartment-list' }, features.map((feature) => {
      const box = element('input', { type: 'checkbox', value: feature.id, id: `compartment-${feature.id}` });
      box.addEventListener('change', () => toggle(feature.id));
      boxes.set(feature.id, box);
      const name = element('label', { for: box.id });
      const figures = element('button', { type: 'button', class: 'link-button' });
      figures.addEventListener('click', () => showFigures(feature));
      const item = element('li', {}, [box, name, figures]);
      item.update = () => {
        name.textContent = compartmentText(feature);
        figures.textContent = t('figures');
        figures.setAttribute('aria-label', t('figuresOf', feature.properties.compartment, feature.properties.subcompartment));
      };
      return item;
    }));
  }

  /** The fieldset of the form that chooses the area. */
  function fieldset() {
    const pickPanel = element('div', { class: 'pick-panel' });
    const drawPanel = element('div', { class: 'draw-panel', hidden: '' });
    const crosshair = document.querySelector('.map-crosshair');
    const radio = (value, key) => {
      const input = element('input', { type: 'radio', name: 'area-mode', value, ...(value === mode ? { checked: '' } : {}) });
      input.addEventListener('change', () => {
        mode = value;
        pickPanel.hidden = mode !== 'pick';
        drawPanel.hidden = mode !== 'draw';
        crosshair.hidden = mode !== 'draw';
        refresh();
      });
      return element('label', { class: 'choice' }, [input, localized('span', {}, key)]);
    };
    const items = list();
    const button = (key, action) => {
      const b = localized('button', { type: 'button' }, key);
      b.addEventListener('click', action);
      return b;
    };
    pickPanel.append(localized('p', { class: 'hint' }, 'pickHint'), count,
      element('details', {}, [localized('summary', {}, 'compartmentList'), items]));
    drawPanel.append(localized('p', { class: 'hint' }, 'drawHint'), element('div', { class: 'draw-buttons' }, [
      button('addCentre', () => addCorner(map.getCenter())),
      button('undoPoint', () => { corners.pop(); refresh(); }),
      button('clearPoints', () => { corners.length = 0; refresh(); }),
    ]), pointCount);
    const set = element('fieldset', { class: 'area-field', id: 'area-field' }, [
      localized('legend', {}, 'areaLegend'),
      element('div', { class: 'choices' }, [radio('pick', 'pickMode'), radio('draw', 'drawMode')]),
      pickPanel, drawPanel]);
    onLanguage(() => { [...items.children].forEach((item) => item.update()); refresh(); });
    return set;
  }

  return {
    /** Taps choose the area from now on. */
    startApplying() {
      applying = true;
      return fieldset();
    },
    /** What the application names: {compartments} or {area} (GeoJSON, longitude first), or {} when nothing is chosen. */
    area() {
      if (mode === 'pick') return chosen.size ? { compartments: [...chosen].map(Number) } : {};
      if (corners.length < 3) return corners.length ? { tooFewCorners: true } : {};
      const ring = corners.map(([lat, lng]) => [lng, lat]);
      return { area: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
    },
    clear() {
      chosen.clear();
      corners.length = 0;
      refresh();
    },
    /** The compartments' layer, to keep an application's area drawn above it. */
    layer: compartments,
  };
}
