package org.chizu.app.ops;

import org.chizu.gis.postgis.PostgisVersions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Adds a "postgis" entry to /actuator/health: up with the versions, or down when PostGIS does not answer. */
@Component("postgis")
class PostgisHealthIndicator extends AbstractHealthIndicator {

    private final PostgisVersions versions;

    PostgisHealthIndicator(PostgisVersions versions) {
        super("PostGIS health check failed");
        this.versions = versions;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        PostgisVersions.Versions found = versions.read();
        builder.up()
                .withDetail("postgresql", found.postgres())
                .withDetail("postgis", found.postgis())
                .withDetail("geos", found.geos())
                .withDetail("proj", found.proj());
    }
}
