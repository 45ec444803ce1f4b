package org.chizu.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A month's lottery (抽選).
 *
 * @param month             the month whose slots it gives out
 * @param applicationsOpen  entries are taken from then …
 * @param applicationsClose … until then; the draw may run after
 * @param confirmBy         winners confirm by then, or their slot is released
 * @param maxEntries        entries one person or group may make
 * @param seed              published when drawn; null before
 * @param drawnAt           null until drawn
 */
public record Lottery(long id, YearMonth month, Instant applicationsOpen, Instant applicationsClose, Instant confirmBy,
                      int maxEntries, String seed, Instant drawnAt) {

    public boolean drawn() {
        return drawnAt != null;
    }

    /**
     * An entry.
     *
     * @param won null until the draw
     * @param bookingId the winner's booking (held until confirmBy); null otherwise
     */
    public record Entry(long id, long lotteryId, long unitId, OffsetDateTime start, OffsetDateTime end, int priority,
                        int weight, int feeYen, Boolean won, Long bookingId) {
    }
}
