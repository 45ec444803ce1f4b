package org.chizu.app.backup;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What {@code ./chizu restore} runs in: the settings and the command, nothing else. The whole
 * application would migrate the empty database with Flyway and read it (the layer registry) before
 * the restore could begin.
 */
@Configuration(proxyBeanMethods = false)
@Import(RestoreCommand.class)
public class RestoreApplication {
}
