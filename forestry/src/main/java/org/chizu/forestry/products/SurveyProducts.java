package org.chizu.forestry.products;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 * <p>The survey's grid is computed block by block ({@link Block}), each from the tiles its buffered
 * area overlaps, and each block's core written as its own GeoTIFF; GDAL mosaics the pieces
 * ({@code gdalbuildvrt}) and writes the COG from the mosaic ({@code gdal_translate -of COG}), so
 * memory is bounded by a block however large the survey. The buffer makes a block's edge cells equal
 * to one mosaic's: no seams.
 */
@Service
public class SurveyProducts {

    private static final Logger log = LoggerFactory.getLogger(SurveyProducts.class);
    /** Half a metre resolves single crowns at a forestry survey's 4–16 points/m². */
    public static final double CELL_METRES = 0.5;
    /** Curvature over ±5 m shows gullies and scarps rather than single stones. */
    private static final double CURVATURE_METRES = 5;
    /** 1,000 × 1,000 cells: a block's rasters then take some 60 MB. */
    static final double BLOCK_METRES = 500;
    /**
     * What reaches over a block's edge: the curvature's 5 m and the slope's cell, a crown's radius, and
     * the gap filling, which takes one cell per step inwards: gaps up to about 9 m across fill exactly
     * as in one mosaic, wider ones (rare under a 4 points/m² survey) from the block's side of them.
     */
    static final double BUFFER_METRES = 15;

    private final LaserArchive archive;
    private final ForestResources resources;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int blockCells;

    @Autowired
    public SurveyProducts(LaserArchive archive, ForestResources resources, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this(archive, resources, jdbc, transaction, BLOCK_METRES);
    }

    /** With blocks of another size, to see a small survey cut into several. */
    SurveyProducts(LaserArchive archive, ForestResources resources, JdbcTemplate jdbc, TransactionTemplate transaction, double blockMetres) {
        this.archive = archive;
        this.resources = resources;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.blockCells = (int) Math.round(blockMetres / CELL_METRES);
    }

    /** The rasters of one block, over its buffered area. */
    private record BlockRasters(Grid dem, Grid dsm, Grid chm, Grid slope, Grid hillshade, byte[][] csRelief) {

        static BlockRasters of(List<Path> files, Grid buffered) {
            SurfaceModels models = SurfaceModels.of(files, buffered);
            Grid slope = Terrain.slope(models.dem());
            Grid curvature = Terrain.curvature(models.dem(), (int) Math.round(CURVATURE_METRES / CELL_METRES));
            return new BlockRasters(models.dem(), models.dsm(), models.chm(), slope, Terrain.hillshade(models.dem()),
                    CsRelief.render(slope, curvature));
        }

        Grid of(ProductKind kind) {
            return switch (kind) {
                case DEM -> dem;
                case DSM -> dsm;
                case CHM -> chm;
                case SLOPE -> slope;
                case HILLSHADE -> hillshade;
                case CS_RELIEF -> throw new IllegalArgumentException("the CS relief is a picture, not a grid");
            };
        }
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
        Path directory = archive.productDirectory(surveyId);
        List<MadeProduct> made = new ArrayList<>();
        List<DetectedTree> trees = new ArrayList<>();
        Path work = null;
        try {
            Files.createDirectories(directory);
            work = Files.createTempDirectory(directory, "blocks");
            Map<ProductKind, List<Path>> pieces = new EnumMap<>(ProductKind.class);
            List<Block> blocks = Block.cut(extent, blockCells, (int) Math.round(BUFFER_METRES / CELL_METRES));
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                List<Path> files = tiles.stream().filter(tile -> block.reads(tile.minX(), tile.minY(), tile.maxX(), tile.maxY()))
                        .map(ArchivedTile::file).toList();
                if (files.isEmpty()) {
                    continue; // no points near: the mosaic has no data there
                }
                BlockRasters rasters = BlockRasters.of(files, block.buffered());
                for (ProductKind kind : ProductKind.values()) {
                    Path piece = work.resolve(kind.id + "-" + i + ".tif");
                    if (kind == ProductKind.CS_RELIEF) {
                        GeoTiffs.writeRgb(block.core(), block.keep(rasters.csRelief()), srid, piece);
                    } else {
                        GeoTiffs.writeFloat(block.keep(rasters.of(kind)), srid, piece);
                    }
                    pieces.computeIfAbsent(kind, k -> new ArrayList<>()).add(piece);
                }
                TreeTops.find(rasters.chm()).stream().filter(tree -> block.inCore(tree.x(), tree.y())).forEach(trees::add);
            }
            for (ProductKind kind : ProductKind.values()) {
                made.add(mosaic(kind, pieces.get(kind), extent, srid, directory, work));
            }
            ReliefTiles.cut(made.getLast().file(), CELL_METRES, reliefTileDirectory(surveyId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the products of survey " + surveyId, e);
        } finally {
            deleteQuietly(work);
        }
        record(surveyId, made, extent);
        List<DetectedTree> numbered = inReadingOrder(trees);
        resources.record(surveyId, srid, numbered);
        log.info("Survey {}: {} products of {}×{} cells at {} m in blocks of {} cells, {} trees", surveyId, made.size(), extent.width(),
                extent.height(), CELL_METRES, blockCells, numbered.size());
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

    /** The blocks' pieces of one product as one COG over the survey's grid. */
    private static MadeProduct mosaic(ProductKind kind, List<Path> pieces, Grid extent, int srid, Path directory, Path work)
            throws IOException {
        Path vrt = work.resolve(kind.id + ".vrt");
        List<String> command = new ArrayList<>(List.of("gdalbuildvrt", "-q", "-te", number(extent.west()),
                number(extent.north() - extent.height() * extent.cell()), number(extent.west() + extent.width() * extent.cell()),
                number(extent.north()), vrt.toString()));
        pieces.forEach(piece -> command.add(piece.toString()));
        Gdal.run("mosaic the blocks of " + kind.id, java.time.Duration.ofMinutes(10), command);
        return asCog(kind, vrt, extent, srid, directory);
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

    private static String number(double metres) {
        return java.math.BigDecimal.valueOf(metres).toPlainString();
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
