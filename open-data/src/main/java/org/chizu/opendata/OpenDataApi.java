package org.chizu.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.opendata.download.WholeLayerFiles;
import org.chizu.opendata.encoding.CsvOptions;
import org.chizu.opendata.encoding.StandardCsvEncoder;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.query.FeatureQueryService;
import org.chizu.opendata.query.OutputCrs;
import org.chizu.opendata.version.LayerVersions;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * What open-data offers other modules, for a catalog that describes its downloads and republishes
 * its features: the facts of a layer's whole-layer files, the span of its versions and its features;
 * for a module that writes a layer's standard layout for features it selected itself, that CSV; and for
 * a module's own table, CSV as the downloads write it.
 * With {@link DownloadFormat}, {@link DownloadLinks}, {@link BuiltFile}, {@link VersionSpan},
 * {@link StandardLayouts} and {@link StandardRows} it is open-data's published API; its sub-packages
 * are internal.
 */
@Component
public class OpenDataApi {

    /** Receives one feature; may write it out. */
    @FunctionalInterface
    public interface FeatureSink {

        /**
         * @param id       the feature's id, stable across versions
         * @param values   the values of the layer's attributes in declaration order (null where empty):
         *                 text as String, integer as Long, decimal as BigDecimal, boolean as Boolean,
         *                 date as LocalDate
         * @param geometry the geometry in CRS84 (longitude first), or null
         */
        void accept(long id, List<Object> values, Geometry geometry) throws IOException;
    }

    /** Features another module selected itself, handed to a sink one by one. */
    @FunctionalInterface
    public interface FeatureSource {

        /** @return how many features there were */
        long forEach(FeatureSink sink) throws IOException;
    }

    private final WholeLayerFiles files;
    private final LayerVersions versions;
    private final FeatureQueryService features;
    private final Municipalities municipalities;

    OpenDataApi(WholeLayerFiles files, LayerVersions versions, FeatureQueryService features, Municipalities municipalities) {
        this.files = files;
        this.versions = versions;
        this.features = features;
        this.municipalities = municipalities;
    }

    /**
     * The size and SHA-256 of the layer's whole download of one version in the format, without
     * building it and without a query.
     *
     * @return empty for a streamed format and while the file is not built yet
     */
    public Optional<BuiltFile> builtFile(Layer layer, Instant version, DownloadFormat format) {
        return files.atVersion(layer, version, format);
    }

    /** How many download files have been built so far: facts read before it last grew may have changed. */
    public long filesBuilt() {
        return files.filesBuilt();
    }

    /** The span of versions of many layers in one query, by layer id; a layer without history is missing. */
    public Map<String, VersionSpan> versionSpans(Collection<Layer> layers) {
        return versions.spans(layers);
    }

    /**
     * Reads every current feature of the layer, in id order and in CRS84, into the sink; one
     * database cursor hands them over in batches, so a layer of any size takes constant memory.
     *
     * @return how many features there were
     */
    public long forEachFeature(Layer layer, FeatureSink sink) throws IOException {
        return features.rows(FeatureQuery.wholeLayer(layer).inCrs(OutputCrs.WGS84))
                .forEach(row -> sink.accept(row.id(), row.values(), row.geometry()));
    }

    /**
     * Writes features in one of the layer's standard layouts exactly as the layer's standard CSV
     * download does (UTF-8 with a byte-order mark, CRLF), for features another module selected itself,
     * such as those inside an area. Their values are the layer's attributes in declaration order and
     * their geometry is in JGD2011 longitude/latitude.
     *
     * @return how many features were written
     */
    public long writeStandardCsv(Layer layer, StandardDataset standard, FeatureSource features, OutputStream out) throws IOException {
        return new StandardCsvEncoder(standard, layer, CsvOptions.DEFAULT, municipalities)
                .write(sink -> features.forEach((id, values, geometry) -> sink.accept(new FeatureRow(id, values, geometry))), out);
    }

    /**
     * Writes a table another module made as the downloads write CSV: UTF-8 with a byte-order mark (so
     * that Excel reads the Japanese), CRLF, Excel's quoting; null cells empty.
     */
    public static void writeCsv(List<String> header, List<? extends List<?>> rows, OutputStream out) throws IOException {
        CSVPrinter printer = CsvOptions.DEFAULT.printer(out);
        printer.printRecord(header);
        for (List<?> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }
}
