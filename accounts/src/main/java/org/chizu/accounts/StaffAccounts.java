package org.chizu.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.User;
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
 * {@link UserDetailsService} behind form sign-in.
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

    public Optional<StaffAccount> find(String name) {
        return byName(name, StaffAccounts::account);
    }

    /** Every account, by name. */
    public List<StaffAccount> list() {
        return jdbc.query("select * from staff_account order by name", StaffAccounts::account);
    }

    /** For form sign-in: the account's password hash and role; a disabled account is reported as such. */
    @Override
    public UserDetails loadUserByUsername(String name) {
        return byName(name, (rs, i) -> {
            StaffAccount account = account(rs, i);
            return User.withUsername(account.name())
                    .password(rs.getString("password_hash"))
                    .authorities(account.role().authority())
                    .disabled(account.disabled())
                    .build();
        }).orElseThrow(() -> new UsernameNotFoundException("no account named " + name));
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
