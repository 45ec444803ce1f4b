package org.chizu.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.chizu.platform.audit.AuditLog;
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

    public ApiClients(JdbcTemplate jdbc, ApiTokens tokens, ClientScopes scopes, AuditLog audit) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.scopes = scopes;
        this.audit = audit;
    }

    /**
     * Issues a token for the client of this name, creating the client when new, and gives the client
     * these scopes too (a client keeps the scopes it had).
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
        NewToken token = new NewToken(clientName, "device", tokens.issue(id, "device"));
        audit.record("client.token.issue", "client " + clientName, Map.of("scopes", List.copyOf(new TreeSet<>(scopeIds))));
        return token;
    }

    /** The name of the enabled client whose token this is, when its scopes include {@code scope}. */
    public Optional<String> clientWithScope(String token, String scope) {
        return tokens.authenticate(token)
                .filter(identity -> identity.kind() == AccountKind.CLIENT && identity.rights().contains(scope))
                .map(Identity::name);
    }

    /** Every client with its scopes, by name. */
    public List<String> list() {
        return jdbc.queryForList("""
                select a.name || '  ' || coalesce(string_agg(s.scope, ' ' order by s.scope), '')
                from account a left join account_scope s on s.account_id = a.id
                where a.kind = 'client' group by a.id, a.name order by a.name""", String.class);
    }
}
