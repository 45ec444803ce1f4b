import { api, bilingual, element, lastSegment, problemText } from './common.js';

// The ticket machine in an office: one button per service; a taken ticket shows its number and a QR
// code of its follow page for the resident's phone, then the machine is ready for the next person.
const office = lastSegment();
const services = document.getElementById('services');
const taken = document.getElementById('taken');
const status = document.getElementById('kiosk-status');
const SHOW_TICKET_MILLIS = 30_000;
let reset = null;

function showServices() {
  taken.hidden = true;
  services.hidden = false;
}

async function take(service) {
  status.textContent = '';
  try {
    const ticket = await api(`/api/counters/offices/${encodeURIComponent(office)}/tickets`, {
      method: 'POST', body: { service: service.code, channel: 'kiosk' },
    });
    const s = ticket.status;
    taken.replaceChildren(
      element('p', { class: 'service' }, bilingual(s.service)),
      element('p', { class: 'number', id: 'taken-number', text: s.ticket.number }),
      element('p', {}, bilingual({ ja: `お待ちの方 ${s.ahead}人・約${s.estimatedMinutes}分`, en: `${s.ahead} waiting before you, about ${s.estimatedMinutes} min` })),
      element('img', { class: 'qr', src: ticket.qrCode, alt: 'QRコード：順番をスマートフォンで確かめる / QR code: follow your turn on your phone', width: 220, height: 220 }),
      element('p', {}, bilingual({ ja: 'スマートフォンで読み取ると、順番が近づいたらお知らせします。', en: 'Scan it with your phone to be told when your turn is near.' })),
      element('button', { type: 'button', class: 'done', id: 'taken-done' }, bilingual({ ja: '閉じる', en: 'Done' })),
    );
    taken.querySelector('#taken-done').addEventListener('click', showServices);
    services.hidden = true;
    taken.hidden = false;
    clearTimeout(reset);
    reset = setTimeout(showServices, SHOW_TICKET_MILLIS);
  } catch (error) {
    status.textContent = problemText(error);
  }
}

api(`/api/counters/offices/${encodeURIComponent(office)}`).then(({ office: o, today }) => {
  document.getElementById('office-name').replaceChildren(bilingual(o.name), ' ', bilingual({ ja: '発券機', en: 'Ticket machine' }));
  document.title = `${o.name.ja} 発券機 — 地図 Chizu`;
  services.replaceChildren(...o.services.map((service) => {
    const button = element('button', { type: 'button', class: 'service-button', 'data-service': service.code },
      element('span', { class: 'prefix', 'aria-hidden': 'true', text: service.prefix }), bilingual(service.name));
    button.addEventListener('click', () => take(service));
    return button;
  }));
  if (!today.hours) status.textContent = `本日は閉庁日です / Closed today`;
}).catch((error) => { status.textContent = problemText(error); });
