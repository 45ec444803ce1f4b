package org.chizu.forestry.products;

import java.nio.file.Path;
import java.util.List;

/**
 * The terrain (DEM: the mean of ground returns, ASPRS class 2, per cell) and the surface (DSM: the
 * highest first return per cell) of a survey's tiles over one grid, their gaps filled up to
 * {@link #GAP_FILL_METRES} from known cells; and the canopy height model (CHM = DSM − DEM, never below
 * zero). Cells further than that from any known cell stay empty (NaN), as {@code gdal_fillnodata}'s
 * maximum distance leaves them: a guess from far off is no terrain.
 */
public record SurfaceModels(Grid dem, Grid dsm, Grid chm) {

    /**
     * How far gaps are filled from their edges: a gap up to twice this across (a clearing, a pond, a
     * stand too dense for ground returns) fills whole.
     */
    public static final double GAP_FILL_METRES = 20;
    static final int GAP_FILL_RINGS = (int) Math.round(GAP_FILL_METRES / SurveyProducts.CELL_METRES);

    /** The models of the files' points that fall in the grid, each file decoded once. */
    public static SurfaceModels of(List<Path> files, Grid extent) {
        ReturnSums sums = new ReturnSums(extent.blank());
        for (Path file : files) {
            TileReader.read(file, sums::add);
        }
        return sums.models();
    }
}
