package org.chizu.booking;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a booking user lives in the town, as declared at 利用者登録 and verified by staff. */
public enum Residency {
    /** 在住: lives in the town. */
    RESIDENT,
    /** 在勤・在学: works or studies in the town; a resident where the unit's rules say so. */
    WORKER,
    NON_RESIDENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Residency fromId(String id) {
        for (Residency residency : values()) {
            if (residency.id().equals(id)) {
                return residency;
            }
        }
        throw BookingProblem.invalid("residency", id, "resident, worker, non-resident");
    }

    /** The fees and window this residency gets on a unit. */
    FeeClass feeClass(BookableUnit unit) {
        return this == RESIDENT || this == WORKER && unit.window().workersAsResidents() ? FeeClass.RESIDENT : FeeClass.NON_RESIDENT;
    }
}
