package org.chizu.accounts;

import java.util.List;

import org.chizu.platform.Label;
import org.springframework.http.HttpMethod;

/**
 * What a device or API client may be given: the requests a scope lets its token make, and nothing
 * else. The module that serves those requests declares the scope as a bean, for example
 * <pre>{@code
 * @Bean
 * ClientScope open311Post() {
 *     return new ClientScope("open311:post", new Label("Open311 の通報を送る", "post Open311 requests"),
 *             HttpMethod.POST, List.of("/open311/v2/requests.*"));
 * }
 * }</pre>
 *
 * @param id     the scope's name, as {@code ./chizu device add --scope} takes it ({@code area:action})
 * @param method the one HTTP method it allows
 * @param paths  path patterns (Spring's {@code PathPattern}) it allows that method on
 */
public record ClientScope(String id, Label description, HttpMethod method, List<String> paths) {

    public ClientScope {
        if (!id.matches("[a-z0-9_-]+(:[a-z0-9_-]+)+")) {
            throw new IllegalArgumentException("a scope is named area:action, not '" + id + "'");
        }
        paths = List.copyOf(paths);
    }
}
