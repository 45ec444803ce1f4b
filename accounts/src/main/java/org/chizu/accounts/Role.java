package org.chizu.accounts;

/** What a signed-in account may do. The anonymous public has no account and no role. */
public enum Role {
    /** Municipal staff: sees staff-only layers, imports data, triages reports. */
    STAFF,
    /** Staff who also manage accounts. */
    ADMIN;

    /** The Spring Security authority name ("ROLE_STAFF"). */
    public String authority() {
        return "ROLE_" + name();
    }
}
