import { api, bilingual, element, followQueue, lastSegment } from './common.js';
import { chime } from './chime.js';

// The display board in an office's waiting area: the numbers being served and their desks in large
// type, what each service's queue is, the latest calls; a chime whenever a new number is called.
const office = lastSegment();
const serving = document.getElementById('serving');
const waiting = document.getElementById('waiting');
const history = document.getElementById('history');
const soundButton = document.getElementById('sound');
let soundOn = false;
let lastCall = null;

soundButton.addEventListener('click', () => {
  soundOn = !soundOn;
  soundButton.setAttribute('aria-pressed', String(soundOn));
  if (soundOn) chime();
});

function render(queue) {
  const latest = queue.serving[0];
  const key = latest ? `${latest.number}@${latest.desk}@${latest.calledAt}` : null;
  serving.replaceChildren(...queue.serving.map((call, i) => element('li', { class: i === 0 ? 'call latest' : 'call', 'data-number': call.number },
    element('span', { class: 'number', text: call.number }),
    element('span', { class: 'desk' }, element('span', { lang: 'ja', text: `${call.desk}番窓口` }), element('span', { class: 'en', lang: 'en', text: `Desk ${call.desk}` })))));
  if (!queue.serving.length) serving.replaceChildren(element('li', { class: 'empty' }, bilingual({ ja: 'ただいまお呼び出しはありません', en: 'Nobody is being called' })));
  waiting.replaceChildren(...queue.queues.map((q) => element('li', { 'data-service': q.service },
    bilingual(q.name), element('span', { class: 'count', text: `${q.waiting.length}人 · 約${Math.ceil(q.waiting.length * q.minutesPerTicket)}分` }))));
  history.replaceChildren(...queue.calls.slice(0, 6).map((call) => element('li', {},
    element('span', { class: 'number', text: call.number }), ' → ', element('span', { text: `${call.desk}番 / desk ${call.desk}` }))));
  if (key && lastCall !== null && key !== lastCall && soundOn) chime();
  if (key && key !== lastCall) document.body.dataset.lastCall = latest.number;
  lastCall = key ?? '';
}

function tick() {
  document.getElementById('clock').textContent = new Date().toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
}

api(`/api/counters/offices/${encodeURIComponent(office)}`).then(({ office: o }) => {
  document.getElementById('office-name').replaceChildren(bilingual(o.name), ' ', bilingual({ ja: '呼出表示', en: 'Now serving' }));
  document.title = `${o.name.ja} 呼出表示 — 地図 Chizu`;
}).catch(() => {});
followQueue(office, render);
tick();
setInterval(tick, 10_000);
