// /booking for residents: find a unit (kind, day, time, people, distance from a place on the map),
// read its month, choose a slot, hold it with a visible countdown, apply, and see or cancel one's
// own bookings with what staff have said about them, their door PINs, and after use confirm how many
// came and the extras used (利用後内容確定), paying online any extra that costs. Slots of a month that
// goes by lottery (抽選) are entered in its lottery instead, as oneself or for one's group and with a
// reduction (減免) chosen above the slots; "my lottery entries" shows each entry's result, lets an entry
// be withdrawn while applications are open, the won slot to confirm and pay by the deadline, and the
// draw's commitment and seed to check.
(() => {
  const { element, both, api, Problem, day, clock, period, today, state, kind, KINDS, say } = window.Booking;
  const form = document.getElementById('search-form');
  const map = document.getElementById('map');
  const results = document.getElementById('results');
  const foundCount = document.getElementById('found-count');
  const status = document.getElementById('status');
  const calendarSection = document.getElementById('calendar-section');
  const holdSection = document.getElementById('hold');
  const countdown = document.getElementById('countdown');
  const applyButton = document.getElementById('apply');
  const afterUse = document.getElementById('after-use');
  const myEntries = document.getElementById('my-entries');
  /** How long after its end a booking stays under "after use". */
  const AFTER_USE_DAYS = 31;
  let place = null;
  let signedIn = false;
  let shown = { unit: null, month: null };
  let hold = null;
  let ticking = null;
  /** The lotteries as published (GET /api/booking/lotteries), newest month first. */
  let lotteries = [];
  /** The approved organisations the signed-in resident belongs to (from /api/me): whom they may enter for. */
  let groups = [];
  /** How the next lottery entry is made, as chosen above a day's slots: for whom and with which reduction. */
  const entryChoice = { organisation: '', reduction: '' };
  let offeredReductions = null;

  Object.entries(KINDS).forEach(([id, [ja, en]]) => form.kind.append(element('option', { value: id }, ja + ' ' + en)));
  form.date.min = today();

  function problem(error) {
    if (error instanceof Problem) {
      if (error.status === 401) {
        status.replaceChildren(both('予約するにはログインしてください。', 'Please sign in to book.'), ' ',
          element('a', { href: '/login' }, 'ログイン Sign in'));
        status.classList.add('bad');
      } else {
        say(status, error.ja, error.en, true);
      }
    } else {
      say(status, '通信できませんでした。', 'The server could not be reached.', true);
    }
  }

  function distance(metres) {
    return metres < 1000 ? metres + ' m' : (metres / 1000).toFixed(1) + ' km';
  }

  async function search(event) {
    if (event) event.preventDefault();
    const query = new URLSearchParams();
    ['kind', 'date', 'time', 'capacity'].forEach((name) => { if (form[name].value) query.set(name, form[name].value); });
    if (place) {
      query.set('lon', place.lon.toFixed(6));
      query.set('lat', place.lat.toFixed(6));
    }
    try {
      const found = (await api('GET', '/api/booking/search?' + query)).results;
      show(found);
    } catch (error) {
      problem(error);
    }
  }

  function show(found) {
    const facilities = [];
    found.forEach(({ unit }) => {
      if (!facilities.some((f) => f.id === unit.facility.id)) {
        facilities.push({ id: unit.facility.id, number: facilities.length + 1, name: unit.facility.name, lon: unit.facility.lon, lat: unit.facility.lat });
      }
    });
    window.BookingMap.draw(map, facilities, place, (lon, lat) => { place = { lon, lat }; search(); });
    foundCount.replaceChildren(both(found.length + ' 件', found.length + (found.length === 1 ? ' unit' : ' units')
      + (place ? ', nearest first' : '')));
    results.replaceChildren(...found.map((result) => resultItem(result, facilities.find((f) => f.id === result.unit.facility.id).number)));
  }

  function resultItem({ unit, metres, freeSlots }, number) {
    const open = element('button', { type: 'button', className: 'primary' }, both('空き状況', 'Availability'));
    open.addEventListener('click', () => openCalendar(unit, form.date.value ? form.date.value.slice(0, 7) : today().slice(0, 7)));
    const quick = (freeSlots || []).slice(0, 4).map((slot) => {
      const button = element('button', { type: 'button', className: 'slot' }, clock(slot.start) + '–' + clock(slot.end));
      button.setAttribute('aria-label', unit.name.ja + ' ' + period(slot.start, slot.end) + ' を仮押さえ Hold');
      button.addEventListener('click', () => holdSlot(unit, slot.start, slot.end));
      return button;
    });
    return element('li', { className: 'result' },
      element('span', { className: 'marker', title: '地図の番号 Number on the map' }, String(number)),
      element('div', { className: 'what' },
        element('strong', {}, unit.facility.name + ' ' + unit.name.ja), ' ', element('span', { lang: 'en' }, unit.name.en),
        element('div', { className: 'muted' }, kind(unit.kind), ' ・ ', both('定員 ' + unit.capacity + ' 人', 'up to ' + unit.capacity),
          metres === null || metres === undefined ? null : ' ・ ' + distance(metres),
          ...unitTags(unit)),
        freeSlots ? element('div', { className: 'quick' }, element('span', { className: 'muted' },
          both(form.date.value + ' の空き', 'free on ' + form.date.value)), ...quick) : null),
      open);
  }

  /** What sets a unit apart from booking it oneself: staff approve, slots by lottery, groups only. */
  function unitTags(unit) {
    return [[unit.needsApproval, '要承認', 'staff approve', 'tag'], [unit.byLottery, '抽選あり', 'by lottery', 'tag'],
      [unit.groupsOnly, '団体のみ', 'Groups only', 'tag groups-only']]
      .filter(([shown]) => shown).map(([, ja, en, className]) => element('span', { className }, both(ja, en)));
  }

  async function loadLotteries() {
    lotteries = (await api('GET', '/api/booking/lotteries')).lotteries;
  }

  function lotteryOf(month) {
    return lotteries.find((lottery) => lottery.month === month);
  }

  /** From one moment to another, each with its day: an application period or a deadline's reach. */
  function between(start, end) {
    return day(start) + ' ' + clock(start) + ' – ' + day(end) + ' ' + clock(end);
  }

  async function openCalendar(unit, month, scroll = true) {
    shown = { unit, month };
    try {
      const [availability] = await Promise.all([api('GET', `/api/booking/units/${unit.id}/availability?month=${month}`),
        unit.byLottery ? loadLotteries() : null]);
      calendarSection.hidden = false;
      document.getElementById('calendar-title').replaceChildren(unit.facility.name + ' ' + unit.name.ja + ' ',
        element('span', { lang: 'en' }, unit.name.en), ...unitTags(unit));
      document.getElementById('month-name').textContent = month.slice(0, 4) + '年' + Number(month.slice(5)) + '月';
      drawMonth(availability);
      document.getElementById('day-slots').replaceChildren();
      if (scroll) calendarSection.scrollIntoView({ block: 'start' });
    } catch (error) {
      problem(error);
    }
  }

  function drawMonth(availability) {
    const rows = [];
    let week = [];
    const first = new Date(availability.days[0].date + 'T00:00:00');
    for (let i = 0; i < first.getDay(); i++) week.push(element('td', { className: 'blank' }));
    availability.days.forEach((d) => {
      week.push(dayCell(d, availability));
      if (week.length === 7) { rows.push(element('tr', {}, ...week)); week = []; }
    });
    if (week.length) rows.push(element('tr', {}, ...week));
    document.getElementById('calendar-days').replaceChildren(...rows);
  }

  function dayCell(d, availability) {
    const date = Number(d.date.slice(8));
    if (!d.open) {
      const why = d.closed.holiday ? d.closed.holiday : d.closed.reason;
      return element('td', { className: 'closed' }, element('span', { className: 'date' }, String(date)),
        element('span', { className: 'mark' }, '休'), element('span', { className: 'why' }, why.ja + ' ', element('span', { lang: 'en' }, why.en)));
    }
    const free = d.slots.filter((s) => s.state === 'free').length;
    const drawn = d.slots.filter((s) => s.state === 'lottery').length;
    const beyond = d.date > availability.lastBookableDay;
    const past = d.slots.length > 0 && d.slots.every((s) => s.state === 'past');
    const mark = drawn ? ['抽', '抽選' + drawn] : free && !beyond ? ['○', '空き' + free] : ['×', past ? '終了' : '満'];
    // The month and 日 are there for screen readers only: the table's place says them to the eye.
    const button = element('button', { type: 'button', className: 'day' + (drawn ? ' has-lottery' : free ? ' has-free' : ''),
      disabled: !drawn && (!free || beyond) },
      element('span', { className: 'visually-hidden' }, Number(d.date.slice(5, 7)) + '月'),
      element('span', { className: 'date' }, String(date)),
      element('span', { className: 'visually-hidden' }, '日'),
      element('span', { className: 'mark' }, mark[0]),
      element('span', { className: 'why' }, mark[1]));
    button.addEventListener('click', () => showDay(d, availability.unit));
    return element('td', {}, button);
  }

  function showDay(d, unit) {
    const length = element('select', { id: 'length' }, ...Array.from({ length: unit.maxSlots }, (_, i) =>
      element('option', { value: i + 1 }, (i + 1) * unit.slotMinutes + ' 分 min')));
    const slots = d.slots.map((slot, index) => {
      const button = element('button', { type: 'button', className: 'slot slot-' + slot.state,
        disabled: slot.state !== 'free' && slot.state !== 'lottery' },
        clock(slot.start) + '–' + clock(slot.end) + ' ', slotState(slot.state));
      button.addEventListener('click', () => {
        const last = d.slots[Math.min(index + Number(length.value) - 1, d.slots.length - 1)];
        (slot.state === 'lottery' ? enterLottery : holdSlot)(unit, slot.start, last.end);
      });
      return element('li', {}, button);
    });
    document.getElementById('day-slots').replaceChildren(
      element('h3', {}, day(d.date + 'T12:00:00+09:00') + ' ', element('span', { lang: 'en' }, 'choose a time')),
      ...(d.slots.some((slot) => slot.state === 'lottery') ? [lotteryNote(d.date.slice(0, 7)), entryChoices()] : []),
      element('label', { htmlFor: 'length' }, both('利用時間', 'Length')), ' ', length,
      element('ul', { className: 'slots' }, ...slots));
  }

  /** The month's lottery as a resident needs it before entering: when entries are taken, how many, who may. */
  function lotteryNote(month) {
    const lottery = lotteryOf(month);
    if (!lottery) {
      return element('p', { className: 'lottery-note' }, both('この月は抽選です。受付はまだ始まっていません。',
        'This month goes by lottery; entries are not open yet.'));
    }
    return element('p', { className: 'lottery-note' },
      both('この月は抽選です。申込期間 ' + between(lottery.applicationsOpen, lottery.applicationsClose)
        + '、1人 ' + lottery.maxEntries + ' 件まで。枠を選ぶと抽選に申し込みます。',
        'This month goes by lottery: entries ' + between(lottery.applicationsOpen, lottery.applicationsClose)
        + ', up to ' + lottery.maxEntries + ' each. Choose a slot to enter it.'),
      ...(lottery.groupsOnly ? [' ', element('span', { className: 'tag groups-only' }, both('団体のみ', 'Groups only'))] : []));
  }

  function reductionsOffered() {
    if (!offeredReductions) offeredReductions = api('GET', '/api/booking/reductions').then((answer) => answer.reductions);
    return offeredReductions;
  }

  function groupName(organisationId) {
    const group = groups.find((g) => g.organisationId === organisationId);
    return group ? group.organisationName : '#' + organisationId;
  }

  /**
   * For whom the entry is made (oneself, or a group one belongs to) and which reduction it claims: a
   * group's reductions are offered only when entering for a group, and one that staff review says so.
   * The choice stays while the resident looks at other days.
   */
  function entryChoices() {
    const who = element('select', { id: 'entry-for', name: 'organisation' },
      element('option', { value: '' }, '本人として Myself'),
      ...groups.map((g) => element('option', { value: String(g.organisationId) }, '団体「' + g.organisationName + '」 Group')));
    who.value = groups.some((g) => String(g.organisationId) === entryChoice.organisation) ? entryChoice.organisation : '';
    const reduction = element('select', { id: 'entry-reduction', name: 'reduction' });
    const review = element('p', { className: 'muted review-note' });
    function offer() {
      reductionsOffered().then((offered) => {
        const claimable = offered.filter((r) => who.value || !r.forGroups);
        reduction.replaceChildren(element('option', { value: '' }, 'なし None'), ...claimable.map((r) =>
          element('option', { value: r.code }, r.name.ja + ' ' + r.percent + '% ' + r.name.en)));
        reduction.value = claimable.some((r) => r.code === entryChoice.reduction) ? entryChoice.reduction : '';
        choose();
      }).catch(problem);
    }
    function choose() {
      entryChoice.organisation = who.value;
      entryChoice.reduction = reduction.value;
      offeredReductions.then((offered) => {
        const chosen = offered.find((r) => r.code === reduction.value);
        review.replaceChildren(...(chosen && chosen.needsApproval ? [both('この減免は当選後に職員が審査します。審査までは通常料金です。',
          'Staff review this reduction if the entry wins; until then the full fee stands.')] : []));
      });
    }
    who.addEventListener('change', offer);
    reduction.addEventListener('change', choose);
    offer();
    return element('fieldset', { className: 'entry-choice' }, element('legend', {}, both('申込の内容', 'How to enter')),
      ...(groups.length ? [element('label', { htmlFor: 'entry-for' }, both('申込者', 'Entering as')), who] : []),
      element('label', { htmlFor: 'entry-reduction' }, both('減免', 'Reduction')), reduction, review);
  }

  async function enterLottery(unit, start, end) {
    const lottery = lotteryOf(start.slice(0, 7));
    if (!lottery) {
      say(status, 'この月の抽選はまだ受付していません。', 'This month\'s lottery does not take entries yet.', true);
      return;
    }
    try {
      await api('POST', `/api/booking/lotteries/${lottery.id}/entries`, { unit: unit.id, start, end,
        organisation: entryChoice.organisation ? Number(entryChoice.organisation) : null, reduction: entryChoice.reduction || null });
      const as = entryChoice.organisation ? ['団体「' + groupName(Number(entryChoice.organisation)) + '」として', ' for the group'] : ['', ''];
      say(status, as[0] + '抽選に申し込みました。結果は「私の抽選申込」とメールでお知らせします。',
        'Entered in the lottery' + as[1] + '. The result will be under "My lottery entries" and by e-mail.');
      await refreshMine();
      status.scrollIntoView({ block: 'center' });
    } catch (error) {
      problem(error);
      status.scrollIntoView({ block: 'center' });
    }
  }

  function slotState(id) {
    const words = { free: ['空き', 'Free'], taken: ['予約済', 'Taken'], past: ['終了', 'Past'], lottery: ['抽選', 'Lottery'] }[id];
    return element('span', { className: 'slot-state' }, both(words[0], words[1]));
  }

  async function holdSlot(unit, start, end) {
    try {
      if (hold) await release();
      hold = await api('POST', '/api/booking/holds', { unit: unit.id, start, end });
      holdSection.hidden = false;
      applyButton.disabled = false;
      document.getElementById('hold-what').replaceChildren(element('strong', {}, hold.facilityName + ' ' + hold.unitName.ja),
        ' ', period(hold.start, hold.end), ...(hold.feeYen ? [' ', fee(hold.feeYen)] : []));
      say(status, '仮押さえしました。時間内に申し込んでください。', 'Held. Apply before the time runs out.');
      tick();
      clearInterval(ticking);
      ticking = setInterval(tick, 1000);
      holdSection.scrollIntoView({ block: 'center' });
      refreshMine();
    } catch (error) {
      problem(error);
      if (shown.unit) openCalendar(shown.unit, shown.month);
    }
  }

  function tick() {
    const left = Math.max(0, Math.round((new Date(hold.heldUntil) - Date.now()) / 1000));
    countdown.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    if (left === 0) {
      clearInterval(ticking);
      applyButton.disabled = true;
      say(status, '仮押さえの期限が過ぎました。もう一度選んでください。', 'The hold expired. Please choose again.', true);
    }
  }

  async function apply() {
    try {
      const booking = await api('POST', `/api/booking/bookings/${hold.id}/confirm`);
      endHold();
      if (booking.state === 'applied') {
        say(status, '申請しました。職員の承認をお待ちください。', 'Applied for; staff will approve it.');
      } else {
        say(status, '予約が確定しました。', 'Booked.');
      }
      await refreshMine();
      if (shown.unit) await openCalendar(shown.unit, shown.month, false);
      status.scrollIntoView({ block: 'start' });
    } catch (error) {
      problem(error);
    }
  }

  async function release() {
    const id = hold.id;
    endHold();
    await api('DELETE', `/api/booking/bookings/${id}`).catch(problem);
    refreshMine();
  }

  function endHold() {
    clearInterval(ticking);
    hold = null;
    holdSection.hidden = true;
  }

  async function refreshMine() {
    const mine = document.getElementById('my-bookings');
    const notices = document.getElementById('notices');
    if (!signedIn) {
      afterUse.replaceChildren();
      myEntries.replaceChildren();
      mine.replaceChildren(element('li', { className: 'muted' }, both('予約を見るにはログインしてください。', 'Sign in to see your bookings.'), ' ',
        element('a', { href: '/login' }, 'ログイン Sign in')));
      return;
    }
    try {
      const [bookings, told, used, pins] = await Promise.all([api('GET', '/api/booking/mine'), api('GET', '/api/booking/notices'),
        api('GET', '/api/booking/after-use'), api('GET', '/api/booking/door-pins'), loadLotteries()]);
      notices.replaceChildren(...told.notices.map((notice) => element('li', {},
        element('strong', {}, 'お知らせ Notice '), notice.message.ja, ' ', element('span', { lang: 'en' }, notice.message.en))));
      const now = new Date();
      const live = bookings.bookings.filter((b) => b.state !== 'expired' && new Date(b.end) > now);
      mine.replaceChildren(...(live.length ? live.map((b) => myBooking(b, pins.pins.find((pin) => pin.bookingId === b.id)))
        : [element('li', { className: 'muted' }, both('これからの予約はありません。', 'No bookings ahead.'))]));
      const recent = new Date(now.getTime() - AFTER_USE_DAYS * 86400000);
      const ended = bookings.bookings.filter((b) => b.state === 'confirmed' && new Date(b.end) <= now && new Date(b.end) > recent);
      afterUse.replaceChildren(...(ended.length
        ? ended.map((b) => usedBooking(b, used.confirmed.find((c) => c.bookingId === b.id)))
        : [element('li', { className: 'muted' }, both('利用を終えた予約はありません。', 'No bookings have ended lately.'))]));
      const entries = await Promise.all(bookings.entries.map(async (entry) => myEntry(entry, await unitOf(entry.unitId),
        bookings.bookings.find((b) => b.id === entry.bookingId))));
      myEntries.replaceChildren(...(entries.length ? entries
        : [element('li', { className: 'muted' }, both('抽選の申込はありません。', 'No lottery entries.'))]));
    } catch (error) {
      problem(error);
    }
  }

  /** The door PIN of a booking, for its owner only (the API gives nobody else's), with when it opens the door. */
  function doorPin(pin) {
    return element('div', { className: 'pin' },
      element('span', {}, both('扉の暗証番号', 'Door PIN')), ' ',
      element('strong', { className: 'pin-number' }, pin.pin), ' ',
      element('span', { className: 'pin-window' }, both('使える時間', 'Opens the door'), ' ', period(pin.validFrom, pin.validUntil)));
  }

  /** An ended booking: the form to confirm its use, or what was confirmed with any extra still to pay. */
  function usedBooking(booking, confirmed) {
    const item = element('li', { className: 'booking used' },
      element('div', {}, element('strong', {}, booking.facilityName + ' ' + booking.unitName.ja), ' ',
        element('span', { lang: 'en' }, booking.unitName.en)),
      element('div', {}, period(booking.start, booking.end)));
    item.dataset.booking = booking.id;
    item.append(confirmed ? usedSummary(booking, confirmed) : afterUseForm(booking));
    return item;
  }

  function usedSummary(booking, confirmed) {
    const summary = element('div', { className: 'used-summary' });
    if (confirmed.noShow) {
      summary.append(element('span', { className: 'state state-cancelled' }, both('無断キャンセル', 'No-show')));
      return summary;
    }
    const extras = (confirmed.quote ? confirmed.quote.lines : []).filter((line) => line.code !== 'use');
    summary.append(element('div', {}, both('利用内容確定済み', 'Use confirmed'), ' ・ ',
      both('利用人数 ' + confirmed.headcount + ' 人', confirmed.headcount + ' people'),
      ...(extras.length ? [' ・ ', ...extras.flatMap((line, i) => [i ? '、' : '', both(line.item.ja, line.item.en)])] : [])));
    if (confirmed.extraYen > 0) {
      const line = element('div', { className: 'payment' },
        element('span', { className: 'fee' }, both('追加料金 ¥' + confirmed.extraYen.toLocaleString('ja-JP'), 'Extra after use')), ' ');
      if (confirmed.extraPaidAt) {
        line.append(element('span', { className: 'payment-state payment-paid' }, confirmed.extraMethod === 'counter'
          ? both('窓口で支払済み', 'Paid at the counter') : both('支払済み', 'Paid online')));
      } else {
        const pay = element('button', { type: 'button', className: 'pay-extra primary' }, both('追加料金をオンラインで支払う', 'Pay the extra online'));
        pay.addEventListener('click', async () => {
          try {
            const checkout = await api('POST', `/api/booking/bookings/${booking.id}/after-use/checkout`);
            window.location.assign(checkout.payAt);
          } catch (error) {
            problem(error);
          }
        });
        line.append(element('span', { className: 'payment-state payment-pending' }, both('未払い', 'Unpaid')), ' ', pay,
          element('span', { className: 'muted' }, both('窓口でも支払えます。', 'You may also pay at the counter.')));
      }
      summary.append(line);
    }
    return summary;
  }

  function afterUseForm(booking) {
    const id = 'used-' + booking.id;
    const headcount = element('input', { type: 'number', id: id + '-headcount', name: 'headcount', min: '1', required: true, inputMode: 'numeric' });
    const booked = (booking.quote ? booking.quote.lines : []).filter((line) => line.code !== 'use').map((line) => line.code);
    const extras = element('fieldset', { className: 'extras' }, element('legend', {}, both('使った設備', 'Extras used')));
    extrasOf(booking.unitId).then((offered) => {
      if (!offered.length) extras.append(element('span', { className: 'muted' }, both('この施設に付帯設備はありません。', 'This unit has no extras.')));
      offered.forEach((extra) => {
        const box = element('input', { type: 'checkbox', name: 'extras', value: extra.code, id: id + '-' + extra.code, checked: booked.includes(extra.code) });
        extras.append(element('label', { htmlFor: box.id, className: 'check' }, box, ' ', both(extra.name.ja, extra.name.en),
          ' ', element('span', { className: 'muted' }, '¥' + extra.yenPerHour.toLocaleString('ja-JP') + '/時間 hour')));
      });
    }).catch(problem);
    const form = element('form', { className: 'after-use' },
      element('p', { className: 'muted' }, both('利用後の内容を確定してください。料金は使った分で計算し直します。',
        'Please confirm how it was used; the fee is worked out again for what was used.')),
      element('label', { htmlFor: headcount.id }, both('利用人数', 'People who came')), headcount, extras,
      element('button', { type: 'submit', className: 'primary' }, both('利用内容を確定する', 'Confirm use')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const confirmed = await api('POST', `/api/booking/bookings/${booking.id}/after-use`, {
          headcount: Number(headcount.value),
          extras: [...form.querySelectorAll('input[name=extras]:checked')].map((box) => box.value),
        });
        if (confirmed.extraYen > 0) {
          say(status, '利用内容を確定しました。追加料金 ¥' + confirmed.extraYen.toLocaleString('ja-JP') + ' をお支払いください。',
            'Use confirmed. Please pay the extra of ¥' + confirmed.extraYen.toLocaleString('en') + '.');
        } else {
          say(status, '利用内容を確定しました。', 'Use confirmed.');
        }
        await refreshMine();
      } catch (error) {
        problem(error);
      }
    });
    return form;
  }

  const ENTRY_STATES = { entered: ['抽選待ち', 'Entered'], won: ['当選', 'Won'], lost: ['落選', 'Not drawn'] };

  /**
   * A lottery entry with its result; a won one with its held booking to confirm by the deadline and
   * then pay, and a drawn lottery with the commitment, the seed it revealed and the published draw.
   */
  function myEntry(entry, unit, booking) {
    const lottery = lotteries.find((l) => l.id === entry.lotteryId);
    const result = entry.won == null ? 'entered' : entry.won ? 'won' : 'lost';
    const [ja, en] = ENTRY_STATES[result];
    const item = element('li', { className: 'booking entry-' + result },
      element('div', {}, element('strong', {}, unit.facility.name + ' ' + unit.name.ja), ' ', element('span', { lang: 'en' }, unit.name.en)),
      element('div', {}, period(entry.start, entry.end), ' ', element('span', { className: 'state lottery-' + result }, both(ja, en))),
      ...(entry.organisationId ? [element('div', { className: 'entered-for' },
        both('団体「' + groupName(entry.organisationId) + '」として申込', 'Entered for the group'))] : []));
    item.dataset.entry = entry.id;
    if (result === 'entered') {
      item.append(entry.reduction && entry.reduction.decision === 'pending' ? pendingFee(entry.feeYen, entry.reduction)
        : element('div', { className: 'payment' }, fee(entry.feeYen), ...(entry.reduction
          ? [' ', element('span', { className: 'muted' }, both('減免「' + entry.reduction.name.ja + '」', 'Reduction "' + entry.reduction.name.en + '"'))] : [])));
      if (lottery && !lottery.drawnAt && new Date(lottery.applicationsClose) > new Date()) item.append(withdrawButton(entry));
    }
    if (booking && booking.state === 'held') {
      const confirm = element('button', { type: 'button', className: 'confirm-won primary' }, both('確定する', 'Confirm'));
      confirm.addEventListener('click', async () => {
        try {
          const confirmed = await api('POST', `/api/booking/bookings/${booking.id}/confirm`);
          say(status, confirmed.state === 'applied' ? '申請しました。職員の承認をお待ちください。' : '当選した予約を確定しました。',
            confirmed.state === 'applied' ? 'Applied for; staff will approve it.' : 'The won booking is confirmed.');
          await refreshMine();
        } catch (error) {
          problem(error);
        }
      });
      item.append(element('div', { className: 'payment' }, fee(entry.feeYen), ' ',
        element('span', { className: 'deadline' }, both(day(booking.heldUntil) + ' ' + clock(booking.heldUntil) + ' までに確定',
          'confirm by ' + day(booking.heldUntil) + ' ' + clock(booking.heldUntil))), ' ', confirm));
    } else if (booking) {
      item.append(element('div', {}, state(booking.state)), ...(booking.payment ? [payment(booking)] : []));
    }
    if (lottery) item.append(drawProof(lottery));
    return item;
  }

  /** Takes the entry back while applications are open, after asking once more in place. */
  function withdrawButton(entry) {
    const withdraw = element('button', { type: 'button', className: 'cancel withdraw' }, both('申込を取り下げる', 'Withdraw'));
    askedTwice(withdraw, '本当に取り下げる', 'Really withdraw', async () => {
      try {
        await api('POST', `/api/booking/lotteries/${entry.lotteryId}/entries/${entry.id}/withdrawal`);
        say(status, '抽選の申込を取り下げました。', 'The lottery entry is withdrawn.');
        await refreshMine();
      } catch (error) {
        problem(error);
      }
    });
    return withdraw;
  }

  /** A button whose first tap asks again in its own words, and whose second tap acts. */
  function askedTwice(button, ja, en, act) {
    button.addEventListener('click', () => {
      if (!button.dataset.sure) {
        button.dataset.sure = 'yes';
        button.replaceChildren(both(ja, en));
        return;
      }
      act();
    });
  }

  /** What lets anyone check the draw: the seed's SHA-256 published at opening, the seed revealed, the draw's JSON. */
  function drawProof(lottery) {
    const proof = element('dl', { className: 'proof' },
      element('dt', {}, both('抽選 ' + lottery.month, 'Lottery')),
      element('dd', {}, lottery.drawnAt ? both('抽選済み ' + day(lottery.drawnAt), 'drawn')
        : both('抽選日前（申込 ' + between(lottery.applicationsOpen, lottery.applicationsClose) + '）', 'not drawn yet')));
    if (lottery.commitment) {
      proof.append(element('dt', {}, both('シードの予告 (SHA-256)', 'Commitment')), element('dd', {}, element('code', { className: 'commitment' }, lottery.commitment)));
    }
    proof.append(element('dt', {}, both('シード', 'Seed')), element('dd', {}, lottery.seed
      ? element('code', { className: 'seed' }, lottery.seed) : both('抽選まで非公開', 'sealed until the draw')));
    if (lottery.drawnAt) {
      proof.append(element('dt', {}, both('検証', 'Verify')), element('dd', {},
        element('a', { href: `/api/booking/lotteries/${lottery.id}`, className: 'draw-json' }, both('公開された抽選データ (JSON)', 'Published draw (JSON)'))));
    }
    return proof;
  }

  const units = new Map();

  function unitOf(unitId) {
    if (!units.has(unitId)) units.set(unitId, api('GET', `/api/booking/units/${unitId}`));
    return units.get(unitId);
  }

  const unitExtras = new Map();

  function extrasOf(unitId) {
    if (!unitExtras.has(unitId)) {
      unitExtras.set(unitId, api('GET', `/api/booking/units/${unitId}/extras`).then((answer) => answer.extras));
    }
    return unitExtras.get(unitId);
  }

  function fee(yen) {
    return element('span', { className: 'fee' }, both('料金 ¥' + yen.toLocaleString('ja-JP'), 'Fee'));
  }

  function reductionPending(booking) {
    return Boolean(booking.quote && booking.quote.reduction && booking.quote.reduction.decision === 'pending');
  }

  /** A fee whose 減免 waits for staff: the full fee for now, what it would be if approved, nothing to pay yet. */
  function pendingFee(feeYen, reduction) {
    const reduced = (feeYen - reduction.yen).toLocaleString('ja-JP');
    return element('div', { className: 'payment' }, fee(feeYen), ' ',
      element('span', { className: 'payment-state payment-pending-reduction' },
        both('減免「' + reduction.name.ja + '」審査中（承認されれば ¥' + reduced + '）',
          'Reduction "' + reduction.name.en + '" pending staff approval (¥' + reduced + ' if approved)')));
  }

  const PAYMENT_STATES = {
    pending: ['未払い', 'Unpaid'], paid: ['支払済み', 'Paid'], refunded: ['返金済み', 'Refunded'],
    'partially-refunded': ['一部返金', 'Partly refunded'], expired: ['期限切れ', 'Expired'], cancelled: ['取消', 'Cancelled'],
  };

  /** The booking's fee and payment, with a button to pay online while it is unpaid. */
  function payment(booking) {
    const words = PAYMENT_STATES[booking.payment.state] || [booking.payment.state, booking.payment.state];
    const line = element('div', { className: 'payment' }, fee(booking.payment.amountYen), ' ',
      element('span', { className: 'payment-state payment-' + booking.payment.state }, both(words[0], words[1])));
    if (booking.payment.state === 'pending') {
      const pay = element('button', { type: 'button', className: 'pay primary' }, both('オンラインで支払う', 'Pay online'));
      pay.addEventListener('click', async () => {
        try {
          const checkout = await api('POST', `/api/booking/bookings/${booking.id}/payment/checkout`);
          window.location.assign(checkout.payAt);
        } catch (error) {
          problem(error);
        }
      });
      line.append(' ', pay);
    }
    return line;
  }

  function myBooking(booking, pin) {
    const item = element('li', { className: 'booking' },
      element('div', {}, element('strong', {}, booking.facilityName + ' ' + booking.unitName.ja), ' ',
        element('span', { lang: 'en' }, booking.unitName.en)),
      element('div', {}, period(booking.start, booking.end), ' ', state(booking.state)),
      ...(booking.payment ? [payment(booking)] : reductionPending(booking) ? [pendingFee(booking.feeYen, booking.quote.reduction)] : []),
      ...(pin ? [doorPin(pin)] : []));
    item.dataset.booking = booking.id;
    if (['applied', 'confirmed'].includes(booking.state) && new Date(booking.start) > new Date()) {
      const cancel = element('button', { type: 'button', className: 'cancel' }, both('取り消す', 'Cancel'));
      askedTwice(cancel, '本当に取り消す', 'Really cancel', async () => {
        try {
          await api('DELETE', `/api/booking/bookings/${booking.id}`);
          say(status, '予約を取り消しました。', 'The booking is cancelled.');
          refreshMine();
          if (shown.unit) openCalendar(shown.unit, shown.month);
        } catch (error) {
          problem(error);
        }
      });
      item.append(cancel);
    }
    return item;
  }

  function moveMonth(by) {
    const [year, month] = shown.month.split('-').map(Number);
    const next = new Date(Date.UTC(year, month - 1 + by, 1));
    openCalendar(shown.unit, next.toISOString().slice(0, 7));
  }

  form.addEventListener('submit', search);
  document.getElementById('previous-month').addEventListener('click', () => moveMonth(-1));
  document.getElementById('next-month').addEventListener('click', () => moveMonth(1));
  applyButton.addEventListener('click', apply);
  document.getElementById('release').addEventListener('click', release);
  document.getElementById('near-me').addEventListener('click', () => {
    if (!navigator.geolocation) return say(status, 'この端末では現在地を使えません。', 'This device cannot give its location.', true);
    say(status, '現在地を確かめています…', 'Finding your location…');
    navigator.geolocation.getCurrentPosition((position) => {
      place = { lon: position.coords.longitude, lat: position.coords.latitude };
      say(status, '現在地から近い順です。', 'Nearest to you first.');
      search();
    }, () => say(status, '現在地を使えませんでした。地図をタップして場所を選べます。', 'Your location is not available; tap the map instead.', true));
  });

  api('GET', '/api/me').then((me) => {
    signedIn = me.authenticated;
    groups = (me.organisations || []).filter((membership) => membership.status === 'approved');
    document.getElementById('who').replaceChildren(signedIn ? me.displayName + ' さん'
      : element('a', { href: '/login' }, 'ログイン ', element('span', { lang: 'en' }, 'Sign in')));
    refreshMine();
  }).catch(() => refreshMine());
  search();
})();
