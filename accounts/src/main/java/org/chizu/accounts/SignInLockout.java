package org.chizu.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Locks an account for {@code chizu.accounts.sign-in.lock-for} after {@code max-failures} wrong
 * passwords within {@code failure-window}. The count and the lock are columns of the account, so every
 * process on the database sees them: guessing cannot be spread over several servers. While locked,
 * sign-in is refused before the password is looked at, so the answer never tells whether it was right.
 * The log names the account (a resident by number, not by address), never the password.
 */
@Service
public class SignInLockout {

    private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

    private final JdbcTemplate jdbc;
    private final AccountsProperties.SignIn settings;

    public SignInLockout(JdbcTemplate jdbc, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.signIn();
    }

    /** Counts a wrong password for the account this sign-in name means, if any, and locks it at the limit. */
    public void wrongPassword(String signInName) {
        if (signInName == null) {
            return;
        }
        jdbc.query("""
                update account set
                    failed_sign_ins = case when failing_since > now() - make_interval(secs => ?) then failed_sign_ins + 1 else 1 end,
                    failing_since = case when failing_since > now() - make_interval(secs => ?) then failing_since else now() end
                where """ + SignIns.BY_SIGN_IN_NAME + """

                returning id, kind, name, failed_sign_ins""",
                rs -> {
                    if (rs.getInt("failed_sign_ins") >= settings.maxFailures()) {
                        lock(rs.getLong("id"), rs.getString("kind").equals("staff")
                                ? "'" + rs.getString("name") + "'" : "of resident #" + rs.getLong("id"));
                    }
                },
                settings.failureWindow().toSeconds(), settings.failureWindow().toSeconds(), signInName, signInName);
    }

    /** Forgets the account's wrong passwords after it signed in with the right one. */
    public void signedIn(Identity identity) {
        jdbc.update("update account set failed_sign_ins = 0, failing_since = null where id = ? and failed_sign_ins > 0",
                identity.id());
    }

    private void lock(long id, String account) {
        jdbc.update("""
                update account set locked_until = now() + make_interval(secs => ?), failed_sign_ins = 0, failing_since = null
                where id = ?""", settings.lockFor().toSeconds(), id);
        log.warn("locked the account {} for {} after {} wrong passwords within {}; sign-in is refused until then",
                account, settings.lockFor(), settings.maxFailures(), settings.failureWindow());
    }
}
