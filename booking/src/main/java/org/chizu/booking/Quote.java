package org.chizu.booking;

import java.time.OffsetDateTime;
import java.util.List;

import org.chizu.platform.Label;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a booking costs, line by line, as shown before applying and fixed on the booking when held.
 *
 * @param lines     the use of the unit per fee band, then each extra
 * @param reduction the 減免 taken off, or null
 * @param totalYen  what is paid: the lines less the reduction
 */
public record Quote(long unitId, OffsetDateTime start, OffsetDateTime end, FeeClass feeClass, List<Line> lines,
                    Reduction reduction, int totalYen) {

    public Quote {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the bill.
     *
     * @param code "use" for the unit itself, else the extra's code ("heating", "lighting")
     */
    public record Line(String code, Label item, int minutes, int yenPerHour, int yen) {

        @JsonIgnore
        public boolean isUse() {
            return USE.equals(code);
        }
    }

    /**
     * A reduction claimed: its code and name, the percent and the yen it takes off.
     *
     * @param decision null for a reduction granted by the rules alone; "pending" while staff have to
     *                 approve it (the yen are not taken off yet), then "approved" or "refused"
     */
    public record Reduction(String code, Label name, int percent, int yen, String decision) {

        public static final String PENDING = "pending";
        public static final String APPROVED = "approved";
        public static final String REFUSED = "refused";

        /** Whether its yen come off the fee: granted by the rules or approved by staff. */
        @JsonIgnore
        public boolean takenOff() {
            return decision == null || APPROVED.equals(decision);
        }

        /** The same reduction once staff decided. */
        Reduction decided(String decision) {
            return new Reduction(code, name, percent, yen, decision);
        }
    }

    /** The same bill once staff decided on its reduction: the yen come off only when approved. */
    Quote withReductionDecided(String decision) {
        Reduction decided = reduction.decided(decision);
        int full = lines.stream().mapToInt(Line::yen).sum();
        return new Quote(unitId, start, end, feeClass, lines, decided, full - (decided.takenOff() ? decided.yen() : 0));
    }

    /** Whether its reduction waits for staff's approval. */
    @JsonIgnore
    public boolean reductionPending() {
        return reduction != null && Reduction.PENDING.equals(reduction.decision());
    }

    static final String USE = "use";
}
