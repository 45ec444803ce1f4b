package org.chizu.counters;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a fresh database with {@code counters-town.sql}'s offices and roads, and the
 * road network built from them.
 */
@SpringBootTest(classes = CountersTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.counters.rebuild-delay=200ms")
abstract class CountersTown {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tickets tickets;
    @Autowired
    NearestCounters nearest;
    @Autowired
    RoadNetwork network;

    @BeforeEach
    void openTheOffices() throws Exception {
        loadTheTown();
    }

    /** What one test takes, the next does not see. */
    @AfterEach
    void closeTheDay() {
        jdbc.update("delete from counter_ticket");
        jdbc.update("delete from counter_ticket_sequence");
    }

    /** Loads the town once per test class (each has its own database). */
    void loadTheTown() throws Exception {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from counter_office)", Boolean.class))) {
            return;
        }
        try (var connection = jdbc.getDataSource().getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("counters-town.sql"));
        }
        network.rebuild();
    }

    String base() {
        return "http://localhost:" + port;
    }
}
