import { t, label, language, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { problemText } from './report-messages.js';
import { STATUS_MESSAGES, number, dateTime, localized } from './forestry-messages.js';
import { element } from './dom.js';
import { csrfToken } from './staff-header.js';
import { fetchSurveys, forestryMap, reliefToggle, compartmentsOver } from './forestry-map.js';
import { createAreaPicker } from './forestry-area.js';

const APPLIED_AREA = { color: '#6c3483', weight: 3, dashArray: '4 4', fill: false, interactive: false };

async function json(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(response.statusText);
  return response.json();
}

function card(survey) {
  const p = survey.properties;
  return element('article', { class: 'survey-card', 'data-survey': p.id }, [
    element('h3', { text: p.name }),
    element('dl', { class: 'facts' }, [
      element('dt', { text: t('surveyingBody') }), element('dd', { text: p.surveyingBody }),
      element('dt', { text: t('tiles') }), element('dd', { text: number(p.tiles) }),
      element('dt', { text: t('points') }), element('dd', { text: number(p.points) }),
      element('dt', { text: t('density') }), element('dd', { text: t('perSquareMetre', p.pointsPerSquareMetre) }),
    ]),
    ...(p.products.length ? [element('h4', { text: t('products') }),
      element('ul', {}, p.products.map((product) => element('li', { text: label(product.label) })))] : []),
    element('p', { class: 'figures-download' }, [element('a', {
      href: `/api/forestry/surveys/${p.id}/compartments?f=csv`, download: '', class: 'button-link', text: t('figuresCsv'),
    })]),
    element('p', { class: 'access', text: t('accessNote') }),
  ]);
}

/** A tapped sub-compartment's figures from each survey covering it; volumes are marked as estimates. */
function standPanel(container) {
  let shown = null;

  function facts(figure) {
    const rows = [
      ['surveyedPart', t('surveyedOf', number(figure.surveyedHa), Math.round(figure.surveyedShare * 100))],
      ['treeCount', number(figure.treeCount)],
      ['treesPerHa', figure.treesPerHa == null ? '—' : t('perHa', number(figure.treesPerHa))],
      ['meanHeight', figure.meanHeightM == null ? '—' : t('metres', figure.meanHeightM)],
      ['topHeight', figure.topHeightM == null ? '—' : t('metres', figure.topHeightM)],
      ['volume', figure.volumeM3PerHaEstimate == null ? `${number(figure.volumeM3Estimate)} m³`
        : t('volumeOf', number(figure.volumeM3Estimate), number(figure.volumeM3PerHaEstimate))],
    ];
    return element('dl', { class: 'facts' }, rows.flatMap(([key, value]) => [
      element('dt', { text: t(key) }),
      element('dd', {}, key === 'volume' ? [value, ' ', element('span', { class: 'estimate', text: t('estimate') })] : [value])]));
  }

  function render() {
    if (!shown) return;
    const { feature, answer } = shown;
    const p = feature.properties;
    const close = element('button', { type: 'button', class: 'close', text: t('closeStand') });
    close.addEventListener('click', () => { shown = null; container.hidden = true; });
    const body = !answer ? [element('p', { text: t('loading') })]
      : answer.failed ? [element('p', { class: 'error', text: answer.failed })]
        : answer.figures.length === 0 ? [element('p', { text: t('notSurveyed') })]
          : answer.figures.flatMap((figure) => [element('h4', { text: figure.surveyName }), facts(figure)])
            .concat(element('p', { class: 'estimate-note', text: label(answer.volumeNote) }));
    container.replaceChildren(element('div', { class: 'stand-head' }, [
      element('h3', { text: t('standTitle', p.compartment, p.subcompartment) }), close]),
    element('p', { text: `${t('species')}: ${p.species || '—'} · ${t('areaHa')}: ${t('hectares', p.area_ha ?? '—')}` }), ...body);
    container.hidden = false;
  }

  onLanguage(render);
  return async (feature) => {
    shown = { feature, answer: null };
    render();
    let answer;
    try {
      const response = await fetch(`/api/forestry/compartments/${feature.id}`, { headers: { Accept: 'application/json' } });
      answer = response.ok ? await response.json() : { failed: await problemText(response, t('failed')) };
    } catch (e) {
      answer = { failed: t('failed') };
    }
    if (shown && shown.feature === feature) {
      shown.answer = answer;
      render();
      container.scrollIntoView({ block: 'nearest' });
    }
  };
}

/** What to say instead of the form to someone who cannot apply, and where to go. */
function cannotApply(me) {
  if (!me.authenticated) {
    return [localized('p', {}, 'signInToApply'), localized('a', { class: 'button-link', href: '/forestry/apply' }, 'signIn')];
  }
  if (me.kind === 'staff') return [localized('a', { href: '/staff/forestry' }, 'staffGoToQueue')];
  return [localized('p', {}, 'noOrganisation'), localized('a', { href: '/organisations/apply' }, 'registerOrganisation')];
}

/** The application form: organisation, area, products, purpose, the terms; problems shown by the field they name. */
function applicationForm(organisations, picker, products, terms, onApplied) {
  const organisation = element('select', { id: 'organisation', name: 'organisation' },
    organisations.map((o) => element('option', { value: o.organisationId, text: o.organisationName })));
  const productBoxes = products.map((product) => {
    const box = element('input', { type: 'checkbox', name: 'products', value: product.id, id: `product-${product.id}` });
    const name = element('label', { for: box.id });
    onLanguage(() => { name.textContent = label(product.label); });
    return element('li', {}, [box, name]);
  });
  const productsField = element('fieldset', { id: 'products-field' }, [localized('legend', {}, 'productsLegend'),
    element('ul', { class: 'product-list' }, productBoxes)]);
  const purpose = element('textarea', { id: 'purpose', name: 'purpose', rows: 3, maxlength: 2000 });
  onLanguage(() => { purpose.placeholder = t('purposeHint'); });
  const termsText = element('div', { class: 'terms-text', tabindex: 0, role: 'document' });
  const accept = element('input', { type: 'checkbox', id: 'accept-terms' });
  const termsHeading = element('legend');
  onLanguage(() => {
    termsText.textContent = label(terms.text);
    termsText.setAttribute('aria-label', t('termsLegend'));
    termsHeading.textContent = `${t('termsLegend')} ${t('termsVersion', terms.version)}`;
  });
  const termsField = element('fieldset', { id: 'terms-field' }, [termsHeading, termsText,
    element('label', { class: 'choice' }, [accept, localized('span', {}, 'acceptTerms')])]);
  const areaField = picker.startApplying();
  const message = element('p', { class: 'form-message', role: 'alert', hidden: '' });
  const submit = localized('button', { type: 'submit', class: 'primary' }, 'submit');
  const fields = { organisation, area: areaField, compartments: areaField, products: productsField, purpose, termsVersion: termsField };

  const form = element('form', { class: 'apply-form', novalidate: '' }, [
    element('p', {}, [localized('label', { for: 'organisation' }, 'organisation'), organisation]),
    areaField, productsField,
    element('p', {}, [localized('label', { for: 'purpose' }, 'purpose'), purpose]),
    termsField, message, submit]);

  function say(text, kind, field) {
    Object.values(fields).forEach((f) => f.removeAttribute('aria-invalid'));
    message.textContent = text;
    message.className = `form-message ${kind}`;
    message.hidden = false;
    if (field && fields[field]) {
      fields[field].setAttribute('aria-invalid', 'true');
      fields[field].scrollIntoView({ block: 'center' });
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const area = picker.area();
    if (area.tooFewCorners) {
      say(t('drawAtLeastThree'), 'error', 'area');
      return;
    }
    submit.disabled = true;
    say(t('sending'), 'info');
    const body = {
      organisation: Number(organisation.value), ...area,
      products: productBoxes.map((item) => item.querySelector('input')).filter((box) => box.checked).map((box) => box.value),
      purpose: purpose.value, termsVersion: accept.checked ? terms.version : null,
    };
    try {
      const response = await fetch('/api/forestry/applications', {
        method: 'POST', body: JSON.stringify(body),
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      });
      if (response.ok) {
        const { id } = await response.json();
        form.reset();
        picker.clear();
        say(t('applied', id), 'done');
        onApplied();
      } else {
        const problem = await response.clone().json().catch(() => ({}));
        say(await problemText(response, t('failedToSend')), 'error', problem.field);
      }
    } catch (e) {
      say(t('failedToSend'), 'error');
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** The caller's organisations' applications with their status and decision; each area can be shown on the map. */
function applicationsList(container, section, map, organisations, products) {
  const productName = (id) => label((products.find((p) => p.id === id) || {}).label) || id;
  const shownArea = L.geoJSON(null, { style: APPLIED_AREA }).addTo(map);
  let applications = [];

  function item(a) {
    const name = (organisations.find((o) => o.organisationId === a.organisation) || {}).organisationName || '';
    const show = element('button', { type: 'button', class: 'link-button', text: t('showOnMap') });
    show.addEventListener('click', () => {
      shownArea.clearLayers().addData(a.area);
      map.fitBounds(shownArea.getBounds(), { padding: [16, 16], maxZoom: 17 });
      map.getContainer().scrollIntoView({ block: 'nearest' });
    });
    const decision = a.status === 'approved'
      ? [element('dt', { text: t('surveyApproval') }), element('dd', { text: a.surveyApproval })]
      : a.status === 'refused' ? [element('dt', { text: t('reason') }), element('dd', { text: a.reason })] : [];
    return element('article', { class: `application status-${a.status}`, 'data-application': a.id }, [
      element('h3', {}, [t('applicationNumber', a.id), ' ',
        element('span', { class: `status-badge status-${a.status}`, text: t(STATUS_MESSAGES[a.status]) })]),
      element('dl', { class: 'facts' }, [
        element('dt', { text: t('organisation') }), element('dd', { text: name }),
        element('dt', { text: t('appliedAt') }), element('dd', { text: dateTime(a.appliedAt) }),
        element('dt', { text: t('area') }), element('dd', {}, [a.compartments.length ? t('compartmentsCount', a.compartments.length)
          : t('drawnArea'), ' ', show]),
        element('dt', { text: t('productsLegend') }), element('dd', { text: a.products.map(productName).join(', ') }),
        element('dt', { text: t('purpose') }), element('dd', { text: a.purpose }),
        ...(a.decidedAt ? [element('dt', { text: t('decidedAt') }), element('dd', { text: dateTime(a.decidedAt) })] : []),
        ...decision,
      ]),
      ...(a.status === 'approved' ? [element('a', { href: '/forestry/jobs', text: t('approvedDownloads') })] : []),
    ]);
  }

  function render() {
    container.replaceChildren(...(applications.length ? applications.map(item) : [element('p', { text: t('noApplications') })]));
  }

  onLanguage(render);
  return async function load() {
    try {
      applications = (await json('/api/forestry/applications')).applications;
    } catch (e) {
      container.replaceChildren(element('p', { class: 'error', text: t('failed') }));
      return;
    }
    section.hidden = false;
    render();
  };
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const container = document.getElementById('surveys');
  const [surveys, me] = await Promise.all([fetchSurveys(), json('/api/me').catch(() => ({ authenticated: false }))]);
  const { map, relief, coverage } = forestryMap('coverage-map', surveys || []);
  reliefToggle(document.getElementById('relief'), map, relief);
  if (surveys) onLanguage(() => container.replaceChildren(...(surveys.length ? surveys.map(card) : [element('p', { text: t('noSurveys') })])));
  else container.replaceChildren(element('p', { text: t('failed') }));

  const picker = createAreaPicker(map, await compartmentsOver(coverage), standPanel(document.getElementById('stand')));
  const apply = document.getElementById('apply');
  const organisations = (me.organisations || []).filter((o) => o.status === 'approved');
  if (organisations.length === 0) {
    apply.replaceChildren(...cannotApply(me));
  } else {
    const [{ products }, terms] = await Promise.all([json('/api/forestry/products'), json('/api/forestry/terms')]);
    const load = applicationsList(document.getElementById('mine'), document.querySelector('section.mine'), map, organisations, products);
    apply.replaceChildren(applicationForm(organisations, picker, products, terms, load));
    await load();
    if (window.location.pathname === '/forestry/apply') apply.scrollIntoView();
  }
  document.documentElement.lang = language();
  document.body.dataset.ready = 'true';
}

start();
