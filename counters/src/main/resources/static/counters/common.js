// Shared by the counters' pages: bilingual text, requests with the CSRF header, live queue updates.

/** An element with attributes and children; text is set as text, never parsed as HTML. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Japanese first, English beside it in a smaller line: 住民票の写し / Certificate of residence. */
export function bilingual(label, tag = 'span') {
  const ja = typeof label === 'string' ? label : label.ja;
  const en = typeof label === 'string' ? '' : label.en;
  return element(tag, { class: 'bi' }, element('span', { lang: 'ja', text: ja }),
    en && en !== ja ? element('span', { lang: 'en', class: 'en', text: en }) : null);
}

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

/** JSON from the API; a problem+json answer is thrown as an Error carrying the problem. */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch(path, { ...options, headers, body: options.body ? JSON.stringify(options.body) : undefined });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data?.detail || `HTTP ${response.status}`);
    error.problem = data;
    throw error;
  }
  return data;
}

/** The problem's message in both languages, or the error's text. */
export function problemText(error) {
  const message = error.problem?.message;
  return message ? `${message.ja} / ${message.en}` : `エラー / Error: ${error.message}`;
}

/**
 * Follows an office's queue: calls onQueue with each QueueState the live topic announces (and once
 * with the current one); reconnects on its own. Marks <body data-live> "live" while connected.
 */
export function followQueue(office, onQueue) {
  const load = () => api(`/api/counters/offices/${encodeURIComponent(office)}/queue`).then(onQueue).catch(() => {});
  const topic = `counters.office.${office}`;
  const source = new EventSource(`/events?topic=${encodeURIComponent(topic)}`);
  source.addEventListener(topic, (event) => onQueue(JSON.parse(event.data)));
  source.onopen = () => { document.body.dataset.live = 'live'; load(); };
  source.onerror = () => { document.body.dataset.live = 'reconnecting'; };
  load();
  return source;
}

/** The last path segment: the office of /counters/board/{office}, the token of /counters/tickets/{token}. */
export function lastSegment() {
  return decodeURIComponent(window.location.pathname.replace(/\/$/, '').split('/').pop());
}

export function hoursText(day) {
  if (day.hours) return `${day.hours.opens.slice(0, 5)}–${day.hours.closes.slice(0, 5)}`;
  const holiday = day.holiday ? `（${day.holiday.ja}）` : '';
  return `${day.closed.ja}${holiday} / closed: ${day.closed.en}`;
}
