package org.chizu.sample;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample town.
 *
 * @param enabled    whether to load the sample town at start-up; {@code ./chizu run} turns it on
 * @param sharedData the folder with the real public data (boundaries, shelters); when it or a file
 *                   in it is missing the whole sample is generated
 */
@ConfigurationProperties("chizu.sample-town")
public record SampleTownProperties(boolean enabled, Path sharedData) {

    public SampleTownProperties {
        if (sharedData == null) {
            sharedData = Path.of("../shared/data");
        }
    }
}
