package org.chizu.reports;

import org.chizu.accounts.CurrentAudience;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The reports module with the layer registry and nothing else: the application module depends on
 * this one, so the tests cannot start it. The layer registry's start-up check also proves the
 * public {@code reports} layer matches its view.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.gis", "org.chizu.reports", "org.chizu.platform.events"})
@ConfigurationPropertiesScan("org.chizu")
@Import(CurrentAudience.class)
class ReportsTestApplication {
}
