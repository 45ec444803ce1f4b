import { t, label, language, onLanguage, toggleLanguage, translateStaticText, addMessages } from './i18n.js';
import { element } from './dom.js';
import { createBasemaps } from './basemaps.js';
import { createOwnBackground } from './own-background.js';

addMessages({
  forestryTitle: { ja: '森林の航空レーザ計測データ', en: 'Airborne laser survey of the forests' },
  forestryIntro: {
    ja: '町が航空レーザで計測した森林の範囲です。地形（CS立体図）は誰でも見られます。点群・標高・樹高・立木データの利用は、測量計画機関の承認に基づき、申請して承認された事業体に限られます。',
    en: 'The forests the town surveyed by airborne laser. Anyone may view the terrain (CS relief); the point clouds, elevation, canopy and tree data are for organisations whose application is approved, under the surveying body\'s approval.',
  },
  coverageMapLabel: { ja: '計測範囲の地図', en: 'Map of the surveyed area' },
  showRelief: { ja: 'CS立体図（地形の凹凸と傾斜）を表示', en: 'Show the CS relief (curvature and slope)' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  noSurveys: { ja: '計測データはまだありません。', en: 'There is no survey yet.' },
  surveyingBody: { ja: '測量計画機関', en: 'Surveying body' },
  tiles: { ja: 'タイル数', en: 'Tiles' },
  points: { ja: '点数', en: 'Points' },
  density: { ja: '点密度', en: 'Density' },
  perSquareMetre: { ja: (n) => `${n} 点/m²`, en: (n) => `${n} points/m²` },
  products: { ja: '作成済みのデータ', en: 'Products made' },
  accessNote: {
    ja: '利用には申請と承認が必要です（測量法に基づく測量計画機関の承認）。',
    en: 'Use needs an application and approval (the surveying body\'s approval under the Survey Act).',
  },
  failed: { ja: '読み込めませんでした。', en: 'Could not be loaded.' },
  offlineOwn: {
    ja: '地理院タイルを読み込めないため、Chizuの行政界で描いた背景を表示しています。',
    en: 'GSI tiles cannot be loaded, so Chizu\'s own boundaries are shown as the background.',
  },
});

const COVERAGE = { color: '#145a32', weight: 2, fill: false };
// 益田市 and 安来市 lie either side of this, for a town with no survey yet.
const TOWN = [35.0, 132.5];

function number(n) {
  return new Intl.NumberFormat(language() === 'en' ? 'en-GB' : 'ja-JP').format(n);
}

function card(survey) {
  const p = survey.properties;
  return element('article', { class: 'survey-card', 'data-survey': p.id }, [
    element('h3', { text: p.name }),
    element('dl', { class: 'facts' }, [
      element('dt', { text: t('surveyingBody') }), element('dd', { text: p.surveyingBody }),
      element('dt', { text: t('tiles') }), element('dd', { text: number(p.tiles) }),
      element('dt', { text: t('points') }), element('dd', { text: number(p.points) }),
      element('dt', { text: t('density') }), element('dd', { text: t('perSquareMetre', p.pointsPerSquareMetre) }),
    ]),
    ...(p.products.length ? [element('h4', { text: t('products') }),
      element('ul', {}, p.products.map((product) => element('li', { text: label(product.label) })))] : []),
    element('p', { class: 'access', text: t('accessNote') }),
  ]);
}

function render(container, surveys) {
  container.replaceChildren(...(surveys.length ? surveys.map(card) : [element('p', { text: t('noSurveys') })]));
}

/** The surveys as GeoJSON features, or null when they cannot be fetched. */
async function fetchSurveys() {
  try {
    const response = await fetch('/api/forestry/surveys', { headers: { Accept: 'application/geo+json' } });
    return response.ok ? (await response.json()).features : null;
  } catch (e) {
    return null;
  }
}

/** The map opens on the surveys' coverage, or on the town when there is none yet. */
function coverageMap(surveys) {
  const map = L.map('coverage-map', { zoomControl: true });
  const coverage = L.geoJSON(surveys, { style: COVERAGE, interactive: false });
  if (surveys.length) map.fitBounds(coverage.getBounds(), { padding: [16, 16], maxZoom: 16, animate: false });
  else map.setView(TOWN, 11);
  createBasemaps(map, document.getElementById('offline-notice'), () => {}, createOwnBackground(map, []));
  // Over Chizu's own background (land at 240, roads at 250), under anything drawn on top (400 and up).
  map.createPane('forestry-relief').style.zIndex = 300;
  const reliefs = L.layerGroup(surveys.filter((s) => s.properties.reliefTiles).map((s) => {
    const tiles = s.properties.reliefTiles;
    return L.tileLayer(tiles.url, {
      pane: 'forestry-relief', minZoom: tiles.minzoom, maxNativeZoom: tiles.maxzoom, maxZoom: 20, opacity: 0.85,
    });
  })).addTo(map);
  coverage.addTo(map);
  const reliefBox = document.getElementById('relief');
  reliefBox.addEventListener('change', () => {
    if (reliefBox.checked) reliefs.addTo(map); else map.removeLayer(reliefs);
  });
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const container = document.getElementById('surveys');
  const surveys = await fetchSurveys();
  if (!surveys) {
    container.replaceChildren(element('p', { text: t('failed') }));
    coverageMap([]);
    return;
  }
  onLanguage(() => render(container, surveys));
  coverageMap(surveys);
  document.body.dataset.ready = 'true';
}

start();
