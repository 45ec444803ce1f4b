package org.chizu.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a signed-in account may do. The anonymous public has no account and no role. */
public enum Role {
    /** Municipal staff: sees staff-only layers, imports data, triages reports. */
    STAFF,
    /** Staff who also manage accounts; an admin may do everything staff may. */
    ADMIN;

    /** The Spring Security authority name ("ROLE_STAFF"). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The name used in the database, on the command line and in JSON ("staff"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException when the id names no role
     */
    public static Role fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "': use "
                        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(" or "))));
    }
}
