package org.chizu.booking;

import java.time.LocalDate;
import java.time.LocalTime;
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

    static BookingProblem unknownBooking(long bookingId) {
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

    static BookingProblem tooFarAhead(long unitId, LocalDate lastDay) {
        return new BookingProblem(422, "too-far-ahead", "Too far ahead", new Label(
                lastDay + " より先は予約できません。", "Bookings are taken up to " + lastDay + "."),
                Map.of("unit", unitId, "lastDay", lastDay.toString()));
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

    public static BookingProblem missing(String field) {
        return new BookingProblem(400, "missing-field", "Missing field", new Label(
                "「" + field + "」を指定してください。", "The request needs \"" + field + "\"."), Map.of("field", field));
    }

    public static BookingProblem notSignedIn() {
        return new BookingProblem(401, "unauthenticated", "Not signed in", new Label(
                "予約するにはログインしてください。", "Please sign in to book."), Map.of());
    }
}
