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

const COVERAGE = { color: '#145a32', weight: 2, fillOpacity: 0.05 };

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

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const map = L.map('map', { zoomControl: true }).setView([34.68, 131.84], 11);
  createBasemaps(map, document.getElementById('offline-notice'), () => {}, createOwnBackground(map, []));
  const container = document.getElementById('surveys');
  const reliefBox = document.getElementById('relief');
  let surveys = [];
  onLanguage(() => render(container, surveys));
  let response;
  try {
    response = await fetch('/api/forestry/surveys', { headers: { Accept: 'application/geo+json' } });
  } catch (e) {
    response = null;
  }
  if (!response || !response.ok) {
    container.replaceChildren(element('p', { text: t('failed') }));
    return;
  }
  surveys = (await response.json()).features;
  render(container, surveys);
  const reliefs = L.layerGroup().addTo(map);
  surveys.filter((s) => s.properties.reliefTiles).forEach((s) => {
    const tiles = s.properties.reliefTiles;
    L.tileLayer(tiles.url, { minZoom: tiles.minzoom, maxNativeZoom: tiles.maxzoom, maxZoom: 20, opacity: 0.85 }).addTo(reliefs);
  });
  reliefBox.addEventListener('change', () => {
    if (reliefBox.checked) reliefs.addTo(map); else map.removeLayer(reliefs);
  });
  if (surveys.length) {
    const coverage = L.geoJSON(surveys, { style: COVERAGE, interactive: false }).addTo(map);
    map.fitBounds(coverage.getBounds(), { padding: [16, 16], maxZoom: 16 });
  }
  document.body.dataset.ready = 'true';
}

start();
