package org.chizu.accounts;

/**
 * What a resident fills in to apply for an organisation.
 *
 * @param contact a telephone number or address to reach the organisation at
 */
public record OrganisationApplication(String name, String address, String representative, String contact) {
}
