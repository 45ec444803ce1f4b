package org.chizu.forestry.products;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.trees.DetectedTree;
import org.chizu.forestry.trees.TreeTops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the rasters of a set of tiles in one coordinate system, block by block ({@link Block}), and
 * mosaics the blocks' cores with GDAL ({@code gdalbuildvrt}, then {@code gdal_translate -of COG}; one at a
 * time, since two at once were slower on a quiet two-core machine); and
 * finds the trees of each block's core.
 *
 * <p>Each tile is decoded once ({@link BlockSweep}; a tile along the edge between two 5 km strips of
 * a larger survey twice): its points go into the sums ({@link ReturnSums}) of every block whose
 * buffered area they fall in, and a block is finished (gaps filled, terrain, relief, trees, its core
 * written) and dropped as soon as the last tile it overlaps has been read. Memory is bounded by the
 * blocks in flight, 16 bytes a buffered cell each (20 MB for a 500 m block with its 30 m buffer),
 * plus the one being finished (about 80 MB): at most three rows of blocks across a strip, 30 blocks
 * (600 MB) however large the survey ({@code BlockSweepTest}).
 * It knows no database: {@link SurveyProducts} records what it makes.
 */
public final class BlockedProducts {

    private static final Logger log = LoggerFactory.getLogger(BlockedProducts.class);
    /** 1,000 × 1,000 cells: a block's rasters then take some 60 MB. */
    static final double BLOCK_METRES = 500;
    /**
     * What reaches over a block's edge besides the gap filling: the curvature's 5 m and the slope's
     * cell, and a tree's window and crown.
     */
    static final double NEIGHBOURHOOD_METRES = 10;
    /**
     * A gap fills from known cells up to {@link SurfaceModels#GAP_FILL_METRES} away, and what is read
     * off the filled models reaches {@link #NEIGHBOURHOOD_METRES} further: with that much buffer a
     * block's core equals one mosaic's whatever the gaps.
     */
    static final double BUFFER_METRES = SurfaceModels.GAP_FILL_METRES + NEIGHBOURHOOD_METRES;
    /** Curvature over ±5 m shows gullies and scarps rather than single stones. */
    private static final double CURVATURE_METRES = 5;

    private final double blockMetres;

    /** In blocks of 500 m. */
    public BlockedProducts() {
        this(BLOCK_METRES);
    }

    /** With blocks of another size, to see a small survey cut into several. */
    BlockedProducts(double blockMetres) {
        this.blockMetres = blockMetres;
    }

    /**
     * What a run made: the COGs, in the order of {@link ProductKind}, the trees found, in no
     * particular order, and the grid the products cover.
     */
    public record Made(List<MadeProduct> products, List<DetectedTree> trees, Grid extent) {
    }

    /**
     * The products of the tiles over a grid snapped to whole cells around them all, written as
     * {@code <kind>.tif} into {@code directory} (replacing what is there), with {@code work} as a
     * scratch folder; {@code reads} is told of each tile decoded.
     */
    public Made make(List<ArchivedTile> tiles, int srid, Path directory, Path work, TilesRead reads) throws IOException {
        Grid extent = extentOf(tiles);
        BlockGrid grid = new BlockGrid(extent, (int) Math.round(blockMetres / SurveyProducts.CELL_METRES),
                (int) Math.round(BUFFER_METRES / SurveyProducts.CELL_METRES));
        List<Block> blocks = grid.blocks();
        BlockSweep sweep = BlockSweep.plan(blocks, tiles, extent, blockMetres);
        ReturnSums[] inFlight = new ReturnSums[blocks.size()];
        Map<ProductKind, List<Path>> pieces = new EnumMap<>(ProductKind.class);
        List<DetectedTree> trees = new ArrayList<>();
        for (int t = 0; t < sweep.tiles().size(); t++) {
            ArchivedTile tile = sweep.tiles().get(t);
            for (int block : sweep.reached().get(t)) {
                if (inFlight[block] == null) {
                    inFlight[block] = new ReturnSums(blocks.get(block).bufferedGrid());
                }
            }
            long points = TileReader.read(tile.file(), (x, y, z, ground, first) -> {
                int col = extent.column(x), row = extent.row(y);
                if (col >= 0 && row >= 0) {
                    grid.holding(col, row, (block, blockCol, blockRow) -> {
                        ReturnSums sums = inFlight[block];
                        if (sums != null) { // null: a block of another strip, which gets the point when its strip reads the tile
                            sums.addAt(blockCol, blockRow, z, ground, first);
                        }
                    });
                }
            });
            reads.tileRead(tile, points, t + 1, sweep.tiles().size());
            for (int block : sweep.finished().get(t)) {
                finish(blocks.get(block), block, inFlight[block].models(), srid, work, pieces, trees);
                inFlight[block] = null;
            }
        }
        log.debug("{} tiles decoded {} times for {} blocks, at most {} blocks in flight", tiles.size(), sweep.tiles().size(), blocks.size(),
                sweep.peakInFlight());
        List<MadeProduct> made = new ArrayList<>();
        for (ProductKind kind : ProductKind.values()) {
            made.add(mosaic(kind, pieces.get(kind), extent, srid, directory, work));
        }
        return new Made(made, trees, extent);
    }

    /** A block's rasters and trees from its surface models: its core's pieces written, its core's trees kept. */
    private static void finish(Block block, int index, SurfaceModels models, int srid, Path work, Map<ProductKind, List<Path>> pieces,
            List<DetectedTree> trees) throws IOException {
        BlockRasters rasters = BlockRasters.of(models);
        for (ProductKind kind : ProductKind.values()) {
            Path piece = work.resolve(kind.id + "-" + index + ".tif");
            if (kind == ProductKind.CS_RELIEF) {
                GeoTiffs.writeRgb(block.coreGrid(), block.keep(rasters.csRelief()), srid, piece);
            } else {
                GeoTiffs.writeFloat(block.keep(rasters.of(kind)), srid, piece);
            }
            pieces.computeIfAbsent(kind, k -> new ArrayList<>()).add(piece);
        }
        TreeTops.find(rasters.chm()).stream().filter(tree -> block.inCore(tree.x(), tree.y())).forEach(trees::add);
    }

    /** A grid snapped to whole cells around every tile. */
    private static Grid extentOf(List<ArchivedTile> tiles) {
        double west = Math.floor(tiles.stream().mapToDouble(ArchivedTile::minX).min().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        double south = Math.floor(tiles.stream().mapToDouble(ArchivedTile::minY).min().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        double east = Math.ceil(tiles.stream().mapToDouble(ArchivedTile::maxX).max().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        double north = Math.ceil(tiles.stream().mapToDouble(ArchivedTile::maxY).max().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        int width = Math.max(1, (int) Math.round((east - west) / SurveyProducts.CELL_METRES));
        int height = Math.max(1, (int) Math.round((north - south) / SurveyProducts.CELL_METRES));
        return Grid.frame(width, height, west, north, SurveyProducts.CELL_METRES);
    }

    /** The rasters of one block, over its buffered area. */
    private record BlockRasters(Grid dem, Grid dsm, Grid chm, Grid slope, Grid hillshade, byte[][] csRelief) {

        static BlockRasters of(SurfaceModels models) {
            Grid slope = Terrain.slope(models.dem());
            Grid curvature = Terrain.curvature(models.dem(), (int) Math.round(CURVATURE_METRES / SurveyProducts.CELL_METRES));
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

    private static String number(double metres) {
        return java.math.BigDecimal.valueOf(metres).toPlainString();
    }
}
