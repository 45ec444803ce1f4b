package org.chizu.gis.layer;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/**
 * A change over the API to a layer that the application or the town's folder declares: those
 * change with a new release or by editing the file, never behind the file's back.
 */
public class LayerNotChangeableException extends ProblemException {

    private final LayerDeclaration declaration;

    public LayerNotChangeableException(LayerDeclaration declaration) {
        super(409, "layer-not-changeable", "Layer declared elsewhere", "Layer '" + declaration.layer().id() + "' is declared in "
                + declaration.source() + (declaration.origin() == LayerDeclaration.Origin.FOLDER
                        ? "; edit or remove that file instead." : ", part of the application; it cannot be changed or removed while it runs."));
        this.declaration = declaration;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("layer", declaration.layer().id(), "declaredIn", declaration.source());
    }
}
