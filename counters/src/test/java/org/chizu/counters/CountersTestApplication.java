package org.chizu.counters;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application as the counters' tests run it: every module on the counters' classpath, with the
 * real security, live events and problem+json handling.
 */
@SpringBootApplication(scanBasePackages = "org.chizu")
@ConfigurationPropertiesScan("org.chizu")
public class CountersTestApplication {
}
