package org.chizu.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts and their personal API tokens (tables {@code staff_account}, {@code api_token}).
 * Secrets are generated here and leave only once, in a {@link NewAccount} or {@link NewToken}; the
 * database holds a bcrypt hash of each password and a SHA-256 hash of each token. Also the
 * {@link UserDetailsService} behind form sign-in, and the judge of whether a signed-in session still
 * holds ({@link #isCurrent(StaffSignIn)}): disabling an account or resetting its password is written
 * here, so a server in another process than {@code ./chizu} learns of it on the session's next request.
 */
@Service
public class StaffAccounts implements UserDetailsService {

    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter: safe in logs, URLs and shells. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
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
                    insert into staff_account (name, display_name, role, password_hash)
                    values (?, ?, ?, ?)""",
                    name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                    role.id(), passwords.encode(password));
        } catch (DuplicateKeyException e) {
            throw new AccountExistsException(name);
        }
        NewToken token = issueToken(name, "initial");
        return new NewAccount(require(name), password, token);
    }

    /**
     * Issues another personal API token for the account.
     *
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public NewToken issueToken(String name, String label) {
        String token = Secrets.newToken();
        int inserted = jdbc.update("""
                insert into api_token (account_id, token_hash, label)
                select id, ?, ? from staff_account where name = ?""",
                Secrets.tokenHash(token), label, name);
        if (inserted == 0) {
            throw new UnknownAccountException(name);
        }
        return new NewToken(name, label, token);
    }

    /**
     * The enabled account that owns this token, recording when the token was last used (to the
     * minute). Empty for an unknown token, a token of a disabled account, or anything that is not a
     * Chizu token at all.
     */
    public Optional<StaffAccount> authenticateToken(String token) {
        if (token == null || !token.startsWith(Secrets.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.tokenHash(token);
        Optional<StaffAccount> account = jdbc.query("""
                select a.* from api_token t join staff_account a on a.id = t.account_id
                where t.token_hash = ? and not a.disabled""",
                StaffAccounts::account, hash).stream().findFirst();
        // Recording every use of a busy token would write on every request; a minute is precise enough.
        account.ifPresent(found -> jdbc.update("""
                update api_token set last_used_at = now()
                where token_hash = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""",
                hash));
        return account;
    }

    /**
     * The account's tokens, oldest first.
     *
     * @throws UnknownAccountException when there is no such account
     */
    public List<ApiToken> tokens(String name) {
        require(name);
        return jdbc.query("""
                select t.id, t.label, t.created_at, t.last_used_at
                from api_token t join staff_account a on a.id = t.account_id
                where a.name = ? order by t.id""",
                (rs, i) -> new ApiToken(rs.getLong("id"), rs.getString("label"), rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null)),
                name);
    }

    /**
     * Deletes one of the account's tokens, so the next request that sends it is refused.
     *
     * @throws UnknownAccountException when there is no such account
     * @throws UnknownTokenException   when the account has no token with this id
     */
    @Transactional
    public void revokeToken(String name, long id) {
        int deleted = jdbc.update("""
                delete from api_token t using staff_account a
                where a.id = t.account_id and a.name = ? and t.id = ?""", name, id);
        if (deleted == 0) {
            require(name);
            throw new UnknownTokenException(name, id);
        }
    }

    /**
     * Deletes every token of the account.
     *
     * @return how many there were
     * @throws UnknownAccountException when there is no such account
     */
    @Transactional
    public int revokeAllTokens(String name) {
        require(name);
        return jdbc.update("""
                delete from api_token t using staff_account a
                where a.id = t.account_id and a.name = ?""", name);
    }

    /**
     * Disables the account: it can no longer sign in or use its tokens, and its browser sessions end
     * on their next request. Its tokens are kept (and refused), so {@link #enable} restores them;
     * revoke them too when the person has left for good.
     *
     * @throws UnknownAccountException when there is no such account
     */
    public void disable(String name) {
        requireUpdated(name, jdbc.update(
                "update staff_account set disabled = true, session_generation = session_generation + 1 where name = ?", name));
    }

    /**
     * Lets a disabled account sign in and use its tokens again. Sessions it had before it was
     * disabled stay ended.
     *
     * @throws UnknownAccountException when there is no such account
     */
    public void enable(String name) {
        requireUpdated(name, jdbc.update("update staff_account set disabled = false where name = ?", name));
    }

    /**
     * Gives the account a new generated password and ends its browser sessions on their next
     * request. Its API tokens keep working; revoke them separately.
     *
     * @return the new password in clear text, which exists only here
     * @throws UnknownAccountException when there is no such account
     */
    public String resetPassword(String name) {
        String password = Secrets.newPassword();
        requireUpdated(name, jdbc.update(
                "update staff_account set password_hash = ?, session_generation = session_generation + 1 where name = ?",
                passwords.encode(password), name));
        return password;
    }

    /**
     * Whether a form sign-in still holds: its account exists, is enabled, and has ended no sessions
     * since. One lookup by the unique name, made for each request of a signed-in browser.
     */
    public boolean isCurrent(StaffSignIn signIn) {
        return jdbc.queryForObject("""
                select exists (select from staff_account where name = ? and not disabled and session_generation = ?)""",
                Boolean.class, signIn.getUsername(), signIn.sessionGeneration());
    }

    public Optional<StaffAccount> find(String name) {
        return byName(name, StaffAccounts::account);
    }

    /** Every account, by name. */
    public List<StaffAccount> list() {
        return jdbc.query("select * from staff_account order by name", StaffAccounts::account);
    }

    /**
     * For form sign-in: the account's password hash, role and session generation; a disabled account
     * is reported as such.
     */
    @Override
    public UserDetails loadUserByUsername(String name) {
        return byName(name, (rs, i) -> new StaffSignIn(account(rs, i), rs.getString("password_hash"), rs.getInt("session_generation")))
                .orElseThrow(() -> new UsernameNotFoundException("no account named " + name));
    }

    private static void requireUpdated(String name, int updatedRows) {
        if (updatedRows == 0) {
            throw new UnknownAccountException(name);
        }
    }

    private <T> Optional<T> byName(String name, RowMapper<T> mapper) {
        return jdbc.query("select * from staff_account where name = ?", mapper, name).stream().findFirst();
    }

    private StaffAccount require(String name) {
        return find(name).orElseThrow(() -> new UnknownAccountException(name));
    }

    private static StaffAccount account(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(rs.getString("name"), rs.getString("display_name"), Role.fromId(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("disabled"));
    }
}
