package org.chizu.gis.layer;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the layer registry.
 *
 * @param directory a folder of extra layer declarations (*.yml) for a town's own layers; none by default
 */
@ConfigurationProperties("chizu.layers")
public record LayerProperties(Path directory) {
}
