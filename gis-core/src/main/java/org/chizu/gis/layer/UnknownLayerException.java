package org.chizu.gis.layer;

/** A request named a layer that does not exist, or that the caller may not see. */
public class UnknownLayerException extends RuntimeException {

    private final String layerId;

    public UnknownLayerException(String layerId) {
        super("There is no layer '" + layerId + "'.");
        this.layerId = layerId;
    }

    public String layerId() {
        return layerId;
    }
}
