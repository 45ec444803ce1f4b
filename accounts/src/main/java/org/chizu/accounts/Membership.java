package org.chizu.accounts;

/**
 * A resident's place in an organisation, as {@code /api/me} lists it.
 *
 * @param role   admin (may add members) or member
 * @param right  the scoped right it grants while the organisation is approved ({@code org:12:admin})
 */
public record Membership(long organisationId, String organisationName, OrganisationStatus status, String role,
        String right) {
}
