package org.chizu.booking;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * 利用者登録 (table {@code booking_user}): a signed-in account declares whether it lives or works in
 * the town; staff verify the declaration against an ID or a workplace. Until staff have verified
 * it, an account books as a non-resident and may not enter the lottery.
 */
@Repository
public class BookingUsers {

    private final JdbcTemplate jdbc;

    public BookingUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A registration as it stands.
     *
     * @param verifiedAt when staff verified it; null while it waits
     */
    public record Registration(long accountId, Residency residency, Instant verifiedAt) {

        @JsonProperty("verified")
        public boolean verified() {
            return verifiedAt != null;
        }
    }

    /** Registers or re-declares; a changed residency waits for staff again. */
    public Registration register(long accountId, Residency residency) {
        jdbc.update("""
                insert into booking_user (account_id, residency) values (?, ?)
                on conflict (account_id) do update set residency = excluded.residency,
                    verified_at = case when booking_user.residency = excluded.residency then booking_user.verified_at end""",
                accountId, residency.id());
        return find(accountId).orElseThrow();
    }

    /**
     * Staff verified the declaration.
     *
     * @throws BookingProblem 404 when the account has not registered
     */
    public Registration verify(long accountId) {
        jdbc.update("update booking_user set verified_at = coalesce(verified_at, now()) where account_id = ?", accountId);
        return find(accountId).orElseThrow(() -> BookingProblem.notRegistered(accountId));
    }

    public Optional<Registration> find(long accountId) {
        return jdbc.query("select account_id, residency, verified_at from booking_user where account_id = ?",
                (rs, n) -> new Registration(rs.getLong("account_id"), Residency.fromId(rs.getString("residency")),
                        rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant()),
                accountId).stream().findFirst();
    }

    /** The fees and window the account gets on the unit: a non-resident's until verified otherwise. */
    public FeeClass feeClass(long accountId, BookableUnit unit) {
        return find(accountId).filter(Registration::verified).map(r -> r.residency().feeClass(unit)).orElse(FeeClass.NON_RESIDENT);
    }
}
