package org.chizu.opendata;

import java.util.Arrays;

import org.springframework.http.MediaType;

/**
 * A download format: its file extension, media type, and whether it is streamed as it is read
 * or built ahead into a file that is kept and served with Content-Length and Range.
 */
public enum DownloadFormat {
    GEOJSON("geojson", "application/geo+json", false),
    CSV("csv", "text/csv", false),
    GEOPACKAGE("gpkg", "application/geopackage+sqlite3", true),
    FLATGEOBUF("fgb", "application/flatgeobuf", true),
    SHAPEFILE("shp.zip", "application/zip", true);

    private final String extension;
    private final MediaType mediaType;
    private final boolean builtAhead;

    DownloadFormat(String extension, String mediaType, boolean builtAhead) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.builtAhead = builtAhead;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public boolean builtAhead() {
        return builtAhead;
    }

    /**
     * The format a file name ends with ("roads.shp.zip" → SHAPEFILE).
     *
     * @throws IllegalArgumentException naming the formats offered
     */
    public static DownloadFormat ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + extension + "' is not a download format; use "
                        + Arrays.stream(values()).map(DownloadFormat::extension).toList()));
    }
}
