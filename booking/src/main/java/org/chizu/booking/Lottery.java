package org.chizu.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
 * @param commitment        hex SHA-256 of the seed's UTF-8 bytes, published when the lottery opens so that
 *                          anyone can check the seed revealed at the draw; null for lotteries opened before
 * @param groupsOnly        whether only verified groups may enter
 */
public record Lottery(long id, YearMonth month, Instant applicationsOpen, Instant applicationsClose, Instant confirmBy,
                      int maxEntries, String seed, Instant drawnAt, String commitment, boolean groupsOnly) {

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

    /**
     * An entry as its applicant sees it (the published draw leaves these out).
     *
     * @param organisationId the organisation it was made for, or null
     * @param reduction      the 減免 it claims, or null; "pending" until staff decide on the won booking
     */
    public record OwnEntry(@JsonUnwrapped Entry entry, Long organisationId, Quote.Reduction reduction) {
    }
}
