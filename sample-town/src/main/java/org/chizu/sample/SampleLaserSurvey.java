package org.chizu.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.products.SurveyProducts;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.gis.municipalities.Municipalities;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample town's airborne laser survey, flown for 安来市 as Yasugi surveyed its forests: a
 * synthetic forest (known trees on hilly ground, 8 pulses a square metre) over the town's largest
 * スギ sub-compartment of the generated forest register, archived and made into its rasters and forest
 * resources as a real survey would be. The same every run.
 */
final class SampleLaserSurvey {

    static final String NAME = "サンプル航空レーザ計測（生成データ）";
    static final String SURVEYING_BODY = "安来市（サンプル）";
    /** Shimane lies in plane rectangular zone III. */
    private static final int ZONE_III = 6671;
    private static final double SIDE_METRES = 300, TILE_METRES = 150, PULSES_PER_SQUARE_METRE = 8;
    private static final long SEED = 2026;

    private final JdbcTemplate jdbc;
    private final Municipalities municipalities;
    private final LaserArchive archive;
    private final SurveyProducts products;

    SampleLaserSurvey(JdbcTemplate jdbc, Municipalities municipalities, LaserArchive archive, SurveyProducts products) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.archive = archive;
        this.products = products;
    }

    /** Flies the survey over the forest register just generated; returns its tile count. */
    int fly() {
        double[] centre = jdbc.queryForObject("""
                select ST_X(c), ST_Y(c) from (
                    select ST_Transform(ST_PointOnSurface(geom), ?) as c from forests
                    where species = 'スギ' and ST_Within(geom, ST_GeomFromText(?, 6668))
                    order by ST_Area(geom) desc, id limit 1) largest""",
                (row, n) -> new double[] {Math.round(row.getDouble(1)), Math.round(row.getDouble(2))}, ZONE_III,
                municipalities.boundary(Town.YASUGI.code()).orElseThrow().toText());
        SyntheticForest forest = new SyntheticForest(SEED, ZONE_III, centre[0] - SIDE_METRES / 2, centre[1] - SIDE_METRES / 2,
                SIDE_METRES, PULSES_PER_SQUARE_METRE);
        Path flight = null;
        try {
            flight = Files.createTempDirectory("chizu-sample-laser");
            List<Path> tiles = forest.writeTiles(flight, TILE_METRES);
            long survey = archive.survey(NAME, SURVEYING_BODY);
            tiles.forEach(tile -> archive.ingest(survey, tile, OptionalInt.empty()));
            products.make(survey);
            return tiles.size();
        } catch (IOException e) {
            throw new UncheckedIOException("could not fly the sample laser survey", e);
        } finally {
            deleteQuietly(flight);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it in the end
        }
    }
}
