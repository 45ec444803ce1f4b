package org.chizu.opendata.version;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of open-data versions.
 *
 * @param retention how long a superseded version stays downloadable (default one year); history
 *                  older than this is pruned, so a client can pin a version for at least this long
 */
@ConfigurationProperties("chizu.open-data")
public record OpenDataProperties(Period retention) {

    public OpenDataProperties {
        retention = retention == null ? Period.ofYears(1) : retention;
    }
}
