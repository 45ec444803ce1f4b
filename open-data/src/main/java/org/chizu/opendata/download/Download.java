package org.chizu.opendata.download;

import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.encoding.CsvOptions;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.version.LayerVersion;
import org.springframework.http.MediaType;

/**
 * A download as requested and checked: the layer (one the caller may see), the format, the query
 * pinned to the served version, and the validators of the answer. {@code GET /data/…} serves it at
 * once; a {@code data.export} job writes the same bytes into its result file.
 */
record Download(Layer layer, DownloadFormat format, Optional<StandardDataset> standard, FeatureQuery query,
                CsvOptions csv, Optional<LayerVersion> version, String etag) {

    /** What the download is counted as: the format's extension, or the standard's file name. */
    String kind() {
        return kind(format, standard);
    }

    static String kind(DownloadFormat format, Optional<StandardDataset> standard) {
        return standard.map(s -> s.id() + "." + format.extension()).orElse(format.extension());
    }

    /** The format's media type; for CSV with the charset it is written in. */
    MediaType mediaType() {
        return format == DownloadFormat.CSV ? new MediaType("text", "csv", csv.charset()) : format.mediaType();
    }

    /**
     * "roads-20261121T1200Z.geojson", "facilities-20261121T1200Z-designated_shelters.csv"; without a
     * version, no stamp.
     */
    String fileName() {
        return layer.id() + version.map(v -> "-" + v.fileStamp()).orElse("")
                + standard.map(s -> "-" + s.id()).orElse("") + "." + format.extension();
    }
}
