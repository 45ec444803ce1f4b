package org.chizu.gis.layer;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** A request named a layer that does not exist, or that the caller may not see. */
public class UnknownLayerException extends ProblemException {

    private final String layerId;

    public UnknownLayerException(String layerId) {
        super(404, "unknown-layer", "Unknown layer", "There is no layer '" + layerId + "'.");
        this.layerId = layerId;
    }

    public String layerId() {
        return layerId;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("layer", layerId);
    }
}
