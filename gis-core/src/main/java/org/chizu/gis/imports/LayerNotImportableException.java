package org.chizu.gis.imports;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** The layer's features come from a view over other tables, so no file can be imported into it. */
public class LayerNotImportableException extends ProblemException {

    private final String layerId;

    LayerNotImportableException(String layerId, String view) {
        super(409, "layer-not-importable", "The layer cannot take imported features", "Layer '" + layerId
                + "' shows the view " + view + ", which is computed from other tables: import into the layers of those tables instead.");
        this.layerId = layerId;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("layer", layerId);
    }
}
