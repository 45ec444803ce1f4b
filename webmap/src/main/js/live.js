// The public map's one connection to the platform's live events, shared by every topic it follows.
const GATHER_MILLIS = 300;
const POLL_MILLIS = 60_000;

/** A live connection to the topics, or null where the browser has none (then readers poll). */
export function connectLive(topics) {
  if (!window.EventSource) return null;
  return new EventSource(`/events?${topics.map((topic) => `topic=${encodeURIComponent(topic)}`).join('&')}`);
}

/**
 * Calls refresh now, when the connection (re)opens and soon after events of the topic (a burst
 * gathered into one call); every minute instead when there is no live connection or it is closed.
 */
export function refreshOn(live, topic, refresh) {
  let gathering = null;
  if (live) {
    live.addEventListener('open', refresh);
    live.addEventListener(topic, () => {
      if (!gathering) gathering = setTimeout(() => { gathering = null; refresh(); }, GATHER_MILLIS);
    });
    live.addEventListener('error', () => { if (live.readyState === EventSource.CLOSED) setInterval(refresh, POLL_MILLIS); });
  } else {
    setInterval(refresh, POLL_MILLIS);
  }
  refresh();
}
