import { addMessages, language, t } from './i18n.js';

// Texts of the report page and the staff triage page.
addMessages({
  reportTitle: { ja: '通報する', en: 'Report a problem' },
  staffTitle: { ja: '通報の対応', en: 'Report triage' },
  useLocation: { ja: '現在地を使う', en: 'Use my location' },
  pinHint: {
    ja: '地図をタップするか「現在地」を押して、場所に印を置いてください。地図を動かすと印の位置を直せます。',
    en: 'Tap the map or press "My location" to put the pin on the place; move the map to adjust it.',
  },
  pinPrompt: { ja: '場所をタップしてください', en: 'Tap the place on the map' },
  placePinFirst: {
    ja: '場所がまだ指定されていません。地図をタップするか「現在地」を押して、印を置いてください。',
    en: 'The place is not set yet: tap the map or press "My location" to put the pin there.',
  },
  locating: { ja: '現在地を調べています…', en: 'Finding your location…' },
  locationFound: {
    ja: (m) => `現在地に印を置きました（誤差 約${m} m）。違う場合は地図をタップしてください。`,
    en: (m) => `The pin is at your location (within about ${m} m). If it is wrong, tap the map.`,
  },
  locationRefused: {
    ja: '位置情報の利用が許可されていません。地図をタップして場所を指定してください。',
    en: 'Location access is not allowed. Tap the map to set the place instead.',
  },
  locationUnavailableTapMap: {
    ja: '現在地を取得できませんでした。地図をタップして場所を指定してください。',
    en: 'Your location could not be found. Tap the map to set the place instead.',
  },
  chooseCategoryFirst: { ja: '種類を選んでください。', en: 'Choose a category.' },
  describeFirst: { ja: '状況を入力してください。', en: 'Describe the problem.' },
  requiredMark: { ja: '（必須）', en: ' (required)' },
  chooseAnswer: { ja: '選んでください', en: 'Choose one' },
  answerRequired: { ja: (q) => `「${q}」に答えてください。`, en: (q) => `Please answer "${q}".` },
  photoWrongType: {
    ja: (name) => `「${name}」はJPEGかPNGの写真ではありません。`,
    en: (name) => `"${name}" is not a JPEG or PNG photo.`,
  },
  photoTooLarge: {
    ja: (name, size, max) => `「${name}」は ${size} MB あります。写真は1枚 ${max} MB までです。`,
    en: (name, size, max) => `"${name}" is ${size} MB; a photo may be at most ${max} MB.`,
  },
  category: { ja: '種類', en: 'Category' },
  chooseCategory: { ja: '選んでください', en: 'Choose one' },
  description: { ja: '状況', en: 'What is wrong' },
  photos: { ja: '写真（3枚まで）', en: 'Photos (up to 3)' },
  contact: { ja: '連絡先（任意）', en: 'Contact (optional)' },
  name: { ja: 'お名前', en: 'Name' },
  email: { ja: 'メール（受付の確認と対応状況をお送りします）', en: 'E-mail (for a receipt with your private link, and updates)' },
  privacy: { ja: 'お名前と連絡先は公開されません。', en: 'Your name and contact are never published.' },
  submit: { ja: '送信する', en: 'Send' },
  sending: { ja: '送信しています…', en: 'Sending…' },
  nearbyTitle: { ja: '近くの同じ種類の通報', en: 'Reports of this kind nearby' },
  nearbyHint: {
    ja: '同じものなら、新しく通報せずに「+1」を押してください。',
    en: 'If it is the same problem, press "+1" instead of filing it again.',
  },
  metresAway: { ja: (m) => `${m} m 先`, en: (m) => `${m} m away` },
  plusOne: { ja: '+1 同じです', en: '+1 Same here' },
  plusOneDone: { ja: (n) => `ありがとうございます（${n}人）`, en: (n) => `Thank you (${n} people)` },
  tooManyPhotos: { ja: (n) => `写真は${n}枚までです。`, en: (n) => `Up to ${n} photos.` },
  received: { ja: '受け付けました', en: 'Received' },
  receiptNumber: { ja: (id) => `受付番号 ${id}`, en: (id) => `Reference ${id}` },
  handledBy: { ja: (body) => `担当：${body}`, en: (body) => `Handled by: ${body}` },
  onRoad: { ja: (road) => `道路：${road}`, en: (road) => `Road: ${road}` },
  roadWithRoute: { ja: (name, no) => `${name}（路線番号 ${no}）`, en: (name, no) => `${name} (route no. ${no})` },
  routeOnly: { ja: (no) => `路線番号 ${no}`, en: (no) => `Route no. ${no}` },
  reviewNote: {
    ja: 'まだ公開されていません。職員が内容を確認すると、地図に公開されます（お名前と連絡先は公開されません）。',
    en: 'It is not public yet: once staff have reviewed it, it appears on the map (never your name or contact).',
  },
  followLink: { ja: 'この通報の対応状況を見る', en: 'Follow this report' },
  followLinkHint: {
    ja: 'このリンクはあなた専用です。ブックマークしておくと、公開前でも対応状況と職員からのお知らせを確認できます。',
    en: 'This link is yours alone: bookmark it to see the status and the staff\'s notes, even before the report is public.',
  },
  followTitle: { ja: '通報の対応状況', en: 'Your report' },
  followReport: { ja: (id, category) => `通報 ${id}（${category}）`, en: (id, category) => `Report ${id} (${category})` },
  road: { ja: '道路', en: 'Road' },
  reportedAt: { ja: '受付日時', en: 'Received' },
  contactBody: { ja: '連絡先', en: 'Contact' },
  awaitingReview: {
    ja: '審査中：まだ公開されていません。職員が内容を確認すると地図に公開されます。',
    en: 'Under review: not public yet. It appears on the map once staff have reviewed it.',
  },
  isPublic: { ja: '公開中：地図に表示されています。', en: 'Public: it is shown on the map.' },
  showOnMap: { ja: '地図で見る', en: 'Show on the map' },
  notPublished: {
    ja: 'この通報は公開されません。ご不明な点は担当の窓口にお問い合わせください。',
    en: 'This report will not be published. Please ask the office that handles it if you have questions.',
  },
  history: { ja: '経過', en: 'History' },
  yourPhotos: { ja: '送った写真', en: 'Your photos' },
  photoNumber: { ja: (n) => `写真 ${n}（拡大）`, en: (n) => `Photo ${n} (full size)` },
  staffNote: { ja: '職員からのお知らせ', en: 'Note from staff' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  another: { ja: '別の通報をする', en: 'Report another problem' },
  failedToSend: { ja: '送信できませんでした。もう一度お試しください。', en: 'The report could not be sent. Please try again.' },
  moderation: { ja: '審査', en: 'Review' },
  status: { ja: '対応状況', en: 'Status' },
  body: { ja: '担当', en: 'Handled by' },
  reporter: { ja: '通報者', en: 'Reporter' },
  triage: { ja: '対応', en: 'Triage' },
  mapArea: { ja: '地図の範囲のみ', en: 'Only the map area' },
  all: { ja: 'すべて', en: 'All' },
  new: { ja: '未審査', en: 'New' },
  accepted: { ja: '公開', en: 'Accepted' },
  rejected: { ja: 'スパム', en: 'Spam' },
  accept: { ja: '公開する', en: 'Accept' },
  reject: { ja: 'スパムとして却下', en: 'Reject as spam' },
  publicNote: { ja: '住民へのお知らせ（公開）', en: 'Note for residents (public)' },
  save: { ja: '更新', en: 'Update' },
  saved: { ja: '更新しました', en: 'Updated' },
  listCount: { ja: (n) => `${n} 件`, en: (n) => `${n} reports` },
});

export const STATUSES = [
  { id: 'open', label: { ja: '受付', en: 'Open' }, colour: '#c0392b' },
  { id: 'acknowledged', label: { ja: '確認済み', en: 'Acknowledged' }, colour: '#e67e22' },
  { id: 'in_progress', label: { ja: '対応中', en: 'In progress' }, colour: '#2980b9' },
  { id: 'closed', label: { ja: '完了', en: 'Closed' }, colour: '#95a5a6' },
];

/** A road as the receipt and the follow page name it: its name, and its route number beside it. */
export function roadText(name, routeNo) {
  if (name && routeNo) return t('roadWithRoute', name, routeNo);
  if (routeNo) return t('routeOnly', routeNo);
  return name || null;
}

/** An allowed answer's name in the page's language: the categories store them as "日本語 / English". */
export function answerName(name) {
  const [ja, en] = name.split(' / ');
  return language() === 'en' && en ? en : ja;
}

/** The reason of a problem+json answer in the page's language (Chizu's problems carry both). */
export async function problemText(response, fallback) {
  try {
    const problem = await response.json();
    if (problem.message) return problem.message[language()] || problem.message.ja;
    return problem.detail || fallback;
  } catch (e) {
    return fallback;
  }
}
