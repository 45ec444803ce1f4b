package org.chizu.reports.open311;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;

/** The two formats GeoReport v2 names, chosen by the resource's extension: XML (required) and JSON. */
enum Open311Format {
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8)),
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** "xml" or "json", as in {@code /services.json}. */
    static Open311Format of(String extension) {
        return "json".equals(extension) ? JSON : XML;
    }

    /** The format a request asked for by its path; errors are written in it. */
    static Open311Format ofPath(String path) {
        return path != null && path.endsWith(".json") ? JSON : XML;
    }
}
