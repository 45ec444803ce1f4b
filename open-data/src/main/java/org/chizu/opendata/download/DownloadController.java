package org.chizu.opendata.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.opendata.StandardLayouts;
import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.StandardDataset;
import org.chizu.opendata.version.FeatureChange;
import org.chizu.opendata.version.LayerVersion;
import org.chizu.opendata.version.LayerVersions;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads of whole layers or parts of them: {@code GET /data/{layer}.{geojson|csv|gpkg|fgb|shp.zip}}
 * with {@code bbox}, {@code bbox-crs}, {@code within} (a WKT polygon or a municipality code),
 * {@code within-crs}, {@code crs}, {@code version}, and for CSV {@code encoding} and {@code header};
 * the versions of a layer and the changes since one; download counts.
 *
 * <p>GeoJSON and CSV stream from the database as they are read. GeoPackage, FlatGeobuf and
 * Shapefile are built ahead for the requested version and served from disk with Content-Length
 * and Range. Every answer carries an ETag (layer, version, query, format) and, for a versioned
 * layer, Last-Modified; a matching If-None-Match gets 304. Staff-only layers do not exist for
 * the public.
 */
@RestController
class DownloadController {

    private final LayerRegistry registry;
    private final CurrentAudience audience;
    private final DownloadRequests requests;
    private final LayerVersions versions;
    private final DownloadWriter writer;
    private final BuiltDownloads built;
    private final DownloadCounter counter;

    DownloadController(LayerRegistry registry, CurrentAudience audience, DownloadRequests requests, LayerVersions versions,
                       DownloadWriter writer, BuiltDownloads built, DownloadCounter counter) {
        this.registry = registry;
        this.audience = audience;
        this.requests = requests;
        this.versions = versions;
        this.writer = writer;
        this.built = built;
        this.counter = counter;
    }

    /** GeoJSON and CSV: streamed from the database as they are read. */
    @GetMapping("/data/{layerId:[A-Za-z0-9_-]+}.{extension:(?i)geojson|csv}")
    ResponseEntity<StreamingResponseBody> streamed(@PathVariable String layerId, @PathVariable String extension,
                                                   @RequestParam Map<String, String> parameters,
                                                   ServletWebRequest request) {
        Download download = requests.prepare(layerId, extension, audience.get(), parameters);
        if (notModified(download, request)) {
            return null;
        }
        return headers(download).body(out -> writer.stream(download.format(), download.query(), download.csv(), out, DownloadProgress.NONE));
    }

    /** GeoPackage, FlatGeobuf and zipped Shapefile: built ahead for the version, served with length and Range. */
    @GetMapping("/data/{layerId:[A-Za-z0-9_-]+}.{extension:(?i)gpkg|fgb|shp\\.zip}")
    ResponseEntity<Resource> builtAhead(@PathVariable String layerId, @PathVariable String extension,
                                        @RequestParam Map<String, String> parameters,
                                        ServletWebRequest request) throws IOException {
        Download download = requests.prepare(layerId, extension, audience.get(), parameters);
        if (notModified(download, request)) {
            return null;
        }
        return headers(download).body(new FileSystemResource(built.file(download.format(), download.query(), DownloadProgress.NONE)));
    }

    /**
     * A standard dataset's layout (自治体標準オープンデータセット) as CSV: the rows and columns the layer
     * declares for it, with the same parameters, versions, ETag and counting as the layer's own CSV.
     */
    @GetMapping("/data/{layerId:[A-Za-z0-9_-]+}/{standardId:[a-z0-9_]+}.csv")
    ResponseEntity<StreamingResponseBody> standard(@PathVariable String layerId, @PathVariable String standardId,
                                                   @RequestParam Map<String, String> parameters,
                                                   ServletWebRequest request) {
        Layer layer = registry.require(layerId, audience.get());
        StandardDataset standard = StandardLayouts.find(layer, standardId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "layer " + layerId + " has no standard layout " + standardId));
        Download download = requests.prepare(layer, DownloadFormat.CSV, Optional.of(standard), parameters);
        if (notModified(download, request)) {
            return null;
        }
        return headers(download).body(out -> writer.streamStandard(standard, download.query(), download.csv(), out));
    }

    /** Any other extension: a problem naming the formats offered. */
    @GetMapping("/data/{layerId:[A-Za-z0-9_-]+}.{extension:.+}")
    ResponseEntity<Resource> unknownFormat(@PathVariable String layerId, @PathVariable String extension) {
        registry.require(layerId, audience.get());
        DownloadFormat.ofExtension(extension);
        throw new IllegalStateException("every offered format has its own handler");
    }

    /** Answers 304 when the client has this download already; otherwise counts it, unless it asks for a part. */
    private boolean notModified(Download download, ServletWebRequest request) {
        long lastModified = download.version().map(v -> v.time().toEpochMilli()).orElse(-1L);
        if (request.checkNotModified(download.etag(), lastModified)) {
            return true;
        }
        if (request.getHeader(HttpHeaders.RANGE) == null) {
            counter.record(download.layer(), download.kind());
        }
        return false;
    }

    private static ResponseEntity.BodyBuilder headers(Download download) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(download.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .eTag(download.etag());
        download.version().ifPresent(v -> response.lastModified(v.time()));
        return response;
    }

    @GetMapping("/data/{layerId}/versions")
    Map<String, Object> versions(@PathVariable String layerId) {
        Layer layer = registry.require(layerId, audience.get());
        List<Map<String, Object>> listed = versions.list(layer).stream()
                .map(v -> Map.<String, Object>of("id", v.id(), "time", v.time().toString())).toList();
        return Map.of("layer", layer.id(), "retainedSince", versions.oldestRetained().toString(), "versions", listed);
    }

    @GetMapping("/data/{layerId}/changes")
    Map<String, Object> changes(@PathVariable String layerId, @RequestParam String since) {
        Layer layer = registry.require(layerId, audience.get());
        LayerVersion from = LayerVersion.parse(since);
        List<FeatureChange> changes = versions.changesSince(layer, from);
        return Map.of("layer", layer.id(), "since", from.id(),
                "until", versions.current(layer).map(LayerVersion::id).orElse(from.id()),
                "changes", changes.stream().map(c -> Map.of("id", c.id(), "change", c.change().name().toLowerCase(),
                        "properties", c.properties())).toList());
    }

    /** Download counts of the layers the caller may see: public, as the open-data KPI is. */
    @GetMapping("/data/stats")
    Map<String, Object> stats() {
        return Map.of("downloads", counter.counts(registry.visibleTo(audience.get())));
    }
}
