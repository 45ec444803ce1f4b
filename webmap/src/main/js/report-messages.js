import { addMessages, language } from './i18n.js';

// Texts of the report page and the staff triage page.
addMessages({
  reportTitle: { ja: '通報する', en: 'Report a problem' },
  staffTitle: { ja: '通報の対応', en: 'Report triage' },
  useLocation: { ja: '現在地を使う', en: 'Use my location' },
  pinHint: { ja: '地図を動かして、中央の印を場所に合わせてください。', en: 'Move the map so that the marker in the middle is on the place.' },
  category: { ja: '種類', en: 'Category' },
  chooseCategory: { ja: '選んでください', en: 'Choose one' },
  description: { ja: '状況', en: 'What is wrong' },
  photos: { ja: '写真（3枚まで）', en: 'Photos (up to 3)' },
  contact: { ja: '連絡先（任意）', en: 'Contact (optional)' },
  name: { ja: 'お名前', en: 'Name' },
  email: { ja: 'メール（対応状況をお知らせします）', en: 'E-mail (for updates)' },
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
  tooManyPhotos: { ja: '写真は3枚までです。', en: 'Up to 3 photos.' },
  received: { ja: '受け付けました', en: 'Received' },
  receiptNumber: { ja: (id) => `受付番号 ${id}`, en: (id) => `Reference ${id}` },
  handledBy: { ja: (body) => `担当：${body}`, en: (body) => `Handled by: ${body}` },
  onRoad: { ja: (road) => `路線：${road}`, en: (road) => `Road: ${road}` },
  reviewNote: {
    ja: '職員が確認した後、地図に表示されます。',
    en: 'It will appear on the map once staff have reviewed it.',
  },
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
