package org.chizu.opendata;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application as open-data's tests run it: every module on open-data's classpath (the app
 * module, which depends on this one, is not), with the real security and problem+json handling.
 */
@SpringBootApplication(scanBasePackages = "org.chizu")
@ConfigurationPropertiesScan("org.chizu")
public class OpenDataTestApplication {
}
