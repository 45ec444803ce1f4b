import { t, label, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { problemText } from './report-messages.js';
import './staff-messages.js';
import { STATUS_MESSAGES, dateTime } from './forestry-messages.js';
import { element } from './dom.js';
import { staffHeader, csrfToken } from './staff-header.js';
import { fetchSurveys, forestryMap } from './forestry-map.js';
import './staff-forestry-upload.js';

const AREA = { color: '#b9770e', weight: 3, fillColor: '#f5b041', fillOpacity: 0.35, interactive: false };

/**
 * Staff's queue of firms' applications: choose one to see its area over the surveys and the CS
 * relief, then approve it with the surveying body's approval reference (測量法) or refuse it with a
 * reason. Every decision is audited by the server.
 */
async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  staffHeader(document.getElementById('staff-header'));
  const queue = document.getElementById('queue');
  const detail = document.getElementById('detail');
  const filter = document.getElementById('status-filter');
  const [surveys, { products }] = await Promise.all([fetchSurveys(),
    fetch('/api/forestry/products').then((r) => r.json()).catch(() => ({ products: [] }))]);
  const { map } = forestryMap('coverage-map', surveys || []);
  const area = L.geoJSON(null, { style: AREA }).addTo(map);
  let answer = { applications: [], organisations: {} };
  let chosen = null;
  let notice = null;

  const productName = (id) => label((products.find((p) => p.id === id) || {}).label) || id;
  const organisationName = (id) => answer.organisations[id] || t('unknownOrganisation', id);

  function facts(a) {
    return element('dl', { class: 'facts' }, [
      element('dt', { text: t('organisation') }), element('dd', { text: organisationName(a.organisation) }),
      element('dt', { text: t('appliedAt') }), element('dd', { text: dateTime(a.appliedAt) }),
      element('dt', { text: t('area') }), element('dd', { text: a.compartments.length ? t('compartmentsCount', a.compartments.length) : t('drawnArea') }),
      element('dt', { text: t('productsLegend') }), element('dd', { text: a.products.map(productName).join(', ') }),
      element('dt', { text: t('purpose') }), element('dd', { class: 'purpose', text: a.purpose }),
      ...(a.decidedAt ? [element('dt', { text: t('decidedAt') }), element('dd', { text: dateTime(a.decidedAt) })] : []),
      ...(a.surveyApproval ? [element('dt', { text: t('surveyApproval') }), element('dd', { text: a.surveyApproval })] : []),
      ...(a.reason ? [element('dt', { text: t('reason') }), element('dd', { text: a.reason })] : []),
    ]);
  }

  function renderQueue() {
    queue.replaceChildren(...(answer.applications.length ? answer.applications.map((a) => {
      const open = element('button', { type: 'button', text: a.status === 'pending' ? t('open') : t('view'),
        'aria-label': `${t('applicationNumber', a.id)}: ${a.status === 'pending' ? t('open') : t('view')}` });
      open.addEventListener('click', () => choose(a));
      return element('article', { class: `application status-${a.status}${chosen && chosen.id === a.id ? ' chosen' : ''}`, 'data-application': a.id }, [
        element('h3', {}, [t('applicationNumber', a.id), ' ',
          element('span', { class: `status-badge status-${a.status}`, text: t(STATUS_MESSAGES[a.status]) })]),
        element('p', { text: `${organisationName(a.organisation)} · ${dateTime(a.appliedAt)}` }), open]);
    }) : [element('p', { text: t('noQueue') })]));
  }

  function decisionForm(a) {
    const message = element('p', { class: 'form-message', role: 'alert', hidden: '' });
    const reference = element('input', { id: 'survey-approval', name: 'surveyApproval', maxlength: 200, autocomplete: 'off' });
    const reason = element('textarea', { id: 'reason', name: 'reason', rows: 3, maxlength: 2000 });
    const fields = { surveyApproval: reference, reason };
    async function decide(decision) {
      Object.values(fields).forEach((f) => f.removeAttribute('aria-invalid'));
      let response;
      try {
        response = await fetch(`/staff/api/forestry/applications/${a.id}/decision`, {
          method: 'PUT', body: JSON.stringify({ decision, surveyApproval: reference.value, reason: reason.value }),
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        });
      } catch (e) {
        response = new Response(null, { status: 503, statusText: t('failedToSend') });
      }
      if (response.ok) {
        notice = t('decided', a.id, t(STATUS_MESSAGES[decision]));
        await load(a.id);
        return;
      }
      const problem = await response.clone().json().catch(() => ({}));
      message.textContent = await problemText(response, response.statusText);
      message.className = 'form-message error';
      message.hidden = false;
      if (fields[problem.field]) {
        fields[problem.field].setAttribute('aria-invalid', 'true');
        fields[problem.field].focus();
      }
    }
    const approve = element('button', { type: 'button', class: 'primary', id: 'approve', text: t('approve') });
    approve.addEventListener('click', () => decide('approved'));
    const refuse = element('button', { type: 'button', class: 'danger', id: 'refuse', text: t('refuse') });
    refuse.addEventListener('click', () => decide('refused'));
    return element('div', { class: 'decision' }, [message,
      element('fieldset', {}, [element('legend', { text: t('approveLegend') }),
        element('label', { for: 'survey-approval', text: t('surveyApproval') }), element('p', { class: 'hint', text: t('approvalHint') }),
        reference, approve]),
      element('fieldset', {}, [element('legend', { text: t('refuseLegend') }),
        element('label', { for: 'reason', text: t('reason') }), reason, refuse])]);
  }

  function renderDetail() {
    const said = notice ? [element('p', { class: 'form-message done', role: 'status', text: notice })] : [];
    if (!chosen) {
      detail.replaceChildren(...said, element('p', { class: 'hint', text: t('chooseOne') }));
      return;
    }
    detail.replaceChildren(...said, element('h3', {}, [t('applicationNumber', chosen.id), ' ',
      element('span', { class: `status-badge status-${chosen.status}`, text: t(STATUS_MESSAGES[chosen.status]) })]),
    facts(chosen), ...(chosen.status === 'pending' ? [decisionForm(chosen)] : []));
  }

  function choose(a) {
    chosen = a;
    notice = null;
    area.clearLayers().addData(a.area);
    map.fitBounds(area.getBounds(), { padding: [16, 16], maxZoom: 17 });
    renderQueue();
    renderDetail();
    detail.scrollIntoView({ block: 'nearest' });
  }

  async function load(keep) {
    const response = await fetch(`/staff/api/forestry/applications${filter.value ? `?status=${filter.value}` : ''}`,
      { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      queue.replaceChildren(element('p', { class: 'error', text: await problemText(response, t('failed')) }));
      return;
    }
    answer = await response.json();
    // A decided application leaves the pending queue; it stays shown with its decision.
    if (keep) {
      const all = await fetch('/staff/api/forestry/applications', { headers: { Accept: 'application/json' } }).then((r) => r.json());
      chosen = all.applications.find((a) => a.id === keep) || null;
    } else if (chosen && !answer.applications.some((a) => a.id === chosen.id)) {
      chosen = null;
      area.clearLayers();
    }
    renderQueue();
    renderDetail();
  }

  filter.addEventListener('change', () => { notice = null; load(); });
  onLanguage(() => { renderQueue(); renderDetail(); });
  await load();
  document.body.dataset.ready = 'true';
}

start();
