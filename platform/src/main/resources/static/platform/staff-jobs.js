// /staff/jobs: every background job, newest first, refreshed every few seconds from /staff/api/jobs.
(() => {
  const PAGE_SIZE = 20;
  const REFRESH_MILLIS = 3000;
  const STATES = {
    queued: '待機中 Queued', running: '実行中 Running', done: '完了 Done', failed: '失敗 Failed',
    cancelled: '取消 Cancelled', expired: '期限切れ Expired',
  };
  const list = document.getElementById('jobs');
  const status = document.getElementById('jobs-status');
  const stateFilter = document.getElementById('filter-state');
  const previous = document.getElementById('previous-page');
  const next = document.getElementById('next-page');
  const range = document.getElementById('page-range');
  let page = 0;
  let rowsShown = new Map();

  /** The CSRF token Spring Security keeps in a cookie, sent back as a header with every change. */
  function csrfHeader() {
    const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
    return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString('ja-JP', { dateStyle: 'short', timeStyle: 'medium' }) : '—';
  }

  /** A cell; on a phone, where the header row is hidden, a labelled one shows its label above it. */
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
         element('div', { className: 'sha', title: 'SHA-256' }, job.result.sha256.slice(0, 16) + '…'),
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
      cell('kind', '', job.kind),
      cell('owner', '', job.owner),
      cell('wide', '', state, progress, message),
      cell('wide times', '', element('span', {}, '作成 Created ' + time(job.createdAt)),
        element('span', {}, '終了 Finished ' + time(job.finishedAt)),
        element('span', {}, '試行 Attempts ' + job.attempts + '/' + job.maxAttempts)),
      cell('wide', job.result ? '結果 Result' : '', ...(job.result ? result : [])),
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
    const query = new URLSearchParams({ page, size: PAGE_SIZE });
    if (stateFilter.value) query.set('state', stateFilter.value);
    try {
      const response = await fetch('/staff/api/jobs?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const jobs = await response.json();
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
    } catch (error) {
      status.textContent = '読み込めません Cannot load jobs (' + error.message + ')';
    }
  }

  stateFilter.addEventListener('change', () => { page = 0; refresh(); });
  previous.addEventListener('click', () => { page = Math.max(0, page - 1); refresh(); });
  next.addEventListener('click', () => { page += 1; refresh(); });
  refresh();
  setInterval(refresh, REFRESH_MILLIS);
})();
