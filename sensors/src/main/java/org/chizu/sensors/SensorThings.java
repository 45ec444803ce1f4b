package org.chizu.sensors;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.sensors.sta.Links;
import org.chizu.sensors.sta.SensorThingsRequests;
import org.springframework.stereotype.Component;

/**
 * The SensorThings service for other modules, without HTTP: the very requests {@code /sta/v1.1}
 * answers (deep insert, query options), so what a module makes here is what a client would have
 * made. The sample town places its sensors through it.
 */
@Component
public class SensorThings {

    /** Addresses in answers start here, as on a server at the site's root. */
    private static final Links IN_PROCESS = new Links("/sta/v1.1");
    private static final Pattern CREATED_ID = Pattern.compile("\\((\\d+)\\)$");

    private final SensorThingsRequests requests;

    SensorThings(SensorThingsRequests requests) {
        this.requests = requests;
    }

    /**
     * Creates an entity, with the related ones it holds (deep insert), in one transaction.
     *
     * @param collection such as {@code Things} or {@code Datastreams(3)/Observations}
     * @return the new entity's id
     * @throws SensorsProblem as the HTTP API would answer, e.g. 400 naming a wrong field
     */
    public long create(String collection, JsonNode entity) {
        String location = requests.handle("POST", collection, Map.of(), entity, IN_PROCESS).location();
        Matcher id = CREATED_ID.matcher(location);
        if (!id.find()) {
            throw new IllegalStateException("a created entity's address ends with its id: " + location);
        }
        return Long.parseLong(id.group(1));
    }

    /**
     * Reads a resource path with query options, as {@code GET /sta/v1.1/…} answers it.
     *
     * @param path    such as {@code Things}
     * @param options such as {@code $expand=Datastreams}, not encoded
     */
    public JsonNode read(String path, Map<String, String> options) {
        return (JsonNode) requests.handle("GET", path, options, null, IN_PROCESS).body();
    }
}
