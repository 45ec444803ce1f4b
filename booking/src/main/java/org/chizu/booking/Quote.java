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

    /** A reduction applied: its code and name, the percent and the yen it takes off. */
    public record Reduction(String code, Label name, int percent, int yen) {
    }

    static final String USE = "use";
}
