import { t, label, language, onLanguage } from './i18n.js';
import { element } from './dom.js';
import { createBasemaps } from './basemaps.js';
import { ckanAction, startCatalogPage, titleWithTranslation } from './catalog-common.js';

// The catalog's API resource; every other resource is a file to download.
const API_FORMAT = 'OGC API - Features';
const COPIED_FOR_MS = 2000;
// The ratings of the metadata-quality assessment, from best to worst.
const RATINGS = ['excellent', 'good', 'sufficient', 'bad'];
const EXTENT_STYLE = { color: '#c62828', weight: 2, fillColor: '#c62828', fillOpacity: 0.12, className: 'dataset-extent' };

function extra(pkg, key) {
  return (pkg.extras || []).find((e) => e.key === key)?.value;
}

/** The dataset's extent as GeoJSON (ckanext-spatial's "spatial" extra), or null when it has no features. */
function extentOf(pkg) {
  const spatial = extra(pkg, 'spatial');
  return spatial ? JSON.parse(spatial) : null;
}

function readableSize(bytes) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function readableDate(ckanTime) {
  // CKAN writes UTC without a zone designator.
  const date = new Date(`${ckanTime}Z`);
  return date.toLocaleDateString(language() === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
}

/** Copies text; the Clipboard API needs a secure context, so plain http falls back to a selection. */
async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = element('textarea', { readonly: '', class: 'copy-buffer' });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function snippet(id, title, text) {
  const button = element('button', { type: 'button', class: 'copy', 'data-copies': id, text: t('copy') });
  button.addEventListener('click', async () => {
    await copy(text);
    button.textContent = t('copied');
    setTimeout(() => { button.textContent = t('copy'); }, COPIED_FOR_MS);
  });
  return element('div', { class: 'snippet', 'data-snippet': id }, [
    element('div', { class: 'snippet-head' }, [element('h4', { text: title }), button]),
    element('pre', {}, [element('code', { text })]),
  ]);
}

function downloads(files) {
  return files.map((r) => element('a', { class: 'download', href: r.url, download: '', 'data-format': r.format }, [
    element('span', { class: 'download-format', text: r.format }),
    ...(Number(r.size) > 0 ? [element('span', { class: 'download-size', text: readableSize(Number(r.size)) })] : []),
  ]));
}

function snippets(pkg, files, api, actionBase) {
  const file = files.find((r) => r.format === 'GeoJSON') || files[0];
  return [
    ...(file ? [snippet('download', t('snippetDownload'), `curl -L -O '${file.url}'`)] : []),
    snippet('ckan', t('snippetCkan'), `curl '${actionBase}package_show?id=${encodeURIComponent(pkg.name)}'`),
    ...(api ? [snippet('ogc', t('snippetOgc'), api.url)] : []),
  ];
}

function details(pkg) {
  const rows = [
    ['publisher', label(pkg.organization?.title_translated) || pkg.organization?.title],
    ['licence', pkg.license_url
      ? element('a', { href: pkg.license_url, rel: 'license noopener', target: '_blank', text: pkg.license_title || pkg.license_id })
      : pkg.license_title],
    // Where the data came from, with the attribution lines its sources ask for (in Japanese, as they are to be shown).
    ['provenance', extra(pkg, 'provenance')],
    ['modified', pkg.metadata_modified ? readableDate(pkg.metadata_modified) : null],
    ['tags', pkg.tags?.length ? element('span', {}, pkg.tags.map((tag) => element('a', {
      class: 'tag', href: `/datasets?tags=${encodeURIComponent(tag.name)}`, text: tag.display_name || tag.name }))) : null],
  ].filter(([, value]) => value);
  return rows.flatMap(([key, value]) => [element('dt', { text: t(key) }), element('dd', { 'data-detail': key }, [value])]);
}

/** The metadata-quality panel; absent when the catalog does not assess quality. */
function qualityPanel(panel, quality) {
  panel.hidden = !quality;
  if (!quality) return;
  panel.replaceChildren(
    element('h3', { text: t('quality') }),
    element('p', { class: 'quality-score' }, [
      element('strong', { text: t('qualityScore', quality.score, quality.max) }),
      ...(RATINGS.includes(quality.rating)
        ? [' ', element('span', { class: `rating rating-${quality.rating}`, text: t(`rating_${quality.rating}`) })] : []),
    ]),
    element('ul', { class: 'dimensions' }, (quality.dimensions || []).map((d) => {
      const meter = element('meter', { min: 0, max: d.max, value: d.score });
      return element('li', { 'data-dimension': d.id }, [
        element('span', { class: 'dimension-label', text: label(d.label) || d.id }), meter,
        element('span', { class: 'dimension-score', text: `${d.score} / ${d.max}` })]);
    })),
  );
}

function links(pkg, mapView) {
  const uri = extra(pkg, 'uri');
  return [
    ...(uri ? [['dcat', `${uri}.ttl`, t('dcatLink')]] : []),
    ...(pkg.url ? [['ogc', pkg.url, t('ogcLink')]] : []),
    ...(mapView ? [['map', `/#map=${mapView}`, t('mapLink')]] : []),
  ].map(([id, href, text]) => element('li', {}, [element('a', { href, 'data-link': id, text })]));
}

/** The small preview map: GSI pale background, the extent drawn and fitted. Returns the map's #map= view. */
function showExtent(extent) {
  const container = document.getElementById('extent-map');
  if (!extent) {
    container.parentElement.hidden = true;
    document.getElementById('no-extent').hidden = false;
    return null;
  }
  const map = L.map(container, { scrollWheelZoom: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  const shape = L.geoJSON(extent, { style: EXTENT_STYLE }).addTo(map);
  map.fitBounds(shape.getBounds(), { padding: [16, 16], maxZoom: 16 });
  createBasemaps(map, document.getElementById('offline-notice'), () => {});
  const centre = shape.getBounds().getCenter();
  return `${map.getZoom()}/${centre.lat.toFixed(5)}/${centre.lng.toFixed(5)}`;
}

async function start() {
  startCatalogPage();
  const id = decodeURIComponent(window.location.pathname.replace(/^\/datasets\//, '').replace(/\/$/, ''));
  let pkg;
  let actionBase;
  try {
    ({ result: pkg, actionBase } = await ckanAction('package_show', { id }));
  } catch (e) {
    const error = document.getElementById('dataset-error');
    onLanguage(() => { error.textContent = t(e.status === 404 ? 'notFound' : 'loadFailed'); });
    error.hidden = false;
    document.getElementById('dataset').hidden = true;
    document.body.dataset.ready = 'true';
    return;
  }
  document.body.dataset.dataset = pkg.name;
  const mapView = showExtent(extentOf(pkg));
  const files = pkg.resources.filter((r) => r.format !== API_FORMAT);
  const api = pkg.resources.find((r) => r.format === API_FORMAT);
  onLanguage(() => {
    const title = pkg.title_translated || { ja: pkg.title };
    document.title = `${label(title)} — ${t('catalog')}`;
    document.getElementById('dataset-title').replaceWith(titleWithTranslation('h2', title, { id: 'dataset-title' }));
    document.getElementById('dataset-notes').textContent = label(pkg.notes_translated) || pkg.notes || '';
    document.getElementById('downloads').replaceChildren(...downloads(files));
    document.getElementById('snippets').replaceChildren(...snippets(pkg, files, api, actionBase));
    document.getElementById('details').replaceChildren(...details(pkg));
    document.getElementById('links').replaceChildren(...links(pkg, mapView));
    qualityPanel(document.getElementById('quality'), pkg.quality);
  });
  document.body.dataset.ready = 'true';
}

start();
