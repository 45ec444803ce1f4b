package org.chizu.gis.layer;

/** Reads one layer declaration written inline in a test, checked as a layers/*.yml file would be. */
final class LayerYaml {

    private static final LayerDeclarations DECLARATIONS = new LayerDeclarations(new LayerProperties(null));

    private LayerYaml() {
    }

    /** The declared layer; {@code origin} is the file name its errors mention. */
    static Layer parse(String yaml, String origin) {
        return DECLARATIONS.parse(yaml, origin);
    }
}
