package org.chizu.gis.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Geometry;

/**
 * Reads a file of any format the importer reads, chosen by the file name's extension, without a
 * layer: each feature's geometry and fields as the file holds them. For gis-core's own reference
 * data, such as the municipal boundaries of a 国土数値情報 file, whose checks are not a layer's.
 */
public final class FeatureFiles {

    /**
     * A feature as the file holds it.
     *
     * @param number     its position in the file, counting from 1
     * @param geometry   its geometry in the file's coordinates, or null when it has none
     * @param properties its fields by the file's own names, values as read
     */
    public record FileFeature(int number, Geometry geometry, Map<String, Object> properties) {
    }

    private FeatureFiles() {
    }

    /**
     * Reads the file, handing each readable feature on as it is read.
     *
     * @param what     what the file is read for, named in a refusal ("municipalities")
     * @return the EPSG code of the file's coordinates by its own account or its format's default,
     *         or null when it cannot tell
     * @throws ImportRejectedException  naming what makes the file or a feature unreadable
     * @throws IllegalArgumentException when the format cannot be told from the file name
     * @throws IOException              when the file cannot be read at all
     */
    public static Integer read(Path file, String fileName, String what, Consumer<FileFeature> features) throws IOException {
        ImportRequest request = ImportRequest.of(what, fileName);
        ImportProblems problems = new ImportProblems(what);
        int[] read = {0};
        Integer srid = LayerImporter.readerFor(request.effectiveFormat()).read(file, request, problems, feature -> {
            read[0]++;
            features.accept(new FileFeature(feature.number(), feature.geometry(), feature.properties()));
        }).srid();
        problems.rejectIfAny(read[0], ImportRejectedException.Context.NONE);
        return srid;
    }
}
