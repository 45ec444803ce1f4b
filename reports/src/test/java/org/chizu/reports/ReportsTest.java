package org.chizu.reports;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared set-up: the reports module on one migrated PostGIS database with central Masuda
 * (report-town.sql), loaded once for all test classes.
 */
@SpringBootTest(classes = ReportsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ReportsTest {

    /** 20 m north of municipal road M-101. */
    static final Pin BY_THE_MUNICIPAL_ROAD = new Pin(131.8430, 34.67138);
    /** 10 m south of prefectural road 54. */
    static final Pin BY_THE_PREFECTURAL_ROAD = new Pin(131.8430, 34.67591);
    /** Right on national road 9. */
    static final Pin ON_THE_NATIONAL_ROAD = new Pin(131.8450, 34.6800);
    /** 20 m east of water main W-0042, between the roads. */
    static final Pin BY_THE_WATER_MAIN = new Pin(131.84022, 34.6740);
    /** In Masuda, 150 m from any road. */
    static final Pin IN_A_FIELD = new Pin(131.8600, 34.6900);
    /** In Hamada, outside Masuda. */
    static final Pin OUTSIDE_MASUDA = new Pin(132.0800, 34.9000);

    private static final TestDatabase DATABASE = TestDatabase.fresh();
    private static boolean townLoaded;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportIntake intake;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @BeforeEach
    void loadTownOnce() {
        synchronized (ReportsTest.class) {
            if (!townLoaded) {
                jdbc.execute((Connection c) -> {
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("report-town.sql"));
                    return null;
                });
                townLoaded = true;
            }
        }
    }

    Receipt submit(String category, Pin pin, List<byte[]> photos) {
        return intake.submit(report(UUID.randomUUID().toString(), category, pin, "穴があいています", null, photos));
    }

    static NewReport report(String key, String category, Pin pin, String description, String email, List<byte[]> photos) {
        return new NewReport(key, category, pin, description, "山田花子", email, null, "web", null, Map.of(), photos);
    }
}
