package org.chizu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.chizu.gis.layer.LayerSources;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application loads the sample town at start-up when the run command asks for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "chizu.sample-town.enabled=true")
class SampleTownStartupTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ConfigurationPropertiesScan("org.chizu.sample")
    @ComponentScan("org.chizu.sample")
    @Import({LayerSources.class, LayerChanges.class})
    static class SampleTownApplication {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.sample-town.shared-data", () -> SampleTownDatabase.sharedData().toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startingWithTheSampleTownEnabledLoadsIt() {
        assertThat(jdbc.queryForObject("select count(*) from facilities", Long.class)).isEqualTo(355);
        assertThat(jdbc.queryForObject("select count(*) from roads", Long.class)).isPositive();
    }

    @Test
    void isOffUnlessEnabledAndReadsTheSharedDataBesideTheRepositoryByDefault() {
        SampleTownProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("chizu.sample-town", SampleTownProperties.class);
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.sharedData()).isEqualTo(Path.of("../shared/data"));
        SampleTownProperties configured = new Binder(new MapConfigurationPropertySource(Map.of(
                "chizu.sample-town.enabled", "true", "chizu.sample-town.shared-data", "/srv/chizu/shared")))
                .bindOrCreate("chizu.sample-town", SampleTownProperties.class);
        assertThat(configured.sharedData()).isEqualTo(Path.of("/srv/chizu/shared"));
    }
}
