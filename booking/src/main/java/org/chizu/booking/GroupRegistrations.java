package org.chizu.booking;

/** Which accounts are group registrations (団体登録): the accounts module knows, booking asks. */
@FunctionalInterface
public interface GroupRegistrations {

    boolean isGroup(long accountId);
}
