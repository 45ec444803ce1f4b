import { addMessages, language, onLanguage, t } from './i18n.js';
import { element } from './dom.js';

// The forestry pages' words: the firms' page, the staff's applications and the KPI.
addMessages({
  forestryTitle: { ja: '森林の航空レーザ計測データ', en: 'Airborne laser survey of the forests' },
  forestryIntro: {
    ja: '町が航空レーザで計測した森林の範囲です。地形（CS立体図）と小班ごとの集計値は誰でも見られます。点群・標高・樹高・立木データの利用は、測量計画機関の承認に基づき、申請して承認された事業体に限られます。',
    en: 'The forests the town surveyed by airborne laser. Anyone may view the terrain (CS relief) and the figures per sub-compartment; the point clouds, elevation, canopy and tree data are for organisations whose application is approved, under the surveying body\'s approval.',
  },
  toJobs: { ja: 'ダウンロード', en: 'Downloads' },
  coverageMapLabel: { ja: '計測範囲と小班の地図', en: 'Map of the surveyed area and the sub-compartments' },
  showRelief: { ja: 'CS立体図（地形の凹凸と傾斜）を表示', en: 'Show the CS relief (curvature and slope)' },
  tapCompartment: {
    ja: '小班（緑の線）をタップすると、本数・樹高・材積（推定値）を表示します。',
    en: 'Tap a sub-compartment (green outline) for its trees, heights and volume (estimates).',
  },
  surveysHeading: { ja: '計測データ', en: 'Surveys' },
  noSurveys: { ja: '計測データはまだありません。', en: 'There is no survey yet.' },
  surveyingBody: { ja: '測量計画機関', en: 'Surveying body' },
  tiles: { ja: 'タイル数', en: 'Tiles' },
  points: { ja: '点数', en: 'Points' },
  density: { ja: '点密度', en: 'Density' },
  perSquareMetre: { ja: (n) => `${n} 点/m²`, en: (n) => `${n} points/m²` },
  products: { ja: '作成済みのデータ', en: 'Products made' },
  figuresCsv: { ja: '小班ごとの集計値（CSV）', en: 'Figures per sub-compartment (CSV)' },
  accessNote: {
    ja: '利用には申請と承認が必要です（測量法に基づく測量計画機関の承認）。',
    en: 'Use needs an application and approval (the surveying body\'s approval under the Survey Act).',
  },
  failed: { ja: '読み込めませんでした。', en: 'Could not be loaded.' },
  offlineOwn: {
    ja: '地理院タイルを読み込めないため、Chizuの行政界で描いた背景を表示しています。',
    en: 'GSI tiles cannot be loaded, so Chizu\'s own boundaries are shown as the background.',
  },
  // A sub-compartment's figures
  standTitle: { ja: (c, s) => `${c}林班 ${s || ''}小班`, en: (c, s) => `Compartment ${c}, sub-compartment ${s || '—'}` },
  species: { ja: '樹種', en: 'Species' },
  areaHa: { ja: '面積', en: 'Area' },
  hectares: { ja: (n) => `${n} ha`, en: (n) => `${n} ha` },
  surveyedPart: { ja: '計測された部分', en: 'Surveyed part' },
  surveyedOf: { ja: (ha, pct) => `${ha} ha（${pct}%）`, en: (ha, pct) => `${ha} ha (${pct} %)` },
  treeCount: { ja: '立木本数', en: 'Trees' },
  treesPerHa: { ja: '立木密度', en: 'Density' },
  perHa: { ja: (n) => `${n} 本/ha`, en: (n) => `${n} trees/ha` },
  meanHeight: { ja: '平均樹高', en: 'Mean height' },
  topHeight: { ja: '上層樹高', en: 'Top height' },
  metres: { ja: (n) => `${n} m`, en: (n) => `${n} m` },
  volume: { ja: '材積（推定値）', en: 'Volume (estimate)' },
  volumeOf: { ja: (v, perHa) => `${v} m³（${perHa} m³/ha）`, en: (v, perHa) => `${v} m³ (${perHa} m³/ha)` },
  estimate: { ja: '推定値', en: 'estimate' },
  notSurveyed: { ja: 'この小班は計測範囲の外です。', en: 'This sub-compartment lies outside the surveys.' },
  closeStand: { ja: '閉じる', en: 'Close' },
  // Applying
  applyHeading: { ja: '利用の申請', en: 'Apply to use the data' },
  signInToApply: {
    ja: '申請できるのは、承認された事業体（団体）のメンバーです。ログインしてから申請してください。',
    en: 'Members of an approved organisation may apply. Sign in to apply.',
  },
  signIn: { ja: 'ログインして申請する', en: 'Sign in to apply' },
  noOrganisation: {
    ja: '申請できるのは、承認された事業体（団体）のメンバーです。事業体の登録を申請するか、管理者にメンバーへの追加を依頼してください。',
    en: 'Only members of an approved organisation may apply. Register your firm as an organisation, or ask its administrator to add you.',
  },
  registerOrganisation: { ja: '事業体（団体）を登録する', en: 'Register an organisation' },
  staffGoToQueue: { ja: '職員の方は申請の審査ページへ', en: 'Staff: the applications to decide on' },
  organisation: { ja: '申請する事業体', en: 'Organisation applying' },
  areaLegend: { ja: '区域', en: 'Area' },
  pickMode: { ja: '小班を選ぶ', en: 'Pick sub-compartments' },
  drawMode: { ja: '範囲を描く', en: 'Draw an area' },
  pickHint: {
    ja: '地図で小班をタップするか、下の一覧でチェックしてください。',
    en: 'Tap sub-compartments on the map, or tick them in the list below.',
  },
  compartmentList: { ja: '計測範囲の小班', en: 'Sub-compartments in the surveys' },
  compartmentLabel: {
    ja: (c, s, species, ha) => `${c}林班 ${s || ''}小班 — ${species || '樹種不明'} ${ha} ha`,
    en: (c, s, species, ha) => `${c}-${s || '—'} — ${species || 'species unknown'} ${ha} ha`,
  },
  figures: { ja: '数値', en: 'Figures' },
  figuresOf: { ja: (c, s) => `${c}林班 ${s || ''}小班の数値`, en: (c, s) => `Figures of ${c}-${s || '—'}` },
  chosenCount: { ja: (n) => `${n} 小班を選択中`, en: (n) => `${n} chosen` },
  drawHint: {
    ja: '地図をタップして角を順に置きます（3点以上）。キーボードでは矢印キーで地図を動かし、「中心に点を置く」を押します。',
    en: 'Tap the map to place the corners in order (3 or more). With a keyboard, move the map with the arrow keys and press "Add the centre".',
  },
  addCentre: { ja: '中心（＋）に点を置く', en: 'Add the centre (+)' },
  undoPoint: { ja: '最後の点を取り消す', en: 'Undo last point' },
  clearPoints: { ja: 'すべて消す', en: 'Clear' },
  pointCount: { ja: (n) => `${n} 点`, en: (n) => `${n} points` },
  productsLegend: { ja: '利用するデータ', en: 'Data wanted' },
  purpose: { ja: '利用目的', en: 'Purpose' },
  purposeHint: { ja: '例：間伐計画と作業道の路線選定', en: 'e.g. planning thinning and forest roads' },
  termsLegend: { ja: '利用規約', en: 'Terms of use' },
  termsVersion: { ja: (v) => `（版 ${v}）`, en: (v) => `(version ${v})` },
  acceptTerms: { ja: '利用規約を読み、同意します', en: 'I have read and accept the terms of use' },
  submit: { ja: '申請する', en: 'Apply' },
  applied: { ja: (id) => `申請しました（申請番号 ${id}）。審査の結果はこのページに表示されます。`, en: (id) => `Applied (application ${id}). The decision will show on this page.` },
  failedToSend: { ja: '送信できませんでした。', en: 'Could not be sent.' },
  drawAtLeastThree: { ja: '範囲は3点以上で描いてください。', en: 'Draw the area with at least 3 points.' },
  // Applications
  mineHeading: { ja: '申請の状況', en: 'Your applications' },
  noApplications: { ja: 'まだ申請はありません。', en: 'No application yet.' },
  applicationNumber: { ja: (id) => `申請 ${id}`, en: (id) => `Application ${id}` },
  statusPending: { ja: '審査中', en: 'Pending' },
  statusApproved: { ja: '承認', en: 'Approved' },
  statusRefused: { ja: '不承認', en: 'Refused' },
  statusAll: { ja: 'すべて', en: 'All' },
  appliedAt: { ja: '申請日時', en: 'Applied' },
  decidedAt: { ja: '決定日時', en: 'Decided' },
  surveyApproval: { ja: '測量計画機関の承認番号', en: 'Surveying body\'s approval' },
  reason: { ja: '理由', en: 'Reason' },
  area: { ja: '区域', en: 'Area' },
  compartmentsCount: { ja: (n) => `小班 ${n} 件`, en: (n) => (n === 1 ? '1 sub-compartment' : `${n} sub-compartments`) },
  drawnArea: { ja: '描いた範囲', en: 'Drawn area' },
  approvedDownloads: { ja: 'ダウンロードはこちら', en: 'Downloads' },
  // Staff
  staffForestryTitle: { ja: '航空レーザデータの利用申請', en: 'Applications for the laser-survey data' },
  statusFilter: { ja: '状態', en: 'Status' },
  toKpis: { ja: '利用状況（KPI）', en: 'Use of the data (KPI)' },
  toApplications: { ja: '利用申請', en: 'Applications' },
  queueHeading: { ja: '申請', en: 'Applications' },
  areaMapLabel: { ja: '申請区域の地図', en: 'Map of the applied area' },
  noQueue: { ja: '該当する申請はありません。', en: 'No application.' },
  open: { ja: '審査する', en: 'Review' },
  view: { ja: '表示', en: 'View' },
  chooseOne: { ja: '申請を選ぶと、区域を地図に表示します。', en: 'Choose an application to see its area on the map.' },
  approveLegend: { ja: '承認する', en: 'Approve' },
  approvalHint: {
    ja: '測量法に基づく測量計画機関の承認番号を記録します（例：国地達第123号）。',
    en: 'Record the surveying body\'s approval reference under the Survey Act.',
  },
  approve: { ja: '承認する', en: 'Approve' },
  refuseLegend: { ja: '承認しない', en: 'Refuse' },
  refuse: { ja: '承認しない', en: 'Refuse' },
  decided: { ja: (id, status) => `申請 ${id} を「${status}」にしました。`, en: (id, status) => `Application ${id} is now ${status}.` },
  unknownOrganisation: { ja: (id) => `団体 ${id}`, en: (id) => `Organisation ${id}` },
  // KPI
  kpiTitle: { ja: '航空レーザデータの利用状況', en: 'Use of the laser-survey data' },
  downloadCsv: { ja: 'CSV をダウンロード', en: 'Download CSV' },
  organisationsUsing: { ja: 'データを利用した事業体', en: 'Organisations using the data' },
  organisationsApproved: { ja: '承認された事業体', en: 'Organisations approved' },
  applicationsPending: { ja: '審査中の申請', en: 'Applications pending' },
  downloads: { ja: 'ダウンロード数', en: 'Downloads' },
  perMonth: { ja: '月別のダウンロード数と利用事業体数', en: 'Downloads and organisations per month' },
  organisations: { ja: '利用事業体数', en: 'Organisations' },
  megabytes: { ja: 'データ量 (MB)', en: 'Data (MB)' },
  noDownloads: { ja: 'まだダウンロードはありません。', en: 'No download yet.' },
  chartSummary: {
    ja: (n, last) => `直近 ${n} か月の棒グラフ。${last}`,
    en: (n, last) => `Bar chart of the last ${n} months. ${last}`,
  },
});

export const STATUS_MESSAGES = { pending: 'statusPending', approved: 'statusApproved', refused: 'statusRefused' };

/** A number in the page's language. */
export function number(n) {
  return new Intl.NumberFormat(language() === 'en' ? 'en-GB' : 'ja-JP').format(n);
}

/** A time as Japan's local date and time. */
export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(language() === 'en' ? 'en-GB' : 'ja-JP',
    { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/**
 * An element whose text is a message, kept in the page's language; later arguments go to the message.
 * Forms built once keep what was typed and chosen when the language changes.
 */
export function localized(tag, attributes, key, ...args) {
  const node = element(tag, attributes);
  onLanguage(() => { node.textContent = t(key, ...args); });
  return node;
}
