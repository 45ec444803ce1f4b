package org.chizu.accounts;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an application for an organisation stands; only an approved one grants its members rights. */
public enum OrganisationStatus {
    PENDING, APPROVED, REJECTED;

    /** The name in the database and in JSON ("pending"). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws AccountProblem (400) when the id names no status */
    public static OrganisationStatus fromId(String id) {
        return Arrays.stream(values()).filter(status -> status.id().equals(id)).findFirst()
                .orElseThrow(() -> AccountProblem.badInput("状態は pending, approved, rejected のいずれかです。",
                        "The status is pending, approved or rejected."));
    }
}
