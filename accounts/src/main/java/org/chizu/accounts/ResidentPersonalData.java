package org.chizu.accounts;

/** A resident's personal data, for staff who stated why they need it (and were logged). */
public record ResidentPersonalData(long id, String displayName, String email, String groupName,
        String representative, String address) {
}
