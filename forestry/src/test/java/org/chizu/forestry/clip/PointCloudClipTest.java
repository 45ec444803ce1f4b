package org.chizu.forestry.clip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.forestry.testing.LasPointSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * The clip writes exactly the points a brute-force point-in-polygon test keeps, read back from the
 * LAS it wrote: across tiles, for a concave area with a hole, for a tile wholly inside the area, and
 * an empty but valid LAS for an area with no points.
 */
class PointCloudClipTest {

    /** Four 40 m tiles of synthetic forest in zone III, 80 m × 80 m in all. */
    static final double WEST = -60_000, SOUTH = -100_000;

    @TempDir
    static Path folder;
    static List<ArchivedTile> tiles = new ArrayList<>();

    @BeforeAll
    static void fourTilesOfForest() throws Exception {
        long id = 1;
        for (Path file : new SyntheticForest(11, 6671, WEST, SOUTH, 80, 8).writeTiles(folder, 40)) {
            LASHeader header = new LASReader(file.toFile()).getHeader();
            tiles.add(new ArchivedTile(id++, file.getFileName().toString(), file, 6671, Integer.toUnsignedLong(header.getLegacyNumberOfPointRecords()),
                    header.getMinX(), header.getMinY(), header.getMaxX(), header.getMaxY()));
        }
    }

    @Test
    void aConcaveAreaWithAHoleAcrossFourTilesKeepsExactlyThePointsInsideIt() throws Exception {
        Geometry area = arrowWithAHole();

        PointCloudClip.Clipped clipped = PointCloudClip.clip(tiles, area, 6671, folder.resolve("arrow.las"), read -> { });

        List<String> written = LasPointSets.all(List.of(folder.resolve("arrow.las")));
        List<String> bruteForce = LasPointSets.inside(tiles.stream().map(ArchivedTile::file).toList(), area);
        assertThat(bruteForce).as("the area holds points of every tile").hasSizeGreaterThan(10_000);
        assertThat(written).isEqualTo(bruteForce);
        assertThat(clipped.pointsWritten()).isEqualTo(bruteForce.size());
        assertThat(clipped.pointsRead()).isEqualTo(tiles.stream().mapToLong(ArchivedTile::pointCount).sum());
        LASHeader header = new LASReader(folder.resolve("arrow.las").toFile()).getHeader();
        assertThat(Integer.toUnsignedLong(header.getLegacyNumberOfPointRecords())).as("the header's count, patched at the end").isEqualTo(bruteForce.size());
    }

    @Test
    void copyingTheTilesRecordsWritesTheSameBytesAsDecodingEveryPoint() throws Exception {
        // the four tiles' offsets differ by whole metres, so every tile's records are copied, shifted to the first's
        Geometry area = arrowWithAHole();

        PointCloudClip.Clipped copied = PointCloudClip.clip(tiles, area, 6671, folder.resolve("copied.las"), read -> { },
                PointCloudClip.Reading.RECORDS_WHERE_KEPT);
        PointCloudClip.Clipped decoded = PointCloudClip.clip(tiles, area, 6671, folder.resolve("decoded.las"), read -> { },
                PointCloudClip.Reading.DECODED);

        assertThat(copied).isEqualTo(decoded);
        assertThat(Files.mismatch(folder.resolve("copied.las"), folder.resolve("decoded.las"))).as("first differing byte").isEqualTo(-1);
    }

    @Test
    void aTileWhollyInsideTheAreaIsCopiedPointForPoint() throws Exception {
        Geometry everything = new GeometryFactory().toGeometry(new Envelope(WEST - 5, WEST + 85, SOUTH - 5, SOUTH + 85));

        PointCloudClip.clip(tiles.subList(0, 1), everything, 6671, folder.resolve("whole.las"), read -> { });

        assertThat(LasPointSets.all(List.of(folder.resolve("whole.las")))).isEqualTo(LasPointSets.all(List.of(tiles.get(0).file())));
    }

    @Test
    void anAreaWithoutPointsGivesAnEmptyLasThatReadsBack() throws Exception {
        Geometry elsewhere = new GeometryFactory().createPoint(new Coordinate(WEST + 500, SOUTH + 500)).buffer(10);

        PointCloudClip.Clipped clipped = PointCloudClip.clip(tiles, elsewhere, 6671, folder.resolve("empty.las"), read -> { });

        assertThat(clipped.pointsWritten()).isZero();
        assertThat(LasPointSets.all(List.of(folder.resolve("empty.las")))).isEmpty();
        assertThat(Files.size(folder.resolve("empty.las"))).isEqualTo(ClipPlans.LAS_HEADER_BYTES);
    }

    /** A concave area with a hole, across the four tiles. */
    private static Geometry arrowWithAHole() throws Exception {
        return new WKTReader().read("""
                POLYGON((-59990 -99990, -59930 -99985, -59945 -99960, -59925 -99930, -59985 -99935, -59990 -99990),
                        (-59970 -99975, -59955 -99975, -59960 -99955, -59970 -99975))""");
    }
}
