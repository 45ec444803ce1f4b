import { t, label, onLanguage } from './i18n.js';
import { element } from './dom.js';
import { ckanAction, startCatalogPage, titleWithTranslation } from './catalog-common.js';

const ROWS = 10;
// The facets shown, in this order; each field is a CKAN package_search facet.field and fq field.
const FACETS = [
  { field: 'organization', message: 'facetOrganization' },
  { field: 'tags', message: 'facetTags' },
  { field: 'res_format', message: 'facetFormat' },
  { field: 'license_id', message: 'facetLicence' },
];
const TYPING_PAUSE_MS = 250;
// Values shown per facet before "more": the most frequent first; chosen values are always shown.
const FACET_LIMIT = 8;

/** The search as the address states it (?q=…&tags=…&page=…), so that a search can be shared and reloaded. */
function searchFromAddress() {
  const params = new URLSearchParams(window.location.search);
  return {
    q: params.get('q') || '',
    page: Math.max(1, Number(params.get('page')) || 1),
    filters: filtersOf(params),
  };
}

function filtersOf(params) {
  return Object.fromEntries(FACETS.map(({ field }) => [field, params.getAll(field)]));
}

function addressOf(search) {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  FACETS.forEach(({ field }) => search.filters[field].forEach((value) => params.append(field, value)));
  if (search.page > 1) params.set('page', search.page);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

/** CKAN's fq: every chosen facet value must match; values are quoted since tags may hold spaces. */
function filterQuery(filters) {
  return FACETS.flatMap(({ field }) => filters[field].map((value) => `${field}:"${value.replace(/"/g, '')}"`)).join(' ');
}

function formatsOf(pkg) {
  return [...new Set(pkg.resources.map((r) => r.format))];
}

function resultItem(pkg) {
  const modified = pkg.metadata_modified ? pkg.metadata_modified.slice(0, 10) : null;
  return element('li', { class: 'result', 'data-dataset': pkg.name }, [
    element('h2', {}, [element('a', { href: `/datasets/${encodeURIComponent(pkg.name)}` }, [
      titleWithTranslation('span', pkg.title_translated || { ja: pkg.title })])]),
    element('p', { class: 'notes', text: label(pkg.notes_translated) || pkg.notes || '' }),
    element('p', { class: 'result-meta' }, [
      ...formatsOf(pkg).map((format) => element('span', { class: 'format-badge', text: format })),
      ...(modified ? [element('span', { class: 'modified', text: `${t('modified')} ${modified}` })] : []),
    ]),
  ]);
}

async function start() {
  startCatalogPage();
  const input = document.getElementById('q');
  const count = document.getElementById('result-count');
  const list = document.getElementById('result-list');
  const pager = document.getElementById('pager');
  const facets = document.getElementById('facet-groups');
  const filtersBox = document.getElementById('filters');
  filtersBox.open = window.matchMedia('(min-width: 768px)').matches;

  let search = searchFromAddress();
  let answer = null;
  let organizations = new Map();
  let request = 0;
  const expanded = new Set();
  input.value = search.q;

  function facetGroup({ field, message }) {
    const all = Object.entries(answer.facets[field] || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (all.length === 0) return null;
    const items = expanded.has(field) ? all
      : all.filter(([value], i) => i < FACET_LIMIT || search.filters[field].includes(value));
    const more = element('button', { type: 'button', class: 'facet-more', text: t('moreValues', all.length - items.length) });
    more.addEventListener('click', () => {
      expanded.add(field);
      render();
    });
    return element('section', { class: 'facet', 'data-facet': field }, [
      element('h3', { text: t(message) }),
      element('ul', {}, items.map(([value, n]) => {
        const chosen = search.filters[field].includes(value);
        const shown = field === 'organization' ? label(organizations.get(value)) || value : value;
        const button = element('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(chosen), 'data-value': value }, [
          element('span', { class: 'facet-name', text: shown }), element('span', { class: 'facet-count', text: String(n) })]);
        button.addEventListener('click', () => {
          const values = search.filters[field];
          search.filters[field] = chosen ? values.filter((v) => v !== value) : [...values, value];
          run({ ...search, page: 1 }, true);
        });
        return element('li', {}, [button]);
      })),
      ...(items.length < all.length ? [more] : []),
    ]);
  }

  function render() {
    if (!answer) return;
    const pages = Math.max(1, Math.ceil(answer.count / ROWS));
    count.textContent = t('resultCount', answer.count);
    list.replaceChildren(...(answer.results.length
      ? answer.results.map(resultItem) : [element('li', { class: 'hint', text: t('noResults') })]));
    const chosen = FACETS.some(({ field }) => search.filters[field].length > 0);
    const clear = element('button', { type: 'button', class: 'clear-filters', text: t('clearFilters') });
    clear.addEventListener('click', () => run({ ...search, page: 1, filters: filtersOf(new URLSearchParams()) }, true));
    facets.replaceChildren(...FACETS.map(facetGroup).filter(Boolean), ...(chosen ? [clear] : []));
    pager.replaceChildren(
      pageButton(t('previous'), search.page - 1, search.page > 1, 'previous'),
      element('span', { class: 'page-of', text: t('pageOf', search.page, pages) }),
      pageButton(t('next'), search.page + 1, search.page < pages, 'next'));
    pager.hidden = pages <= 1;
  }

  function pageButton(text, page, enabled, id) {
    const button = element('button', { type: 'button', id: `page-${id}`, text });
    button.disabled = !enabled;
    button.addEventListener('click', () => {
      run({ ...search, page }, true);
      window.scrollTo(0, 0);
    });
    return button;
  }

  async function run(next, remember) {
    search = next;
    const url = addressOf(search);
    if (remember) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    const mine = ++request;
    document.body.dataset.ready = 'false';
    try {
      const { result } = await ckanAction('package_search', {
        q: search.q, fq: filterQuery(search.filters), rows: ROWS, start: (search.page - 1) * ROWS,
        'facet.field': FACETS.map((f) => f.field),
      });
      if (mine !== request) return;
      answer = result;
      render();
    } catch (e) {
      if (mine !== request) return;
      count.textContent = t('loadFailed');
      list.replaceChildren();
    }
    document.body.dataset.ready = 'true';
  }

  let typing = null;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => run({ ...search, q: input.value.trim(), page: 1 }, false), TYPING_PAUSE_MS);
  });
  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    run({ ...search, q: input.value.trim(), page: 1 }, true);
  });
  window.addEventListener('popstate', () => {
    const back = searchFromAddress();
    input.value = back.q;
    run(back, false);
  });

  try {
    const { result } = await ckanAction('organization_list', { all_fields: true });
    organizations = new Map(result.map((o) => [o.name, o.title_translated || { ja: o.title }]));
  } catch (e) {
    // Facets then show the organisation's code instead of its name.
  }
  onLanguage(render);
  await run(search, false);
}

start();
