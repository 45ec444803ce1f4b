import { api, bilingual, element, followQueue, lastSegment, problemText } from './common.js';
import { chime } from './chime.js';

// A ticket's follow page on the holder's phone: its number, how many wait before it and the expected
// wait, updated by every live event of the office's queue; a notice when the turn is near or has come.
const token = lastSegment();
const box = document.getElementById('ticket');
const soundButton = document.getElementById('ticket-sound');
const pageTitle = document.title;
let status = null;
let soundOn = false;

// Browsers play sound only after a tap on the page: this button is that tap.
soundButton.addEventListener('click', () => {
  soundOn = !soundOn;
  soundButton.setAttribute('aria-pressed', String(soundOn));
  if (soundOn) chime();
});

function render() {
  const ticket = status.ticket;
  const called = ticket.state === 'called';
  const finished = ticket.state === 'served' || ticket.state === 'absent';
  document.body.dataset.state = ticket.state;
  const lines = [
    element('p', { class: 'office' }, bilingual(status.office), ' · ', bilingual(status.service)),
    element('p', { class: 'number', id: 'ticket-number', text: ticket.number }),
  ];
  if (called) {
    lines.push(element('p', { class: 'notice called', id: 'ticket-notice', role: 'alert' },
      element('span', { lang: 'ja', text: `お呼びしています。${ticket.desk}番窓口へお越しください。` }),
      element('span', { lang: 'en', class: 'en', text: `It is your turn: please come to desk ${ticket.desk}.` })));
  } else if (finished) {
    lines.push(element('p', { class: 'notice' }, bilingual({ ja: 'この整理券の受付は終わりました。', en: 'This ticket has been dealt with.' })));
  } else {
    lines.push(element('dl', { class: 'wait' },
      element('dt', {}, bilingual({ ja: 'お待ちの方', en: 'Waiting before you' })),
      element('dd', { id: 'ticket-ahead', text: `${status.ahead}人 / ${status.ahead}` }),
      element('dt', {}, bilingual({ ja: '待ち時間の目安', en: 'Expected wait' })),
      element('dd', { id: 'ticket-wait', text: `約${status.estimatedMinutes}分 / about ${status.estimatedMinutes} min` })));
    if (status.soon) {
      lines.push(element('p', { class: 'notice soon', id: 'ticket-notice', role: 'alert' },
        element('span', { lang: 'ja', text: status.ahead === 0 ? 'まもなく順番です。窓口の近くでお待ちください。' : `あと${status.ahead}人で順番です。窓口の近くでお待ちください。` }),
        element('span', { lang: 'en', class: 'en', text: status.ahead === 0 ? 'You are next: please wait near the counter.' : `Your turn is ${status.ahead} away: please wait near the counter.` })));
    }
  }
  const mail = mailLine();
  if (mail) lines.push(mail);
  box.replaceChildren(...lines);
}

/** Whether the "turn near" e-mail will go, or went, to the address the holder left (masked). */
function mailLine() {
  const mail = status.mail;
  if (!mail) return null;
  if (mail.sentAt) {
    const at = mail.sentAt.slice(11, 16);
    return element('p', { class: 'mail-line sent', id: 'ticket-mail', 'data-sent': 'yes' },
      element('span', { lang: 'ja', text: `${at}に ${mail.to} へ「まもなく順番です」のメールを送りました。` }),
      element('span', { lang: 'en', class: 'en', text: `We e-mailed ${mail.to} at ${at} that your turn is near.` }));
  }
  if (status.ticket.state !== 'waiting') return null;
  return element('p', { class: 'mail-line', id: 'ticket-mail', 'data-sent': 'no' },
    element('span', { lang: 'ja', text: `順番があと${status.noticeAhead}人になったら、${mail.to} へメールでお知らせします（1回だけ）。` }),
    element('span', { lang: 'en', class: 'en', text: `We will e-mail ${mail.to} once, when your turn is ${status.noticeAhead} away.` }));
}

/** When the turn comes near or has come: the tab's title says so, and the phone vibrates and chimes where it may. */
function notify(previous) {
  const becameSoon = status.soon && !previous?.soon;
  const becameCalled = status.ticket.state === 'called' && previous?.ticket.state !== 'called';
  const called = status.ticket.state === 'called';
  document.title = called ? `【お呼びしています】${pageTitle}` : status.soon ? `【まもなく順番】${pageTitle}` : pageTitle;
  if (!becameSoon && !becameCalled) return;
  document.body.dataset.alerted = becameCalled ? 'called' : 'soon';
  if (navigator.vibrate) navigator.vibrate(becameCalled ? [400, 150, 400, 150, 400] : [200, 100, 200]);
  if (soundOn) chime();
}

async function refresh() {
  const previous = status;
  status = await api(`/api/counters/tickets/${encodeURIComponent(token)}`);
  render();
  notify(previous);
}

/** Updates from the queue the event carries; asks the server only when the ticket was called or finished. */
function heard(queue) {
  if (!status) return;
  const mine = queue.queues.find((q) => q.service === status.ticket.service);
  const position = mine ? mine.waiting.indexOf(status.ticket.number) : -1;
  if (status.ticket.state === 'waiting' && position >= 0) {
    const previous = status;
    status = { ...status, ahead: position, estimatedMinutes: Math.ceil(position * mine.minutesPerTicket),
      soon: position <= status.noticeAhead, minutesPerTicket: mine.minutesPerTicket };
    render();
    notify(previous);
    // The mail was queued with the change that brought the turn near: ask for when, to say it went.
    if (status.soon && status.mail && !status.mail.sentAt) refresh().catch(() => {});
  } else if (status.ticket.state === 'waiting'
      || (status.ticket.state === 'called' && !queue.serving.some((call) => call.number === status.ticket.number))) {
    refresh().catch(() => {});
  }
}

refresh().then(() => followQueue(status.ticket.office, heard)).catch((error) => {
  box.replaceChildren(element('p', { class: 'notice', text: problemText(error) }));
});
