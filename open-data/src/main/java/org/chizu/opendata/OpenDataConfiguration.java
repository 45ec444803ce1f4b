package org.chizu.opendata;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the daily pruning of versions older than the retention period. */
@Configuration
@EnableScheduling
class OpenDataConfiguration {
}
