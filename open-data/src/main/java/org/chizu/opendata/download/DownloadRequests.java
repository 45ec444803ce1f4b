package org.chizu.opendata.download;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.encoding.CsvOptions;
import org.chizu.opendata.query.BboxParameter;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.query.FeatureQueryService;
import org.chizu.opendata.query.OutputCrs;
import org.chizu.opendata.query.WithinParameter;
import org.chizu.opendata.version.LayerVersion;
import org.chizu.opendata.version.LayerVersions;
import org.chizu.platform.Audience;
import org.springframework.stereotype.Component;

/**
 * Reads and checks what a download asks for, the one place that does: {@code GET /data/…} and
 * {@code POST /api/exports} refuse the same requests with the same problems and, for the same
 * request, write the same bytes.
 */
@Component
class DownloadRequests {

    /** The parameters a download takes besides its layer and format. */
    static final Set<String> PARAMETERS = Set.of("bbox", "bbox-crs", "within", "within-crs", "crs", "version", "encoding", "header");

    private final LayerRegistry registry;
    private final FeatureQueryService features;
    private final LayerVersions versions;

    DownloadRequests(LayerRegistry registry, FeatureQueryService features, LayerVersions versions) {
        this.registry = registry;
        this.features = features;
        this.versions = versions;
    }

    /**
     * A layer's download in the format its extension names.
     *
     * @param audience whom it is for: a layer hidden from them is unknown (404), as is one that does not exist
     * @throws IllegalArgumentException for an unknown format or a malformed parameter, naming it
     */
    Download prepare(String layerId, String extension, Audience audience, Map<String, String> parameters) {
        Layer layer = registry.require(layerId, audience);
        return prepare(layer, DownloadFormat.ofExtension(extension), Optional.empty(), parameters);
    }

    /**
     * A download of a layer the caller may see, in a standard layout if one is given.
     *
     * @throws IllegalArgumentException for a malformed parameter, naming it
     */
    Download prepare(Layer layer, DownloadFormat format, Optional<StandardDataset> standard, Map<String, String> parameters) {
        CsvOptions csv = CsvOptions.parse(parameters.get("encoding"), parameters.get("header"));
        FeatureQuery query = FeatureQuery.wholeLayer(layer)
                .withBbox(BboxParameter.parse(parameters.get("bbox"), parameters.get("bbox-crs")))
                .within(WithinParameter.parse(parameters.get("within"), parameters.get("within-crs")));
        // A standard layout writes 緯度/経度 in JGD2011 degrees whatever crs is asked for.
        query = standard.isPresent() ? StandardSelection.apply(query, standard.get())
                : query.inCrs(OutputCrs.parse(parameters.get("crs")));
        String version = parameters.get("version");
        Optional<LayerVersion> pinned = version == null || version.isBlank() ? Optional.empty()
                : Optional.of(versions.inForceAt(layer, LayerVersion.parse(version)));
        Optional<LayerVersion> served = pinned.or(() -> versions.current(layer));
        // The current data is read from the table itself (the fast path); a built file must name its version.
        if (pinned.isPresent() || format.builtAhead() && served.isPresent()) {
            query = query.asOf(served.get().time());
        }
        query = features.resolved(query);
        return new Download(layer, format, standard, query, csv, served, etag(Download.kind(format, standard), query, csv, served));
    }

    private static String etag(String kind, FeatureQuery query, CsvOptions csv, Optional<LayerVersion> version) {
        String identity = String.join("|", kind, query.canonical(),
                version.map(LayerVersion::id).orElse("unversioned"), csv.charset().name(), String.valueOf(csv.labels()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
