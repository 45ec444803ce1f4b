package org.chizu.forestry.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The products of a blocked run read back by GDAL and held against the same survey computed as one mosaic in memory. */
final class ProductRasters {

    private ProductRasters() {
    }

    /** Every product of the run equals the one mosaic's: heights within 1 mm, slope and hillshade within 0.01, the relief's bytes. */
    static void assertEqualToOneMosaic(List<MadeProduct> made, SurfaceModels whole, Path scratch) throws Exception {
        Grid survey = whole.dem();
        Grid wholeSlope = Terrain.slope(whole.dem());
        assertThat(maxDifference(read(made, ProductKind.DEM, 1, survey, scratch), whole.dem())).as("DEM (m)").isLessThan(0.001);
        assertThat(maxDifference(read(made, ProductKind.DSM, 1, survey, scratch), whole.dsm())).as("DSM (m)").isLessThan(0.001);
        assertThat(maxDifference(read(made, ProductKind.CHM, 1, survey, scratch), whole.chm())).as("CHM (m)").isLessThan(0.001);
        assertThat(maxDifference(read(made, ProductKind.SLOPE, 1, survey, scratch), wholeSlope)).as("slope (°)").isLessThan(0.01);
        assertThat(maxDifference(read(made, ProductKind.HILLSHADE, 1, survey, scratch), Terrain.hillshade(whole.dem()))).as("hillshade")
                .isLessThan(0.01);
        byte[][] relief = CsRelief.render(wholeSlope, Terrain.curvature(whole.dem(), 10));
        for (int band = 0; band < 3; band++) {
            Grid expected = survey.blank();
            for (int at = 0; at < expected.values().length; at++) {
                expected.values()[at] = Byte.toUnsignedInt(relief[band][at]);
            }
            assertThat(maxDifference(read(made, ProductKind.CS_RELIEF, band + 1, survey, scratch), expected)).as("CS relief band %d", band + 1)
                    .isZero();
        }
    }

    /** The largest difference between the mosaic and the grid, over cells where either has a value (no data as -9999). */
    static double maxDifference(Grid mosaic, Grid expected) {
        double largest = 0;
        for (int at = 0; at < expected.values().length; at++) {
            float value = expected.values()[at];
            largest = Math.max(largest, Math.abs(mosaic.values()[at] - (Float.isNaN(value) ? GeoTiffs.NO_DATA : value)));
        }
        return largest;
    }

    /** A band of a product's COG over the survey's grid, read back by GDAL as ASCII grid text. */
    static Grid read(List<MadeProduct> made, ProductKind kind, int band, Grid survey, Path scratch) throws Exception {
        Path file = made.stream().filter(product -> product.kind() == kind).findFirst().orElseThrow().file();
        Path text = Files.createTempFile(scratch, kind.id, ".asc");
        Process gdal = new ProcessBuilder("gdal_translate", "-q", "-of", "AAIGrid", "-b", String.valueOf(band), file.toString(), text.toString())
                .redirectErrorStream(true).start();
        String output = new String(gdal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gdal.waitFor()).as(output).isZero();
        List<String> lines = Files.readAllLines(text);
        Grid grid = survey.blank();
        int at = 0;
        for (String line : lines) {
            if (Character.isLetter(line.charAt(0))) {
                continue; // ncols, nrows, xllcorner … and NODATA_value
            }
            for (String value : line.strip().split("\\s+")) {
                grid.values()[at++] = Float.parseFloat(value);
            }
        }
        assertThat(at).as("cells of " + kind.id).isEqualTo(survey.width() * survey.height());
        assertThat(Arrays.stream(lines.getFirst().split("\\s+")).toList()).contains(String.valueOf(survey.width()));
        return grid;
    }
}
