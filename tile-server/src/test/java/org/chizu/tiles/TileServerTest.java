package org.chizu.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Shared set-up of the tile server's tests: one application on a real port and one migrated
 * PostGIS database with the Masuda fixture (tiles-fixture.sql), shared by every test class.
 */
@SpringBootTest(classes = TileServerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class TileServerTest {

    /** Where the fixture's shelter, national road and flood zone meet, in central Masuda. */
    public static final double MASUDA_LON = 131.8425;
    public static final double MASUDA_LAT = 34.6745;

    static final TestDatabase DATABASE = TestDatabase.fresh();
    private static final Path CACHE_DIRECTORY = temporaryFolder();
    private static boolean fixtureLoaded;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Generalizations generalizations;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
        registry.add("chizu.tiles.cache-directory", CACHE_DIRECTORY::toString);
        registry.add("spring.mvc.problemdetails.enabled", () -> "true");
        registry.add("chizu.tiles.generalize-retry", () -> "1s");
    }

    @BeforeEach
    void loadFixtureOnce() {
        synchronized (TileServerTest.class) {
            if (!fixtureLoaded) {
                jdbc.execute((Connection c) -> {
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("tiles-fixture.sql"));
                    return null;
                });
                // the fixture is loaded without announcing it
                generalizations.rebuild("roads");
                generalizations.rebuild("hazard_zones");
                fixtureLoaded = true;
            }
        }
    }

    /** The tile that contains a point at a zoom. */
    public static TileCoordinate tileAt(double lon, double lat, int z) {
        TileRange range = TileRange.covering(new Bounds(lon, lat, lon, lat), z, 0);
        return new TileCoordinate(z, range.minX(), range.minY());
    }

    /** The URL path of a tile below its tileset: {@code z/x/y.mvt}. */
    public static String path(TileCoordinate tile) {
        return tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt";
    }

    static JtsMvt decode(byte[] mvt) throws IOException {
        return MvtReader.loadMvt(new ByteArrayInputStream(mvt), new GeometryFactory(), new TagKeyValueMapConverter());
    }

    /** Under the module's target folder, which the build cleans, rather than one more folder left in /tmp per run. */
    private static Path temporaryFolder() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "tile-cache");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
