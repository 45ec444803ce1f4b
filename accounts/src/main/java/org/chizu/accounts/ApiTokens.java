package org.chizu.accounts;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The API tokens of every kind of account (table {@code api_token}): staff's personal tokens and
 * the tokens of devices and API clients. Only the SHA-256 of a token is stored; a token is shown
 * once, when issued.
 */
@Repository
public class ApiTokens {

    /** Open311 API keys issued before keys became client tokens; they stay valid. */
    private static final String OPEN311_KEY_PREFIX = "o311_";

    private final JdbcTemplate jdbc;
    private final Rights rights;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rights = new Rights(jdbc);
    }

    /** Issues a token for the account and returns it in clear text, which exists only there. */
    String issue(long accountId, String label) {
        String token = Secrets.newToken();
        jdbc.update("insert into api_token (account_id, token_hash, label) values (?, ?, ?)",
                accountId, Secrets.tokenHash(token), label);
        return token;
    }

    /**
     * Who sends this token: its enabled account with its rights, recording when the token was last
     * used (to the minute). Empty for an unknown token, a token of a disabled account, or anything
     * that is not a Chizu token at all.
     */
    public Optional<Identity> authenticate(String token) {
        if (token == null || !(token.startsWith(Secrets.TOKEN_PREFIX) || token.startsWith(OPEN311_KEY_PREFIX))) {
            return Optional.empty();
        }
        String hash = Secrets.tokenHash(token);
        Optional<Identity> identity = jdbc.query("""
                select a.id, a.kind, coalesce(a.name, a.email) as name, a.display_name, a.role
                from api_token t join account a on a.id = t.account_id
                where t.token_hash = ? and not a.disabled""",
                (rs, i) -> new Identity(rs.getLong("id"), AccountKind.fromId(rs.getString("kind")), rs.getString("name"),
                        rs.getString("display_name"), Optional.ofNullable(rs.getString("role")).map(Role::fromId).orElse(null),
                        rights.of(rs.getLong("id"))),
                hash).stream().findFirst();
        // Recording every use of a busy token would write on every request; a minute is precise enough.
        identity.ifPresent(found -> jdbc.update("""
                update api_token set last_used_at = now()
                where token_hash = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""",
                hash));
        return identity;
    }

    /** The account's tokens, oldest first. */
    List<ApiToken> of(long accountId) {
        return jdbc.query("select id, label, created_at, last_used_at from api_token where account_id = ? order by id",
                (rs, i) -> new ApiToken(rs.getLong("id"), rs.getString("label"), rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null)),
                accountId);
    }

    /** Whether the account had a token with this id, which is now deleted. */
    boolean revoke(long accountId, long tokenId) {
        return jdbc.update("delete from api_token where account_id = ? and id = ?", accountId, tokenId) > 0;
    }

    /** Deletes every token of the account and says how many there were. */
    int revokeAll(long accountId) {
        return jdbc.update("delete from api_token where account_id = ?", accountId);
    }
}
