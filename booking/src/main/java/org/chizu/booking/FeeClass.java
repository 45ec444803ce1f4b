package org.chizu.booking;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which fees and booking window apply: a resident's (市内) or a non-resident's (市外). */
public enum FeeClass {
    RESIDENT, NON_RESIDENT;

    /** The name in the database and in JSON: "resident", "non-resident". */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FeeClass fromId(String id) {
        for (FeeClass feeClass : values()) {
            if (feeClass.id().equals(id)) {
                return feeClass;
            }
        }
        throw BookingProblem.invalid("residency", id, "resident, non-resident");
    }
}
