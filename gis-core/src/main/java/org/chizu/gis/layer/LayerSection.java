package org.chizu.gis.layer;

import java.util.List;

/**
 * A module's own section of a layer declaration, read with {@link Layer#section}. Implementing this
 * lets the section check itself against the rest of the declaration (the attributes it names, say)
 * when the registry loads it, so a wrong section is refused like a wrong field.
 */
public interface LayerSection {

    /** What is wrong with this section in this layer, one line each; empty when nothing is. */
    List<String> problemsWith(Layer layer);
}
