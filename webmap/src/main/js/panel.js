import { label, t, onLanguage } from './i18n.js';
import { legendOf } from './overlays.js';
import { element } from './dom.js';

/** For a kind the low zooms leave out: says so in words, and zooms in far enough to show it when tapped. */
function zoomInButton(map, fromZoom) {
  const button = element('button', { type: 'button', class: 'from-zoom', title: t('zoomInToSee'), text: t('shownWhenZoomedIn') });
  button.addEventListener('click', () => map.setZoom(Math.max(map.getZoom(), fromZoom)));
  return button;
}

function legend(map, layer) {
  return element('ul', { class: 'legend' }, legendOf(layer).map((entry) => element('li', {}, [
    element('span', { class: `swatch swatch-${/Polygon/i.test(layer.geometryType) ? 'area' : /Line/i.test(layer.geometryType) ? 'line' : 'point'}`, style: `--swatch: ${entry.colour}`, 'aria-hidden': 'true' }),
    element('span', { text: label(entry.label) }),
    ...(entry.fromZoom ? [zoomInButton(map, entry.fromZoom)] : []),
  ])));
}

/**
 * The layer switcher and legend, built from the registry: a radio per background map, a checkbox
 * and legend per layer. Rebuilt when the language changes; the map keeps its state.
 */
export function createPanel(container, map, basemaps, overlays) {
  function render() {
    const backgrounds = element('fieldset', {}, [element('legend', { text: t('background') }),
      ...basemaps.definitions.map((d) => {
        const input = element('input', { type: 'radio', name: 'basemap', value: d.id, id: `basemap-${d.id}` });
        input.checked = basemaps.active() === d.id;
        input.addEventListener('change', () => basemaps.select(d.id));
        return element('label', { for: `basemap-${d.id}`, class: 'choice' }, [input, element('span', { text: t(d.message) })]);
      })]);
    const layers = element('fieldset', {}, [element('legend', { text: t('overlays') }),
      ...overlays.map(({ layer, grid }) => {
        const input = element('input', { type: 'checkbox', id: `layer-toggle-${layer.id}`, 'data-layer': layer.id });
        input.checked = map.hasLayer(grid);
        input.addEventListener('change', () => (input.checked ? grid.addTo(map) : map.removeLayer(grid)));
        return element('div', { class: 'overlay' }, [
          element('label', { for: `layer-toggle-${layer.id}`, class: 'choice' }, [input, element('span', { text: label(layer.title) })]),
          legend(map, layer),
        ]);
      })]);
    container.replaceChildren(backgrounds, layers);
  }
  onLanguage(render);
  return { render };
}
