package org.chizu.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.chizu.platform.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Devices and API clients ({@code account} rows of kind client): a name, scopes, and tokens that
 * can make only the requests their scopes allow ({@link ClientScopes}). They have no password and
 * never sign in to pages.
 */
@Service
public class ApiClients {

    private final JdbcTemplate jdbc;
    private final ApiTokens tokens;
    private final ClientScopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public ApiClients(JdbcTemplate jdbc, ApiTokens tokens, ClientScopes scopes, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Issues a token for the client of this name, creating the client when new, and gives the client
     * these scopes too (a client keeps the scopes it had). Announces the token with
     * {@link ClientTokenIssued} in the same transaction.
     *
     * @return the token in clear text, which exists only here
     * @throws IllegalArgumentException when the name is blank or a scope is unknown
     */
    @Transactional
    public NewToken issue(String name, Set<String> scopeIds) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name the device or client (at most 100 characters)");
        }
        if (scopeIds.isEmpty()) {
            throw new IllegalArgumentException("give the client at least one scope");
        }
        scopeIds.forEach(scopes::require);
        String clientName = name.strip();
        long id = jdbc.queryForList("select id from account where kind = 'client' and name = ?", Long.class, clientName)
                .stream().findFirst().orElseGet(() -> jdbc.queryForObject(
                        "insert into account (kind, name, display_name) values ('client', ?, ?) returning id",
                        Long.class, clientName, clientName));
        scopeIds.forEach(scope -> jdbc.update(
                "insert into account_scope (account_id, scope) values (?, ?) on conflict do nothing", id, scope));
        String token = tokens.issue(id, "device");
        events.publishEvent(new ClientTokenIssued(clientName, token, Secrets.tokenHash(token)));
        audit.record("client.token.issue", "client " + clientName, Map.of("scopes", List.copyOf(new TreeSet<>(scopeIds))));
        return new NewToken(clientName, "device", token);
    }

    /** The name of the enabled client whose token this is, when its scopes include {@code scope}. */
    public Optional<String> clientWithScope(String token, String scope) {
        return tokens.authenticate(token)
                .filter(identity -> identity.kind() == AccountKind.CLIENT && identity.rights().contains(scope))
                .map(Identity::name);
    }

    /** The tokens of every enabled client, oldest first. */
    public List<ClientToken> tokens() {
        return jdbc.query("""
                select a.name, t.token_hash, t.created_at,
                       array(select s.scope from account_scope s where s.account_id = a.id order by s.scope) as scopes
                from api_token t join account a on a.id = t.account_id
                where a.kind = 'client' and not a.disabled order by t.created_at, t.id""",
                (row, n) -> new ClientToken(row.getString("name"), row.getString("token_hash"),
                        Set.of((String[]) row.getArray("scopes").getArray()), row.getTimestamp("created_at").toInstant()));
    }

    /** Every client with its scopes, by name. */
    public List<String> list() {
        return jdbc.queryForList("""
                select a.name || '  ' || coalesce(string_agg(s.scope, ' ' order by s.scope), '')
                from account a left join account_scope s on s.account_id = a.id
                where a.kind = 'client' group by a.id, a.name order by a.name""", String.class);
    }
}
