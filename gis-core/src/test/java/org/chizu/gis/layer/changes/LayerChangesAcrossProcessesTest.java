package org.chizu.gis.layer.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.chizu.gis.imports.ImportRequest;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two Chizu processes on one database: what one commits, the other hears, once and only if committed. */
class LayerChangesAcrossProcessesTest {

    static TestDatabase database;
    static ChizuProcess importing;
    static ChizuProcess serving;

    @BeforeAll
    static void twoProcessesOnOneDatabase() {
        database = TestDatabase.fresh();
        importing = new ChizuProcess(database);
        serving = new ChizuProcess(database);
    }

    @AfterAll
    static void stop() {
        importing.close();
        serving.close();
    }

    /**
     * Waits until both processes have handled every notification of earlier tests: a notification
     * sent now arrives after them, so once it is heard the queues can be emptied.
     */
    @BeforeEach
    void nothingHeardYet() throws InterruptedException {
        LayerDataChanged marker = LayerDataChanged.wholeLayer("marker-" + System.nanoTime());
        new JdbcTemplate(database.dataSource()).query("select pg_notify(?, ?)", rs -> null, LayerChangeMessage.CHANNEL,
                LayerChangeMessage.of("the test", marker).toJson());
        for (ChizuProcess process : new ChizuProcess[] {importing, serving}) {
            while (!process.nextHeard().equals(marker)) {
                // an earlier test's change, heard late
            }
            process.forgetHeard();
        }
    }

    @Test
    void anImportInOneProcessReachesTheOthersListenersWithItsLayerAndBounds() throws Exception {
        importing.importer().importFile(ImportRequest.of("facilities", "shelters-sjis.csv"), resource("shelters-sjis.csv"));

        LayerDataChanged heard = serving.nextHeard();
        assertThat(heard.layerId()).isEqualTo("facilities");
        Offset<Double> slack = Offset.offset(1e-5);
        assertThat(heard.bounds().minLon()).isCloseTo(133.0486, slack);
        assertThat(heard.bounds().minLat()).isCloseTo(35.4681, slack);
        assertThat(heard.bounds().maxLon()).isCloseTo(133.0552, slack);
        assertThat(heard.bounds().maxLat()).isCloseTo(35.4783, slack);
    }

    @Test
    void theProcessThatMadeTheChangeHearsItOnce() throws Exception {
        importing.importer().importFile(ImportRequest.of("facilities", "shelters-sjis.csv"), resource("shelters-sjis.csv"));
        LayerDataChanged marker = announceFromServing(LayerDataChanged.wholeLayer("roads"));

        // Notifications arrive in commit order: once the marker is heard, its own import's notification was handled.
        assertThat(importing.nextHeard().layerId()).isEqualTo("facilities");
        assertThat(importing.nextHeard()).isEqualTo(marker);
    }

    @Test
    void aRolledBackChangeIsHeardByNoOne() throws Exception {
        LayerDataChanged rolledBack = new LayerDataChanged("roads", new Bounds(131.8, 34.6, 131.9, 34.7));
        importing.transactions().executeWithoutResult(transaction -> {
            importing.changes().publishOnCommit(rolledBack);
            transaction.setRollbackOnly();
        });
        LayerDataChanged committed = new LayerDataChanged("forests", new Bounds(131.9, 34.6, 132.0, 34.7));
        importing.transactions().executeWithoutResult(transaction -> importing.changes().publishOnCommit(committed));

        assertThat(serving.nextHeard()).isEqualTo(committed);
        assertThat(importing.nextHeard()).isEqualTo(committed);
    }

    @Test
    void aChangeIsAnnouncedOnlyInsideItsTransaction() {
        assertThatThrownBy(() -> importing.changes().publishOnCommit(LayerDataChanged.wholeLayer("roads")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerThatLostItsConnectionListensAgainAndTreatsEveryLayerAsChanged() throws Exception {
        JdbcTemplate admin = new JdbcTemplate(database.dataSource());
        admin.query("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and application_name = ?""", rs -> null,
                LayerChangeListener.APPLICATION_NAME);

        Set<LayerDataChanged> afterReconnecting = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            afterReconnecting.add(serving.nextHeard());
        }
        assertThat(afterReconnecting).extracting(LayerDataChanged::layerId)
                .containsExactlyInAnyOrder("hazard_zones", "roads", "facilities", "forests", "water_pipes");
        assertThat(afterReconnecting).extracting(LayerDataChanged::bounds).containsOnlyNulls();
        for (int i = 0; i < 5; i++) {
            importing.nextHeard();
        }

        LayerDataChanged later = new LayerDataChanged("roads", new Bounds(131.84, 34.67, 131.85, 34.68));
        importing.transactions().executeWithoutResult(transaction -> importing.changes().publishOnCommit(later));
        assertThat(serving.nextHeard()).isEqualTo(later);
    }

    /** Commits an announcement in the serving process, as an edit there would. */
    private static LayerDataChanged announceFromServing(LayerDataChanged change) {
        serving.transactions().executeWithoutResult(transaction -> serving.changes().publishOnCommit(change));
        return change;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LayerChangesAcrossProcessesTest.class.getResource("/imports/" + name).toURI());
    }
}
