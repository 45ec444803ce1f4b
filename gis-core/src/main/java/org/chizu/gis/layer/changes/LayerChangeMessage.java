package org.chizu.gis.layer.changes;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDataChanged.Bounds;

/**
 * A {@link LayerDataChanged} as the payload of a notification on {@link #CHANNEL}, for example
 * {@code {"origin":"…","layer":"roads","bounds":[131.83,34.67,131.85,34.68]}}. It stays far below
 * PostgreSQL's payload limit: layer ids are short registry identifiers and the bounds are four numbers.
 *
 * @param origin the process that made the change, so that it can ignore its own notifications
 * @param layer  the changed layer's id
 * @param bounds minLon, minLat, maxLon, maxLat in EPSG:6668; null when the whole layer may have changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LayerChangeMessage(String origin, String layer, double[] bounds) {

    /** The notification channel every Chizu process listens on. */
    static final String CHANNEL = "chizu_layer_changed";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;

    private static final ObjectMapper JSON = new ObjectMapper();

    static LayerChangeMessage of(String origin, LayerDataChanged change) {
        Bounds b = change.bounds();
        return new LayerChangeMessage(origin, change.layerId(),
                b == null ? null : new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()});
    }

    /**
     * @throws IllegalArgumentException when the payload is not a message of this shape
     */
    static LayerChangeMessage parse(String payload) {
        LayerChangeMessage message;
        try {
            message = JSON.readValue(payload, LayerChangeMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a layer change: " + payload, e);
        }
        if (message.origin() == null || message.layer() == null || (message.bounds() != null && message.bounds().length != 4)) {
            throw new IllegalArgumentException("not a layer change: " + payload);
        }
        return message;
    }

    /**
     * @throws IllegalStateException when the payload would exceed {@link #MAX_PAYLOAD_BYTES}
     */
    String toJson() {
        String payload;
        try {
            payload = JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalStateException("layer change notification too long for PostgreSQL: " + payload);
        }
        return payload;
    }

    LayerDataChanged change() {
        return bounds == null ? LayerDataChanged.wholeLayer(layer)
                : new LayerDataChanged(layer, new Bounds(bounds[0], bounds[1], bounds[2], bounds[3]));
    }
}
