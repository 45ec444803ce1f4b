// Helpers the booking pages share: building elements, calling the API with the CSRF token, and
// showing times in Japan's way. A refusal's problem+json is thrown with its message in both languages.
window.Booking = (() => {
  const JAPAN = { timeZone: 'Asia/Tokyo' };

  function element(tag, properties, ...children) {
    const made = Object.assign(document.createElement(tag), properties || {});
    made.append(...children.filter((child) => child !== null && child !== undefined));
    return made;
  }

  /** Japanese words with their English beside them, as the pages write every label. */
  function both(ja, en) {
    return element('span', {}, ja + ' ', element('span', { lang: 'en' }, en));
  }

  function csrfHeader() {
    const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
    return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
  }

  class Problem extends Error {
    constructor(status, body) {
      const message = body && body.message ? body.message : { ja: '処理できませんでした。', en: (body && body.detail) || 'It could not be done.' };
      super(message.en);
      this.status = status;
      this.type = body && body.type;
      this.ja = message.ja;
      this.en = message.en;
    }
  }

  async function api(method, url, body) {
    const options = { method, headers: { Accept: 'application/json', ...csrfHeader() }, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Problem(response.status, parsed);
    return parsed;
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString('ja-JP', { ...JAPAN, month: 'numeric', day: 'numeric', weekday: 'short' });
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString('ja-JP', { ...JAPAN, hour: '2-digit', minute: '2-digit' });
  }

  function period(start, end) {
    return day(start) + ' ' + clock(start) + '–' + clock(end);
  }

  /** Today in Japan as yyyy-mm-dd. */
  function today() {
    return new Date().toLocaleDateString('sv-SE', JAPAN);
  }

  const STATES = {
    held: ['仮押さえ', 'Held'], applied: ['承認待ち', 'Awaiting approval'], confirmed: ['予約済み', 'Booked'],
    cancelled: ['取消', 'Cancelled'], expired: ['期限切れ', 'Expired'],
  };

  function state(id) {
    const [ja, en] = STATES[id] || [id, id];
    return element('span', { className: 'state state-' + id }, both(ja, en));
  }

  const KINDS = { hall: ['ホール・会議室', 'Hall'], room: ['部屋', 'Room'], gym: ['体育館', 'Gym'], pitch: ['グラウンド', 'Pitch'], court: ['コート', 'Court'] };

  function kind(id) {
    const [ja, en] = KINDS[id] || [id, id];
    return both(ja, en);
  }

  /** Shows a message in a status line: ok, or a problem's Japanese and English. */
  function say(target, ja, en, bad) {
    target.replaceChildren(both(ja, en));
    target.classList.toggle('bad', Boolean(bad));
  }

  return { element, both, api, Problem, day, clock, period, today, state, kind, KINDS, say };
})();
