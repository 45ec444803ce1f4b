package org.chizu.booking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Identity;
import org.chizu.accounts.Resident;
import org.chizu.accounts.Residents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Staff's verification of group registrations (団体登録) for booking: a group books as a group once
 * staff have checked it (table {@code booking_group_verification}). The groups themselves are the
 * accounts module's residents registered with a group name.
 */
@Service
public class GroupVerifications implements GroupRegistrations {

    private final JdbcTemplate jdbc;
    private final Residents residents;

    public GroupVerifications(JdbcTemplate jdbc, Residents residents) {
        this.jdbc = jdbc;
        this.residents = residents;
    }

    /**
     * A group registration and whether staff verified it.
     *
     * @param verifiedAt when staff verified it; null while it waits
     */
    public record Group(long accountId, String groupName, String displayName, boolean emailVerified,
                        String verifiedBy, Instant verifiedAt) {
    }

    /** Every group registration, those waiting for verification first. */
    public List<Group> groups() {
        Map<Long, Verification> verified = new HashMap<>();
        jdbc.query("select account_id, verified_by, verified_at from booking_group_verification", rs -> {
            verified.put(rs.getLong("account_id"), new Verification(rs.getString("verified_by"),
                    rs.getTimestamp("verified_at").toInstant()));
        });
        return residents.list().stream().filter(resident -> resident.groupName() != null && !resident.disabled())
                .map(resident -> group(resident, verified.get(resident.id())))
                .sorted((a, b) -> Boolean.compare(a.verifiedAt() != null, b.verifiedAt() != null))
                .toList();
    }

    /**
     * Marks the group verified by this staff member; verifying again keeps the first verification.
     *
     * @throws BookingProblem 404 when the account is not a group registration
     */
    public Group verify(long accountId, Identity staff) {
        Resident group = residents.list().stream().filter(resident -> resident.id() == accountId && resident.groupName() != null)
                .findFirst().orElseThrow(() -> BookingProblem.unknownGroup(accountId));
        jdbc.update("""
                insert into booking_group_verification (account_id, verified_by) values (?, ?)
                on conflict (account_id) do nothing""", accountId, staff.name());
        return groups().stream().filter(g -> g.accountId() == group.id()).findFirst().orElseThrow();
    }

    @Override
    public boolean isGroup(long accountId) {
        return residents.list().stream().anyMatch(resident -> resident.id() == accountId && resident.groupName() != null);
    }

    private record Verification(String by, Instant at) {
    }

    private static Group group(Resident resident, Verification verification) {
        return new Group(resident.id(), resident.groupName(), resident.displayName(), resident.verified(),
                verification == null ? null : verification.by(), verification == null ? null : verification.at());
    }
}
