package org.chizu.opendata;

import org.chizu.platform.BackgroundWork;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the daily pruning of versions older than the retention period, in servers only. */
@Configuration
@BackgroundWork
@EnableScheduling
class OpenDataConfiguration {
}
