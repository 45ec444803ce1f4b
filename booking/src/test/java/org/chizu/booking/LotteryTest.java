package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.JAPAN;
import static org.chizu.booking.BookingTown.at;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The monthly lottery on the arena, which goes by lottery: entries in the application period, a
 * draw anyone can re-run from what is published, winners held until they confirm, leftovers first
 * come first served.
 */
class LotteryTest {

    static final String SEED = "2026-12-07 益田市 公開抽選";
    static final long GROUP = 7;

    static BookingTown town;
    /** During the application period (7 December 09:00) … */
    static Lotteries applying;
    /** … and after it closed at noon. */
    static Lotteries drawing;

    long lottery;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        town.jdbc.update("update booking_unit set by_lottery = true where id = ?", ARENA);
        applying = town.lotteriesAt(BookingTown.NOW);
        drawing = town.lotteriesAt(Clock.fixed(at("2026-12-07T13:00"), JAPAN));
        for (long account = 1; account <= 40; account++) {
            town.verifiedResident(account);
        }
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    @BeforeEach
    void aFreshLotteryForJanuary() {
        town.jdbc.update("delete from booking");
        town.jdbc.update("delete from booking_lottery");
        lottery = applying.open(new LotteryCalendar.Opening(YearMonth.of(2027, 1), at("2026-12-01T09:00"), at("2026-12-07T12:00"),
                at("2026-12-20T17:00"), 4), SEED, false).id();
    }

    @Test
    void oneEntryPerVerifiedPersonOrGroupForASlotAndNoMoreThanTheLotteryAllows() {
        enter(1, null, "2027-01-09T13:00", "2027-01-09T15:00");

        assertRefused(() -> enter(1, null, "2027-01-09T13:00", "2027-01-09T15:00"), 409, "already-entered");
        assertThat(enter(1, GROUP, "2027-01-09T13:00", "2027-01-09T15:00").id()).as("for the group, its own entry").isPositive();
        assertRefused(() -> enter(2, GROUP, "2027-01-09T13:00", "2027-01-09T15:00"), 409, "already-entered");
        assertRefused(() -> enter(99, null, "2027-01-09T13:00", "2027-01-09T15:00"), 403, "not-verified");
        enter(1, null, "2027-01-16T13:00", "2027-01-16T15:00");
        enter(1, null, "2027-01-23T13:00", "2027-01-23T15:00");
        enter(1, null, "2027-01-30T13:00", "2027-01-30T15:00");
        assertRefused(() -> enter(1, null, "2027-01-31T13:00", "2027-01-31T15:00"), 409, "too-many-entries");
        assertRefused(() -> enter(3, null, "2027-02-06T13:00", "2027-02-06T15:00"), 422, "not-in-lottery");
        assertRefused(() -> drawing.enter(lottery, new Bookings.SlotRequest(ARENA, at("2027-01-09T13:00"), at("2027-01-09T15:00"), 4)),
                409, "not-in-application-period");
    }

    @Test
    void theMonthGoesByLotteryFirstAndItsLeftoversToWhoeverHoldsThemFirst() {
        assertRefused(() -> town.bookings.hold(ARENA, at("2027-01-09T09:00"), at("2027-01-09T10:00"), 5), 422, "lottery-pending");
        assertThat(saturdayNineOClock()).as("shown as going by lottery").isEqualTo(Availability.SlotState.LOTTERY);
        enter(1, null, "2027-01-09T13:00", "2027-01-09T15:00");
        drawing.draw(lottery, SEED);

        assertThat(saturdayNineOClock()).isEqualTo(Availability.SlotState.FREE);
        assertThat(town.bookings.hold(ARENA, at("2027-01-09T09:00"), at("2027-01-09T10:00"), 5).state()).isEqualTo(BookingState.HELD);
        assertRefused(() -> town.bookings.hold(ARENA, at("2027-01-09T14:00"), at("2027-01-09T15:00"), 5), 409, "taken");
    }

    @Test
    void winnersSlotsAreHeldUntilTheyConfirmAndConfirmingOpensThePayment() {
        Lottery.Entry entry = enter(1, null, "2027-01-09T13:00", "2027-01-09T15:00");
        drawing.draw(lottery, SEED);
        Lotteries.Published drawn = drawing.published(lottery);

        Lottery.Entry won = drawn.entries().getFirst();
        assertThat(won.won()).isTrue();
        Booking held = town.bookings.find(won.bookingId()).orElseThrow();
        assertThat(held.state()).isEqualTo(BookingState.HELD);
        assertThat(held.heldUntil()).isEqualTo(at("2026-12-20T17:00"));
        assertThat(held.feeYen()).isEqualTo(entry.feeYen()).isEqualTo(4000);
        Booking confirmed = town.bookings.confirm(held.id(), 1);
        assertThat(confirmed.state()).as("the arena needs staff's approval").isEqualTo(BookingState.APPLIED);
        assertThat(town.bookings.approve(held.id()).payment().state()).isEqualTo(PaymentState.PENDING);
        assertRefused(() -> drawing.draw(lottery, SEED), 409, "already-drawn");
    }

    @Test
    void theLotteryCommitsToItsSeedWhenItOpensAndRevealsItOnlyAtTheDraw() throws Exception {
        JsonNode before = new ObjectMapper().readTree(BookingJson.write(applying.published(lottery)));
        String commitment = before.path("lottery").path("commitment").asText();
        assertThat(before.path("lottery").path("seed").isNull()).as("the seed is sealed until the draw").isTrue();
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertRefused(() -> drawing.draw(lottery, "another seed"), 409, "seed-not-committed");

        drawing.draw(lottery, null);
        String seed = new ObjectMapper().readTree(BookingJson.write(drawing.published(lottery))).path("lottery").path("seed").asText();
        assertThat(seed).isEqualTo(SEED);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8))))
                .as("sha256(seed) = the commitment published before the draw").isEqualTo(commitment);
        assertThatThrownBy(() -> town.jdbc.update("update booking_lottery set seed = 'a seed chosen afterwards' where id = ?", lottery))
                .as("the database refuses a seed that does not match the commitment").hasMessageContaining("booking_lottery_seed_committed");
    }

    @Test
    void aLotteryOpenedWithoutASeedCommitsToARandomOneAndDrawsWithIt() {
        town.jdbc.update("delete from booking_lottery");
        Lottery random = applying.open(YearMonth.of(2027, 1), at("2026-12-01T09:00"), at("2026-12-07T12:00"), at("2026-12-20T17:00"), 4);
        assertThat(random.seed()).isNull();
        assertThat(random.commitment()).matches("[0-9a-f]{64}");

        Lottery drawn = drawing.draw(random.id(), null).lottery();
        assertThat(drawn.seed()).hasSize(64);
        assertThat(LotteryDraw.commitment(drawn.seed())).isEqualTo(random.commitment());
        assertRefused(() -> applying.open(YearMonth.of(2027, 1), at("2026-12-01T09:00"), at("2026-12-07T12:00"),
                at("2026-12-20T17:00"), 4), 409, "lottery-exists");
    }

    @Test
    void theDrawIsReproducibleFromThePublishedSeedEntriesAndBlockedPeriods() throws Exception {
        // A confirmed booking made before the month went by lottery blocks its period.
        town.jdbc.update("""
                insert into booking (unit_id, account_id, period, state)
                values (?, 500, tstzrange('2027-01-10 13:00+09', '2027-01-10 14:00+09'), 'confirmed')""", ARENA);
        List<String> days = List.of("2027-01-09", "2027-01-10", "2027-01-16");
        for (long account = 1; account <= 40; account++) {
            String day = days.get((int) (account % days.size()));
            String from = account % 2 == 0 ? "13:00" : "14:00";
            String to = account % 2 == 0 ? "15:00" : "16:00";
            enter(account, account == 40 ? GROUP : null, day + "T" + from, day + "T" + to);
        }
        Lotteries.Drawn draw = drawing.draw(lottery, SEED);
        Lotteries.Published first = drawing.published(lottery);
        List<Long> winners = winners(first);
        assertThat(draw.entries()).isEqualTo(40);
        assertThat(draw.winners()).isEqualTo(winners.size());

        assertThat(winners).isNotEmpty();
        assertThat(first.lottery().seed()).isEqualTo(SEED);
        assertThat(first.blocked()).singleElement().satisfies(b -> assertThat(b.start()).isEqualTo(at("2027-01-10T13:00")));
        assertThat(town.jdbc.queryForObject("select count(*) from booking where state = 'held'", Integer.class))
                .isEqualTo(winners.size());

        // Drawn again from the start with the same seed: the same winners.
        town.jdbc.update("delete from booking where state = 'held'");
        town.jdbc.update("update booking_lottery_entry set won = null, booking_id = null where lottery_id = ?", lottery);
        town.jdbc.update("update booking_lottery set sealed_seed = seed, seed = null, blocked = null, drawn_at = null where id = ?", lottery);
        drawing.draw(lottery, SEED);
        Lotteries.Published second = drawing.published(lottery);
        assertThat(winners(second)).isEqualTo(winners);
        assertThat(second.log()).isEqualTo(first.log());

        // And by anyone, from the published JSON alone, with their own code: the seed matches the
        // commitment published when the lottery opened, and the winners follow from it.
        JsonNode published = new ObjectMapper().readTree(BookingJson.write(second));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                published.path("lottery").path("seed").asText().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(published.path("lottery").path("commitment").asText());
        assertThat(recompute(published)).isEqualTo(winners);
    }

    /** An independent reading of the published algorithm: SHA-256 tickets, priority, ticket, id; no overlaps per unit. */
    private static List<Long> recompute(JsonNode published) throws Exception {
        String seed = published.path("lottery").path("seed").asText();
        record Ticket(long id, long unit, Instant start, Instant end, int priority, String ticket) {
        }
        List<Ticket> tickets = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (JsonNode entry : published.path("entries")) {
            String best = "g";
            for (int i = 1; i <= entry.path("weight").asInt(); i++) {
                String hex = HexFormat.of().formatHex(sha.digest((seed + ":" + entry.path("id").asLong() + ":" + i)
                        .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
                best = hex.compareTo(best) < 0 ? hex : best;
            }
            tickets.add(new Ticket(entry.path("id").asLong(), entry.path("unitId").asLong(),
                    OffsetDateTime.parse(entry.path("start").asText()).toInstant(),
                    OffsetDateTime.parse(entry.path("end").asText()).toInstant(), entry.path("priority").asInt(), best));
        }
        tickets.sort(Comparator.comparingInt((Ticket t) -> -t.priority()).thenComparing(Ticket::ticket).thenComparingLong(Ticket::id));
        List<Ticket> taken = new ArrayList<>();
        for (JsonNode blocked : published.path("blocked")) {
            taken.add(new Ticket(0, blocked.path("unitId").asLong(), Instant.parse(blocked.path("start").asText()),
                    Instant.parse(blocked.path("end").asText()), 0, ""));
        }
        List<Long> won = new ArrayList<>();
        for (Ticket ticket : tickets) {
            if (taken.stream().noneMatch(t -> t.unit() == ticket.unit() && t.start().isBefore(ticket.end()) && ticket.start().isBefore(t.end()))) {
                taken.add(ticket);
                won.add(ticket.id());
            }
        }
        return won.stream().sorted().toList();
    }

    private static Availability.SlotState saturdayNineOClock() {
        return town.availability.of(ARENA, YearMonth.of(2027, 1)).days().get(8).slots().getFirst().state();
    }

    private static List<Long> winners(Lotteries.Published published) {
        return published.entries().stream().filter(e -> Boolean.TRUE.equals(e.won())).map(Lottery.Entry::id).sorted().toList();
    }

    private Lottery.Entry enter(long account, Long group, String from, String to) {
        return applying.enter(lottery, new Bookings.SlotRequest(ARENA, at(from), at(to), account, group, Set.of(), null));
    }

    private static void assertRefused(ThrowingCallable call, int status, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BookingProblem.class, problem -> {
            assertThat(problem.status()).as(problem.getMessage()).isEqualTo(status);
            assertThat(problem.type()).isEqualTo(type);
        });
    }
}
