package org.chizu.accounts;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The single-use, expiring tokens in the links residents get by e-mail (table
 * {@code account_mail_token}); only their SHA-256 is stored. A token is used up by the first request
 * that presents it in time, in one statement, so two requests cannot both use it.
 */
@Repository
class MailTokens {

    enum Purpose {
        VERIFY_EMAIL("verify-email"), RESET_PASSWORD("reset-password");

        final String id;

        Purpose(String id) {
            this.id = id;
        }
    }

    private final JdbcTemplate jdbc;

    MailTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the account, valid for {@code validFor}; it exists in clear text only in the e-mail. */
    String issue(long accountId, Purpose purpose, Duration validFor) {
        String token = Secrets.newToken();
        jdbc.update("""
                insert into account_mail_token (account_id, purpose, token_hash, expires_at)
                values (?, ?, ?, now() + make_interval(secs => ?))""",
                accountId, purpose.id, Secrets.tokenHash(token), validFor.toSeconds());
        return token;
    }

    /** Whether the token is one of this purpose that is unused and unexpired, without using it. */
    boolean isValid(String token, Purpose purpose) {
        return token != null && jdbc.queryForObject("""
                select exists (select from account_mail_token
                               where token_hash = ? and purpose = ? and used_at is null and expires_at > now())""",
                Boolean.class, Secrets.tokenHash(token), purpose.id);
    }

    /** Uses the token up and says whose it was; empty when unknown, used, expired or of another purpose. */
    Optional<Long> use(String token, Purpose purpose) {
        if (token == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                update account_mail_token set used_at = now()
                where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
                returning account_id""", Long.class, Secrets.tokenHash(token), purpose.id).stream().findFirst();
    }
}
