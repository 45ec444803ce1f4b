package org.chizu.opendata.download;

import java.util.Arrays;
import java.util.List;

import org.chizu.gis.layer.Layer;

/** The download links of a layer, for its OGC API collection page and the catalog. */
public final class DownloadLinks {

    /** One link as OGC APIs write them: {@code rel="enclosure"}, with media type and title. */
    public record Link(String href, String rel, String type, String title) {
    }

    private DownloadLinks() {
    }

    /** A link per download format, relative to the server root ("/data/roads.geojson"). */
    public static List<Link> of(Layer layer) {
        return Arrays.stream(DownloadFormat.values())
                .map(format -> new Link("/data/" + layer.id() + "." + format.extension(), "enclosure",
                        format.mediaType().toString(), layer.title().ja() + " (" + format.extension() + ")"))
                .toList();
    }
}
