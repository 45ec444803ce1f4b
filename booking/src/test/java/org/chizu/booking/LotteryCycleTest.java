package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.JAPAN;
import static org.chizu.booking.BookingTown.at;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly lottery runs by itself on the default timetable (in the month before: applications
 * from the 1st 09:00 to the 10th 17:00, then the draw; winners confirm by the 20th 17:00): each
 * step happens once however many processes turn the cycle, and applicants are mailed through the
 * platform's outbox.
 */
class LotteryCycleTest {

    static BookingTown town;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        town.jdbc.update("update booking_unit set by_lottery = true where id = ?", ARENA);
        for (long account = 1; account <= 3; account++) {
            town.verifiedResident(account);
        }
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @BeforeEach
    void noLotteriesYet() {
        town.jdbc.update("delete from booking");
        town.jdbc.update("delete from booking_lottery");
        town.jdbc.update("delete from mail_outbox");
    }

    @Test
    void nextMonthsLotteryOpensByItselfOnceWhenItsApplicationPeriodBegins() throws Exception {
        assertThat(cycleAt("2026-12-01T08:59").opened()).as("before the period").isEmpty();

        List<LotteryCycle.Turn> turns = concurrently(3, "2026-12-01T09:00");
        assertThat(turns.stream().mapToInt(turn -> turn.opened().size()).sum()).as("three processes, one lottery").isEqualTo(1);
        assertThat(cycleAt("2026-12-03T12:00").opened()).as("a later turn opens it no more").isEmpty();

        Map<String, Object> opened = town.jdbc.queryForMap("select month, opened_by, applications_open, applications_close, confirm_by, "
                + "commitment, seed from booking_lottery");
        assertThat(opened.get("month").toString()).isEqualTo("2027-01-01");
        assertThat(opened.get("opened_by")).isEqualTo("schedule");
        assertThat(((java.sql.Timestamp) opened.get("applications_close")).toInstant()).isEqualTo(at("2026-12-10T17:00"));
        assertThat(((java.sql.Timestamp) opened.get("confirm_by")).toInstant()).isEqualTo(at("2026-12-20T17:00"));
        assertThat((String) opened.get("commitment")).as("committed to a seed it does not show").matches("[0-9a-f]{64}");
        assertThat(opened.get("seed")).isNull();
    }

    @Test
    void noLotteryOpensWhenNoUnitGoesByLottery() {
        town.jdbc.update("update booking_unit set by_lottery = false");
        try {
            assertThat(cycleAt("2026-12-01T09:00").opened()).isEmpty();
        } finally {
            town.jdbc.update("update booking_unit set by_lottery = true where id = ?", ARENA);
        }
    }

    @Test
    void theDrawRunsOnceWhenApplicationsCloseAndEachApplicantIsMailedTheirResults() throws Exception {
        long lottery = cycleAt("2026-12-01T09:00").opened().getFirst().id();
        enter(lottery, 1, "2027-01-09T13:00", "2027-01-09T15:00");
        enter(lottery, 2, "2027-01-09T13:00", "2027-01-09T15:00");
        enter(lottery, 2, "2027-01-16T13:00", "2027-01-16T15:00");
        assertThat(cycleAt("2026-12-10T16:59").drawn()).as("applications still open").isEmpty();

        List<LotteryCycle.Turn> turns = concurrently(3, "2026-12-10T17:05");
        assertThat(turns.stream().mapToInt(turn -> turn.drawn().size()).sum()).as("three processes, one draw").isEqualTo(1);
        Lotteries.Drawn drawn = turns.stream().flatMap(turn -> turn.drawn().stream()).findFirst().orElseThrow();
        assertThat(drawn.winners()).isEqualTo(2);
        assertThat(LotteryDraw.commitment(drawn.lottery().seed())).isEqualTo(drawn.lottery().commitment());
        assertThat(cycleAt("2026-12-11T09:00").drawn()).isEmpty();

        List<Map<String, Object>> mails = town.jdbc.queryForList("select recipient, subject, body from mail_outbox order by recipient");
        assertThat(mails).extracting(mail -> mail.get("recipient")).containsExactly("1@example.jp", "2@example.jp");
        assertThat(mails).allSatisfy(mail -> assertThat((String) mail.get("subject")).contains("抽選結果", "2027-01"));
        String winnerOfTheNinth = (String) town.jdbc.queryForObject("""
                select notify_to from booking_lottery_entry where won and lower(period) = ?""", String.class,
                java.sql.Timestamp.from(at("2027-01-09T13:00")));
        String second = winnerOfTheNinth.equals("1@example.jp") ? "2@example.jp" : "1@example.jp";
        assertThat(body(winnerOfTheNinth)).contains("当選　アリーナ　2027-01-09 13:00–15:00", "2026-12-20 17:00 までに", "Won   Arena");
        assertThat(body(second)).contains("落選　アリーナ　2027-01-09 13:00–15:00");
    }

    @Test
    void winnersWhoDoNotConfirmByTheDeadlineAreReleasedOnceAndTheirSlotsGoFirstComeFirstServed() throws Exception {
        long lottery = cycleAt("2026-12-01T09:00").opened().getFirst().id();
        enter(lottery, 1, "2027-01-09T13:00", "2027-01-09T15:00");
        enter(lottery, 2, "2027-01-16T13:00", "2027-01-16T15:00");
        cycleAt("2026-12-10T17:05");
        long confirming = town.jdbc.queryForObject("select booking_id from booking_lottery_entry where account_id = 1", Long.class);
        town.bookings.confirm(confirming, 1);
        town.jdbc.update("delete from mail_outbox");

        assertThat(cycleAt("2026-12-20T16:59").released()).as("before the deadline").isZero();
        List<LotteryCycle.Turn> turns = concurrently(2, "2026-12-20T17:05");
        assertThat(turns.stream().mapToInt(LotteryCycle.Turn::released).sum()).as("two processes, one release").isEqualTo(1);
        assertThat(cycleAt("2026-12-21T09:00").released()).isZero();

        assertThat(town.bookings.find(confirming).orElseThrow().state()).as("confirmed, kept").isEqualTo(BookingState.APPLIED);
        assertThat(town.jdbc.queryForList("select recipient from mail_outbox", String.class)).containsExactly("2@example.jp");
        assertThat(body("2@example.jp")).contains("取り消しました", "アリーナ / Arena  2027-01-16 13:00–15:00");
        assertThat(town.bookings.hold(ARENA, at("2027-01-16T13:00"), at("2027-01-16T15:00"), 3).state())
                .as("the released slot, to whoever comes first").isEqualTo(BookingState.HELD);
    }

    private static LotteryCycle.Turn cycleAt(String japanTime) {
        return town.lotteryCycleAt(Clock.fixed(at(japanTime), JAPAN)).advance();
    }

    /** Turns of the cycle by several processes at once (each its own services and connections). */
    private static List<LotteryCycle.Turn> concurrently(int processes, String japanTime) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Callable<LotteryCycle.Turn>> turns = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                LotteryCycle cycle = town.lotteryCycleAt(Clock.fixed(at(japanTime), JAPAN));
                turns.add(cycle::advance);
            }
            List<LotteryCycle.Turn> done = new ArrayList<>();
            for (Future<LotteryCycle.Turn> turn : pool.invokeAll(turns)) {
                done.add(turn.get());
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    private static void enter(long lottery, long account, String from, String to) {
        town.lotteriesAt(Clock.fixed(at("2026-12-05T10:00"), JAPAN)).enter(lottery,
                new Bookings.SlotRequest(ARENA, at(from), at(to), account, null, Set.of(), null), account + "@example.jp");
    }

    private static String body(String recipient) {
        return town.jdbc.queryForObject("select body from mail_outbox where recipient = ?", String.class, recipient);
    }
}
