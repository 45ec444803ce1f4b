import { t, label, language, onLanguage, toggleLanguage, translateStaticText, addMessages } from './i18n.js';
import { element } from './dom.js';

addMessages({
  alertsTitle: { ja: '防災情報（センサー）', en: 'Sensor alerts' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  currentAlerts: { ja: '発表中', en: 'Current' },
  clearedAlerts: { ja: '解除（24時間以内）', en: 'Cleared (last 24 hours)' },
  noAlerts: { ja: '発表中の情報はありません。', en: 'There are no current alerts.' },
  capFeed: { ja: 'CAPフィード（Atom）', en: 'CAP feed (Atom)' },
  value: { ja: '観測値', en: 'Reading' },
  observedAt: { ja: '観測時刻', en: 'Observed' },
  zones: { ja: '対象区域', en: 'Zones' },
  sheltersNear: { ja: '避難所', en: 'Shelters' },
  roadsCrossing: { ja: '通行に注意する道路', en: 'Roads through the zones' },
  cleared: { ja: '解除', en: 'Cleared' },
  missingReadings: { ja: '観測値が届いていません', en: 'No readings arriving' },
  live: { ja: '自動更新中', en: 'Updating live' },
  reconnecting: { ja: '再接続しています…', en: 'Reconnecting…' },
  polling: { ja: '1分ごとに更新', en: 'Updating every minute' },
  metres: { ja: (m) => `${m} m`, en: (m) => `${m} m` },
});

const POLL_MILLIS = 60_000;
const GATHER_MILLIS = 300;

/** How severe a level is, 1–4, for its colour: a river's four national levels as they are; soil and rain levels start at caution (2). */
export function severity(alert) {
  if (alert.kind !== 'threshold') return 1;
  return Math.min(4, alert.scheme === 'river-level' ? alert.level : alert.level + 1);
}

function when(iso) {
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'ja-JP',
    { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso));
}

function list(title, items) {
  if (!items.length) return [];
  return [element('h4', { text: title }), element('ul', { class: 'area-list' }, items.map((text) => element('li', { text })))];
}

function card(alert) {
  const area = alert.area || { zones: [], shelters: [], roads: [] };
  const cleared = Boolean(alert.clearedAt);
  const level = alert.kind === 'threshold' ? label(alert.levelName) : t('missingReadings');
  return element('article', { class: `alert-card sev-${severity(alert)}${cleared ? ' cleared' : ''}`, 'data-alert': alert.id }, [
    element('h3', {}, [
      element('span', { class: 'level', text: cleared ? `${t('cleared')}（${level}）` : level }), ' ',
      element('span', { class: 'thing', text: alert.thing }),
    ]),
    ...(alert.notice ? [element('p', { class: 'supplement', text: label(alert.notice) })] : []),
    element('dl', { class: 'facts' }, [
      ...(alert.value !== null && alert.value !== undefined
        ? [element('dt', { text: t('value') }), element('dd', { text: `${Number(alert.value.toFixed(2))} ${alert.unit || ''}`.trim() })] : []),
      ...(alert.observedAt ? [element('dt', { text: t('observedAt') }), element('dd', { text: when(alert.observedAt) })] : []),
    ]),
    ...list(t('zones'), [...new Set(area.zones.map((z) => z.name))]),
    ...list(t('sheltersNear'), area.shelters.slice(0, 8).map((s) => `${s.name}（${t('metres', s.distanceMetres)}）`)),
    ...list(t('roadsCrossing'), area.roads.slice(0, 8).map((r) => r.name)),
  ]);
}

function render(container, alerts) {
  const current = alerts.filter((a) => !a.clearedAt);
  const cleared = alerts.filter((a) => a.clearedAt);
  container.replaceChildren(
    element('h2', { text: t('currentAlerts') }),
    ...(current.length ? current.map(card) : [element('p', { class: 'none', text: t('noAlerts') })]),
    ...(cleared.length ? [element('h2', { text: t('clearedAlerts') }), ...cleared.map(card)] : []),
  );
  document.body.dataset.alerts = String(current.length);
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const container = document.getElementById('alerts');
  const updates = document.getElementById('updates');
  let alerts = [];
  let gathering = null;
  onLanguage(() => render(container, alerts));

  async function refresh() {
    const response = await fetch('/api/alerts?recent=true', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      alerts = (await response.json()).alerts;
      render(container, alerts);
      document.body.dataset.ready = 'true';
    }
  }
  function refreshSoon() {
    if (!gathering) gathering = setTimeout(() => { gathering = null; refresh(); }, GATHER_MILLIS);
  }
  function show(how) {
    updates.dataset.message = how;
    updates.textContent = t(how);
  }
  if (window.EventSource) {
    const source = new EventSource('/events?topic=alerts');
    source.addEventListener('open', () => { show('live'); refresh(); });
    source.addEventListener('alerts', refreshSoon);
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) { show('polling'); setInterval(refresh, POLL_MILLIS); } else show('reconnecting');
    });
  } else {
    show('polling');
    setInterval(refresh, POLL_MILLIS);
  }
  await refresh();
}

start();
