import { api } from './common.js';

// Every office's crowding, live: calls show(crowding, answer) for each office now (and whenever the
// connection reopens), then for each office whose queue changes, from the topic the answer names.
export function followCrowding(show) {
  api('/api/counters/crowding').then((answer) => {
    const load = () => api('/api/counters/crowding').then((now) => now.offices.forEach((office) => show(office, now))).catch(() => {});
    answer.offices.forEach((office) => show(office, answer));
    const source = new EventSource(`/events?topic=${encodeURIComponent(answer.topic)}`);
    source.addEventListener(answer.topic, (event) => show(JSON.parse(event.data), answer));
    source.onopen = () => { document.body.dataset.crowdingLive = 'live'; load(); };
    source.onerror = () => { document.body.dataset.crowdingLive = 'reconnecting'; };
  }).catch(() => {});
}
