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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a survey's rasters from its archived points: DEM, DSM and CHM, and from the DEM slope,
 * hillshade and the CS relief, each one mosaic over all the survey's tiles, written as
 * Cloud-Optimized GeoTIFF and recorded in {@code laser_product}; then finds the trees in the CHM and
 * records them as forest resources. Making them again replaces them.
 */
@Service
public class SurveyProducts {

    private static final Logger log = LoggerFactory.getLogger(SurveyProducts.class);
    /** Half a metre resolves single crowns at a forestry survey's 4–16 points/m². */
    public static final double CELL_METRES = 0.5;
    /** Curvature over ±5 m shows gullies and scarps rather than single stones. */
    private static final double CURVATURE_METRES = 5;

    private final LaserArchive archive;
    private final ForestResources resources;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public SurveyProducts(LaserArchive archive, ForestResources resources, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.archive = archive;
        this.resources = resources;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public List<MadeProduct> make(long surveyId) {
        List<ArchivedTile> tiles = archive.tiles(surveyId);
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("survey " + surveyId + " has no tiles yet");
        }
        int srid = tiles.get(0).srid();
        if (tiles.stream().anyMatch(tile -> tile.srid() != srid)) {
            throw new IllegalArgumentException("the tiles of survey " + surveyId
                    + " are in more than one coordinate system; a mosaic needs one");
        }
        Grid extent = extentOf(tiles);
        SurfaceModels models = SurfaceModels.of(tiles.stream().map(ArchivedTile::file).toList(), extent);
        Grid slope = Terrain.slope(models.dem());
        Grid curvature = Terrain.curvature(models.dem(), (int) Math.round(CURVATURE_METRES / CELL_METRES));
        Path directory = archive.productDirectory(surveyId);
        List<MadeProduct> made = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            made.add(writeFloat(ProductKind.DEM, models.dem(), srid, directory));
            made.add(writeFloat(ProductKind.DSM, models.dsm(), srid, directory));
            made.add(writeFloat(ProductKind.CHM, models.chm(), srid, directory));
            made.add(writeFloat(ProductKind.SLOPE, slope, srid, directory));
            made.add(writeFloat(ProductKind.HILLSHADE, Terrain.hillshade(models.dem()), srid, directory));
            Path relief = Files.createTempFile(directory, "cs-relief", ".tif");
            GeoTiffs.writeRgb(extent, CsRelief.render(slope, curvature), srid, relief);
            MadeProduct csRelief = asCog(ProductKind.CS_RELIEF, relief, extent, srid, directory);
            made.add(csRelief);
            ReliefTiles.cut(csRelief.file(), CELL_METRES, reliefTileDirectory(surveyId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the products of survey " + surveyId, e);
        }
        record(surveyId, made, extent);
        List<DetectedTree> trees = TreeTops.find(models.chm());
        resources.record(surveyId, srid, trees);
        log.info("Survey {}: {} products of {}×{} cells at {} m, {} trees", surveyId, made.size(), extent.width(),
                extent.height(), CELL_METRES, trees.size());
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

    /** A grid snapped to whole cells around every tile. */
    private static Grid extentOf(List<ArchivedTile> tiles) {
        double west = Math.floor(tiles.stream().mapToDouble(ArchivedTile::minX).min().orElseThrow() / CELL_METRES) * CELL_METRES;
        double south = Math.floor(tiles.stream().mapToDouble(ArchivedTile::minY).min().orElseThrow() / CELL_METRES) * CELL_METRES;
        double east = Math.ceil(tiles.stream().mapToDouble(ArchivedTile::maxX).max().orElseThrow() / CELL_METRES) * CELL_METRES;
        double north = Math.ceil(tiles.stream().mapToDouble(ArchivedTile::maxY).max().orElseThrow() / CELL_METRES) * CELL_METRES;
        int width = Math.max(1, (int) Math.round((east - west) / CELL_METRES));
        int height = Math.max(1, (int) Math.round((north - south) / CELL_METRES));
        return Grid.empty(width, height, west, north, CELL_METRES);
    }

    private static MadeProduct writeFloat(ProductKind kind, Grid grid, int srid, Path directory) throws IOException {
        Path plain = Files.createTempFile(directory, kind.id, ".tif");
        GeoTiffs.writeFloat(grid, srid, plain);
        return asCog(kind, plain, grid, srid, directory);
    }

    private static MadeProduct asCog(ProductKind kind, Path plain, Grid grid, int srid, Path directory) throws IOException {
        Path cog = directory.resolve(kind.id + ".tif");
        Path partial = Files.createTempFile(directory, kind.id, ".cog.partial");
        try {
            Files.delete(partial);
            Cog.convert(plain, partial);
            Files.move(partial, cog, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(partial);
        }
        return new MadeProduct(kind, cog, srid, grid.cell(), grid.width(), grid.height());
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
