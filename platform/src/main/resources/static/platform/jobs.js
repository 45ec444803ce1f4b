// A list of background jobs, newest first, for /jobs (the signed-in person's own, from /api/jobs) and
// /staff/jobs (everyone's, with an owner column): <main id="job-list" data-list="…" [data-owner-column]>.
// It follows the live-events topic its list names (liveTopic) and fetches the list again when a job
// changes; with no topic, or when the browser cannot follow it, it fetches the list every few seconds.
(() => {
  const PAGE_SIZE = 20;
  const POLL_MILLIS = 5000;
  // A running job reports progress often; changes arriving together are shown with one fetch.
  const LIVE_GATHER_MILLIS = 500;
  const STATES = {
    queued: '待機中 Queued', running: '実行中 Running', done: '完了 Done', failed: '失敗 Failed',
    cancelled: '取消 Cancelled', expired: '期限切れ Expired',
  };
  const UPDATES = {
    connecting: '接続中… Connecting…',
    live: '● ライブ更新 Live',
    reconnecting: '再接続中… Reconnecting…',
    polling: (POLL_MILLIS / 1000) + '秒ごとに更新 Refreshing every ' + (POLL_MILLIS / 1000) + ' s',
  };
  const root = document.getElementById('job-list');
  const showOwner = root.hasAttribute('data-owner-column');
  root.innerHTML = `
    <form id="filters" class="filters">
      <label for="filter-state">状態 <span lang="en">State</span></label>
      <select id="filter-state" name="state">
        <option value="">すべて All</option>
        ${Object.entries(STATES).map(([id, name]) => `<option value="${id}">${name}</option>`).join('')}
      </select>
      <p id="jobs-updates"></p>
      <p id="jobs-status" role="status" aria-live="polite"></p>
    </form>
    <table class="jobs">
      <thead>
        <tr>
          <th>#</th>
          <th>種類 <span lang="en">Kind</span></th>
          ${showOwner ? '<th>依頼者 <span lang="en">Owner</span></th>' : ''}
          <th>状態・進捗 <span lang="en">State, progress</span></th>
          <th>作成・終了 <span lang="en">Created, finished</span></th>
          <th>結果 <span lang="en">Result</span></th>
          <th><span class="visually-hidden">操作 Actions</span></th>
        </tr>
      </thead>
      <tbody id="jobs"></tbody>
    </table>
    <nav class="pages" aria-label="ページ Pages">
      <button type="button" id="previous-page">← 前へ <span lang="en">Previous</span></button>
      <span id="page-range"></span>
      <button type="button" id="next-page">次へ <span lang="en">Next</span> →</button>
    </nav>`;
  const list = document.getElementById('jobs');
  const status = document.getElementById('jobs-status');
  const updates = document.getElementById('jobs-updates');
  const stateFilter = document.getElementById('filter-state');
  const previous = document.getElementById('previous-page');
  const next = document.getElementById('next-page');
  const range = document.getElementById('page-range');
  let page = 0;
  let rowsShown = new Map();
  let latestRequest = 0;
  let source = null;
  let gathering = null;

  /** The CSRF token Spring Security keeps in a cookie, sent back as a header with every change. */
  function csrfHeader() {
    const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
    return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString('ja-JP', { dateStyle: 'short', timeStyle: 'medium' }) : '—';
  }

  /** A cell; on a phone, where the header row is hidden, a labelled one shows its label above it. */
  /** What people call the job's kind, Japanese first, with its id to hover. */
  function kindTitle(job) {
    const title = job.kindTitle || { ja: job.kind, en: job.kind };
    const words = title.ja === title.en ? title.ja : title.ja + ' ' + title.en;
    return element('span', { title: job.kind }, words);
  }

  function cell(className, label, ...children) {
    const td = element('td', { className }, ...children);
    if (label) td.dataset.label = label;
    return td;
  }

  function element(tag, properties, ...children) {
    const made = Object.assign(document.createElement(tag), properties);
    made.append(...children);
    return made;
  }

  function row(job) {
    const tr = element('tr');
    tr.dataset.job = job.id;
    tr.dataset.state = job.state;
    const bar = element('progress', { max: 100, value: job.progress, title: job.progress + '%' });
    bar.setAttribute('aria-label', '進捗 Progress ' + job.progress + '%');
    const state = element('div', { className: 'state state-' + job.state },
      (STATES[job.state] || job.state) + (job.cancelRequested && job.state === 'running' ? '（停止待ち stopping）' : ''));
    const progress = element('div', { className: 'progress' }, bar, element('span', {}, job.progress + '%'));
    const message = element('div', { className: 'message' }, job.message || '');
    const result = job.result
      ? [element('a', { href: job.result.href, download: job.result.name }, job.result.name),
         element('div', { className: 'sha' }, 'SHA-256 ', element('code', {}, job.result.sha256)),
         element('div', { className: 'expires' }, '期限 Expires ' + time(job.expiresAt))]
      : [];
    const actions = [];
    if (job.state === 'queued' || job.state === 'running') {
      const cancel = element('button', { type: 'button', className: 'cancel', disabled: job.cancelRequested }, '取消 Cancel');
      cancel.addEventListener('click', () => cancelJob(job, cancel));
      actions.push(cancel);
    }
    tr.append(
      cell('id', '', '#' + job.id),
      cell('kind', '', kindTitle(job)),
      ...(showOwner ? [cell('owner', '', job.owner)] : []),
      cell('wide', '', state, progress, message),
      cell('wide times', '', element('span', {}, '作成 Created ' + time(job.createdAt)),
        element('span', {}, '終了 Finished ' + time(job.finishedAt)),
        element('span', {}, '試行 Attempts ' + job.attempts + '/' + job.maxAttempts)),
      cell('wide', job.result ? '結果 Result' : '', ...result),
      cell('wide actions', '', ...actions));
    return tr;
  }

  async function cancelJob(job, button) {
    button.disabled = true;
    const response = await fetch(job.links.cancel, {
      method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfHeader() },
    });
    if (response.ok) {
      const cancelled = await response.json();
      status.textContent = '#' + job.id + ' ' + (cancelled.state === 'cancelled' ? '取り消しました Cancelled' : '停止を依頼しました Asked to stop');
    } else {
      const problem = await response.json().catch(() => ({}));
      status.textContent = '#' + job.id + ' 取り消せません Cannot cancel: ' + (problem.detail || response.status);
      button.disabled = false;
    }
    refresh();
  }

  async function refresh() {
    const request = ++latestRequest;
    const query = new URLSearchParams({ page, size: PAGE_SIZE });
    if (stateFilter.value) query.set('state', stateFilter.value);
    try {
      const response = await fetch(root.dataset.list + '?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.status === 401) {
        location.assign('/login');
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const jobs = await response.json();
      if (request !== latestRequest) return; // a later request (another page, filter) answers instead
      show(jobs);
      followChanges(jobs.liveTopic);
    } catch (error) {
      status.textContent = '読み込めません Cannot load jobs (' + error.message + ')';
    }
  }

  function show(jobs) {
    // Unchanged jobs keep their rows, so that a button a person is about to press stays put.
    const shown = new Map();
    list.replaceChildren(...jobs.jobs.map(job => {
      const text = JSON.stringify(job);
      const kept = rowsShown.get(job.id);
      const tr = kept && kept.text === text ? kept.tr : row(job);
      shown.set(job.id, { text, tr });
      return tr;
    }));
    rowsShown = shown;
    if (jobs.jobs.length === 0) {
      list.append(element('tr', {}, cell('wide', '', 'ジョブはありません No jobs')));
    }
    const first = jobs.total === 0 ? 0 : jobs.page * jobs.size + 1;
    range.textContent = first + '–' + (jobs.page * jobs.size + jobs.jobs.length) + ' / ' + jobs.total;
    previous.disabled = jobs.page === 0;
    next.disabled = (jobs.page + 1) * jobs.size >= jobs.total;
    document.body.dataset.ready = 'true';
  }

  /** Starts following the list's topic once; polls instead when there is none or it cannot be followed. */
  function followChanges(topic) {
    if (source || document.body.dataset.updates === 'polling') return;
    if (!topic || !window.EventSource) {
      poll();
      return;
    }
    source = new EventSource('/events?' + new URLSearchParams({ topic }));
    showUpdates('connecting');
    // Fetching on (re)connecting shows what changed before the stream was open.
    source.addEventListener('open', () => { showUpdates('live'); refresh(); });
    source.addEventListener(topic, refreshSoon);
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        poll();
      } else {
        showUpdates('reconnecting');
      }
    });
  }

  function refreshSoon() {
    if (!gathering) {
      gathering = setTimeout(() => { gathering = null; refresh(); }, LIVE_GATHER_MILLIS);
    }
  }

  function poll() {
    showUpdates('polling');
    setInterval(refresh, POLL_MILLIS);
  }

  function showUpdates(how) {
    document.body.dataset.updates = how;
    updates.textContent = UPDATES[how];
    updates.className = 'updates-' + how;
  }

  stateFilter.addEventListener('change', () => { page = 0; refresh(); });
  previous.addEventListener('click', () => { page = Math.max(0, page - 1); refresh(); });
  next.addEventListener('click', () => { page += 1; refresh(); });
  refresh();
})();
