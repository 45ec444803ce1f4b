package org.chizu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/** A command ({@code ./chizu import …}) does its work and nothing a server does in the background. */
class CommandsDoOnlyTheirJobTest {

    @TempDir
    Path home;

    @Test
    void anImportStartsNoListenerSenderWorkerOrWatcher() throws Exception {
        Map<String, Class<?>> backgroundWork = backgroundWorkOfTheApplication();
        assertThat(backgroundWork.keySet()).as("the application's background work, which commands leave out").contains(
                "LayerChangeListener", "LayerFolderWatch", "Generalizations", "MailOutboxSender", "LinkChecksAtStart",
                "JobWorkers", "JobWakeUps", "EventNotifications", "OpenDataConfiguration");
        TestDatabase database = TestDatabase.fresh();
        Path roads = Files.writeString(home.resolve("roads.geojson"), """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"route_no": "191", "name": "国道191号", "road_class": "national"},
                  "geometry": {"type": "LineString", "coordinates": [[131.84, 34.67], [131.85, 34.68]]}}]}
                """);

        try (ConfigurableApplicationContext command = ChizuApplication.commandContext("--chizu.home=" + home,
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password())) {
            int exitCode = command.getBean(CommandRunner.class).run(List.of("import", roads.toString(), "--layer", "roads"));

            assertThat(exitCode).isZero();
            assertThat(new JdbcTemplate(database.dataSource()).queryForObject("select count(*) from roads", Integer.class)).isOne();
            backgroundWork.forEach((name, type) -> assertThat(command.getBeanFactory().getBeanNamesForType(type, true, false))
                    .as(name + " in a command").isEmpty());
            assertThat(new JdbcTemplate(database.dataSource()).queryForList(
                    "select application_name from pg_stat_activity where datname = current_database() and application_name like 'chizu-%'",
                    String.class)).as("listening connections of the command").isEmpty();
        }
    }

    @Test
    void tilesAreSeededWhereNoServerHasEverBuiltTheGeneralisedTables() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        Path roads = Files.writeString(home.resolve("roads.geojson"), """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"route_no": "9", "name": "国道9号", "road_class": "national"},
                  "geometry": {"type": "LineString", "coordinates": [[131.84, 34.67], [131.86, 34.68]]}}]}
                """);
        Path archive = home.resolve("roads.mbtiles");

        try (ConfigurableApplicationContext command = ChizuApplication.commandContext("--chizu.home=" + home,
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password())) {
            CommandRunner commands = command.getBean(CommandRunner.class);
            assertThat(commands.run(List.of("import", roads.toString(), "--layer", "roads"))).isZero();

            int exitCode = commands.run(List.of("tiles", "seed", "--layer", "roads", "--bbox", "131.8,34.6,131.9,34.7",
                    "--zoom", "8-12", "--out", archive.toString()));

            assertThat(exitCode).as("seeding low zooms, which read the generalised routes").isZero();
            assertThat(archive).isNotEmptyFile();
        }
    }

    /** Every class marked {@link BackgroundWork}, by its simple name. */
    private static Map<String, Class<?>> backgroundWorkOfTheApplication() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(BackgroundWork.class));
        Map<String, Class<?>> classes = new HashMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.chizu")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            classes.put(type.getSimpleName(), type);
        }
        return classes;
    }
}
