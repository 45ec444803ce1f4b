package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chizu.booking.testing.LocalRemoteLock;
import org.chizu.platform.mail.MailOutbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Door PINs for the hall's smart lock, through a RemoteLOCK-style provider on loopback: issued
 * shortly before use for confirmed and paid bookings, valid for the booking plus 15 minutes each
 * side, revoked once the booking is cancelled.
 */
class DoorPinsTest {

    static final long HANAKO = 401;

    static BookingTown town;
    static LocalRemoteLock lock;
    static DoorPins pins;

    @BeforeAll
    static void openTheTown() throws Exception {
        town = new BookingTown();
        lock = new LocalRemoteLock();
        town.jdbc.update("update booking_unit set lock_device = 'lock-takatsu-hall' where id = ?", HALL);
        LockProperties properties = new LockProperties(lock.url(), LocalRemoteLock.TOKEN, Duration.ofMinutes(15), Duration.ofHours(48));
        DoorPinMail mail = new DoorPinMail(new MailOutbox(new NamedParameterJdbcTemplate(town.dataSource)),
                account -> account == HANAKO ? Optional.of("hanako@example.jp") : Optional.empty(), town.bookings, properties);
        pins = new DoorPins(town.jdbc, town.transactions(), new RemoteLockClient(properties), mail, properties, town.properties,
                BookingTown.NOW);
    }

    @AfterAll
    static void closeEverything() {
        lock.close();
        town.dataSource.close();
    }

    @AfterEach
    void forgetEveryBooking() {
        town.jdbc.update("delete from booking");
        town.jdbc.update("delete from mail_outbox");
        lock.calls().clear();
    }

    @Test
    void aPaidBookingGetsAPinValidForItsWindowPlusTheMarginAtTheLockAndForTheResident() {
        // Tomorrow morning, within the 48 hours ahead that PINs are issued.
        Booking booked = book("2026-12-08T10:00", "2026-12-08T12:00");
        assertThat(pins.issueDue()).as("not paid yet").isZero();
        town.payments.payAtCounter(booked.id());

        assertThat(pins.issueDue()).isOne();
        assertThat(pins.issueDue()).as("once").isZero();

        DoorPins.DoorPin pin = pins.of(booked.id(), HANAKO).orElseThrow();
        assertThat(pin.pin()).matches("\\d{6}");
        assertThat(pin.validFrom()).hasToString("2026-12-08T09:45+09:00");
        assertThat(pin.validUntil()).hasToString("2026-12-08T12:15+09:00");
        assertThat(pins.of(booked.id(), 999)).as("someone else's").isEmpty();
        assertThat(lock.calls()).hasSize(2);
        LocalRemoteLock.Call guest = lock.calls().get(0);
        assertThat(guest.method() + " " + guest.path()).isEqualTo("POST /access_persons");
        assertThat(guest.body().path("type").asText()).isEqualTo("access_guest");
        assertThat(guest.body().path("attributes").path("pin").asText()).isEqualTo(pin.pin());
        assertThat(guest.body().path("attributes").path("starts_at").asText()).isEqualTo("2026-12-08T00:45:00Z");
        assertThat(guest.body().path("attributes").path("ends_at").asText()).isEqualTo("2026-12-08T03:15:00Z");
        assertThat(guest.body().path("attributes").path("name").asText()).as("no name of a person").isEqualTo("予約 booking " + booked.id());
        LocalRemoteLock.Call access = lock.calls().get(1);
        assertThat(access.path()).matches("/access_persons/guest-\\d+/accesses");
        assertThat(access.body().path("attributes").path("accessible_id").asText()).isEqualTo("lock-takatsu-hall");
        assertThat(pins.ofAccount(HANAKO)).containsExactly(pin);
        assertThat(pins.ofAccount(999)).isEmpty();
    }

    @Test
    void theResidentIsEMailedThePinAndItsWindowThroughTheOutboxOnceWithTheIssuing() {
        Booking booked = book("2026-12-08T10:00", "2026-12-08T12:00");
        town.payments.payAtCounter(booked.id());

        pins.issueDue();
        pins.issueDue();

        DoorPins.DoorPin pin = pins.of(booked.id(), HANAKO).orElseThrow();
        List<Map<String, Object>> queued = town.jdbc.queryForList("select about, recipient, subject, body from mail_outbox");
        assertThat(queued).as("one e-mail, queued with the PIN").hasSize(1);
        assertThat(queued.getFirst().get("recipient")).isEqualTo("hanako@example.jp");
        assertThat(queued.getFirst().get("about")).as("the log names the booking, not the PIN").isEqualTo("door pin of booking " + booked.id());
        assertThat((String) queued.getFirst().get("subject")).contains("暗証番号", "Door PIN");
        assertThat((String) queued.getFirst().get("body")).contains("暗証番号: " + pin.pin(), "PIN: " + pin.pin(),
                "12月8日(火) 09:45 から 12:15 まで（予約時間の前後 15 分）", "高津公民館 大会議室", "Tue 8 Dec 2026 09:45 to 12:15");
    }

    @Test
    void aPinWhoseBookingIsCancelledIsNoLongerShownEvenBeforeTheLockHearsOfIt() {
        Booking booked = book("2026-12-08T10:00", "2026-12-08T12:00");
        town.payments.payAtCounter(booked.id());
        pins.issueDue();

        bookings().cancel(booked.id(), HANAKO);

        assertThat(pins.of(booked.id(), HANAKO)).isEmpty();
        assertThat(pins.ofAccount(HANAKO)).isEmpty();
    }

    @Test
    void aBookingFurtherAheadGetsItsPinLater() {
        Booking free = bookings().confirm(bookings().hold(new Bookings.SlotRequest(HALL, at("2026-12-21T10:00"), at("2026-12-21T11:00"),
                HANAKO, null, Set.of(), "school")).id(), HANAKO);

        assertThat(free.payment()).as("exempt: nothing to pay").isNull();
        assertThat(pins.issueDue()).isZero();
        assertThat(lock.calls()).isEmpty();
    }

    @Test
    void cancellingRevokesThePinAtTheLock() {
        Booking booked = book("2026-12-08T14:00", "2026-12-08T15:00");
        town.payments.payAtCounter(booked.id());
        pins.issueDue();

        bookings().cancel(booked.id(), HANAKO);
        assertThat(pins.revokeReleased()).isOne();

        String guest = lock.calls().get(1).path().split("/")[2];
        assertThat(lock.calls()).last().satisfies(call -> assertThat(call.method() + " " + call.path())
                .isEqualTo("DELETE /access_persons/" + guest));
        assertThat(pins.of(booked.id(), HANAKO)).isEmpty();
        assertThat(pins.revokeReleased()).isZero();
    }

    private static Bookings bookings() {
        return town.bookings;
    }

    private static Booking book(String from, String to) {
        return bookings().confirm(bookings().hold(HALL, at(from), at(to), HANAKO).id(), HANAKO);
    }
}
