import { t, label, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { problemText } from './report-messages.js';
import { element } from './dom.js';
import { createBasemaps } from './basemaps.js';
import { createOverlays } from './overlays.js';

// A town-wide view when the address does not say where (#map=zoom/lat/lon).
const START = { center: [34.6745, 131.8425], zoom: 15 };
const MAX_PHOTOS = 3;

function viewFromHash() {
  const match = /map=(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(window.location.hash);
  return match ? { zoom: Number(match[1]), center: [Number(match[2]), Number(match[3])] } : START;
}

/** A key made once per report being written, so that resending after a lost answer files it once. */
function newSubmissionKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

async function loadCategories(select) {
  const response = await fetch('/api/reports/categories', { headers: { Accept: 'application/json' } });
  const { categories } = await response.json();
  onLanguage(() => {
    const chosen = select.value;
    select.replaceChildren(element('option', { value: '', text: t('chooseCategory') }),
      ...categories.map((c) => element('option', { value: c.code, text: label(c.name) })));
    select.value = chosen;
  });
  return categories;
}

/** The public reports layer from the registry, coloured by status, so residents see what is known. */
async function showPublicReports(map) {
  try {
    const response = await fetch('/api/layers', { headers: { Accept: 'application/json' } });
    const layers = (await response.json()).layers.filter((l) => l.id === 'reports');
    (await createOverlays(map, layers, () => {})).forEach(({ grid }) => grid.addTo(map));
  } catch (e) {
    // The form works without the layer; the nearby list still warns of duplicates.
  }
}

function createNearby(map, select) {
  const section = document.getElementById('nearby');
  const list = document.getElementById('nearby-list');
  let request = 0;

  async function supportButton(report, item) {
    const button = element('button', { type: 'button', class: 'plus-one', text: t('plusOne') });
    button.addEventListener('click', async () => {
      const body = new URLSearchParams();
      const email = document.getElementById('email').value.trim();
      if (email) body.set('email', email);
      const response = await fetch(`/api/reports/${report.id}/supporters`, { method: 'POST', body });
      if (response.ok) {
        const { supporters } = await response.json();
        button.replaceWith(element('span', { class: 'hint', text: t('plusOneDone', supporters) }));
      } else {
        item.append(element('p', { class: 'error', text: await problemText(response, t('failedToSend')) }));
      }
    });
    return button;
  }

  async function refresh() {
    const category = select.value;
    const mine = ++request;
    if (!category) {
      section.hidden = true;
      return;
    }
    const c = map.getCenter();
    const response = await fetch(`/api/reports/nearby?category=${encodeURIComponent(category)}&lon=${c.lng}&lat=${c.lat}`);
    if (mine !== request || !response.ok) return;
    const { reports } = await response.json();
    section.hidden = reports.length === 0;
    const items = await Promise.all(reports.map(async ({ metres, report }) => {
      const item = element('li', { 'data-report': report.id }, [
        element('strong', { text: `#${report.id} ${label(report.statusLabel)}` }), ' ',
        element('span', { class: 'distance', text: t('metresAway', metres) }),
        element('div', { text: report.description }),
      ]);
      item.append(await supportButton(report, item));
      return item;
    }));
    list.replaceChildren(element('p', { class: 'hint', text: t('nearbyHint') }), ...items);
  }

  select.addEventListener('change', refresh);
  map.on('moveend', refresh);
  return refresh;
}

function showReceipt(receipt, form) {
  const section = document.getElementById('receipt');
  const road = receipt.routeNo ? [receipt.roadName, receipt.routeNo].filter(Boolean).join(' ') : null;
  section.replaceChildren(
    element('h2', { text: t('received') }),
    element('p', { class: 'receipt-number', text: t('receiptNumber', receipt.id) }),
    element('p', { text: t('handledBy', label(receipt.body)) }),
    ...(road ? [element('p', { text: t('onRoad', road) })] : []),
    element('p', { class: 'hint', text: t('reviewNote') }),
  );
  const again = element('button', { type: 'button', text: t('another') });
  again.addEventListener('click', () => {
    section.hidden = true;
    form.hidden = false;
  });
  section.append(again);
  form.hidden = true;
  section.hidden = false;
  section.dataset.report = receipt.id;
}

function bindForm(map) {
  const form = document.getElementById('report-form');
  const error = document.getElementById('form-error');
  const button = document.getElementById('submit-button');
  let submissionKey = newSubmissionKey();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const photos = document.getElementById('photos').files;
    if (photos.length > MAX_PHOTOS) {
      error.textContent = t('tooManyPhotos');
      error.hidden = false;
      return;
    }
    const data = new FormData(form);
    data.delete('photos');
    Array.from(photos).forEach((photo) => data.append('photos', photo));
    const c = map.getCenter();
    data.set('lon', c.lng.toFixed(7));
    data.set('lat', c.lat.toFixed(7));
    data.set('submissionKey', submissionKey);
    button.disabled = true;
    button.textContent = t('sending');
    try {
      const response = await fetch('/api/reports', { method: 'POST', body: data, headers: { Accept: 'application/json' } });
      if (response.ok) {
        showReceipt(await response.json(), form);
        form.reset();
        submissionKey = newSubmissionKey();
      } else {
        error.textContent = await problemText(response, t('failedToSend'));
        error.hidden = false;
      }
    } catch (e) {
      // The same key goes out again on the next try, so a report that did arrive is not filed twice.
      error.textContent = t('failedToSend');
      error.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = t('submit');
    }
  });
}

async function start() {
  translateStaticText();
  document.getElementById('language-button').addEventListener('click', toggleLanguage);
  const view = viewFromHash();
  const map = L.map('map', { zoomControl: true }).setView(view.center, view.zoom);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
  createBasemaps(map, document.getElementById('offline-notice'), () => {});
  map.on('click', (e) => map.panTo(e.latlng));
  document.getElementById('locate-button').addEventListener('click', () => {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((p) => map.setView([p.coords.latitude, p.coords.longitude], 18),
      () => window.alert(t('locationUnavailable')), { enableHighAccuracy: true, timeout: 15000 });
  });
  const select = document.getElementById('category');
  await loadCategories(select);
  createNearby(map, select);
  bindForm(map);
  await showPublicReports(map);
  document.body.dataset.ready = 'true';
}

start();
