import { api, bilingual, element, hoursText, problemText } from './common.js';
import { followCrowding } from './crowding.js';

// The public counters page, phone first: each office with today's hours, its services and what to
// bring, a ticket from the phone where the office allows it, and the nearest counter by road.
const officesBox = document.getElementById('offices');
const status = document.getElementById('public-status');
const serviceSelect = document.getElementById('nearest-service');
const nearestList = document.getElementById('nearest');
/** Where the search starts when the phone will not say where it is: 益田駅 (Masuda station). */
const FALLBACK = { lon: 131.8432, lat: 34.6787 };

async function takeRemotely(office, service) {
  try {
    const taken = await api(`/api/counters/offices/${encodeURIComponent(office.code)}/tickets`, {
      method: 'POST', body: { service: service.code, channel: 'remote', email: document.getElementById('ticket-email').value || null },
    });
    window.location.assign(taken.followUrl);
  } catch (error) {
    status.textContent = problemText(error);
  }
}

function officeCard({ office, today }) {
  const services = element('ul', { class: 'services' }, ...office.services.map((service) => {
    const documents = element('details', {}, element('summary', {}, bilingual({ ja: '必要なもの', en: 'What to bring' })),
      element('ul', {}, ...service.documents.map((document) => element('li', {}, bilingual(document)))));
    const take = office.remoteTickets && today.hours
      ? element('button', { type: 'button', class: 'take', 'data-office': office.code, 'data-service': service.code },
        bilingual({ ja: '整理券を取る', en: 'Take a ticket' }))
      : null;
    take?.addEventListener('click', () => takeRemotely(office, service));
    return element('li', {}, element('span', { class: 'prefix', 'aria-hidden': 'true', text: service.prefix }),
      bilingual(service.name), take, documents);
  }));
  return element('article', { class: 'office-card', 'data-office': office.code },
    element('h3', {}, bilingual(office.name)),
    element('p', { class: 'crowding', 'data-office': office.code }),
    element('p', { class: 'address', text: office.place.address || '' }),
    element('p', { class: today.hours ? 'today open' : 'today closed' },
      element('span', { lang: 'ja', text: '本日 ' }), element('span', { class: 'en', lang: 'en', text: 'Today ' }), hoursText(today)),
    services,
    element('p', { class: 'links' }, element('a', { href: `/counters/board/${encodeURIComponent(office.code)}` },
      bilingual({ ja: '呼出状況', en: 'Now serving' }))));
}

function waitText(crowding) {
  if (!crowding.open) return '';
  if (!crowding.waiting) return '待ちなし / Nobody waiting';
  return `待ち${crowding.waiting}人・約${crowding.waitMinutes}分 / ${crowding.waiting} waiting, about ${crowding.waitMinutes} min`;
}

/** Each office card's crowding badge, and the legend with the thresholds, from the live crowding. */
function showCrowding(crowding, answer) {
  const badge = officesBox.querySelector(`.crowding[data-office="${CSS.escape(crowding.office)}"]`);
  if (badge) {
    badge.dataset.level = crowding.level;
    badge.replaceChildren(element('span', { class: 'dot', 'aria-hidden': 'true' }), bilingual(crowding.levelName), ' ',
      element('span', { class: 'crowding-figures', text: waitText(crowding) }));
  }
  const t = answer.thresholds;
  document.getElementById('crowding-legend').textContent = `混雑の目安：今から取る整理券の待ち時間 ${t.busyMinutes}分未満 空いています、`
    + `${t.crowdedMinutes}分未満 やや混雑、それ以上 混雑 / By the wait of a ticket taken now: under ${t.busyMinutes} min not busy, `
    + `under ${t.crowdedMinutes} min fairly busy, longer crowded`;
}

function showNearest(answer) {
  if (!answer.counters.length) {
    nearestList.replaceChildren(element('li', {}, bilingual({ ja: '本日この手続きができる窓口はありません。', en: 'No counter handles this service today.' })));
    return;
  }
  nearestList.replaceChildren(...answer.counters.map((counter) => element('li', counter.office ? { 'data-office': counter.office.code } : { 'data-van-stop': counter.vanStop.id },
    element('strong', {}, bilingual(counter.office ? counter.office.name
      : { ja: `移動窓口車 ${counter.vanStop.name.ja}`, en: `Counter van at ${counter.vanStop.name.en}` })), ' ',
    element('span', { class: 'travel', text: `車で約${Math.max(1, Math.round(counter.travelSeconds / 60))}分 / about ${Math.max(1, Math.round(counter.travelSeconds / 60))} min by car` }),
    ' ', element('span', { class: 'hours', text: hoursText(counter.today) }))));
}

async function findNearest(place) {
  try {
    showNearest(await api(`/api/counters/nearest?lon=${place.lon}&lat=${place.lat}&service=${encodeURIComponent(serviceSelect.value)}`));
  } catch (error) {
    nearestList.replaceChildren(element('li', { text: problemText(error) }));
  }
}

document.getElementById('nearest-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!navigator.geolocation) { findNearest(FALLBACK); return; }
  navigator.geolocation.getCurrentPosition(
    (position) => findNearest({ lon: position.coords.longitude, lat: position.coords.latitude }),
    () => findNearest(FALLBACK), { timeout: 8000 });
});

Promise.all([api('/api/counters/offices'), api('/api/counters/services')]).then(([offices, services]) => {
  officesBox.replaceChildren(...offices.offices.map(officeCard));
  serviceSelect.replaceChildren(...services.services.map((s) => element('option', { value: s.code, text: `${s.name.ja} / ${s.name.en}` })));
  followCrowding(showCrowding);
}).catch((error) => { status.textContent = problemText(error); });
