package org.chizu.accounts;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An account's scoped rights, read from the data that grants them: a client's scopes and a
 * resident's roles in approved organisations ({@code org:<id>:admin}, {@code org:<id>:member}).
 * A pending or rejected organisation grants nothing.
 */
@Repository
public class Rights {

    private final JdbcTemplate jdbc;

    public Rights(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> of(long accountId) {
        return new HashSet<>(jdbc.queryForList("""
                select scope from account_scope where account_id = ?
                union
                select 'org:' || m.organisation_id || ':' || m.role
                from organisation_member m join organisation o on o.id = m.organisation_id
                where m.account_id = ? and o.status = 'approved'""", String.class, accountId, accountId));
    }
}
