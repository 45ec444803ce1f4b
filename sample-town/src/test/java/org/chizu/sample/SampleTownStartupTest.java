package org.chizu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application loads the sample town at start-up when the run command asks for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "chizu.sample-town.enabled=true")
class SampleTownStartupTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"org.chizu.gis", "org.chizu.sample", "org.chizu.platform.audit"})
    @ConfigurationPropertiesScan("org.chizu.gis")
    static class SampleTownApplication {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startingWithTheSampleTownEnabledLoadsIt() {
        assertThat(jdbc.queryForObject("select count(*) from facilities", Long.class)).isEqualTo(355);
        assertThat(jdbc.queryForObject("select count(*) from roads", Long.class)).isPositive();
    }
}
