package org.chizu.booking;

import org.chizu.platform.BackgroundWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Issues due door PINs and revokes released ones every sweep interval, where a lock provider is configured. */
@Component
@BackgroundWork
@EnableScheduling
@ConditionalOnProperty(prefix = "chizu.booking.lock", name = "provider-url")
class DoorPinIssuer {

    private final DoorPins pins;

    DoorPinIssuer(DoorPins pins) {
        this.pins = pins;
    }

    @Scheduled(fixedDelayString = "${chizu.booking.sweep-interval:PT1M}", initialDelayString = "${chizu.booking.sweep-interval:PT1M}")
    void sweep() {
        pins.revokeReleased();
        pins.issueDue();
    }
}
