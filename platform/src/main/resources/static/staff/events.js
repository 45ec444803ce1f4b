// The live-events inspector: follows topics on /events and lists what arrives, newest first. The
// browser's EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed or doubled.
(() => {
  const KEPT = 200;
  const STATES = {
    idle: 'トピックを入力して接続してください。 / Enter topics and connect.',
    connecting: '接続しています… / Connecting…',
    open: '接続中 / Connected',
    reconnecting: '再接続しています… / Reconnecting…',
    closed: '切断されました / Disconnected',
  };
  const form = document.getElementById('follow');
  const input = document.getElementById('topics');
  const connection = document.getElementById('connection');
  const counts = document.getElementById('counts');
  const list = document.getElementById('events');
  let source = null;
  let received = 0;
  let lastId = null;

  function show(state, detail) {
    connection.dataset.state = state;
    connection.textContent = STATES[state] + (detail ? ' — ' + detail : '');
  }

  function showCounts() {
    counts.textContent = `受信 ${received} 件 / ${received} received` + (lastId ? ` · 最後のID Last id: ${lastId}` : '');
  }

  function topics() {
    return input.value.split(/[\s,、]+/).filter(Boolean);
  }

  function query(names) {
    return names.map((name) => 'topic=' + encodeURIComponent(name)).join('&');
  }

  function add(event) {
    received += 1;
    lastId = event.lastEventId;
    const item = document.createElement('li');
    item.dataset.id = event.lastEventId;
    item.dataset.topic = event.type;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const topic = document.createElement('span');
    topic.className = 'topic';
    topic.textContent = event.type;
    const id = document.createElement('span');
    id.textContent = '#' + event.lastEventId;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString('ja-JP');
    meta.append(topic, id, time);
    const data = document.createElement('pre');
    data.className = 'data';
    try {
      data.textContent = JSON.stringify(JSON.parse(event.data), null, 2);
    } catch (e) {
      data.textContent = event.data;
    }
    item.append(meta, data);
    list.prepend(item);
    while (list.children.length > KEPT) {
      list.lastElementChild.remove();
    }
    showCounts();
  }

  /** Why the server refused: EventSource does not say, so the same request is asked for its problem. */
  async function explainRefusal(url) {
    const abort = new AbortController();
    try {
      const response = await fetch(url, { headers: { Accept: 'application/problem+json' }, signal: abort.signal });
      if (!response.ok) {
        const problem = await response.json();
        show('closed', problem.detail || response.status);
        return;
      }
      show('closed');
    } catch (e) {
      show('closed');
    } finally {
      abort.abort();
    }
  }

  function connect(names) {
    if (source) {
      source.close();
    }
    const url = '/events?' + query(names);
    history.replaceState(null, '', '?' + query(names));
    source = new EventSource(url);
    show('connecting');
    source.onopen = () => show('open', names.join(', '));
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        explainRefusal(url);
      } else {
        show('reconnecting');
      }
    };
    names.forEach((name) => source.addEventListener(name, add));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const names = topics();
    if (names.length) {
      connect(names);
    }
  });

  const asked = new URLSearchParams(location.search).getAll('topic');
  showCounts();
  if (asked.length) {
    input.value = asked.join(' ');
    connect(asked);
  } else {
    show('idle');
  }
})();
