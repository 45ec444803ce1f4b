import { api, bilingual, element, hoursText, problemText } from './common.js';

// Staff's van page: a route's stops, each with its window and services to edit, the people served
// there on a day to record, and "arrived here" to post the van's position at the stop by hand when
// the tablet is off; stops added and removed. Everything goes through the van's JSON API; a refusal
// is shown beside the field its problem names. The route's own name and weekdays are edited too.
const routeSelect = document.getElementById('route');
const routeToday = document.getElementById('route-today');
const stopsList = document.getElementById('stops');
const addForm = document.getElementById('add-form');
const routeEdit = document.getElementById('route-edit');
const status = document.getElementById('van-status');
const WEEKDAYS = { MONDAY: ['月', 'Mon'], TUESDAY: ['火', 'Tue'], WEDNESDAY: ['水', 'Wed'], THURSDAY: ['木', 'Thu'],
  FRIDAY: ['金', 'Fri'], SATURDAY: ['土', 'Sat'], SUNDAY: ['日', 'Sun'] };
let services = [];
let facilities = [];
let routes = [];

const todayInJapan = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
const hhmm = (time) => time.slice(0, 5);

/** A labelled input with the line below it where a refusal naming the field is shown. */
function field(prefix, name, label, input) {
  input.id = `${prefix}-${name}`;
  input.name = name;
  input.setAttribute('aria-describedby', `${prefix}-${name}-error`);
  return element('div', { class: 'field', 'data-field': name },
    element('label', { for: input.id }, bilingual(label)), input,
    element('p', { class: 'field-error', id: `${prefix}-${name}-error` }));
}

const textInput = (value, attributes = {}) => element('input', { value: value ?? '', autocomplete: 'off', ...attributes });
const timeInput = (value) => textInput(value, { class: 'time', inputmode: 'numeric', placeholder: '10:30', size: '5' });

function servicesField(prefix, offered) {
  const box = element('fieldset', { class: 'stop-services', 'aria-describedby': `${prefix}-services-error` },
    element('legend', {}, bilingual({ ja: '手続き', en: 'Services' })),
    ...services.map((service) => element('label', {},
      element('input', { type: 'checkbox', value: service.code, checked: offered.includes(service.code) }), bilingual(service.name))));
  return element('div', { class: 'field', 'data-field': 'services' }, box,
    element('p', { class: 'field-error', id: `${prefix}-services-error` }));
}

/** The stop's fields as the API takes them. */
function stopEdit(form, kept = {}) {
  const value = (name) => form.elements[name]?.value.trim() || null;
  const number = (name) => (value(name) === null ? null : Number(value(name)));
  return {
    ...kept,
    arrives: value('arrives'),
    departs: value('departs'),
    slotMinutes: number('slotMinutes'),
    services: [...form.querySelectorAll('.stop-services input:checked')].map((box) => box.value),
    ...(form.elements.facility ? { facility: number('facility'), position: number('position') } : {}),
    ...(form.elements.nameJa ? { name: value('nameJa') ? { ja: value('nameJa'), en: value('nameEn') || value('nameJa') } : null } : {}),
  };
}

/** Clears the refusals in the form, and the page's last message, before trying again. */
function clearProblems(scope) {
  say(status, '');
  scope.querySelectorAll('.field-error').forEach((line) => { line.textContent = ''; });
  scope.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  scope.querySelectorAll('.field.invalid').forEach((box) => box.classList.remove('invalid'));
}

/** Shows the refusal beside the field it names (else on the status line) and says so on the status line. */
function showProblem(scope, statusLine, error) {
  const problem = error.problem || {};
  const name = problem.field || problem.parameter || (problem.service ? 'services' : null);
  const box = name && scope.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (box) {
    box.querySelector('.field-error').textContent = problemText(error);
    const input = box.querySelector('input:not([type=checkbox]), select');
    if (input) input.setAttribute('aria-invalid', 'true');
    else box.classList.add('invalid');
    say(statusLine, { ja: '保存できませんでした。赤字の項目を直してください。', en: 'Not saved: see the field in red.' }, 'refused');
  } else {
    say(statusLine, problemText(error), 'refused');
  }
}

function say(line, message, kind = '') {
  line.className = `status stop-status ${kind}`;
  line.replaceChildren(typeof message === 'string' ? message : bilingual(message));
}

function stopCard(route, stop) {
  const prefix = `stop-${stop.id}`;
  const line = element('p', { class: 'status stop-status', role: 'status', id: `${prefix}-status` });
  const ownName = stop.name.ja !== stop.place.name || stop.name.en !== stop.place.name;
  const kept = { facility: stop.place.facilityId, position: stop.position, name: ownName ? stop.name : null };
  const offered = stop.services.map((service) => service.code);

  const edit = element('form', { class: 'stop-form', 'data-stop': stop.id, novalidate: true },
    element('div', { class: 'times' },
      field(prefix, 'arrives', { ja: '到着', en: 'Arrives' }, timeInput(hhmm(stop.arrives))),
      field(prefix, 'departs', { ja: '出発', en: 'Departs' }, timeInput(hhmm(stop.departs))),
      field(prefix, 'slotMinutes', { ja: '予約枠（分）', en: 'Slot (min)' },
        textInput(stop.slotMinutes, { class: 'count', inputmode: 'numeric', size: '3' }))),
    servicesField(prefix, offered),
    element('div', { class: 'stop-actions' },
      element('button', { type: 'submit', class: 'primary save' }, bilingual({ ja: '保存', en: 'Save' })),
      element('button', { type: 'button', class: 'remove' }, bilingual({ ja: '停車地を削除', en: 'Remove stop' }))));
  edit.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(edit);
    try {
      show(await api(`/api/counters/van/stops/${stop.id}`, { method: 'PUT', body: stopEdit(edit, kept) }),
        { ja: `${stop.name.ja}を保存しました。`, en: `Saved ${stop.name.en}.` });
    } catch (error) {
      showProblem(edit, line, error);
    }
  });
  const remove = edit.querySelector('.remove');
  remove.addEventListener('click', async () => {
    // A second press removes: no modal dialog, and no stop lost to a stray tap.
    if (!remove.dataset.armed) {
      remove.dataset.armed = 'yes';
      remove.replaceChildren(bilingual({ ja: 'もう一度押すと削除', en: 'Press again to remove' }));
      return;
    }
    try {
      show(await api(`/api/counters/van/stops/${stop.id}`, { method: 'DELETE' }),
        { ja: `${stop.name.ja}を削除しました。`, en: `Removed ${stop.name.en}.` });
    } catch (error) {
      say(line, problemText(error), 'refused');
    }
  });

  const served = element('form', { class: 'served-form', 'data-stop': stop.id, novalidate: true },
    field(prefix, 'date', { ja: '日付', en: 'Day' }, element('input', { type: 'date', value: todayInJapan(), required: true })),
    field(prefix, 'served', { ja: '対応した人数', en: 'People served' },
      textInput('', { class: 'count', inputmode: 'numeric', size: '4' })),
    element('button', { type: 'submit' }, bilingual({ ja: '記録', en: 'Record' })));
  served.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(served);
    const people = served.elements.served.value.trim();
    try {
      await api(`/api/counters/van/stops/${stop.id}/visits/${encodeURIComponent(served.elements.date.value)}`,
        { method: 'PUT', body: { served: people === '' ? null : Number(people) } });
      say(line, { ja: `${served.elements.date.value}：${people}人を記録しました。`,
        en: `Recorded ${people} people on ${served.elements.date.value}.` }, 'done');
    } catch (error) {
      showProblem(served, line, error);
    }
  });

  const arrived = element('button', { type: 'button', class: 'arrived' },
    bilingual({ ja: 'ここに到着', en: 'Arrived here' }));
  arrived.addEventListener('click', async () => {
    say(status, '');
    try {
      const live = await api(`/api/counters/van/routes/${encodeURIComponent(route.code)}/positions`,
        { method: 'POST', body: { lon: stop.place.lon, lat: stop.place.lat } });
      const here = live.atStop && live.nextStop?.id === stop.id;
      say(line, here ? { ja: '到着を記録しました。時刻表のページに表示されます。', en: 'Arrival recorded; the timetable page shows it.' }
        : { ja: '位置を送りましたが、本日は運行日ではないため到着にはなりません。', en: 'Position sent, but the van does not run today: no visit recorded.' },
        here ? 'done' : 'refused');
    } catch (error) {
      say(line, problemText(error), 'refused');
    }
  });

  return element('li', { class: 'staff-stop', 'data-stop': stop.id },
    element('h2', {}, element('span', { class: 'prefix', text: String(stop.position) }), bilingual(stop.name)),
    element('p', { class: 'address', text: stop.place.address || '' }),
    edit,
    element('div', { class: 'day-record' }, element('div', {}, arrived), served),
    line);
}

function addStopForm() {
  const facility = element('select', {},
    element('option', { value: '', text: '選んでください / Choose' }),
    ...facilities.map((place) => element('option', { value: place.id, text: place.name })));
  addForm.replaceChildren(
    element('div', { class: 'place-row' },
      field('add', 'facility', { ja: '施設', en: 'Facility' }, facility),
      field('add', 'position', { ja: '順番（空欄で最後）', en: 'Order (blank: last)' }, textInput('', { class: 'count', inputmode: 'numeric' }))),
    element('div', { class: 'names' },
      field('add', 'nameJa', { ja: '停車地名（任意）', en: 'Stop name (optional)' }, textInput('')),
      field('add', 'nameEn', { ja: '英語名（任意）', en: 'In English (optional)' }, textInput('', { lang: 'en' }))),
    element('div', { class: 'times' },
      field('add', 'arrives', { ja: '到着', en: 'Arrives' }, timeInput('')),
      field('add', 'departs', { ja: '出発', en: 'Departs' }, timeInput('')),
      field('add', 'slotMinutes', { ja: '予約枠（分）', en: 'Slot (min)' }, textInput('15', { class: 'count', inputmode: 'numeric' }))),
    servicesField('add', []),
    element('div', { class: 'stop-actions' },
      element('button', { type: 'submit', class: 'primary' }, bilingual({ ja: '追加', en: 'Add' }))),
    element('p', { class: 'status stop-status', role: 'status', id: 'add-status' }));
}

addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(addForm);
  try {
    show(await api(`/api/counters/van/routes/${encodeURIComponent(routeSelect.value)}/stops`, { method: 'POST', body: stopEdit(addForm) }),
      { ja: '停車地を追加しました。', en: 'Stop added.' });
    addStopForm();
  } catch (error) {
    showProblem(addForm, document.getElementById('add-status'), error);
  }
});

/** Draws the route as the API answered it, and says what was done. */
function show(answer, message) {
  routes = routes.map((known) => (known.route.code === answer.route.code ? answer : known));
  render();
  if (message) say(status, message, 'done');
}

/** The route's names, weekdays and holiday rest, saved whole through PUT /api/counters/van/routes/{route}. */
function routeForm(route) {
  const days = element('fieldset', { class: 'stop-services weekdays', 'aria-describedby': 'route-weekdays-error' },
    element('legend', {}, bilingual({ ja: '運行曜日', en: 'Runs on' })),
    ...Object.entries(WEEKDAYS).map(([day, [ja, en]]) => element('label', {},
      element('input', { type: 'checkbox', value: day, checked: route.weekdays.includes(day) }),
      element('span', { lang: 'ja', text: ja }), element('span', { lang: 'en', class: 'en', text: en }))));
  routeEdit.replaceChildren(
    element('div', { class: 'names' },
      field('route', 'name.ja', { ja: '路線名', en: 'Route name' }, textInput(route.name.ja)),
      field('route', 'name.en', { ja: '英語名', en: 'In English' }, textInput(route.name.en, { lang: 'en' }))),
    element('div', { class: 'field', 'data-field': 'weekdays' }, days, element('p', { class: 'field-error', id: 'route-weekdays-error' })),
    element('label', { class: 'holidays' }, element('input', { type: 'checkbox', name: 'closedOnHolidays', checked: route.closedOnHolidays }),
      bilingual({ ja: '祝日・年末年始は運休', en: 'Rests on holidays and 29 Dec–3 Jan' })),
    element('div', { class: 'stop-actions' },
      element('button', { type: 'submit', class: 'primary' }, bilingual({ ja: '路線を保存', en: 'Save route' }))),
    element('p', { class: 'status stop-status', role: 'status', id: 'route-status' }));
}

routeEdit.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(routeEdit);
  const value = (name) => routeEdit.elements[name].value.trim();
  const edit = {
    name: { ja: value('name.ja'), en: value('name.en') || value('name.ja') },
    weekdays: [...routeEdit.querySelectorAll('.weekdays input:checked')].map((box) => box.value),
    closedOnHolidays: routeEdit.elements.closedOnHolidays.checked,
  };
  try {
    const answer = await api(`/api/counters/van/routes/${encodeURIComponent(routeSelect.value)}`, { method: 'PUT', body: edit });
    show(answer, { ja: `${answer.route.name.ja}を保存しました。`, en: `Saved ${answer.route.name.en}.` });
    [...routeSelect.options].find((option) => option.value === answer.route.code).textContent = `${answer.route.name.ja} / ${answer.route.name.en}`;
  } catch (error) {
    showProblem(routeEdit, document.getElementById('route-status'), error);
  }
});

function render() {
  const chosen = routes.find((known) => known.route.code === routeSelect.value);
  if (!chosen) return;
  const { route, today } = chosen;
  const days = Object.keys(WEEKDAYS).filter((day) => route.weekdays.includes(day)).map((day) => WEEKDAYS[day]);
  const rests = route.closedOnHolidays ? { ja: '（祝日・年末年始は運休）', en: ' (not on holidays or 29 Dec–3 Jan)' } : { ja: '', en: '' };
  routeToday.replaceChildren(
    bilingual({ ja: `運行日：${days.map(([ja]) => ja).join('・')}${rests.ja}`, en: `Runs: ${days.map(([, en]) => en).join(', ')}${rests.en}` }),
    bilingual({ ja: `本日：${hoursText(today).split(' / ')[0]}`, en: `Today: ${hoursText(today).split(' / ').pop()}` }));
  stopsList.replaceChildren(...route.stops.map((stop) => stopCard(route, stop)));
  routeForm(route);
  document.body.dataset.route = route.code;
  document.dispatchEvent(new CustomEvent('van-route', { detail: route }));
}

async function load() {
  try {
    const [routeList, serviceList, places] = await Promise.all([api('/api/counters/van/routes'), api('/api/counters/services'),
      api('/ogc/collections/facilities/items?limit=10000&f=json')]);
    routes = routeList.routes;
    services = serviceList.services;
    facilities = places.features.map((feature) => ({ id: feature.id, name: feature.properties.name || `#${feature.id}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ja'));
    const wanted = new URLSearchParams(window.location.search).get('route');
    routeSelect.replaceChildren(...routes.map(({ route }) => element('option', { value: route.code, selected: route.code === wanted },
      `${route.name.ja} / ${route.name.en}`)));
    addStopForm();
    render();
    document.body.dataset.ready = 'yes';
  } catch (error) {
    say(status, problemText(error), 'refused');
  }
}

routeSelect.addEventListener('change', () => { render(); say(status, ''); });
load();
