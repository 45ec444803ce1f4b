package org.chizu.booking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells whether a request is made for a group the rules may treat as one: an approved organisation
 * (the caller's membership is checked where the request comes in) or a group registration staff
 * verified for booking ({@code booking_group_verification}).
 */
@Component
public class BookingGroups {

    private final JdbcTemplate jdbc;
    private final GroupRegistrations registrations;

    public BookingGroups(JdbcTemplate jdbc, GroupRegistrations registrations) {
        this.jdbc = jdbc;
        this.registrations = registrations;
    }

    public GroupStanding of(Bookings.SlotRequest request) {
        return of(request, true);
    }

    /**
     * @param matters whether the rules may treat a group differently here (a unit for groups, a
     *                reduction claimed): only then is the accounts module asked whether an account
     *                that is no verified group is an unverified one, so a plain hold never asks it
     */
    public GroupStanding of(Bookings.SlotRequest request, boolean matters) {
        if (request.organisationId() != null || verified(request.accountId())) {
            return GroupStanding.GROUP;
        }
        return matters && registrations.isGroup(request.accountId()) ? GroupStanding.UNVERIFIED_GROUP : GroupStanding.PERSON;
    }

    private boolean verified(long accountId) {
        return !jdbc.queryForList("select 1 from booking_group_verification where account_id = ?", Integer.class, accountId).isEmpty();
    }
}
