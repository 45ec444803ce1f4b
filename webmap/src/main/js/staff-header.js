import { t, onLanguage } from './i18n.js';
import { element } from './dom.js';

const LINKS = [
  ['/', 'navMap'], ['/staff/reports', 'navReports'], ['/staff/reports/statistics', 'navStatistics'],
  ['/staff/jobs', 'navJobs'], ['/staff/towns', 'navTowns'], ['/staff/events', 'navEvents'],
  ['/staff/organisations', 'navOrganisations'], ['/staff/forestry', 'navForestry'],
];

/** The CSRF token Spring Security keeps in a cookie, sent back with every change. */
export function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * Fills the staff pages' header: links to the other staff pages (the current one marked), the
 * signed-in person's name and a sign-out button (a POST, as Spring Security wants).
 */
export async function staffHeader(container) {
  const nav = element('nav', { class: 'staff-nav' });
  const who = element('span', { class: 'signed-in', id: 'signed-in' });
  const signOut = element('form', { method: 'post', action: '/logout', class: 'sign-out' }, [
    element('input', { type: 'hidden', name: '_csrf', value: csrfToken() }),
    element('button', { type: 'submit', id: 'sign-out' }),
  ]);
  container.append(nav, who, signOut);
  let me = {};
  try {
    me = await (await fetch('/api/me', { headers: { Accept: 'application/json' } })).json();
  } catch (e) {
    // the header still links everywhere; the name is missing
  }
  onLanguage(() => {
    nav.setAttribute('aria-label', t('staffNavigation'));
    nav.replaceChildren(...LINKS.map(([href, message]) => element('a', {
      href, text: t(message), 'aria-current': href === window.location.pathname ? 'page' : null,
    })));
    who.textContent = me.authenticated ? t('signedInAs', me.displayName || me.name) : '';
    signOut.querySelector('button').textContent = t('signOut');
  });
}
