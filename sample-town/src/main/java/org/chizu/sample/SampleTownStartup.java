package org.chizu.sample;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the sample town when the application starts with {@code chizu.sample-town.enabled=true}. */
@Component
@ConditionalOnProperty(prefix = "chizu.sample-town", name = "enabled", havingValue = "true")
class SampleTownStartup implements ApplicationRunner {

    private final SampleTownLoader loader;

    SampleTownStartup(SampleTownLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        loader.load();
    }
}
