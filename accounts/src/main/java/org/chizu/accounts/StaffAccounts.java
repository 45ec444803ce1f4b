package org.chizu.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chizu.platform.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts ({@code account} rows of kind staff) and their personal API tokens. Secrets are
 * generated here and leave only once, in a {@link NewAccount} or {@link NewToken}; the database holds
 * a bcrypt hash of each password and a SHA-256 hash of each token ({@link ApiTokens}). Disabling an
 * account or resetting its password increments its session generation, so a server in another
 * process than {@code ./chizu} ends its browser sessions on their next request ({@link SignIns#isCurrent}).
 */
@Service
public class StaffAccounts {

    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter: safe in logs, URLs and shells. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final AuditLog audit;

    public StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tokens = new ApiTokens(jdbc);
        this.audit = audit;
    }

    /** Creates an account shown under its name; see {@link #create(String, String, Role)}. */
    public NewAccount create(String name, Role role) {
        return create(name, name, role);
    }

    /**
     * Creates an account with a generated password and a first API token labelled "initial".
     *
     * @throws IllegalArgumentException when the name is not a valid user name
     * @throws AccountExistsException   when another account has the name
     */
    @Transactional
    public NewAccount create(String name, String displayName, Role role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid user name: use 2 to 64 lower-case "
                    + "letters a-z, digits, '.', '_' or '-', starting with a letter");
        }
        String password = Secrets.newPassword();
        try {
            jdbc.update("""
                    insert into account (kind, name, display_name, role, password_hash)
                    values ('staff', ?, ?, ?, ?)""",
                    name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                    role.id(), passwords.encode(password));
        } catch (DuplicateKeyException e) {
            throw new AccountExistsException(name);
        }
        NewToken token = issueToken(name, "initial");
        audit.record("account.create", "account " + name, Map.of("role", role.id()));
        return new NewAccount(require(name), password, token);
    }

    /**
     * Issues another personal API token for the account.
     *
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public NewToken issueToken(String name, String label) {
        NewToken token = new NewToken(name, label, tokens.issue(require(name).id(), label));
        audit.record("account.token.issue", "account " + name, Map.of("label", label == null ? "" : label));
        return token;
    }

    /**
     * The account's tokens, oldest first.
     *
     * @throws UnknownAccountException when there is no such account
     */
    public List<ApiToken> tokens(String name) {
        return tokens.of(require(name).id());
    }

    /**
     * Deletes one of the account's tokens, so the next request that sends it is refused.
     *
     * @throws UnknownAccountException when there is no such account
     * @throws UnknownTokenException   when the account has no token with this id
     */
    @Transactional
    public void revokeToken(String name, long id) {
        if (!tokens.revoke(require(name).id(), id)) {
            throw new UnknownTokenException(name, id);
        }
        audit.record("account.token.revoke", "account " + name, Map.of("token", id));
    }

    /**
     * Deletes every token of the account.
     *
     * @return how many there were
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public int revokeAllTokens(String name) {
        int revoked = tokens.revokeAll(require(name).id());
        audit.record("account.token.revoke-all", "account " + name, Map.of("tokens", revoked));
        return revoked;
    }

    /**
     * Disables the account: it can no longer sign in or use its tokens, and its browser sessions end
     * on their next request. Its tokens are kept (and refused), so {@link #enable} restores them;
     * revoke them too when the person has left for good.
     *
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public void disable(String name) {
        requireUpdated(name, jdbc.update("""
                update account set disabled = true, session_generation = session_generation + 1
                where kind = 'staff' and name = ?""", name));
        audit.record("account.disable", "account " + name, Map.of());
    }

    /**
     * Lets a disabled account sign in and use its tokens again. Sessions it had before it was
     * disabled stay ended.
     *
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public void enable(String name) {
        requireUpdated(name, jdbc.update("update account set disabled = false where kind = 'staff' and name = ?", name));
        audit.record("account.enable", "account " + name, Map.of());
    }

    /**
     * Gives the account a new generated password and ends its browser sessions on their next
     * request. Its API tokens keep working; revoke them separately.
     *
     * @return the new password in clear text, which exists only here
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public String resetPassword(String name) {
        String password = Secrets.newPassword();
        requireUpdated(name, jdbc.update("""
                update account set password_hash = ?, session_generation = session_generation + 1
                where kind = 'staff' and name = ?""", passwords.encode(password), name));
        audit.record("account.password", "account " + name, Map.of());
        return password;
    }

    public Optional<StaffAccount> find(String name) {
        return jdbc.query("select * from account where kind = 'staff' and name = ?", StaffAccounts::account, name)
                .stream().findFirst();
    }

    /** Every staff account, by name. */
    public List<StaffAccount> list() {
        return jdbc.query("select * from account where kind = 'staff' order by name", StaffAccounts::account);
    }

    private static void requireUpdated(String name, int updatedRows) {
        if (updatedRows == 0) {
            throw new UnknownAccountException(name);
        }
    }

    private StaffAccount require(String name) {
        return find(name).orElseThrow(() -> new UnknownAccountException(name));
    }

    private static StaffAccount account(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"),
                Role.fromId(rs.getString("role")), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("disabled"));
    }
}
