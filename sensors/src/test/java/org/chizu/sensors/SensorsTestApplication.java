package org.chizu.sensors;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sensors module with the shared problem+json handler and nothing else: the application module
 * (which adds who may write) depends on this one, so the tests cannot start it.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.sensors", "org.chizu.platform.web"})
@ConfigurationPropertiesScan("org.chizu")
class SensorsTestApplication {
}
