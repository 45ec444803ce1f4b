package org.chizu.reports.open311;

import java.util.Optional;
import java.util.Set;

import org.chizu.accounts.ApiClients;
import org.springframework.stereotype.Component;

/**
 * The API keys Open311 clients send to POST requests: tokens of API clients with the scope
 * {@value #SCOPE} (accounts' {@link ApiClients}). A key is shown once when issued; only its SHA-256
 * is stored. Keys issued before clients were accounts keep working.
 */
@Component
public class Open311ApiKeys {

    public static final String SCOPE = "open311:post";

    private final ApiClients clients;

    public Open311ApiKeys(ApiClients clients) {
        this.clients = clients;
    }

    /** Issues a key for a client ("FixMyStreet Japan") and returns it; it cannot be read again. */
    public String issue(String client) {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("name the client the key is for");
        }
        return clients.issue(client, Set.of(SCOPE)).token();
    }

    /** The client owning a valid key that may post requests; empty otherwise. */
    public Optional<String> clientOf(String key) {
        return clients.clientWithScope(key, SCOPE);
    }
}
