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

/**
 * Makes the rasters of a set of tiles in one coordinate system, block by block ({@link Block}), and
 * mosaics the blocks' cores with GDAL ({@code gdalbuildvrt}, then {@code gdal_translate -of COG}), so
 * memory is bounded by a block however large the survey; and finds the trees of each block's core.
 * It knows no database: {@link SurveyProducts} records what it makes.
 */
public final class BlockedProducts {

    /** 1,000 × 1,000 cells: a block's rasters then take some 60 MB. */
    static final double BLOCK_METRES = 500;
    /**
     * What reaches over a block's edge: the curvature's 5 m and the slope's cell, a crown's radius, and
     * the gap filling, which takes one cell per step inwards: gaps up to about 9 m across fill exactly
     * as in one mosaic, wider ones (rare under a 4 points/m² survey) from the block's side of them.
     */
    static final double BUFFER_METRES = 15;
    /** Curvature over ±5 m shows gullies and scarps rather than single stones. */
    private static final double CURVATURE_METRES = 5;

    private final int blockCells;

    /** In blocks of 500 m. */
    public BlockedProducts() {
        this(BLOCK_METRES);
    }

    /** With blocks of another size, to see a small survey cut into several. */
    BlockedProducts(double blockMetres) {
        this.blockCells = (int) Math.round(blockMetres / SurveyProducts.CELL_METRES);
    }

    /**
     * What a run made: the COGs, in the order of {@link ProductKind}, and the trees found, in no
     * particular order.
     */
    public record Made(List<MadeProduct> products, List<DetectedTree> trees, Grid extent) {
    }

    /**
     * The products of the tiles over a grid snapped to whole cells around them all, written as
     * {@code <kind>.tif} into {@code directory} (replacing what is there), with {@code work} as a
     * scratch folder.
     */
    public Made make(List<ArchivedTile> tiles, int srid, Path directory, Path work) throws IOException {
        Grid extent = extentOf(tiles);
        Map<ProductKind, List<Path>> pieces = new EnumMap<>(ProductKind.class);
        List<DetectedTree> trees = new ArrayList<>();
        List<Block> blocks = Block.cut(extent, blockCells, (int) Math.round(BUFFER_METRES / SurveyProducts.CELL_METRES));
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            List<Path> files = tiles.stream().filter(tile -> block.reads(tile.minX(), tile.minY(), tile.maxX(), tile.maxY()))
                    .map(ArchivedTile::file).toList();
            if (files.isEmpty()) {
                continue; // no points near: the mosaic has no data there
            }
            BlockRasters rasters = BlockRasters.of(SurfaceModels.of(files, block.buffered()));
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
        List<MadeProduct> made = new ArrayList<>();
        for (ProductKind kind : ProductKind.values()) {
            made.add(mosaic(kind, pieces.get(kind), extent, srid, directory, work));
        }
        return new Made(made, trees, extent);
    }

    /** A grid snapped to whole cells around every tile. */
    private static Grid extentOf(List<ArchivedTile> tiles) {
        double west = Math.floor(tiles.stream().mapToDouble(ArchivedTile::minX).min().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        double south = Math.floor(tiles.stream().mapToDouble(ArchivedTile::minY).min().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        double east = Math.ceil(tiles.stream().mapToDouble(ArchivedTile::maxX).max().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        double north = Math.ceil(tiles.stream().mapToDouble(ArchivedTile::maxY).max().orElseThrow() / SurveyProducts.CELL_METRES) * SurveyProducts.CELL_METRES;
        int width = Math.max(1, (int) Math.round((east - west) / SurveyProducts.CELL_METRES));
        int height = Math.max(1, (int) Math.round((north - south) / SurveyProducts.CELL_METRES));
        return Grid.empty(width, height, west, north, SurveyProducts.CELL_METRES);
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
