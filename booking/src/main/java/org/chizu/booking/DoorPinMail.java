package org.chizu.booking;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

import org.chizu.accounts.Residents;
import org.chizu.platform.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The e-mail that gives a resident their booking's door PIN and when it opens the door, queued in
 * the platform's outbox in the transaction that issues the PIN (so a PIN that did not commit is never
 * sent, and one that did is sent however often the mail server is down). It goes to the account's
 * verified address; an account without one reads the PIN on its booking's page only.
 */
@Component
public class DoorPinMail {

    private static final Logger log = LoggerFactory.getLogger(DoorPinMail.class);
    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MailOutbox outbox;
    private final LongFunction<Optional<String>> addresses;
    private final Bookings bookings;
    private final LockProperties lock;

    @Autowired
    public DoorPinMail(MailOutbox outbox, Residents residents, Bookings bookings, LockProperties lock) {
        this(outbox, residents::mailAddress, bookings, lock);
    }

    DoorPinMail(MailOutbox outbox, LongFunction<Optional<String>> addresses, Bookings bookings, LockProperties lock) {
        this.outbox = outbox;
        this.addresses = addresses;
        this.bookings = bookings;
        this.lock = lock;
    }

    /** Queues the PIN's e-mail to the booking's owner; part of the issuing transaction. */
    void queue(long accountId, DoorPins.DoorPin pin) {
        Optional<String> address = addresses.apply(accountId);
        if (address.isEmpty()) {
            log.info("door PIN of booking {} not e-mailed: the account has no verified address", pin.bookingId());
            return;
        }
        Booking booking = bookings.find(pin.bookingId()).orElseThrow();
        long margin = lock.margin().toMinutes();
        outbox.queue("door pin of booking " + pin.bookingId(), address.get(),
                "施設予約の暗証番号 Door PIN for your booking " + pin.bookingId(), """
                %s %s のご予約（%s–%s）の扉の暗証番号です。
                暗証番号: %s
                使える時間: %s から %s まで（予約時間の前後 %d 分）
                この番号は予約した方だけのものです。ほかの人に教えないでください。

                The door PIN for your booking of %s at %s (%s–%s):
                PIN: %s
                It opens the door from %s to %s (%d minutes either side of the booking).
                Please keep it to yourself.
                """.formatted(booking.facilityName(), booking.unitName().ja(), booking.start().format(JA),
                        booking.end().format(TIME), pin.pin(), pin.validFrom().format(JA), pin.validUntil().format(TIME), margin,
                        booking.unitName().en(), booking.facilityName(), booking.start().format(EN), booking.end().format(TIME),
                        pin.pin(), pin.validFrom().format(EN), pin.validUntil().format(TIME), margin));
    }
}
