package org.chizu.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.chizu.platform.Label;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every {@link ClientScope} the modules declare, and the one judge of what a client's token may do:
 * a request is allowed when one of the client's scopes names its method and path. Accounts itself
 * declares {@code sensors:observe}: a sensor posts its readings to the SensorThings API.
 */
@Component
public class ClientScopes {

    /** Sensors post their readings as SensorThings Observations: one, several of a datastream, or a dataArray. */
    public static final ClientScope SENSORS_OBSERVE = new ClientScope("sensors:observe",
            new Label("センサーの観測値を送る", "post sensor observations"),
            HttpMethod.POST, List.of("/sta/v1.1/Observations", "/sta/v1.1/Datastreams(*)/Observations", "/sta/v1.1/CreateObservations"));

    private final Map<String, ClientScope> scopes;
    private final Map<String, List<PathPattern>> patterns;

    public ClientScopes(List<ClientScope> declared) {
        this.scopes = Stream.concat(declared.stream(), Stream.of(SENSORS_OBSERVE))
                .collect(Collectors.toUnmodifiableMap(ClientScope::id, Function.identity(), (a, b) -> a));
        this.patterns = scopes.values().stream().collect(Collectors.toUnmodifiableMap(ClientScope::id,
                scope -> scope.paths().stream().map(PathPatternParser.defaultInstance::parse).toList()));
    }

    /** @throws IllegalArgumentException naming the known scopes when this one is unknown */
    public ClientScope require(String id) {
        ClientScope scope = scopes.get(id);
        if (scope == null) {
            throw new IllegalArgumentException("unknown scope '" + id + "': use one of " + scopes.keySet().stream().sorted().toList());
        }
        return scope;
    }

    /** Whether one of these rights is a scope that allows this method on this path. */
    public boolean allow(Set<String> rights, String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rights.stream().filter(scopes::containsKey).anyMatch(id -> scopes.get(id).method().matches(method)
                && patterns.get(id).stream().anyMatch(pattern -> pattern.matches(container)));
    }
}
