import { t, label, language, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { STATUSES, problemText, roadText } from './report-messages.js';
import { element } from './dom.js';

/** A time in the municipality's zone, written the way the page's language writes it. */
function when(iso) {
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'ja-JP',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso));
}

function statusLabel(id) {
  const status = STATUSES.find((s) => s.id === id);
  return status ? label(status.label) : id;
}

function publication(report) {
  if (report.moderation === 'accepted') {
    return element('p', { class: 'publication public' }, [t('isPublic'), ' ',
      element('a', { href: `/#map=18/${report.lat.toFixed(6)}/${report.lon.toFixed(6)}`, text: t('showOnMap') })]);
  }
  return element('p', { class: `publication ${report.moderation}`, text: t(report.moderation === 'rejected' ? 'notPublished' : 'awaitingReview') });
}

/** The resident's own photos, through the private link (so even before the report is public). */
function photos(report, token) {
  if (!report.photos) return [];
  const base = `/api/reports/follow/${encodeURIComponent(token)}/photos`;
  return [
    element('h3', { text: t('yourPhotos') }),
    element('ul', { class: 'follow-photos' }, Array.from({ length: report.photos }, (_, i) => element('li', {}, [
      element('a', { href: `${base}/${i + 1}` }, [
        element('img', { src: `${base}/${i + 1}/thumbnail`, alt: t('photoNumber', i + 1), loading: 'lazy' }),
      ]),
    ]))),
  ];
}

function render(container, report, categories, token) {
  const category = categories.find((c) => c.code === report.category);
  const road = roadText(report.roadName, report.routeNo);
  const facts = [
    [t('status'), label(report.statusLabel)],
    [t('body'), label(report.body)],
    ...(report.bodyContact ? [[t('contactBody'), report.bodyContact]] : []),
    ...(road ? [[t('road'), road]] : []),
    [t('reportedAt'), when(report.reportedAt)],
  ];
  container.replaceChildren(
    element('h2', { text: t('followReport', report.id, category ? label(category.name) : report.category) }),
    publication(report),
    element('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', { text: value })])),
    element('p', { class: 'description', text: report.description }),
    ...photos(report, token),
    element('h3', { text: t('history') }),
    element('ol', { class: 'history' }, [...report.updates].reverse().map((u) => element('li', { 'data-status': u.status }, [
      element('time', { datetime: u.at, text: when(u.at) }), ' ',
      element('strong', { text: statusLabel(u.status) }),
      ...(u.note ? [element('p', { class: 'staff-note-text' }, [element('span', { class: 'hint', text: `${t('staffNote')}：` }), u.note])] : []),
    ]))),
  );
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const container = document.getElementById('follow');
  const token = decodeURIComponent(window.location.pathname.split('/').pop());
  const [response, categories] = await Promise.all([
    fetch(`/api/reports/follow/${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' } }),
    fetch('/api/reports/categories').then((r) => r.json()).then((c) => c.categories).catch(() => []),
  ]);
  if (response.ok) {
    const report = await response.json();
    onLanguage(() => render(container, report, categories, token));
  } else {
    const problem = response.clone();
    onLanguage(async () => {
      container.replaceChildren(element('p', { class: 'error', role: 'alert', text: await problemText(problem.clone(), t('failedToSend')) }));
    });
  }
  document.body.dataset.ready = 'true';
}

start();
