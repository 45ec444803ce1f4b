// /staff/booking: a facility's month, the approval queue (approve, or refuse with a reason),
// ended bookings to confirm after use (headcount and extras used, or a no-show), official-use
// blocks and the bookings they displaced (moved here to another time), group verification and the monthly usage report
// (use and fees, the figures of its .xlsx and Shift_JIS CSV downloads).
(() => {
  const { element, both, api, Problem, clock, period, today, state, say } = window.Booking;
  const status = document.getElementById('status');
  const month = today().slice(0, 7);
  let facilities = [];

  function problem(error) {
    if (error instanceof Problem) say(status, error.ja, error.en, true);
    else say(status, '通信できませんでした。', 'The server could not be reached.', true);
  }

  function cell(label, ...children) {
    const td = element('td', {}, ...children);
    td.dataset.label = label;
    return td;
  }

  /** An ISO time with Japan's offset from a date and a time of day, as the API takes them. */
  function japan(date, time) {
    return date + 'T' + time + ':00+09:00';
  }

  async function loadFacilities() {
    facilities = (await api('GET', '/staff/api/booking/facilities')).facilities;
    const facility = document.getElementById('facility');
    facility.replaceChildren(...facilities.map((f) => element('option', { value: f.id }, f.name)));
    document.getElementById('block-unit').replaceChildren(...facilities.flatMap((f) =>
      f.units.map((u) => element('option', { value: u.id }, f.name + ' ' + u.name.ja + ' ' + u.name.en))));
  }

  async function showCalendar(event) {
    if (event) event.preventDefault();
    const facility = document.getElementById('facility').value;
    const chosen = document.getElementById('calendar-month').value;
    try {
      const { month: of, who } = await api('GET', `/staff/api/booking/calendar?facility=${facility}&month=${chosen}`);
      const table = document.getElementById('facility-calendar');
      const head = element('tr', {}, element('th', {}, both('日', 'Day')),
        ...of.units.map((u) => element('th', {}, u.name.ja + ' ', element('span', { lang: 'en' }, u.name.en))));
      const [year, number] = chosen.split('-').map(Number);
      const days = new Date(Date.UTC(year, number, 0)).getUTCDate();
      const rows = [];
      for (let d = 1; d <= days; d++) {
        const date = chosen + '-' + String(d).padStart(2, '0');
        const weekday = '日月火水木金土'[new Date(date + 'T12:00:00+09:00').getDay()];
        rows.push(element('tr', {}, element('th', {}, d + '（' + weekday + '）'), ...of.units.map((u) => {
          const entries = of.entries.filter((e) => e.unitId === u.id && e.start.slice(0, 10) === date);
          return element('td', {}, ...entries.map((e) => element('span', { className: 'entry ' + (e.officialPurpose ? 'official' : e.state) },
            clock(e.start) + '–' + clock(e.end) + ' ',
            e.officialPurpose ? both('公用 ' + e.officialPurpose, 'official use') : (who[e.accountId] || '#' + e.accountId), ' ',
            e.officialPurpose ? null : state(e.state))));
        })));
      }
      table.replaceChildren(element('thead', {}, head), element('tbody', {}, ...rows));
    } catch (error) {
      problem(error);
    }
  }

  async function showApplications() {
    const list = document.getElementById('applications');
    const { applications } = await api('GET', '/staff/api/booking/applications');
    list.replaceChildren(...(applications.length ? applications.map(({ booking, who }) => {
      const approve = element('button', { type: 'button', className: 'primary' }, both('承認', 'Approve'));
      const reason = element('input', { name: 'reason', placeholder: '理由 Reason' });
      reason.setAttribute('aria-label', '不承認の理由 Reason for refusing #' + booking.id);
      const refuse = element('button', { type: 'button', className: 'danger' }, both('不承認', 'Refuse'));
      approve.addEventListener('click', () => act(() => api('PUT', `/api/booking/bookings/${booking.id}/approval`),
        '#' + booking.id + ' を承認しました。', 'approved.'));
      refuse.addEventListener('click', () => act(() => api('POST', `/staff/api/booking/bookings/${booking.id}/refusal`, { reason: reason.value }),
        '#' + booking.id + ' を不承認にしました。', 'refused.'));
      const row = element('tr', {},
        cell('予約', element('strong', {}, booking.facilityName + ' ' + booking.unitName.ja), element('div', {}, period(booking.start, booking.end))),
        cell('申請者', who || '#' + booking.accountId),
        cell('操作', element('div', { className: 'actions' }, approve, reason, refuse)));
      row.dataset.booking = booking.id;
      return row;
    }) : [element('tr', {}, element('td', { colSpan: 3, className: 'muted' }, both('承認待ちはありません。', 'Nothing waits for approval.')))]));
  }

  async function showAfterUse() {
    const { bookings } = await api('GET', '/staff/api/booking/after-use');
    document.getElementById('after-use').replaceChildren(...(bookings.length ? bookings.map(({ booking, who }) => {
      const booked = (booking.quote ? booking.quote.lines : []).filter((line) => line.code !== 'use').map((line) => line.code);
      const headcount = element('input', { type: 'number', name: 'headcount', min: '1', inputMode: 'numeric', placeholder: '利用人数 Headcount' });
      const extras = element('input', { name: 'extras', value: booked.join(', '), placeholder: '付帯設備 Extras: heating, lighting' });
      headcount.setAttribute('aria-label', '利用人数 Headcount #' + booking.id);
      extras.setAttribute('aria-label', '使った付帯設備 Extras used #' + booking.id);
      const confirm = element('button', { type: 'button', className: 'primary' }, both('確定', 'Confirm'));
      const noShow = element('button', { type: 'button', className: 'danger' }, both('無断キャンセル', 'No-show'));
      const url = `/staff/api/booking/bookings/${booking.id}/after-use`;
      confirm.addEventListener('click', () => act(() => api('POST', url, {
        headcount: headcount.value === '' ? null : Number(headcount.value), extras: extras.value.split(/[,、\s]+/).filter(Boolean),
      }), '#' + booking.id + ' の利用内容を確定しました。', 'use confirmed.'));
      noShow.addEventListener('click', () => act(() => api('POST', url, { noShow: true }),
        '#' + booking.id + ' を無断キャンセルとして記録しました。', 'recorded as a no-show.'));
      const row = element('tr', {},
        cell('予約', element('strong', {}, booking.facilityName + ' ' + booking.unitName.ja), element('div', {}, period(booking.start, booking.end))),
        cell('利用者', who || '#' + booking.accountId),
        cell('利用内容', element('div', { className: 'actions' }, headcount, extras, confirm, noShow)));
      row.dataset.booking = booking.id;
      return row;
    }) : [element('tr', {}, element('td', { colSpan: 3, className: 'muted' }, both('確定待ちの予約はありません。', 'No ended booking waits.')))]));
  }

  async function block(event) {
    event.preventDefault();
    const form = event.target;
    try {
      const made = await api('POST', '/staff/api/booking/blocks', {
        unit: Number(form.unit.value), start: japan(form.date.value, form.start.value), end: japan(form.date.value, form.end.value),
        purpose: form.purpose.value,
      });
      say(status, `公用で押さえました。取り消した予約 ${made.displaced.length} 件を下に示します。`,
        `Blocked; ${made.displaced.length} booking(s) cancelled are listed below to move.`);
      refresh();
    } catch (error) {
      problem(error);
    }
  }

  async function showDisplaced() {
    const { displaced, who } = await api('GET', '/staff/api/booking/displaced');
    document.getElementById('displaced').replaceChildren(...(displaced.length ? displaced.map(({ booking, purpose }) => {
      const date = element('input', { type: 'date', name: 'date', value: booking.start.slice(0, 10) });
      const from = element('input', { type: 'time', name: 'start' });
      const until = element('input', { type: 'time', name: 'end' });
      date.setAttribute('aria-label', '移動先の日付 New date');
      from.setAttribute('aria-label', '移動先の開始 New start');
      until.setAttribute('aria-label', '移動先の終了 New end');
      const move = element('button', { type: 'button', className: 'primary' }, both('移動', 'Move'));
      move.addEventListener('click', () => act(() => api('POST', `/staff/api/booking/displaced/${booking.id}/move`,
        { start: japan(date.value, from.value), end: japan(date.value, until.value) }), '予約を移動しました。', 'The booking is moved.'));
      const row = element('tr', {},
        cell('元の予約', element('strong', {}, booking.facilityName + ' ' + booking.unitName.ja), element('div', {}, period(booking.start, booking.end))),
        cell('利用者', who[booking.accountId] || '#' + booking.accountId),
        cell('公用', purpose),
        cell('移動先', element('div', { className: 'row' }, date, from, until, move)));
      row.dataset.booking = booking.id;
      return row;
    }) : [element('tr', {}, element('td', { colSpan: 4, className: 'muted' }, both('移動が必要な予約はありません。', 'No booking waits to be moved.')))]));
  }

  async function showGroups() {
    const { groups } = await api('GET', '/staff/api/booking/groups');
    document.getElementById('groups').replaceChildren(...(groups.length ? groups.map((group) => {
      const verify = element('button', { type: 'button', className: 'primary', disabled: Boolean(group.verifiedAt) }, both('確認済みにする', 'Verify'));
      verify.addEventListener('click', () => act(() => api('PUT', `/staff/api/booking/groups/${group.accountId}/verification`),
        group.groupName + ' を確認しました。', 'verified.'));
      const row = element('tr', {},
        cell('団体', element('strong', {}, group.groupName), element('div', { className: 'muted' }, '代表 ' + group.displayName)),
        cell('状態', group.verifiedAt ? both('確認済み', 'Verified') : both('確認待ち', 'Waiting')),
        cell('操作', verify));
      row.dataset.group = group.accountId;
      return row;
    }) : [element('tr', {}, element('td', { colSpan: 3, className: 'muted' }, both('団体登録はありません。', 'No group registrations.')))]));
  }

  const PERCENT = (value) => (value * 100).toFixed(1) + '%';
  const YEN = (value) => '¥' + value.toLocaleString('ja-JP');
  /**
   * The report's columns as the .xlsx and the CSV have them (GET /staff/api/booking/reports/{month} is the
   * same MonthlyUsage.Report the files are written from): heading, and the cell of a facility's row.
   */
  const REPORT_COLUMNS = [
    ['稼働率', 'Occupancy', (use) => PERCENT(use.occupancy)],
    ['件数', 'Bookings', (use) => String(use.bookings)],
    ['利用者', 'Users', (use) => String(use.users)],
    ['電子申請率', 'Online', (use) => PERCENT(use.digitalRate)],
    ['利用人数', 'Headcount', (use) => String(use.headcount)],
    ['無断キャンセル', 'No-shows', (use) => String(use.noShows)],
    ['使用料', 'Fees charged', (use) => YEN(use.fees.chargedYen)],
    ['減免額', 'Reductions', (use) => YEN(use.fees.reducedYen)],
    ['還付額', 'Refunds', (use) => YEN(use.fees.refundedYen)],
    ['利用後追加料金', 'After-use extras', (use) => YEN(use.fees.extrasYen)],
  ];

  async function showReport(event) {
    if (event) event.preventDefault();
    const chosen = document.getElementById('report-month').value;
    // The last month's figures go at once, so that nobody reads them as the month just asked for.
    document.getElementById('report-links').replaceChildren();
    document.getElementById('report-table').replaceChildren(element('caption', {}, both('集計中…', 'Counting…')));
    try {
      const report = await api('GET', `/staff/api/booking/reports/${chosen}`);
      document.getElementById('report-links').replaceChildren(
        element('a', { href: `/staff/api/booking/reports/${chosen}.xlsx`, download: '' }, 'Excel (.xlsx)'),
        element('a', { href: `/staff/api/booking/reports/${chosen}.csv`, download: '' }, 'CSV (Shift_JIS)'));
      // On a phone the table is a card per facility, each figure beside its label (the heading row is hidden there).
      const row = (use, heading) => element('tr', { className: heading ? 'total' : '' },
        element(heading ? 'th' : 'td', {}, use.facilityName),
        ...REPORT_COLUMNS.map(([ja, en, value]) => element('td', { className: 'figure' },
          element('span', { className: 'figure-label' }, ja + ' ' + en), value(use))));
      document.getElementById('report-table').replaceChildren(
        element('thead', {}, element('tr', {}, element('th', {}, both('施設', 'Facility')),
          ...REPORT_COLUMNS.map(([ja, en]) => element('th', { className: 'figure' }, both(ja, en))))),
        element('tbody', {}, ...report.facilities.map((use) => row(use, false)), row(report.total, true)));
    } catch (error) {
      problem(error);
    }
  }

  async function act(call, ja, en) {
    try {
      await call();
      say(status, ja, en);
      refresh();
    } catch (error) {
      problem(error);
    }
  }

  function refresh() {
    Promise.all([showCalendar(), showApplications(), showAfterUse(), showDisplaced(), showGroups()]).catch(problem);
  }

  document.getElementById('calendar-month').value = month;
  document.getElementById('report-month').value = month;
  document.getElementById('block-date').value = today();
  document.getElementById('calendar-form').addEventListener('submit', showCalendar);
  document.getElementById('block-form').addEventListener('submit', block);
  document.getElementById('report-form').addEventListener('submit', showReport);
  loadFacilities().then(() => { refresh(); showReport(); }).catch(problem);
})();
