package org.chizu.forestry.products;

import java.nio.file.Path;
import java.util.List;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * The terrain (DEM: the mean of ground returns, ASPRS class 2, per cell) and the surface (DSM: the
 * highest first return per cell) of a survey's tiles over one grid, read in one pass per file, their
 * gaps filled; and the canopy height model (CHM = DSM − DEM, never below zero).
 */
public record SurfaceModels(Grid dem, Grid dsm, Grid chm) {

    private static final int GROUND = 2;

    public static SurfaceModels of(List<Path> files, Grid extent) {
        double[] groundSum = new double[extent.width() * extent.height()];
        int[] groundCount = new int[groundSum.length];
        Grid dsm = extent.blank();
        for (Path file : files) {
            LASReader reader = new LASReader(file.toFile());
            LASHeader header = reader.getHeader();
            try (CloseablePointIterable points = reader.getCloseablePoints()) {
                for (LASPoint point : points) {
                    int col = extent.column(header.getXOffset() + point.getX() * header.getXScaleFactor());
                    int row = extent.row(header.getYOffset() + point.getY() * header.getYScaleFactor());
                    if (col < 0 || row < 0) {
                        continue;
                    }
                    float z = (float) (header.getZOffset() + point.getZ() * header.getZScaleFactor());
                    if (point.getClassification() == GROUND) {
                        groundSum[row * extent.width() + col] += z;
                        groundCount[row * extent.width() + col]++;
                    }
                    if (point.getReturnNumber() <= 1 && !(dsm.get(col, row) >= z)) {
                        dsm.set(col, row, z);
                    }
                }
            }
        }
        Grid dem = extent.blank();
        for (int at = 0; at < groundSum.length; at++) {
            if (groundCount[at] > 0) {
                dem.values()[at] = (float) (groundSum[at] / groundCount[at]);
            }
        }
        Grid filledDem = GapFill.fill(dem);
        Grid filledDsm = GapFill.fill(dsm);
        Grid chm = extent.blank();
        for (int at = 0; at < chm.values().length; at++) {
            chm.values()[at] = Math.max(0, filledDsm.values()[at] - filledDem.values()[at]);
        }
        return new SurfaceModels(filledDem, filledDsm, chm);
    }
}
