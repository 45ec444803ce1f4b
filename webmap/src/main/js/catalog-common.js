import { addMessages, language, label, toggleLanguage, translateStaticText } from './i18n.js';
import { element } from './dom.js';

// Texts of the catalog pages (/datasets and /datasets/{id}).
addMessages({
  backToMap: { ja: '地図', en: 'Map' },
  backToMapLabel: { ja: '地図に戻る', en: 'Back to the map' },
  searchLabel: { ja: 'キーワードで探す', en: 'Search by keyword' },
  searchPlaceholder: { ja: '例：道路、避難所、hazard', en: 'e.g. roads, shelter, 道路' },
  search: { ja: '検索', en: 'Search' },
  filters: { ja: '絞り込み', en: 'Filters' },
  facetOrganization: { ja: '組織', en: 'Organisation' },
  facetTags: { ja: 'タグ', en: 'Tag' },
  facetFormat: { ja: 'ファイル形式', en: 'Format' },
  facetLicence: { ja: 'ライセンス', en: 'Licence' },
  moreValues: { ja: (n) => `ほか ${n} 件を表示`, en: (n) => `Show ${n} more` },
  clearFilters: { ja: '絞り込みを解除', en: 'Clear filters' },
  resultCount: { ja: (n) => `${n} 件のデータセット`, en: (n) => `${n} dataset${n === 1 ? '' : 's'}` },
  noResults: { ja: '該当するデータセットはありません。', en: 'No dataset matches.' },
  previous: { ja: '前へ', en: 'Previous' },
  next: { ja: '次へ', en: 'Next' },
  pageOf: { ja: (page, pages) => `${page} / ${pages} ページ`, en: (page, pages) => `Page ${page} of ${pages}` },
  loadFailed: { ja: 'カタログを読み込めませんでした。', en: 'The catalogue could not be loaded.' },
  notFound: { ja: 'このデータセットは見つかりません。', en: 'This dataset does not exist.' },
  extent: { ja: 'データの範囲', en: 'Extent' },
  noExtent: { ja: 'このデータセットにはまだ地物がありません。', en: 'This dataset has no features yet.' },
  downloads: { ja: 'ダウンロード', en: 'Downloads' },
  api: { ja: 'APIで使う', en: 'Use the API' },
  snippetDownload: { ja: 'ファイルをダウンロード（curl）', en: 'Download the file (curl)' },
  snippetCkan: { ja: 'CKAN API でメタデータを取得', en: 'Metadata from the CKAN API' },
  snippetOgc: { ja: 'OGC API - Features の地物URL', en: 'OGC API - Features items URL' },
  copy: { ja: 'コピー', en: 'Copy' },
  copied: { ja: 'コピーしました', en: 'Copied' },
  details: { ja: '基本情報', en: 'About this dataset' },
  publisher: { ja: '公開者', en: 'Publisher' },
  licence: { ja: 'ライセンス', en: 'Licence' },
  provenance: { ja: '出典', en: 'Source' },
  modified: { ja: '更新日', en: 'Modified' },
  tags: { ja: 'タグ', en: 'Tags' },
  links: { ja: 'リンク', en: 'Links' },
  dcatLink: { ja: 'DCATメタデータ（Turtle）', en: 'DCAT metadata (Turtle)' },
  ogcLink: { ja: 'OGC API コレクション', en: 'OGC API collection' },
  mapLink: { ja: '地図で見る', en: 'Open on the map' },
  quality: { ja: 'メタデータの品質', en: 'Metadata quality' },
  qualityScore: { ja: (score, max) => `${score} / ${max} 点`, en: (score, max) => `${score} of ${max} points` },
  rating_excellent: { ja: '優良', en: 'Excellent' },
  rating_good: { ja: '良好', en: 'Good' },
  rating_sufficient: { ja: '可', en: 'Sufficient' },
  rating_bad: { ja: '不十分', en: 'Bad' },
});

/**
 * Runs a CKAN action by GET. Resolves to its result and the public address of the Action API
 * (taken from the answer's help link, so snippets name the catalogue's base URL, not this page's).
 *
 * @throws Error with the HTTP status (as .status) when the action fails
 */
export async function ckanAction(action, parameters = {}) {
  // CKAN takes a list in a query string as JSON text: facet.field=["tags","res_format"].
  const query = new URLSearchParams(Object.entries(parameters)
    .map(([name, value]) => [name, Array.isArray(value) ? JSON.stringify(value) : String(value)]));
  const response = await fetch(`/api/3/action/${action}?${query}`, { headers: { Accept: 'application/json' } });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.success) {
    const error = new Error(answer.error?.message || response.statusText);
    error.status = response.status;
    throw error;
  }
  return { result: answer.result, actionBase: answer.help.replace(/help_show\?.*$/, '') };
}

/** Starts a catalog page: fixed texts in the current language and the language switch. */
export function startCatalogPage() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
}

/** A {ja, en} title in the current language with the other language beside it, when it differs. */
export function titleWithTranslation(tag, translated, attributes = {}) {
  const main = label(translated);
  const other = translated?.[language() === 'ja' ? 'en' : 'ja'];
  return element(tag, attributes, [main, ...(other && other !== main
    ? [' ', element('span', { class: 'translation', lang: language() === 'ja' ? 'en' : 'ja', text: other })] : [])]);
}
