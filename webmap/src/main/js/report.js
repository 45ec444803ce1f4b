import { t, label, onLanguage, toggleLanguage, translateStaticText } from './i18n.js';
import { problemText, roadText, answerName } from './report-messages.js';
import { element } from './dom.js';
import { createOwnBackground, BACKGROUND_LAYERS } from './own-background.js';
import { overlaysNamed } from './overlays.js';

// A town-wide view when the address does not say where (#map=zoom/lat/lon).
const START = { center: [34.6745, 131.8425], zoom: 15 };
// A placed pin is looked at closely enough to tell one side of a road from the other.
const PLACED_ZOOM = 17;
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

function viewFromHash() {
  const match = /map=(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(window.location.hash);
  return match ? { zoom: Number(match[1]), center: [Number(match[2]), Number(match[3])] } : START;
}

/** A key made once per report being written, so that resending after a lost answer files it once. */
function newSubmissionKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/** The categories with their questions, and the photo limits, as the server states them. */
async function loadCategories(select) {
  const response = await fetch('/api/reports/categories', { headers: { Accept: 'application/json' } });
  const catalogue = await response.json();
  onLanguage(() => {
    const chosen = select.value;
    select.replaceChildren(element('option', { value: '', text: t('chooseCategory') }),
      ...catalogue.categories.map((c) => element('option', { value: c.code, text: label(c.name) })));
    select.value = chosen;
  });
  return catalogue;
}

/**
 * Chizu's own background (boundaries, roads, facilities), always: a resident places the pin by the
 * roads they know, whether or not GSI's tiles can be reached. The public reports on top, coloured by status.
 */
async function drawMap(map) {
  // Without the layer list the form still works; the nearby list still warns of duplicates.
  const overlays = await overlaysNamed(map, ['reports', ...BACKGROUND_LAYERS]);
  map.getContainer().classList.add('chizu-own');
  createOwnBackground(map, overlays).layer.addTo(map);
  overlays.filter(({ layer }) => layer.id === 'reports').forEach(({ grid }) => grid.addTo(map));
}

/**
 * Where the report is: nowhere until the resident taps the map or uses their location, so an
 * untouched map never files a report at the town centre. Once placed, the pin stays at the map's
 * centre and moving the map moves it.
 */
function createPin(map, onPlaced) {
  const pin = document.getElementById('pin');
  const prompt = document.getElementById('pin-prompt');
  let placed = false;

  function place(latlng) {
    placed = true;
    pin.hidden = false;
    prompt.hidden = true;
    map.getContainer().parentElement.classList.remove('needs-pin');
    map.setView(latlng, Math.max(map.getZoom(), PLACED_ZOOM));
    onPlaced();
  }

  map.on('click', (e) => place(e.latlng));
  return {
    place,
    isPlaced: () => placed,
    where: () => map.getCenter(),
    demand() {
      map.getContainer().parentElement.classList.add('needs-pin');
      prompt.hidden = false;
    },
  };
}

/** 現在地: says in the page that it is looking, where it found the resident, or why it could not. */
function bindLocate(pin) {
  const status = document.getElementById('locate-status');
  const show = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
    status.hidden = false;
  };
  document.getElementById('locate-button').addEventListener('click', () => {
    if (!navigator.geolocation) {
      show('unavailable', t('locationUnavailableTapMap'));
      return;
    }
    show('locating', t('locating'));
    navigator.geolocation.getCurrentPosition((p) => {
      pin.place([p.coords.latitude, p.coords.longitude]);
      show('found', t('locationFound', Math.round(p.coords.accuracy)));
    }, (error) => {
      show(error.code === error.PERMISSION_DENIED ? 'refused' : 'unavailable',
        t(error.code === error.PERMISSION_DENIED ? 'locationRefused' : 'locationUnavailableTapMap'));
    }, { enableHighAccuracy: true, timeout: 15000 });
  });
}

/** The chosen category's own questions (its Open311 attributes), sent as attribute[CODE]. */
function createQuestions(categories, select) {
  const container = document.getElementById('category-questions');

  function field(attribute) {
    const id = `attribute-${attribute.code}`;
    const name = `attribute[${attribute.code}]`;
    const caption = `${label(attribute.description)}${attribute.required ? t('requiredMark') : ''}`;
    const common = { id, name, 'data-code': attribute.code, ...(attribute.required ? { required: '', 'aria-required': 'true' } : {}) };
    if (attribute.datatype === 'multivaluelist') {
      return element('fieldset', { class: 'question', 'data-code': attribute.code }, [
        element('legend', { text: caption }),
        ...attribute.values.map((v, i) => element('label', { class: 'choice' }, [
          element('input', { type: 'checkbox', name: `${name}[]`, value: v.key, id: `${id}-${i}` }), ` ${answerName(v.name)}`])),
      ]);
    }
    let input;
    if (attribute.datatype === 'singlevaluelist') {
      input = element('select', common, [element('option', { value: '', text: t('chooseAnswer') }),
        ...attribute.values.map((v) => element('option', { value: v.key, text: answerName(v.name) }))]);
    } else if (attribute.datatype === 'text') {
      input = element('textarea', { ...common, rows: 2, maxlength: 500 });
    } else {
      const type = { number: 'number', datetime: 'datetime-local' }[attribute.datatype] || 'text';
      input = element('input', { ...common, type, maxlength: 200 });
    }
    return element('div', { class: 'question', 'data-code': attribute.code }, [element('label', { for: id, text: caption }), input]);
  }

  function render() {
    const kept = new FormData(select.form);
    const category = categories.find((c) => c.code === select.value);
    const attributes = category ? [...category.attributes].sort((a, b) => a.order - b.order) : [];
    container.replaceChildren(...attributes.map(field));
    container.querySelectorAll('select, input:not([type=checkbox]), textarea').forEach((input) => {
      if (kept.has(input.name)) input.value = kept.get(input.name);
    });
    container.querySelectorAll('input[type=checkbox]').forEach((box) => {
      box.checked = kept.getAll(box.name).includes(box.value);
    });
  }

  select.addEventListener('change', render);
  onLanguage(render);
  return {
    /** The first required question left unanswered, with its wording, or null. */
    unanswered() {
      const category = categories.find((c) => c.code === select.value);
      const data = new FormData(select.form);
      const missing = (category?.attributes || []).filter((a) => a.required)
        .find((a) => !data.getAll(`attribute[${a.code}]`).concat(data.getAll(`attribute[${a.code}][]`)).some((v) => v.trim()));
      return missing ? { text: label(missing.description), focus: container.querySelector(`[data-code="${missing.code}"]`) } : null;
    },
  };
}

/** Checks the chosen photos before anything is sent: how many, their type and size. */
function createPhotoCheck({ maxPhotos, maxPhotoBytes }) {
  const input = document.getElementById('photos');
  const error = document.getElementById('photos-error');
  const megabytes = (bytes) => (bytes / (1024 * 1024)).toFixed(1);

  function problem() {
    const files = Array.from(input.files);
    if (files.length > maxPhotos) return t('tooManyPhotos', maxPhotos);
    const wrongType = files.find((f) => !PHOTO_TYPES.includes(f.type));
    if (wrongType) return t('photoWrongType', wrongType.name);
    const tooLarge = files.find((f) => f.size > maxPhotoBytes);
    if (tooLarge) return t('photoTooLarge', tooLarge.name, megabytes(tooLarge.size), Math.floor(maxPhotoBytes / (1024 * 1024)));
    return null;
  }

  function check() {
    const found = problem();
    error.textContent = found || '';
    error.hidden = !found;
    if (found) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    return found;
  }

  input.addEventListener('change', check);
  return { check };
}

function createNearby(map, select, pin) {
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
    if (!category || !pin.isPlaced()) {
      section.hidden = true;
      return;
    }
    const c = pin.where();
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
  const road = roadText(receipt.roadName, receipt.routeNo);
  const follow = `/report/follow/${encodeURIComponent(receipt.token)}`;
  section.replaceChildren(
    element('h2', { text: t('received') }),
    element('p', { class: 'receipt-number', text: t('receiptNumber', receipt.id) }),
    element('p', { text: t('handledBy', label(receipt.body)) }),
    ...(road ? [element('p', { class: 'receipt-road', text: t('onRoad', road) })] : []),
    element('p', { class: 'hint', text: t('reviewNote') }),
    element('p', {}, [element('a', { id: 'follow-link', class: 'follow-link', href: follow, text: t('followLink') })]),
    element('p', { class: 'hint', text: t('followLinkHint') }),
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
  section.focus();
}

function bindForm(pin, questions, photos) {
  const form = document.getElementById('report-form');
  const error = document.getElementById('form-error');
  const button = document.getElementById('submit-button');
  let submissionKey = newSubmissionKey();

  function refuse(text, focus) {
    error.textContent = text;
    error.hidden = false;
    focus?.focus?.();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!pin.isPlaced()) {
      pin.demand();
      refuse(t('placePinFirst'));
      return;
    }
    if (!form.elements.category.value) {
      refuse(t('chooseCategoryFirst'), form.elements.category);
      return;
    }
    const unanswered = questions.unanswered();
    if (unanswered) {
      refuse(t('answerRequired', unanswered.text), unanswered.focus?.querySelector('select, input, textarea'));
      return;
    }
    if (!form.elements.description.value.trim()) {
      refuse(t('describeFirst'), form.elements.description);
      return;
    }
    const photoProblem = photos.check();
    if (photoProblem) {
      refuse(photoProblem, document.getElementById('photos'));
      return;
    }
    const data = new FormData(form);
    const c = pin.where();
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
        form.elements.category.dispatchEvent(new Event('change'));
        submissionKey = newSubmissionKey();
      } else {
        refuse(await problemText(response, t('failedToSend')));
      }
    } catch (e) {
      // The same key goes out again on the next try, so a report that did arrive is not filed twice.
      refuse(t('failedToSend'));
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
  const select = document.getElementById('category');
  const catalogue = await loadCategories(select);
  let refreshNearby = () => {};
  const pin = createPin(map, () => refreshNearby());
  bindLocate(pin);
  refreshNearby = createNearby(map, select, pin);
  bindForm(pin, createQuestions(catalogue.categories, select), createPhotoCheck(catalogue));
  await drawMap(map);
  document.body.dataset.ready = 'true';
}

start();
