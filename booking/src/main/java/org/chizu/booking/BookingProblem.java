package org.chizu.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.ProblemException;

/**
 * Why a booking was refused, as problem+json with the reason in Japanese and English
 * ({@code message}) and what it concerns (the unit, the day, the holiday, the hours …).
 */
public class BookingProblem extends ProblemException {

    private final Map<String, Object> members;

    private BookingProblem(int status, String type, String title, Label message, Map<String, Object> members) {
        super(status, type, title, message.en());
        this.members = new LinkedHashMap<>();
        this.members.put("message", message);
        this.members.putAll(members);
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }

    static BookingProblem taken(long unitId) {
        return new BookingProblem(409, "taken", "Taken", new Label(
                "この時間はすでに予約されています。別の時間を選んでください。",
                "This time is already taken. Please choose another."), Map.of("unit", unitId));
    }

    static BookingProblem unknownUnit(long unitId) {
        return new BookingProblem(404, "unknown-unit", "Unknown unit", new Label(
                "予約できる施設 " + unitId + " はありません。", "There is no bookable unit " + unitId + "."), Map.of("unit", unitId));
    }

    public static BookingProblem unknownBooking(long bookingId) {
        return new BookingProblem(404, "unknown-booking", "Unknown booking", new Label(
                "予約 " + bookingId + " はありません。", "There is no booking " + bookingId + "."), Map.of("booking", bookingId));
    }

    static BookingProblem holdExpired(long bookingId) {
        return new BookingProblem(409, "hold-expired", "Hold expired", new Label(
                "仮押さえの期限が過ぎました。もう一度空き状況を確かめてください。",
                "The hold has expired. Please check availability again."), Map.of("booking", bookingId));
    }

    static BookingProblem wrongState(long bookingId, BookingState state, String wanted) {
        return new BookingProblem(409, "wrong-state", "Not possible in this state", new Label(
                "予約 " + bookingId + " は「" + state.id() + "」のため、" + wanted + "できません。",
                "Booking " + bookingId + " is " + state.id() + "; it cannot be " + wanted + "."),
                Map.of("booking", bookingId, "state", state.id()));
    }

    static BookingProblem alreadyStarted(long bookingId) {
        return new BookingProblem(409, "already-started", "Already started", new Label(
                "始まった予約は取り消せません。", "A booking that has started cannot be cancelled."), Map.of("booking", bookingId));
    }

    static BookingProblem inThePast(long unitId) {
        return new BookingProblem(422, "in-the-past", "In the past", new Label(
                "過ぎた時間は予約できません。", "A time that has passed cannot be booked."), Map.of("unit", unitId));
    }

    static BookingProblem tooFarAhead(long unitId, LocalDate lastDay, FeeClass feeClass) {
        String who = feeClass == FeeClass.RESIDENT ? "市内" : "市外";
        return new BookingProblem(422, "too-far-ahead", "Too far ahead", new Label(
                who + "の方は " + lastDay + " より先は予約できません。",
                "Bookings by " + feeClass.id() + "s are taken up to " + lastDay + "."),
                Map.of("unit", unitId, "lastDay", lastDay.toString(), "feeClass", feeClass.id()));
    }

    static BookingProblem notWholeSlots(BookableUnit unit, LocalTime opens) {
        return new BookingProblem(422, "not-whole-slots", "Not whole slots", new Label(
                "予約は " + opens + " から " + unit.slotMinutes() + " 分単位です。",
                "Bookings are in slots of " + unit.slotMinutes() + " minutes from " + opens + "."),
                Map.of("unit", unit.id(), "slotMinutes", unit.slotMinutes()));
    }

    static BookingProblem tooLong(BookableUnit unit) {
        int minutes = unit.slotMinutes() * unit.maxSlots();
        return new BookingProblem(422, "too-long", "Too long", new Label(
                "一度に予約できるのは " + minutes + " 分までです。", "One booking may last at most " + minutes + " minutes."),
                Map.of("unit", unit.id(), "maxMinutes", minutes));
    }

    static BookingProblem endsBeforeItStarts(long unitId) {
        return new BookingProblem(422, "ends-before-start", "Ends before it starts", new Label(
                "終了が開始より前です。", "The booking ends before it starts."), Map.of("unit", unitId));
    }

    static BookingProblem outsideOpeningHours(BookableUnit unit, LocalDate day, OpeningHours hours) {
        return new BookingProblem(422, "outside-opening-hours", "Outside opening hours", new Label(
                day + " の利用時間は " + hours.opens() + "〜" + hours.closes() + " です。",
                "On " + day + " the unit is open " + hours.opens() + "–" + hours.closes() + "."),
                Map.of("unit", unit.id(), "date", day.toString(), "opens", hours.opens().toString(),
                        "closes", hours.closes().toString()));
    }

    static BookingProblem closedDay(BookableUnit unit, LocalDate day, Label reason, Label holiday) {
        Map<String, Object> members = new LinkedHashMap<>(Map.of("unit", unit.id(), "date", day.toString()));
        if (holiday != null) {
            members.put("holiday", holiday);
        }
        return new BookingProblem(422, "closed-day", "Closed day", new Label(
                day + " は" + reason.ja() + "のため利用できません。", "On " + day + " the unit is closed: " + reason.en() + "."),
                members);
    }

    static BookingProblem notEnded(long bookingId, OffsetDateTime end) {
        return new BookingProblem(409, "not-ended", "Not ended yet", new Label(
                "利用内容の確定は利用終了（" + end.toLocalDateTime() + "）のあとです。",
                "What was used is confirmed after the booking ends (" + end + ")."),
                Map.of("booking", bookingId, "end", end.toString()));
    }

    static BookingProblem afterUseConfirmed(long bookingId) {
        return new BookingProblem(409, "after-use-confirmed", "Already confirmed", new Label(
                "予約 " + bookingId + " の利用内容はすでに確定しています。",
                "What booking " + bookingId + " used has been confirmed already."), Map.of("booking", bookingId));
    }

    static BookingProblem overCapacity(BookableUnit unit, int headcount) {
        return new BookingProblem(422, "over-capacity", "Over capacity", new Label(
                "「headcount」: 利用人数 " + headcount + " 人は定員 " + unit.capacity() + " 人を超えています。",
                "\"headcount\": " + headcount + " people is more than the unit's capacity of " + unit.capacity() + "."),
                Map.of("field", "headcount", "unit", unit.id(), "capacity", unit.capacity()));
    }

    static BookingProblem notDisplaced(long bookingId) {
        return new BookingProblem(404, "not-displaced", "Not a displaced booking", new Label(
                "予約 " + bookingId + " は公用で取り消された予約ではないか、すでに移動済みです。",
                "Booking " + bookingId + " was not displaced by official use, or has been moved already."),
                Map.of("booking", bookingId));
    }

    static BookingProblem unknownGroup(long accountId) {
        return new BookingProblem(404, "unknown-group", "Unknown group", new Label(
                "団体登録 " + accountId + " はありません。", "There is no group registration " + accountId + "."),
                Map.of("account", accountId));
    }

    /** A request member that is there but cannot be used, and why. */
    public static BookingProblem invalid(String field, Label why) {
        return new BookingProblem(400, "invalid-field", "Invalid field", new Label(
                "「" + field + "」: " + why.ja(), "\"" + field + "\": " + why.en()), Map.of("field", field));
    }

    public static BookingProblem invalid(String field, Object value, String allowed) {
        return new BookingProblem(400, "invalid-field", "Invalid field", new Label(
                "「" + field + "」に「" + value + "」は使えません（" + allowed + "）。",
                "\"" + field + "\" cannot be \"" + value + "\" (" + allowed + ")."),
                Map.of("field", field, "value", String.valueOf(value), "allowed", allowed));
    }

    public static BookingProblem notRegistered(long accountId) {
        return new BookingProblem(404, "not-registered", "Not registered", new Label(
                "利用者登録がありません。", "Account " + accountId + " has not registered to book."), Map.of("account", accountId));
    }

    static BookingProblem unknownExtra(long unitId, String code) {
        return new BookingProblem(422, "unknown-extra", "Unknown extra", new Label(
                "この施設に「" + code + "」の付帯設備はありません。", "The unit has no extra \"" + code + "\"."),
                Map.of("unit", unitId, "extra", code));
    }

    static BookingProblem unknownReduction(String code) {
        return new BookingProblem(422, "unknown-reduction", "Unknown reduction", new Label(
                "減免「" + code + "」はありません。", "There is no reduction \"" + code + "\"."), Map.of("reduction", code));
    }

    static BookingProblem reductionNeedsGroup(String code) {
        return new BookingProblem(422, "reduction-needs-group", "Reduction for groups", new Label(
                "減免「" + code + "」は登録団体として予約する場合だけ使えます。",
                "The reduction \"" + code + "\" applies only to bookings made for a registered group."), Map.of("reduction", code));
    }

    public static BookingProblem notAMember(long organisationId) {
        return new BookingProblem(403, "not-a-member", "Not a member", new Label(
                "承認された団体 " + organisationId + " の一員ではありません。",
                "You are not a member of an approved organisation " + organisationId + "."), Map.of("organisation", organisationId));
    }

    static BookingProblem nothingToPay(long bookingId) {
        return new BookingProblem(404, "nothing-to-pay", "Nothing to pay", new Label(
                "予約 " + bookingId + " に支払うものはありません。", "Booking " + bookingId + " has nothing to pay."),
                Map.of("booking", bookingId));
    }

    static BookingProblem paymentState(long bookingId, PaymentState state, String wanted) {
        return new BookingProblem(409, "payment-state", "Not possible for this payment", new Label(
                "予約 " + bookingId + " の支払いは「" + state.id() + "」のため、できません。",
                "The payment of booking " + bookingId + " is " + state.id() + "; it cannot be " + wanted + "."),
                Map.of("booking", bookingId, "payment", state.id()));
    }

    static BookingProblem badSignature() {
        return new BookingProblem(401, "bad-signature", "Bad signature", new Label(
                "署名を確認できませんでした。", "The notification's signature does not verify."), Map.of("header", WebhookSignature.HEADER));
    }

    static BookingProblem paymentUnavailable(String why) {
        return new BookingProblem(502, "payment-unavailable", "Online payment unavailable", new Label(
                "オンライン決済は現在使えません。窓口でお支払いください。",
                "Online payment is unavailable (" + why + "). Please pay at the counter."), Map.of());
    }

    static BookingProblem lotteryPending(long unitId, YearMonth month, Instant applicationsClose) {
        Map<String, Object> members = new LinkedHashMap<>(Map.of("unit", unitId, "month", month.toString()));
        if (applicationsClose != null) {
            members.put("applicationsClose", applicationsClose.toString());
        }
        return new BookingProblem(422, "lottery-pending", "Goes by lottery", new Label(
                month + " の枠は抽選のあとで先着順の予約ができます。抽選にお申し込みください。",
                "Slots of " + month + " go by lottery first; leftovers can be booked once it is drawn."), members);
    }

    static BookingProblem unknownLottery(long lotteryId) {
        return new BookingProblem(404, "unknown-lottery", "Unknown lottery", new Label(
                "抽選 " + lotteryId + " はありません。", "There is no lottery " + lotteryId + "."), Map.of("lottery", lotteryId));
    }

    static BookingProblem notInApplicationPeriod(Lottery lottery) {
        return new BookingProblem(409, "not-in-application-period", "Not in the application period", new Label(
                "抽選の申込期間は " + lottery.applicationsOpen() + " から " + lottery.applicationsClose() + " までです。",
                "Entries are taken from " + lottery.applicationsOpen() + " until " + lottery.applicationsClose() + "."),
                Map.of("lottery", lottery.id(), "applicationsOpen", lottery.applicationsOpen().toString(),
                        "applicationsClose", lottery.applicationsClose().toString()));
    }

    static BookingProblem notInLotteryMonth(Lottery lottery, long unitId) {
        return new BookingProblem(422, "not-in-lottery", "Not in this lottery", new Label(
                "この抽選は " + lottery.month() + " の抽選対象施設の枠だけです。",
                "This lottery gives out slots of " + lottery.month() + " of units that go by lottery."),
                Map.of("lottery", lottery.id(), "unit", unitId, "month", lottery.month().toString()));
    }

    static BookingProblem alreadyDrawn(long lotteryId) {
        return new BookingProblem(409, "already-drawn", "Already drawn", new Label(
                "抽選 " + lotteryId + " は抽選済みです。", "Lottery " + lotteryId + " has been drawn."), Map.of("lottery", lotteryId));
    }

    static BookingProblem tooManyEntries(long lotteryId, int max) {
        return new BookingProblem(409, "too-many-entries", "Too many entries", new Label(
                "1 つの抽選に申し込めるのは " + max + " 件までです。", "One person or group may make " + max + " entries per lottery."),
                Map.of("lottery", lotteryId, "maxEntries", max));
    }

    static BookingProblem alreadyEntered(long lotteryId) {
        return new BookingProblem(409, "already-entered", "Already entered", new Label(
                "この枠にはすでに申し込んでいます。", "This person or group has already entered for this slot."),
                Map.of("lottery", lotteryId));
    }

    static BookingProblem notVerified() {
        return new BookingProblem(403, "not-verified", "Not verified", new Label(
                "抽選に申し込むには、窓口で利用者登録の確認を受けてください。",
                "Entering a lottery needs a registration verified by staff."), Map.of());
    }

    public static BookingProblem noDoorPin(long bookingId) {
        return new BookingProblem(404, "no-door-pin", "No door PIN", new Label(
                "予約 " + bookingId + " の暗証番号はまだ発行されていません（利用日の前日に発行します）。",
                "Booking " + bookingId + " has no door PIN yet; it is issued the day before use."), Map.of("booking", bookingId));
    }

    public static BookingProblem missing(String field) {
        return new BookingProblem(400, "missing-field", "Missing field", new Label(
                "「" + field + "」を指定してください。", "The request needs \"" + field + "\"."), Map.of("field", field));
    }

    public static BookingProblem notSignedIn() {
        return new BookingProblem(401, "unauthenticated", "Not signed in", new Label(
                "予約するにはログインしてください。", "Please sign in to book."), Map.of());
    }

    static BookingProblem groupNotVerified() {
        return new BookingProblem(403, "group-not-verified", "Group not verified", new Label(
                "団体登録がまだ職員に確認されていません。団体向けの施設・抽選・減免は、確認後に使えます。",
                "Staff have not verified this group registration yet; units, lotteries and reductions for groups "
                        + "are open to it once they have."), Map.of());
    }

    static BookingProblem forGroupsOnly(long unitId) {
        return new BookingProblem(422, "for-groups-only", "For groups only", new Label(
                "施設 " + unitId + " は確認済みの団体だけが予約できます。",
                "Unit " + unitId + " may be booked only by a verified group."), Map.of("unit", unitId));
    }

    static BookingProblem lotteryForGroupsOnly(long lotteryId) {
        return new BookingProblem(422, "for-groups-only", "For groups only", new Label(
                "この抽選には確認済みの団体だけが申し込めます。",
                "Only verified groups may enter lottery " + lotteryId + "."), Map.of("lottery", lotteryId));
    }

    static BookingProblem seedNotCommitted(long lotteryId, String commitment) {
        return new BookingProblem(409, "seed-not-committed", "Seed not committed", new Label(
                "抽選 " + lotteryId + " は公開した種（SHA-256 " + commitment + "）で抽選します。別の種は使えません。",
                "Lottery " + lotteryId + " is drawn with the seed it committed to (SHA-256 " + commitment + "); another seed "
                        + "cannot be used."), Map.of("lottery", lotteryId, "commitment", commitment));
    }

    static BookingProblem lotteryExists(YearMonth month) {
        return new BookingProblem(409, "lottery-exists", "Lottery exists", new Label(
                month + " の抽選はすでにあります。", "There is a lottery for " + month + " already."), Map.of("month", month.toString()));
    }

    static BookingProblem noPendingReduction(long bookingId) {
        return new BookingProblem(409, "no-pending-reduction", "No reduction to decide", new Label(
                "予約 " + bookingId + " に審査待ちの減免はありません。",
                "Booking " + bookingId + " has no reduction waiting for a decision."), Map.of("booking", bookingId));
    }

    static BookingProblem unknownEntry(long entryId) {
        return new BookingProblem(404, "unknown-entry", "Unknown lottery entry", new Label(
                "抽選の申込 " + entryId + " はありません。", "There is no lottery entry " + entryId + " of yours."), Map.of("entry", entryId));
    }

    /** @param closed when applications closed, in the town's time */
    static BookingProblem applicationsClosed(Lottery lottery, long entryId, OffsetDateTime closed) {
        String when = closed.toLocalDate() + " " + closed.toLocalTime().withSecond(0).withNano(0);
        return new BookingProblem(409, "applications-closed", "Applications closed", new Label(
                lottery.month() + " の抽選は " + when + " に申込を締め切ったため、申込を取り下げられません。",
                "Entries for the " + lottery.month() + " lottery closed at " + when + "; an entry cannot be withdrawn after that."),
                Map.of("lottery", lottery.id(), "entry", entryId, "applicationsClose", closed.toString()));
    }
}
