import { api, bilingual, element, followQueue, problemText } from './common.js';

// A staff member's desk: which office and desk, which services it handles; "call next" calls the
// ticket waiting longest among them (finishing the one being served), live with the office's queue.
const officeSelect = document.getElementById('office');
const deskInput = document.getElementById('desk');
const servicesBox = document.getElementById('services');
const current = document.getElementById('current');
const status = document.getElementById('desk-status');
const queueBody = document.getElementById('queue');
let offices = [];
let following = null;

const office = () => officeSelect.value;
const desk = () => deskInput.value.trim();
const chosenServices = () => [...servicesBox.querySelectorAll('input:checked')].map((box) => box.value);

function render(queue) {
  if (queue.office !== office()) return;
  const mine = queue.serving.find((call) => call.desk === desk());
  current.textContent = mine ? mine.number : '—';
  document.body.dataset.current = mine ? mine.number : '';
  queueBody.replaceChildren(...queue.queues.map((q) => element('tr', { 'data-service': q.service },
    element('td', {}, bilingual(q.name)),
    element('td', { class: 'count', text: String(q.waiting.length) }),
    element('td', { text: q.waiting[0] || '—' }))));
}

function choose() {
  const chosen = offices.find((o) => o.office.code === office());
  servicesBox.querySelectorAll('label').forEach((label) => label.remove());
  chosen.office.services.forEach((service) => {
    const box = element('input', { type: 'checkbox', value: service.code, checked: true, id: `service-${service.code}` });
    servicesBox.append(element('label', { for: `service-${service.code}` }, box, ' ', bilingual(service.name)));
  });
  document.getElementById('board-link').href = `/counters/board/${encodeURIComponent(office())}`;
  if (following) following.close();
  following = followQueue(office(), render);
}

document.getElementById('call-next').addEventListener('click', async () => {
  status.textContent = '';
  try {
    const result = await api(`/api/counters/offices/${encodeURIComponent(office())}/calls`, {
      method: 'POST', body: { desk: desk(), services: chosenServices() },
    });
    status.textContent = result.ticket ? `${result.ticket.number} をお呼びしました / Called ${result.ticket.number}`
      : 'お待ちの方はいません / Nobody is waiting';
    render(result.queue);
  } catch (error) {
    status.textContent = problemText(error);
  }
});

document.getElementById('finish').addEventListener('click', async () => {
  try {
    render(await api(`/api/counters/offices/${encodeURIComponent(office())}/desks/${encodeURIComponent(desk())}/finish`, { method: 'POST' }));
    status.textContent = '受付を完了しました / Finished';
  } catch (error) {
    status.textContent = problemText(error);
  }
});

officeSelect.addEventListener('change', choose);
deskInput.addEventListener('change', () => api(`/api/counters/offices/${encodeURIComponent(office())}/queue`).then(render));
document.getElementById('desk-form').addEventListener('submit', (event) => event.preventDefault());

api('/api/counters/offices').then((answer) => {
  offices = answer.offices;
  officeSelect.replaceChildren(...offices.map((o) => element('option', { value: o.office.code, text: `${o.office.name.ja} / ${o.office.name.en}` })));
  const asked = new URLSearchParams(window.location.search).get('office');
  if (asked && offices.some((o) => o.office.code === asked)) officeSelect.value = asked;
  if (offices.length) choose();
}).catch((error) => { status.textContent = problemText(error); });
