package org.chizu.booking;

/**
 * For whom a request is made, as the rules for groups see it: group-only units and lotteries,
 * group reductions and the lottery's group weights are for {@link #GROUP} alone.
 */
public enum GroupStanding {

    /** A person's own request. */
    PERSON,
    /** For an approved organisation the caller belongs to, or by a group registration staff verified. */
    GROUP,
    /** By a group registration staff have not verified yet: it gets nothing a group gets. */
    UNVERIFIED_GROUP;

    /**
     * @param otherwise what a person is told
     * @throws BookingProblem unless this is a verified group: 403 "group-not-verified" for an
     *                        unverified one, {@code otherwise} for a person
     */
    void requireGroup(BookingProblem otherwise) {
        if (this == UNVERIFIED_GROUP) {
            throw BookingProblem.groupNotVerified();
        }
        if (this == PERSON) {
            throw otherwise;
        }
    }
}
