package org.chizu.gis.layer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the layer registry.
 *
 * @param directory   a folder of extra layer declarations (*.yml) for a town's own layers; none by default
 * @param pollInterval how often the folder is looked at for added, changed or removed files; a change
 *                    is read once the folder looked the same at two looks in a row (a file being
 *                    written is not read half-way), so within about twice this
 */
@ConfigurationProperties("chizu.layers")
public record LayerProperties(Path directory, Duration pollInterval) {

    @ConstructorBinding
    public LayerProperties(Path directory, @DefaultValue("1s") Duration pollInterval) {
        this.directory = directory;
        this.pollInterval = pollInterval;
    }

    public LayerProperties(Path directory) {
        this(directory, Duration.ofSeconds(1));
    }
}
