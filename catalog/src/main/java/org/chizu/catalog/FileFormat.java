package org.chizu.catalog;

import java.util.Optional;

import org.chizu.opendata.DownloadFormat;

/**
 * How catalogs name a download format: a short label (CKAN's {@code format}), the EU file-type
 * authority URI where one exists, and the IANA media-type URI where the type is registered.
 *
 * @param download  the download format
 * @param label     the name CKAN clients filter on ("GeoJSON", "SHP")
 * @param formatUri the EU file-type URI, or the format's own specification where the EU list has none
 * @param ianaUri   the IANA registration of the media type; empty for unregistered types (FlatGeobuf)
 */
public record FileFormat(DownloadFormat download, String label, String formatUri, Optional<String> ianaUri) {

    private static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String IANA = "http://www.iana.org/assignments/media-types/";

    public static FileFormat of(DownloadFormat format) {
        return switch (format) {
            case GEOJSON -> new FileFormat(format, "GeoJSON", EU_FILE_TYPE + "GEOJSON", iana(format));
            case CSV -> new FileFormat(format, "CSV", EU_FILE_TYPE + "CSV", iana(format));
            case GEOPACKAGE -> new FileFormat(format, "GPKG", EU_FILE_TYPE + "GPKG", iana(format));
            case FLATGEOBUF -> new FileFormat(format, "FlatGeobuf", "https://flatgeobuf.org/", Optional.empty());
            case SHAPEFILE -> new FileFormat(format, "SHP", EU_FILE_TYPE + "SHP", iana(format));
        };
    }

    /** The media type the download is served with ("application/geo+json"). */
    public String mediaType() {
        return download.mediaType().toString();
    }

    private static Optional<String> iana(DownloadFormat format) {
        return Optional.of(IANA + format.mediaType().getType() + "/" + format.mediaType().getSubtype());
    }
}
