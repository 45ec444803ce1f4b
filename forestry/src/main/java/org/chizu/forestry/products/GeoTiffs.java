package org.chizu.forestry.products;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

/**
 * Writes rasters as GeoTIFF with mil.nga's tiff library: a tie point at the north-west corner, the
 * cell size, and the coordinate system as an EPSG code in the GeoKey directory, which is all GDAL and
 * QGIS need to place them. These are plain striped GeoTIFFs; {@link Cog} turns them into
 * Cloud-Optimized ones.
 */
final class GeoTiffs {

    /** What GDAL and QGIS take as "no data" in a float band where the grid holds NaN. */
    static final float NO_DATA = -9999f;

    private GeoTiffs() {
    }

    /** One band of 32-bit floats (elevations, heights, slopes). */
    static void writeFloat(Grid grid, int srid, Path file) throws IOException {
        Rasters rasters = new Rasters(grid.width(), grid.height(), 1, FieldType.FLOAT);
        for (int row = 0; row < grid.height(); row++) {
            for (int col = 0; col < grid.width(); col++) {
                float value = grid.get(col, row);
                rasters.setFirstPixelSample(col, row, Float.isNaN(value) ? NO_DATA : value);
            }
        }
        FileDirectory directory = directory(grid, srid, rasters, TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO,
                TiffConstants.SAMPLE_FORMAT_FLOAT);
        directory.setStringEntryValue(FieldTagType.GDAL_NODATA, String.valueOf((int) NO_DATA));
        TiffWriter.writeTiff(file.toFile(), new TIFFImage(directory));
    }

    /** Three bands of bytes, red, green and blue, for a picture of the ground such as the CS relief. */
    static void writeRgb(Grid georeference, byte[][] rgb, int srid, Path file) throws IOException {
        Rasters rasters = new Rasters(georeference.width(), georeference.height(), 3, FieldType.BYTE);
        for (int row = 0; row < georeference.height(); row++) {
            for (int col = 0; col < georeference.width(); col++) {
                int at = row * georeference.width() + col;
                for (int band = 0; band < 3; band++) {
                    rasters.setPixelSample(band, col, row, Byte.toUnsignedInt(rgb[band][at]));
                }
            }
        }
        TiffWriter.writeTiff(file.toFile(), new TIFFImage(directory(georeference, srid, rasters,
                TiffConstants.PHOTOMETRIC_INTERPRETATION_RGB, TiffConstants.SAMPLE_FORMAT_UNSIGNED_INT)));
    }

    private static FileDirectory directory(Grid grid, int srid, Rasters rasters, int photometric, int sampleFormat) {
        FileDirectory directory = new FileDirectory();
        directory.setImageWidth(grid.width());
        directory.setImageHeight(grid.height());
        directory.setBitsPerSample(rasters.getBitsPerSample());
        directory.setSamplesPerPixel(rasters.getSamplesPerPixel());
        directory.setCompression(TiffConstants.COMPRESSION_NO);
        directory.setPhotometricInterpretation(photometric);
        directory.setRowsPerStrip(rasters.calculateRowsPerStrip(TiffConstants.PLANAR_CONFIGURATION_CHUNKY));
        directory.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
        directory.setSampleFormat(sampleFormat);
        directory.setWriteRasters(rasters);
        directory.setModelPixelScale(List.of(grid.cell(), grid.cell(), 0.0));
        directory.setModelTiepoint(List.of(0.0, 0.0, 0.0, grid.west(), grid.north(), 0.0));
        // GeoKey directory: version 1.1.0, three keys — a projected model, pixels as areas, its EPSG code
        List<Integer> keys = List.of(1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, srid);
        directory.addEntry(new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, keys.size(), keys));
        return directory;
    }
}
