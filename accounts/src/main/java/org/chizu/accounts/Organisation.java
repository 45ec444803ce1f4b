package org.chizu.accounts;

import java.time.Instant;

/**
 * An organisation (a forestry firm, a neighbourhood association) as staff review it.
 *
 * @param status pending until staff approve or reject it
 */
public record Organisation(long id, String name, String address, String representative, String contact,
        OrganisationStatus status, Instant appliedAt) {
}
