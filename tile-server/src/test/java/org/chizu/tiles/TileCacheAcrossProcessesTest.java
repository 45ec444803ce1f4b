package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.changes.LayerChanges;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change committed by another process on the same database (a second server, {@code ./chizu
 * import}) reaches this server's tile cache through PostgreSQL, not through this process's events.
 */
class TileCacheAcrossProcessesTest extends TileServerTest {

    /** A hamlet in the hills south-east of central Masuda, with no facility in the fixture. */
    static final double HAMLET_LON = 131.905;
    static final double HAMLET_LAT = 34.625;

    @Test
    void aFeatureAddedByAnotherProcessShowsInTheNextTileRequest() throws Exception {
        String tile = "/tiles/facilities/" + TileEndpointsTest.path(tileAt(HAMLET_LON, HAMLET_LAT, 15));
        mvc.perform(get(tile)).andExpect(status().isNoContent());

        AnotherProcess other = new AnotherProcess(DATABASE.dataSource());
        other.insertShelterWithoutAnnouncingIt(HAMLET_LON, HAMLET_LAT);
        mvc.perform(get(tile)).andExpect(status().isNoContent());

        other.announce(new LayerDataChanged("facilities", new Bounds(HAMLET_LON, HAMLET_LAT, HAMLET_LON, HAMLET_LAT)));
        assertThat(facilityNamesOnceChanged(tile)).containsExactly("山間避難所");
    }

    /** The tile's facility names once it has content, waiting as long as delivery may reasonably take. */
    private List<Object> facilityNamesOnceChanged(String tile) throws Exception {
        MockHttpServletResponse response = await("the change notice reached the tile cache").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mvc.perform(get(tile)).andReturn().getResponse(), tileResponse -> tileResponse.getStatus() == 200);
        return TileEndpointsTest.properties(decode(response.getContentAsByteArray()).getLayer("facilities"))
                .stream().map(p -> p.get("name")).toList();
    }

    /** Another Chizu process: its own connections and its own announcer, none of this server's beans. */
    private static final class AnotherProcess {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;
        private final LayerChanges changes;

        AnotherProcess(DataSource database) {
            jdbc = new JdbcTemplate(database);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
            changes = new LayerChanges(jdbc, event -> { }, true);
        }

        void insertShelterWithoutAnnouncingIt(double lon, double lat) {
            jdbc.update("""
                    insert into facilities (kind, name, capacity, geom)
                    values ('designated_shelter', '山間避難所', 40, st_setsrid(st_makepoint(?, ?), 6668))""", lon, lat);
        }

        void announce(LayerDataChanged change) {
            transactions.executeWithoutResult(transaction -> changes.publishOnCommit(change));
        }
    }
}
