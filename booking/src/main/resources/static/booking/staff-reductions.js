// /staff/booking: the queue of 減免 (reductions) that need staff's approval. Approving takes the
// reduction off the booking's fee; refusing needs a reason, which the resident is shown.
(() => {
  const { element, both, api, Problem, period, say } = window.Booking;
  const status = document.getElementById('status');
  const list = document.getElementById('reductions');

  function cell(label, ...children) {
    const td = element('td', {}, ...children);
    td.dataset.label = label;
    return td;
  }

  function yen(value) {
    return '¥' + value.toLocaleString('ja-JP');
  }

  async function decide(call, ja, en) {
    try {
      await call();
      say(status, ja, en);
      show();
    } catch (error) {
      if (error instanceof Problem) say(status, error.ja, error.en, true);
      else say(status, '通信できませんでした。', 'The server could not be reached.', true);
    }
  }

  function row({ booking, who }) {
    const reduction = booking.quote.reduction;
    const approve = element('button', { type: 'button', className: 'primary' }, both('承認', 'Approve'));
    const reason = element('input', { name: 'reason', placeholder: '理由 Reason' });
    reason.setAttribute('aria-label', '減免を認めない理由 Reason for refusing the reduction of #' + booking.id);
    const refuse = element('button', { type: 'button', className: 'danger' }, both('認めない', 'Refuse'));
    approve.addEventListener('click', () => decide(() => api('PUT', `/staff/api/booking/reductions/${booking.id}/approval`),
      '#' + booking.id + ' の減免を承認しました。', 'reduction approved.'));
    refuse.addEventListener('click', () => decide(() => api('POST', `/staff/api/booking/reductions/${booking.id}/refusal`,
      { reason: reason.value }), '#' + booking.id + ' の減免を認めませんでした。', 'reduction refused.'));
    const tr = element('tr', {},
      cell('予約', element('strong', {}, booking.facilityName + ' ' + booking.unitName.ja), element('div', {}, period(booking.start, booking.end))),
      cell('申請者', who || '#' + booking.accountId),
      cell('減免', element('div', {}, reduction.name.ja + ' ' + reduction.percent + '%'),
        element('div', { className: 'muted' }, both(yen(booking.feeYen) + ' → ' + yen(booking.feeYen - reduction.yen),
          reduction.name.en))),
      cell('操作', element('div', { className: 'actions' }, approve, reason, refuse)));
    tr.dataset.booking = booking.id;
    return tr;
  }

  async function show() {
    const { bookings } = await api('GET', '/staff/api/booking/reductions');
    list.replaceChildren(...(bookings.length ? bookings.map(row)
      : [element('tr', {}, element('td', { colSpan: 4, className: 'muted' }, both('審査待ちの減免はありません。', 'No reduction waits for approval.')))]));
  }

  show().catch(() => say(status, '減免の一覧を読めませんでした。', 'The reductions could not be loaded.', true));
})();
