package org.chizu.opendata.download;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.gis.municipalities.Municipalities;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.encoding.CrsDefinitions;
import org.chizu.opendata.encoding.CsvEncoder;
import org.chizu.opendata.encoding.CsvOptions;
import org.chizu.opendata.encoding.FeatureSchema;
import org.chizu.opendata.encoding.FlatGeobufEncoder;
import org.chizu.opendata.encoding.GeoJsonEncoder;
import org.chizu.opendata.encoding.GeoPackageEncoder;
import org.chizu.opendata.encoding.ShapefileEncoder;
import org.chizu.opendata.encoding.StandardCsvEncoder;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.query.FeatureQueryService;
import org.chizu.opendata.query.FeatureStream;
import org.springframework.stereotype.Component;

/** Runs a feature query into one download format: the one place formats meet the query service. */
@Component
public class DownloadWriter {

    private static final int BUFFER_BYTES = 1 << 16;

    private final FeatureQueryService features;
    private final CrsDefinitions crsDefinitions;
    private final Municipalities municipalities;

    public DownloadWriter(FeatureQueryService features, CrsDefinitions crsDefinitions, Municipalities municipalities) {
        this.features = features;
        this.crsDefinitions = crsDefinitions;
        this.municipalities = municipalities;
    }

    /**
     * Writes the features of the query, as they are read, to a stream.
     *
     * @param csv      how CSV is written; ignored for other formats
     * @param progress told of each feature written
     * @return how many features were written
     * @throws IllegalArgumentException for GeoPackage, which SQLite can only write to a file
     */
    long stream(DownloadFormat format, FeatureQuery query, CsvOptions csv, OutputStream target, DownloadProgress progress)
            throws IOException {
        FeatureSchema schema = schema(query);
        OutputStream out = new BufferedOutputStream(target, BUFFER_BYTES);
        long count = switch (format) {
            case GEOJSON -> new GeoJsonEncoder().write(reporting(features.geoJsonFeatures(query), progress), out);
            case CSV -> new CsvEncoder(csv).write(schema, reporting(features.rows(query), progress), out);
            case FLATGEOBUF -> new FlatGeobufEncoder().write(schema, reporting(features.rows(query), progress), out);
            case SHAPEFILE -> new ShapefileEncoder().write(schema, reporting(features.rows(query), progress), out);
            case GEOPACKAGE -> throw new IllegalArgumentException("a GeoPackage is built into a file, not streamed");
        };
        out.flush();
        return count;
    }

    /**
     * Writes the features of the query, as they are read, in a standard dataset's CSV layout.
     *
     * @param query the layer's query, already limited to the standard's rows and in JGD2011
     * @return how many features were written
     */
    public long streamStandard(StandardDataset standard, FeatureQuery query, CsvOptions csv, OutputStream target) throws IOException {
        OutputStream out = new BufferedOutputStream(target, BUFFER_BYTES);
        long count = new StandardCsvEncoder(standard, query.layer(), csv, municipalities).write(features.rows(query), out);
        out.flush();
        return count;
    }

    /**
     * Writes the features of the query into a file, replacing it.
     *
     * @param progress told of each feature written
     * @return how many features were written
     */
    long build(DownloadFormat format, FeatureQuery query, Path file, DownloadProgress progress) throws IOException {
        if (format == DownloadFormat.GEOPACKAGE) {
            return new GeoPackageEncoder().write(schema(query), reporting(features.rows(query), progress), file);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            return stream(format, query, CsvOptions.DEFAULT, out, progress);
        }
    }

    /** The features, telling the progress of each one once its encoder has taken it. */
    private static <T> FeatureStream<T> reporting(FeatureStream<T> features, DownloadProgress progress) {
        if (progress == DownloadProgress.NONE) {
            return features;
        }
        return sink -> {
            long[] written = {0};
            return features.forEach(feature -> {
                sink.accept(feature);
                progress.written(++written[0]);
            });
        };
    }

    private FeatureSchema schema(FeatureQuery query) {
        return new FeatureSchema(query.layer(), query.crs(), crsDefinitions.wkt(query.crs()));
    }
}
