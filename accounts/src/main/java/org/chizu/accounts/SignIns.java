package org.chizu.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Who may sign in with a password, and whether a signed-in session still holds. Staff sign in with
 * their name, residents with their e-mail address, on the same form; devices and API clients have no
 * password and never sign in.
 */
@Service
public class SignIns implements UserDetailsService {

    /**
     * The account a sign-in name means, a staff name or a resident's e-mail address in any case, as a
     * condition taking the name twice.
     */
    static final String BY_SIGN_IN_NAME = "((kind = 'staff' and name = ?) or (kind = 'resident' and lower(email) = lower(?)))";

    private final JdbcTemplate jdbc;
    private final Rights rights;

    public SignIns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rights = new Rights(jdbc);
    }

    /**
     * For form sign-in: the account's password hash, lock, verification and session generation.
     *
     * @throws UsernameNotFoundException when no staff name or resident address matches
     */
    @Override
    public UserDetails loadUserByUsername(String name) {
        return jdbc.query("""
                select *, coalesce(locked_until > now(), false) as locked from account
                where """ + BY_SIGN_IN_NAME,
                (rs, i) -> new AccountSignIn(identity(rs), rs.getString("password_hash"), rs.getBoolean("disabled"),
                        rs.getBoolean("locked"), rs.getString("kind").equals("staff") || rs.getTimestamp("email_verified_at") != null,
                        rs.getInt("session_generation")),
                name, name).stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no account signs in as " + name));
    }

    /**
     * Whether a signed-in session still holds: its account exists, is enabled, and has ended no
     * sessions since. One lookup by primary key, made for each request of a signed-in browser.
     */
    public boolean isCurrent(SignedInAccount signIn) {
        return jdbc.queryForObject("""
                select exists (select from account where id = ? and not disabled and session_generation = ?)""",
                Boolean.class, signIn.identity().id(), signIn.sessionGeneration());
    }

    /** The account as it is now, with its rights as they are now (a session's may be older). */
    public Optional<Identity> identity(long id) {
        return jdbc.query("select * from account where id = ?", (rs, i) -> identity(rs), id).stream().findFirst();
    }

    /** The enabled staff account of this name, for a sign-in at the town's identity provider. */
    public Optional<AccountRow> enabledStaff(String name) {
        return jdbc.query("select * from account where kind = 'staff' and name = ? and not disabled",
                (rs, i) -> new AccountRow(identity(rs), rs.getInt("session_generation")), name).stream().findFirst();
    }

    /** An account and its current session generation. */
    public record AccountRow(Identity identity, int sessionGeneration) {
    }

    private Identity identity(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String role = rs.getString("role");
        AccountKind kind = AccountKind.fromId(rs.getString("kind"));
        return new Identity(id, kind, kind == AccountKind.RESIDENT ? rs.getString("email") : rs.getString("name"),
                rs.getString("display_name"), role == null ? null : Role.fromId(role), rights.of(id));
    }
}
