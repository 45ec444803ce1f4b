package org.chizu.catalog.sparql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the SPARQL endpoint, so that one query cannot take the server down.
 *
 * @param timeout     how long one query may run before it is stopped (at least 1 ms)
 * @param resultLimit the most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) one answer holds;
 *                    a larger answer is cut to this many and marked as truncated (at least 1)
 */
@ConfigurationProperties("chizu.sparql")
public record SparqlProperties(Duration timeout, Integer resultLimit) {

    public SparqlProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        resultLimit = resultLimit == null ? 10_000 : resultLimit;
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("chizu.sparql.timeout must be at least 1 ms");
        }
        if (resultLimit < 1) {
            throw new IllegalArgumentException("chizu.sparql.result-limit must be at least 1");
        }
    }
}
