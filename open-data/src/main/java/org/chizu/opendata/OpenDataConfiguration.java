package org.chizu.opendata;

import org.chizu.opendata.version.OpenDataProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Settings and the daily pruning of old versions. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(OpenDataProperties.class)
class OpenDataConfiguration {
}
