package org.chizu.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application as catalog's tests run it: every module on catalog's classpath, with the real
 * security and problem+json handling.
 */
@SpringBootApplication(scanBasePackages = "org.chizu")
@ConfigurationPropertiesScan("org.chizu")
public class CatalogTestApplication {
}
