package org.chizu.gis.layer;

import java.util.Objects;

/**
 * Which attribute holds the time the data is about, declared in a layer's YAML as
 * {@code temporal: {attribute: designated_on}}: the catalog states the period from its earliest to
 * its latest value as the dataset's temporal coverage. Checked when the layer is built: the
 * attribute exists and is a {@code date}.
 *
 * @param attribute the name of a date attribute of the layer
 */
public record Temporal(String attribute) {

    public Temporal {
        Objects.requireNonNull(attribute, "temporal needs the attribute holding the data's date");
    }
}
