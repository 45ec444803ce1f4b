package org.chizu.gis.layer;

/**
 * Tells the registry that a module reads a top-level section of layer declarations as a type of
 * its own. A module declares it as a bean; the registry then reads the section of every declaration
 * when it loads and refuses the declaration if the section does not read (or, for a
 * {@link LayerSection}, does not check out), naming the field. A section no module claims is kept
 * and logged, since the module that reads it may simply not be part of this application.
 *
 * @param name the section's key in the declaration ("history", "booking" …)
 * @param type what the section reads as: a record, a list wrapper, a boolean …
 */
public record LayerSectionType<T>(String name, Class<T> type) {
}
