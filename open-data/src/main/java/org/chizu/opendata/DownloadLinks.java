package org.chizu.opendata;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.chizu.gis.layer.Layer;

/** The download links of a layer, for its OGC API collection page and the catalog. */
public final class DownloadLinks {

    /**
     * One link as OGC APIs write them: {@code rel="enclosure"}, with media type and title, and the short
     * label a page lists it under (a format's extension, a standard layout's title).
     */
    public record Link(String href, String rel, String type, String title, String label) {
    }

    private DownloadLinks() {
    }

    /**
     * A link per download format, then one per standard layout the layer declares, relative to the
     * server root ("/data/roads.geojson", "/data/facilities/designated_shelters.csv").
     */
    public static List<Link> of(Layer layer) {
        Stream<Link> formats = Arrays.stream(DownloadFormat.values())
                .map(format -> new Link(path(layer.id(), format), "enclosure",
                        format.mediaType().toString(), layer.title().ja() + " (" + format.extension() + ")", format.extension()));
        Stream<Link> standards = StandardLayouts.of(layer).stream()
                .map(standard -> new Link(standardPath(layer.id(), standard.id()), "enclosure", DownloadFormat.CSV.mediaType().toString(),
                        standard.title().ja() + " (csv)", standard.title().ja() + " (csv)"));
        return Stream.concat(formats, standards).toList();
    }

    /** Where a layer downloads in a format, relative to the server root. */
    public static String path(String layerId, DownloadFormat format) {
        return "/data/" + layerId + "." + format.extension();
    }

    /** Where a standard layout of a layer downloads, relative to the server root. */
    public static String standardPath(String layerId, String standardId) {
        return "/data/" + layerId + "/" + standardId + "." + DownloadFormat.CSV.extension();
    }
}
