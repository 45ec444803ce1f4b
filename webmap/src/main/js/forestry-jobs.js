import { t, label, language, onLanguage, toggleLanguage, translateStaticText, addMessages } from './i18n.js';
import { element } from './dom.js';
import { connectLive, refreshOn } from './live.js';
import { csrfToken } from './staff-header.js';

addMessages({
  clipTitle: { ja: '点群・地形データの切り出し', en: 'Clip the point cloud and terrain' },
  clipIntro: {
    ja: '承認された申請の区域について、点群（LAS）、標高・樹高（GeoTIFF）、樹頂点と 20 m 資源量メッシュ（GeoPackage・CSV）を切り出してダウンロードできます。開始前に点数とサイズの見込みを確認できます。ファイルは保存期限まで何度でも、途中から再開してダウンロードできます。',
    en: 'Clip the point cloud (LAS), elevation and canopy height (GeoTIFF), tree tops and the 20 m resource mesh (GeoPackage, CSV) to the area of an approved application. See the expected points and size before you start; download the files, resuming if interrupted, until they expire.',
  },
  toForestry: { ja: '計測データ', en: 'Surveys' },
  newClip: { ja: '新しい切り出し', en: 'New clip' },
  chooseApplication: { ja: '承認済みの申請', en: 'Approved application' },
  applicationOption: {
    ja: (a) => `申請 ${a.id}（${a.products.map(product).join('・')}）`,
    en: (a) => `Application ${a.id} (${a.products.map(product).join(', ')})`,
  },
  yourJobs: { ja: '切り出しジョブ', en: 'Clip jobs' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  signIn: { ja: 'ログインしてください。', en: 'Please sign in.' },
  signInLink: { ja: 'ログイン', en: 'Sign in' },
  noApproved: {
    ja: '承認済みの申請がありません。計測データのページから利用を申請してください。',
    en: 'You have no approved application yet. Apply on the surveys page.',
  },
  noOverlap: { ja: 'この申請の区域に計測データはありません。', en: 'No survey covers this application\'s area.' },
  noJobs: { ja: 'まだジョブはありません。', en: 'No job yet.' },
  failed: { ja: '読み込めませんでした。', en: 'Could not be loaded.' },
  surveyingBody: { ja: '測量計画機関', en: 'Surveying body' },
  tiles: { ja: '対象タイル', en: 'Tiles' },
  estimatedPoints: { ja: '点数の見込み', en: 'Expected points' },
  estimatedSize: { ja: 'サイズの見込み', en: 'Expected size' },
  contents: { ja: '内容', en: 'Contents' },
  jobLimit: { ja: '1 ジョブの上限', en: 'Limit per job' },
  monthQuota: { ja: '今月の団体の利用', en: 'Organisation this month' },
  quotaOf: { ja: (used, max) => `${used} / ${max} 点`, en: (used, max) => `${used} of ${max} points` },
  pointCount: { ja: (n) => `${n} 点`, en: (n) => `${n} points` },
  aboutPoints: { ja: (n) => `約 ${n} 点`, en: (n) => `about ${n} points` },
  overJobLimit: { ja: '1 ジョブの上限を超えます。区域を分けて申請してください。', en: 'Over the limit for one job: apply for smaller areas.' },
  overQuota: { ja: '今月の団体の上限を超えます。', en: 'Over your organisation\'s limit for this month.' },
  start: { ja: '切り出しを開始', en: 'Start the clip' },
  started: { ja: (id) => `ジョブ ${id} を開始しました。`, en: (id) => `Job ${id} started.` },
  wholeTiles: { ja: '元のタイルをそのままダウンロード', en: 'Download the original tiles whole' },
  jobHeading: { ja: (job) => `ジョブ ${job.id}・申請 ${job.application}`, en: (job) => `Job ${job.id} · application ${job.application}` },
  progressLabel: { ja: (id) => `ジョブ ${id} の進み具合`, en: (id) => `Progress of job ${id}` },
  pointsInArea: { ja: '区域内の点数', en: 'Points in the area' },
  expires: { ja: '保存期限', en: 'Kept until' },
  manifest: { ja: 'マニフェスト（SHA-256 一覧）', en: 'Manifest (SHA-256 of each file)' },
  queued: { ja: '待機中', en: 'Queued' },
  running: { ja: '実行中', en: 'Running' },
  done: { ja: '完了', en: 'Done' },
  failedJob: { ja: '失敗', en: 'Failed' },
  cancelled: { ja: '取消済', en: 'Cancelled' },
  cancelling: { ja: '取り消しています…', en: 'Cancelling…' },
  cancel: { ja: 'ジョブを取り消す', en: 'Cancel the job' },
  cancelQuestion: {
    ja: (id) => `ジョブ ${id} を取り消しますか？途中までのファイルは削除されます。`,
    en: (id) => `Cancel job ${id}? What it has written so far is deleted.`,
  },
  confirmCancel: { ja: '取り消す', en: 'Cancel it' },
  keepJob: { ja: '続ける', en: 'Keep it' },
  cancelledJob: { ja: (id) => `ジョブ ${id} を取り消しました。`, en: (id) => `Job ${id} was cancelled.` },
  expired: { ja: '期限切れ（削除済み）', en: 'Expired (deleted)' },
});

const PRODUCTS = {
  point_cloud: { ja: '点群 LAS', en: 'point cloud (LAS)' },
  dem: { ja: '標高 DEM', en: 'DEM' },
  dsm: { ja: '表層 DSM', en: 'DSM' },
  chm: { ja: '樹高 CHM', en: 'CHM' },
  slope: { ja: '傾斜', en: 'slope' },
  hillshade: { ja: '陰影', en: 'hillshade' },
  'cs-relief': { ja: 'CS立体図', en: 'CS relief' },
  tree_points: { ja: '樹頂点', en: 'tree tops' },
  resource_mesh: { ja: '資源量メッシュ', en: 'resource mesh' },
};
const STATES = { queued: 'queued', running: 'running', done: 'done', failed: 'failedJob', cancelled: 'cancelled', expired: 'expired' };

function product(id) {
  return label(PRODUCTS[id]) || id;
}

function number(n) {
  return new Intl.NumberFormat(language() === 'en' ? 'en-GB' : 'ja-JP').format(n);
}

function size(bytes) {
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${number(Math.round(bytes / 1024 / 1024 * 10) / 10)} MB`;
}

function when(instant) {
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: {
      Accept: 'application/json',
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
      ...(options.method && options.method !== 'GET' ? { 'X-XSRF-TOKEN': csrfToken() } : {}),
    },
  });
  const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, body };
}

// confirming: the job whose cancel is being confirmed
const page = { applications: [], plans: null, jobs: [], notice: null, confirming: null };
const notice = document.getElementById('notice');

/** Shows a notice; its text (and link's) are functions, so that it follows the language. */
function say(text, link) {
  page.notice = { text, link };
  renderNotice();
}

function renderNotice() {
  if (!page.notice) return;
  const { text, link } = page.notice;
  notice.replaceChildren(element('span', { text: text() }), ...(link ? [' ', element('a', { href: link.href, text: link.text() })] : []));
  notice.hidden = false;
}

function problem(answer) {
  return () => (answer.body && answer.body.message ? label(answer.body.message) : t('failed'));
}

function facts(pairs) {
  return element('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', { text: value })]));
}

function planCard(plan, limits, applicationId) {
  const used = limits.usedThisMonth || 0;
  const refusal = plan.points > limits.maxPointsPerJob ? t('overJobLimit')
    : used + plan.points > limits.maxPointsPerOrganisationPerMonth ? t('overQuota') : null;
  const button = element('button', { type: 'button', class: 'start', text: t('start'), ...(refusal ? { disabled: '' } : {}) });
  button.addEventListener('click', async () => {
    button.disabled = true;
    const answer = await api('/api/forestry/jobs', { method: 'POST', body: JSON.stringify({ application: applicationId, survey: plan.survey }) });
    if (answer.ok) say(() => t('started', answer.body.id));
    else say(problem(answer));
    await Promise.all([refreshJobs(), loadPlans()]);
  });
  return element('article', { class: 'clip-card', 'data-survey': plan.survey }, [
    element('h3', { text: plan.surveyName }),
    facts([
      [t('surveyingBody'), plan.surveyingBody],
      [t('tiles'), number(plan.tiles.length)],
      [t('estimatedPoints'), t('aboutPoints', number(plan.points))],
      [t('estimatedSize'), size(plan.bytes)],
      [t('contents'), plan.products.map(product).join(language() === 'en' ? ', ' : '・')],
      [t('jobLimit'), t('pointCount', number(limits.maxPointsPerJob))],
      [t('monthQuota'), t('quotaOf', number(used), number(limits.maxPointsPerOrganisationPerMonth))],
    ]),
    ...(refusal ? [element('p', { class: 'refusal', text: refusal })] : []),
    button,
    element('details', {}, [
      element('summary', { text: t('wholeTiles') }),
      element('ul', { class: 'files' }, plan.tiles.map((tile) => element('li', {}, [
        element('a', { href: `/api/forestry/tiles/${tile.id}/file`, download: tile.fileName, text: tile.fileName }),
        element('span', { text: `${size(tile.bytes)} · ${number(tile.points)}` }),
      ]))),
    ]),
  ]);
}

function renderPlans() {
  const container = document.getElementById('plans');
  const plans = page.plans;
  if (!plans) { container.replaceChildren(); return; }
  container.replaceChildren(...(plans.plans.length ? plans.plans.map((plan) => planCard(plan, plans.limits, plans.application))
    : [element('p', { text: t('noOverlap') })]));
}

function fileItem(file) {
  return element('li', {}, [
    element('a', { href: file.url, download: file.name, text: file.name }),
    element('span', { text: `${product(file.product)} · ${size(file.bytes)}` }),
    element('span', { class: 'digest', title: file.sha256, text: `SHA-256 ${file.sha256.slice(0, 16)}…` }),
  ]);
}

/** Cancel in two taps (the second in place of the first), since a cancelled job cannot be resumed. */
function cancelControls(job) {
  if (!job.cancelUrl) return [];
  if (page.confirming !== job.id) {
    const cancel = element('button', { type: 'button', class: 'cancel', text: t('cancel') });
    cancel.addEventListener('click', () => {
      page.confirming = job.id;
      renderJobs();
      document.querySelector(`[data-job="${job.id}"] button.confirm-cancel`).focus();
    });
    return [cancel];
  }
  const yes = element('button', { type: 'button', class: 'confirm-cancel', text: t('confirmCancel') });
  const no = element('button', { type: 'button', class: 'keep', text: t('keepJob') });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    const answer = await api(job.cancelUrl, { method: 'POST' });
    page.confirming = null;
    if (answer.ok) say(() => t('cancelledJob', job.id));
    else say(problem(answer));
    // a job cancelled before it started gives its points back to the month's quota
    await Promise.all([refreshJobs(), loadPlans()]);
  });
  no.addEventListener('click', () => {
    page.confirming = null;
    renderJobs();
    document.querySelector(`[data-job="${job.id}"] button.cancel`).focus();
  });
  return [element('div', { class: 'confirm', role: 'group', 'aria-label': t('cancel') }, [
    element('p', { text: t('cancelQuestion', job.id) }), yes, no])];
}

function jobCard(job) {
  const state = job.cancelRequested && job.state === 'running' ? 'cancelling' : STATES[job.state] || 'queued';
  const quiet = job.state === 'done' || job.state === 'cancelled';
  return element('article', { class: 'clip-card', 'data-job': job.id, 'data-state': job.state }, [
    element('h3', { text: t('jobHeading', job) }),
    // the handler's own words say what a running job is doing, or why it failed
    element('p', {}, [element('span', { class: `state ${job.state}`, text: t(state) }),
      ...(quiet ? [] : [' ', element('span', { text: job.message || '' })])]),
    ...(job.state === 'cancelled' ? [] : [element('progress', {
      max: '100', value: String(job.progress), 'aria-label': t('progressLabel', job.id), text: `${job.progress}%`,
    })]),
    facts([
      [t('estimatedPoints'), t('aboutPoints', number(job.estimatedPoints))],
      ...(job.pointsInArea !== undefined ? [[t('pointsInArea'), number(job.pointsInArea)]] : []),
      ...(job.expiresAt ? [[t('expires'), when(job.expiresAt)]] : []),
    ]),
    ...cancelControls(job),
    ...(job.files ? [element('ul', { class: 'files' }, [
      ...job.files.map(fileItem),
      element('li', {}, [element('a', { href: job.manifest.url, download: 'manifest.json', text: t('manifest') }),
        element('span', { text: size(job.manifest.bytes) })]),
    ])] : []),
  ]);
}

function renderJobs() {
  const container = document.getElementById('jobs');
  container.replaceChildren(...(page.jobs.length ? page.jobs.map(jobCard) : [element('p', { text: t('noJobs') })]));
}

async function refreshJobs() {
  const answer = await api('/api/forestry/jobs');
  if (answer.ok) {
    page.jobs = answer.body.jobs;
    renderJobs();
  }
  return answer;
}

async function loadPlans() {
  const select = document.getElementById('application');
  if (!select.value) return;
  const answer = await api(`/api/forestry/applications/${select.value}/clip-plans`);
  page.plans = answer.ok ? answer.body : null;
  if (!answer.ok) say(problem(answer));
  renderPlans();
}

function renderOptions() {
  const select = document.getElementById('application');
  const chosen = select.value;
  select.replaceChildren(...page.applications.map((a) => element('option', { value: String(a.id), text: t('applicationOption', a) })));
  if (chosen) select.value = chosen;
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const applications = await api('/api/forestry/applications');
  if (applications.status === 401 || applications.status === 403) {
    say(() => t('signIn'), { href: '/login', text: () => t('signInLink') });
    document.getElementById('jobs').replaceChildren();
    document.getElementById('application').disabled = true;
    document.body.dataset.ready = 'true';
    return;
  }
  page.applications = applications.ok ? applications.body.applications.filter((a) => a.status === 'approved') : [];
  if (!page.applications.length) {
    say(() => t('noApproved'), { href: '/forestry', text: () => t('toForestry') });
    document.getElementById('application').disabled = true;
  }
  onLanguage(() => { renderNotice(); renderOptions(); renderPlans(); renderJobs(); });
  document.getElementById('application').addEventListener('change', loadPlans);
  await loadPlans();
  const jobs = await refreshJobs();
  if (jobs.ok) refreshOn(connectLive([jobs.body.topic]), jobs.body.topic, refreshJobs);
  document.body.dataset.ready = 'true';
}

start();
