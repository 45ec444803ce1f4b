import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chizu.forestry.clip.ClipManifest;
import org.chizu.forestry.clip.PointCloudClip;
import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.products.BlockedProducts;
import org.chizu.forestry.products.Grid;
import org.chizu.forestry.products.SurfaceModels;
import org.chizu.forestry.synthetic.DetectionAccuracy;
import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.forestry.synthetic.SyntheticTree;
import org.chizu.forestry.trees.DetectedTree;
import org.chizu.forestry.trees.TreeTops;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * The laser benchmark's Java side (bench/laser.sh):
 *   write DIR SIDE_METRES      a synthetic survey of one tile, SIDE × SIDE m at 8 pulses/m², in zone III
 *   decode FILE                laszip4j's own decode of every point (x, y, z, class): points, best of three and
 *                              first (a cold JVM, as a command's single pass is) in points/s
 *   trees SIDE_METRES          tree detection against the synthetic forest's known trees
 *   clip FILE OUT              the clip job's point-cloud step on one tile, taking turns with laszip4j's decode three
 *                              times: every point read, those inside a twelve-sided area over about two thirds of it
 *                              written as LAS, then its manifest entry (size, SHA-256); prints points read, points
 *                              written, the first clip's seconds and those of them spent on the SHA-256, and points
 *                              read per second: clip best of three and first, decode best of three and first
 *   products DIR SIDE TILE     a synthetic survey of SIDE × SIDE m in TILE × TILE m tiles, its products made in 500 m
 *                              blocks (DEM, DSM, CHM, slope, hillshade, CS relief as COG, trees), taking turns with
 *                              laszip4j's decode of every tile once; prints points, points a product run decoded,
 *                              then seconds: products best of two and first, decode best of two and first, and the
 *                              CPU seconds of this thread (GDAL's own processes left out), products and decode, best
 */
public class LaserBench {

    /** laszip4j's own decode of every point (x, y, z, class), in points per second. */
    static double decodeRate(Path file) {
        long started = System.nanoTime();
        long count = 0, checksum = 0;
        try (CloseablePointIterable cloud = new LASReader(file.toFile()).getCloseablePoints()) {
            for (LASPoint point : cloud) {
                checksum += point.getX() + point.getY() + point.getZ() + point.getClassification();
                count++;
            }
        }
        if (checksum == 42) {
            System.err.print(""); // keeps the JIT from dropping the reads
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    static long pointCount(Path file) {
        return Integer.toUnsignedLong(new LASReader(file.toFile()).getHeader().getLegacyNumberOfPointRecords());
    }

    /** A twelve-sided polygon inside the tile, so that edge tests and whole blocks both occur. */
    static Geometry dodecagon(LASHeader header) {
        double cx = (header.getMinX() + header.getMaxX()) / 2, cy = (header.getMinY() + header.getMaxY()) / 2;
        double radius = 0.47 * (header.getMaxX() - header.getMinX());
        Coordinate[] ring = new Coordinate[13];
        for (int i = 0; i < 12; i++) {
            double angle = Math.PI * 2 * i / 12;
            ring[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        }
        ring[12] = ring[0];
        return new GeometryFactory().createPolygon(ring);
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> {
                double side = Double.parseDouble(args[2]);
                List<Path> tiles = new SyntheticForest(2026, 6671, -50_000, -90_000, side, 8).writeTiles(Path.of(args[1]), side);
                System.out.println(tiles.get(0));
            }
            case "decode" -> {
                double best = 0, first = 0;
                for (int run = 0; run < 3; run++) {
                    double rate = decodeRate(Path.of(args[1]));
                    best = Math.max(best, rate);
                    first = run == 0 ? rate : first;
                }
                System.out.printf("%d %.0f %.0f%n", pointCount(Path.of(args[1])), best, first);
            }
            case "trees" -> {
                double side = Double.parseDouble(args[1]);
                SyntheticForest forest = new SyntheticForest(77, 6671, -40_000, -80_000, side, 8);
                Path directory = Files.createTempDirectory("laser-bench-trees");
                List<Path> tiles = forest.writeTiles(directory, side);
                int cells = (int) (side / 0.5);
                Grid chm = SurfaceModels.of(tiles, Grid.empty(cells, cells, -40_000, -80_000 + side, 0.5)).chm();
                List<DetectedTree> found = TreeTops.find(chm);
                // crowns cut by the survey's edge are not whole: judge the trees 3 m inside it
                double west = -40_000 + 3, east = -40_000 + side - 3, south = -80_000 + 3, north = -80_000 + side - 3;
                List<SyntheticTree> known = forest.trees().stream()
                        .filter(t -> t.x() > west && t.x() < east && t.y() > south && t.y() < north).toList();
                List<DetectedTree> inside = found.stream()
                        .filter(t -> t.x() > west && t.x() < east && t.y() > south && t.y() < north).toList();
                System.out.println(DetectionAccuracy.of(known, inside, 1.5));
                for (Path tile : tiles) {
                    Files.delete(tile);
                }
                Files.delete(directory);
            }
            case "clip" -> {
                Path file = Path.of(args[1]);
                LASHeader header = new LASReader(file.toFile()).getHeader();
                ArchivedTile tile = new ArchivedTile(1, file.getFileName().toString(), file, 6671, pointCount(file), header.getMinX(), header.getMinY(), header.getMaxX(), header.getMaxY());
                // decode and clip take turns in one JVM, so that the machine's load weighs on both alike
                double best = 0, first = 0, firstSeconds = 0, firstHashing = 0, decodeBest = 0, decodeFirst = 0;
                PointCloudClip.Clipped clipped = null;
                for (int run = 0; run < 3; run++) {
                    double decodeRate = decodeRate(file);
                    long started = System.nanoTime();
                    clipped = PointCloudClip.clip(List.of(tile), dodecagon(header), 6671, Path.of(args[2]), read -> { });
                    double clipping = (System.nanoTime() - started) / 1e9;
                    ClipManifest.File.of(Path.of(args[2]), "point_cloud", "application/vnd.las");
                    double seconds = (System.nanoTime() - started) / 1e9;
                    best = Math.max(best, clipped.pointsRead() / seconds);
                    decodeBest = Math.max(decodeBest, decodeRate);
                    if (run == 0) {
                        first = clipped.pointsRead() / seconds;
                        decodeFirst = decodeRate;
                        firstSeconds = seconds;
                        firstHashing = seconds - clipping;
                    }
                }
                System.out.printf("%d %d %.1f %.1f %.0f %.0f %.0f %.0f%n", clipped.pointsRead(), clipped.pointsWritten(), firstSeconds,
                        firstHashing, best, first, decodeBest, decodeFirst);
            }
            case "products" -> {
                double side = Double.parseDouble(args[2]), tileSide = Double.parseDouble(args[3]);
                List<Path> files = new SyntheticForest(2026, 6671, -50_000, -90_000, side, 8).writeTiles(Path.of(args[1]), tileSide);
                List<ArchivedTile> tiles = files.stream().map(file -> {
                    LASHeader header = new LASReader(file.toFile()).getHeader();
                    return new ArchivedTile(1, file.getFileName().toString(), file, 6671, pointCount(file), header.getMinX(),
                            header.getMinY(), header.getMaxX(), header.getMaxY());
                }).toList();
                long points = tiles.stream().mapToLong(ArchivedTile::pointCount).sum();
                Path out = Files.createDirectories(Path.of(args[1]).resolve("products"));
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                double best = Double.MAX_VALUE, first = 0, decodeBest = Double.MAX_VALUE, decodeFirst = 0;
                double cpuBest = Double.MAX_VALUE, decodeCpuBest = Double.MAX_VALUE;
                long decodedPoints = 0;
                for (int run = 0; run < 2; run++) {
                    long started = System.nanoTime(), cpu = threads.getCurrentThreadCpuTime();
                    for (Path file : files) {
                        decodeRate(file);
                    }
                    double decoding = (System.nanoTime() - started) / 1e9;
                    decodeCpuBest = Math.min(decodeCpuBest, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                    Path work = Files.createTempDirectory(out, "work");
                    started = System.nanoTime();
                    cpu = threads.getCurrentThreadCpuTime();
                    long[] decoded = {0};
                    new BlockedProducts().make(tiles, 6671, out, work, (tile, read, tilesRead, all) -> decoded[0] += read);
                    decodedPoints = decoded[0];
                    double making = (System.nanoTime() - started) / 1e9;
                    cpuBest = Math.min(cpuBest, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                    try (var paths = Files.walk(work)) {
                        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                    }
                    best = Math.min(best, making);
                    decodeBest = Math.min(decodeBest, decoding);
                    if (run == 0) {
                        first = making;
                        decodeFirst = decoding;
                    }
                }
                System.out.printf("%d %d %.1f %.1f %.1f %.1f %.2f %.2f%n", points, decodedPoints, best, first, decodeBest, decodeFirst, cpuBest,
                        decodeCpuBest);
            }
            default -> throw new IllegalArgumentException("write, decode, trees, clip or products");
        }
    }
}
