// The page's language: Japanese first, English on request, remembered in this browser.
const STORAGE_KEY = 'chizu.lang';

const MESSAGES = {
  title: { ja: '地図 Chizu', en: 'Chizu map' },
  layers: { ja: 'レイヤ', en: 'Layers' },
  closeLayers: { ja: 'レイヤ一覧を閉じる', en: 'Close the layer list' },
  locate: { ja: '現在地', en: 'My location' },
  locateLabel: { ja: '現在地の安全を調べる', en: 'My location: check its safety' },
  checkCentre: { ja: '中心を調べる', en: 'Check centre' },
  checkCentreLabel: { ja: '中心を調べる：地図の中心（十字）の安全', en: 'Check centre: the safety of the map centre (the cross)' },
  catalog: { ja: 'データカタログ', en: 'Data catalogue' },
  catalogLabel: { ja: 'データカタログ（公開データの一覧）', en: 'Data catalogue (the published datasets)' },
  // The header links between the map and the report page.
  toMap: { ja: '地図', en: 'Map' },
  toMapLabel: { ja: '地図（ハザード・避難所）に戻る', en: 'Back to the map (hazards, shelters)' },
  toReport: { ja: '通報する', en: 'Report' },
  toReportLabel: { ja: '道路の穴などを通報する', en: 'Report a problem such as a pothole' },
  otherLanguage: { ja: 'English', en: '日本語' },
  otherLanguageLabel: { ja: 'Switch to English', en: '日本語に切り替える' },
  background: { ja: '背景地図', en: 'Background' },
  overlays: { ja: '主題図', en: 'Map layers' },
  shownWhenZoomedIn: { ja: '拡大すると表示', en: 'shown when zoomed in' },
  zoomInToSee: { ja: 'タップすると表示されるまで拡大します', en: 'Tap to zoom in until it shows' },
  gsiStd: { ja: '標準地図', en: 'Standard map' },
  gsiPale: { ja: '淡色地図', en: 'Pale map' },
  gsiPhoto: { ja: '写真', en: 'Aerial photo' },
  plain: { ja: '無地（オフライン）', en: 'Plain (offline)' },
  offline: {
    ja: '地理院タイルを読み込めないため、無地の背景を表示しています。',
    en: 'GSI tiles cannot be loaded, so a plain background is shown.',
  },
  ownBackground: { ja: 'Chizuの地図（道路・行政界）', en: 'Chizu map (roads, boundaries)' },
  offlineOwn: {
    ja: '地理院タイルを読み込めないため、Chizuの道路と行政界で描いた背景を表示しています。',
    en: 'GSI tiles cannot be loaded, so Chizu\'s own roads and boundaries are shown as the background.',
  },
  dismiss: { ja: 'このお知らせを閉じる', en: 'Dismiss this notice' },
  layersUnavailable: { ja: 'レイヤ一覧を読み込めませんでした。', en: 'The layer list could not be loaded.' },
  tapHint: {
    ja: '地図をタップすると、その場所のハザード区域と近くの避難所を表示します。',
    en: 'Tap the map to see the hazard zones at that place and the nearest shelters.',
  },
  safetyTitle: { ja: 'ここは安全？', en: 'Is this place safe?' },
  checking: { ja: '調べています…', en: 'Checking…' },
  failed: { ja: '調べられませんでした', en: 'The check failed' },
  zones: { ja: 'この地点を含むハザード区域', en: 'Hazard zones containing this place' },
  shelters: { ja: '近くの避難所', en: 'Nearest shelters' },
  noShelter: { ja: '該当する避難所がありません。', en: 'No shelter found.' },
  open: { ja: '開設中', en: 'Open' },
  suitableFor: { ja: (hazards) => `${hazards}に対応`, en: (hazards) => `Designated for: ${hazards}` },
  notSuitable: { ja: 'この災害の指定なし', en: 'not designated for this hazard' },
  walkMinutes: { ja: (m) => `徒歩約${m}分`, en: (m) => `about ${m} min on foot` },
  straightLine: { ja: '直線', en: 'straight line' },
  closeAnswer: { ja: '閉じる', en: 'Close' },
  yes: { ja: 'はい', en: 'Yes' },
  no: { ja: 'いいえ', en: 'No' },
  locationUnavailable: { ja: '現在地を取得できませんでした。', en: 'Your location is not available.' },
  address: { ja: '住所', en: 'Address' },
  capacity: { ja: '収容人数', en: 'Capacity' },
  showShelter: { ja: (name) => `${name}を地図に表示`, en: (name) => `Show ${name} on the map` },
};

/** Adds a page's own messages ({key: {ja, en}}) to the shared ones. */
export function addMessages(messages) {
  Object.assign(MESSAGES, messages);
}

let current = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
const listeners = [];

/** The current language, "ja" or "en". */
export function language() {
  return current;
}

/** A UI message in the current language; functions take the given arguments. */
export function t(key, ...args) {
  const text = MESSAGES[key][current];
  return typeof text === 'function' ? text(...args) : text;
}

/** A {ja, en} label from the server in the current language. */
export function label(value) {
  return value ? value[current] || value.ja : '';
}

export function toggleLanguage() {
  current = current === 'ja' ? 'en' : 'ja';
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current;
  listeners.forEach((listener) => listener(current));
}

/** Calls back now and whenever the language changes. */
export function onLanguage(listener) {
  listeners.push(listener);
  document.documentElement.lang = current;
  listener(current);
}

/** Keeps the page's fixed texts (data-message) and button labels (data-label) in the current language. */
export function translateStaticText() {
  onLanguage(() => {
    document.title = t(document.body.dataset.title || 'title');
    document.querySelectorAll('[data-message]').forEach((node) => {
      node.textContent = t(node.dataset.message);
    });
    document.querySelectorAll('[data-label]').forEach((node) => {
      node.setAttribute('aria-label', t(node.dataset.label));
      node.setAttribute('title', t(node.dataset.label));
    });
  });
}
