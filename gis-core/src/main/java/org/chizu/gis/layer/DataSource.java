package org.chizu.gis.layer;

import org.chizu.platform.Label;

/**
 * Where some of a layer's data came from.
 *
 * @param title       what the source is
 * @param attribution the line that must be shown with the data, or null
 * @param sample      whether the data was generated for the sample town rather than surveyed
 */
public record DataSource(Label title, String attribution, boolean sample) {
}
