package org.chizu.forestry.products;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.trees.DetectedTree;
import org.chizu.forestry.trees.ForestResources;
import org.chizu.forestry.trees.TreeTops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a survey's rasters from its archived points: DEM, DSM and CHM, and from the DEM slope,
 * hillshade and the CS relief, written as Cloud-Optimized GeoTIFF and recorded in
 * {@code laser_product}; then finds the trees in the CHM and records them as forest resources. Making
 * them again replaces them.
 *
 * <p>The survey's grid is computed block by block, each tile decoded once ({@link BlockedProducts}),
 * and each block's core written as its own GeoTIFF; GDAL mosaics the pieces ({@code gdalbuildvrt}) and
 * writes the COG from the mosaic ({@code gdal_translate -of COG}). The buffer makes a block's cells
 * equal to one mosaic's: no seams.
 */
@Service
public class SurveyProducts {

    private static final Logger log = LoggerFactory.getLogger(SurveyProducts.class);
    /** Half a metre resolves single crowns at a forestry survey's 4–16 points/m². */
    public static final double CELL_METRES = 0.5;
    private final LaserArchive archive;
    private final ForestResources resources;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockedProducts blocked;

    @Autowired
    public SurveyProducts(LaserArchive archive, ForestResources resources, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this(archive, resources, jdbc, transaction, new BlockedProducts());
    }

    /** With blocks of another size, to see a small survey cut into several. */
    SurveyProducts(LaserArchive archive, ForestResources resources, JdbcTemplate jdbc, TransactionTemplate transaction, BlockedProducts blocked) {
        this.archive = archive;
        this.resources = resources;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.blocked = blocked;
    }

    public List<MadeProduct> make(long surveyId) {
        return make(surveyId, TilesRead.IGNORED);
    }

    /** Makes the products, telling {@code reads} of each tile decoded (each once). */
    public List<MadeProduct> make(long surveyId, TilesRead reads) {
        List<ArchivedTile> tiles = archive.tiles(surveyId);
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("survey " + surveyId + " has no tiles yet");
        }
        int srid = tiles.get(0).srid();
        if (tiles.stream().anyMatch(tile -> tile.srid() != srid)) {
            throw new IllegalArgumentException("the tiles of survey " + surveyId
                    + " are in more than one coordinate system; a mosaic needs one");
        }
        Path directory = archive.productDirectory(surveyId);
        BlockedProducts.Made run;
        Path work = null;
        try {
            Files.createDirectories(directory);
            work = Files.createTempDirectory(directory, "blocks");
            run = blocked.make(tiles, srid, directory, work, reads);
            ReliefTiles.cut(run.products().getLast().file(), CELL_METRES, reliefTileDirectory(surveyId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the products of survey " + surveyId, e);
        } finally {
            deleteQuietly(work);
        }
        List<MadeProduct> made = run.products();
        Grid extent = run.extent();
        record(surveyId, made, extent);
        List<DetectedTree> numbered = inReadingOrder(run.trees());
        resources.record(surveyId, srid, numbered);
        log.info("Survey {}: {} products of {}×{} cells at {} m {} trees", surveyId, made.size(), extent.width(),
                extent.height(), CELL_METRES, numbered.size());
        return made;
    }

    /** Where the CS relief's web-map tiles of a survey are, {z}/{x}/{y}.png under it (XYZ numbering). */
    public Path reliefTileDirectory(long surveyId) {
        return archive.productDirectory(surveyId).resolve("tiles").resolve(ProductKind.CS_RELIEF.id);
    }

    /** The zooms the CS relief tiles are cut for. */
    public static int[] reliefZooms() {
        return new int[] {ReliefTiles.MIN_ZOOM, ReliefTiles.maxZoom(CELL_METRES)};
    }

    /** The rasters made for a survey so far. */
    public List<MadeProduct> made(long surveyId) {
        Path directory = archive.productDirectory(surveyId);
        return jdbc.query("select kind, file_name, srid, cell_metres, width, height from laser_product where survey_id = ? order by kind",
                (row, n) -> new MadeProduct(ProductKind.of(row.getString("kind")), directory.resolve(row.getString("file_name")),
                        row.getInt("srid"), row.getDouble("cell_metres"), row.getInt("width"), row.getInt("height")), surveyId);
    }

    /** Trees as a map is read, from the north-west row by row, numbered from 1: as one mosaic would find them. */
    private static List<DetectedTree> inReadingOrder(List<DetectedTree> trees) {
        List<DetectedTree> sorted = trees.stream()
                .sorted(java.util.Comparator.comparingDouble(DetectedTree::y).reversed().thenComparingDouble(DetectedTree::x)).toList();
        List<DetectedTree> numbered = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            DetectedTree tree = sorted.get(i);
            numbered.add(new DetectedTree(i + 1, tree.x(), tree.y(), tree.height(), tree.crownAreaSquareMetres()));
        }
        return numbered;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove the work directory {}: {}", directory, e.getMessage());
        }
    }

    private void record(long surveyId, List<MadeProduct> made, Grid extent) {
        double south = extent.north() - extent.height() * extent.cell(), east = extent.west() + extent.width() * extent.cell();
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from laser_product where survey_id = ?", surveyId);
            for (MadeProduct product : made) {
                jdbc.update("""
                        insert into laser_product (survey_id, kind, file_name, srid, cell_metres, width, height, footprint)
                        values (?, ?, ?, ?, ?, ?, ?, ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, ?), 6668))""",
                        surveyId, product.kind().id, product.file().getFileName().toString(), product.srid(), product.cellMetres(),
                        product.width(), product.height(), extent.west(), south, east, extent.north(), product.srid());
            }
        });
    }
}
