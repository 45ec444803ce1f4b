package org.chizu.booking;

import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks lapsed holds expired every {@code chizu.booking.sweep-interval}, so that the table says what
 * availability already shows, and releases bookings whose payment is overdue. Every process may
 * sweep; the update is the same whoever runs it.
 */
@Component
@BackgroundWork
@EnableScheduling
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final Bookings bookings;
    private final Payments payments;

    HoldSweeper(Bookings bookings, Payments payments) {
        this.bookings = bookings;
        this.payments = payments;
    }

    @Scheduled(fixedDelayString = "${chizu.booking.sweep-interval:PT1M}", initialDelayString = "${chizu.booking.sweep-interval:PT1M}")
    void sweep() {
        int expired = bookings.expireLapsedHolds();
        if (expired > 0) {
            log.debug("{} lapsed booking holds expired", expired);
        }
        int unpaid = payments.expireUnpaid();
        if (unpaid > 0) {
            log.info("{} bookings released: their payment was not made by its deadline", unpaid);
        }
    }
}
