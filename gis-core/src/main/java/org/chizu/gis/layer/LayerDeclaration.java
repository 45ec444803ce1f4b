package org.chizu.gis.layer;

/**
 * One declared layer and where its declaration came from, which decides who may change it.
 *
 * @param layer  the layer as declared
 * @param origin where the declaration lives
 * @param source the file or row it was read from, for messages ("classpath:layers/20-roads.yml")
 */
public record LayerDeclaration(Layer layer, Origin origin, String source) {

    /** Where a declaration lives. */
    public enum Origin {
        /** A {@code layers/*.yml} inside the application: changed by a new release only. */
        APPLICATION,
        /** A file in the town's folder {@code chizu.layers.directory}: changed by editing the file. */
        FOLDER,
        /** Stored in the database by an admin ({@code POST /api/layers}): changed the same way. */
        STORED
    }
}
