package org.chizu.opendata.download;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.chizu.platform.Audience;
import org.chizu.platform.jobs.JobRequests;

/**
 * What {@code POST /api/exports} asks for and the {@code data.export} job keeps as its payload: a
 * layer, a format (a download's extension: geojson, csv, gpkg, fgb, shp.zip) and the parameters
 * {@code /data/{layer}.{format}} takes, with the audience of whoever submitted it, so that the job
 * sees only the layers they may see.
 */
record ExportRequest(String layer, String format, Map<String, String> parameters, Audience audience) {

    /**
     * Reads a request body such as {@code {"layer": "roads", "format": "csv", "bbox": [131.7, 34.55, 132.0, 34.8],
     * "encoding": "shift_jis"}}: each parameter as text, an array as its items joined by commas.
     *
     * @throws IllegalArgumentException when the body is no JSON object, lacks a layer or format,
     *                                  or names a member no download takes (which would otherwise be ignored)
     */
    static ExportRequest of(JsonNode body, Audience audience) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("an export is a JSON object naming a layer and a format");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        body.properties().forEach(member -> {
            if (DownloadRequests.PARAMETERS.contains(member.getKey())) {
                parameters.put(member.getKey(), JobRequests.asParameter(member.getValue()));
            } else if (!List.of("layer", "format").contains(member.getKey())) {
                unknown.add(member.getKey());
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("an export takes layer, format and " + new TreeSet<>(DownloadRequests.PARAMETERS)
                    + ", not " + unknown);
        }
        return new ExportRequest(required(body, "layer"), required(body, "format"), parameters, audience);
    }

    /** The download this export writes, checked as {@code GET /data/…} checks it. */
    Download download(DownloadRequests requests) {
        return requests.prepare(layer, format, audience, parameters);
    }

    private static String required(JsonNode body, String member) {
        String value = JobRequests.asParameter(body.get(member));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an export needs a " + member);
        }
        return value;
    }
}
