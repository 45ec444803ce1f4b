package org.chizu.forestry.laser;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Laser archive settings ({@code chizu.laser.*}).
 *
 * @param archiveDirectory where ingested LAS/LAZ files are kept, named by their SHA-256
 *                         ({@code .chizu/laser} by default); point clouds are too large for the database
 */
@ConfigurationProperties("chizu.laser")
public record LaserProperties(Path archiveDirectory) {

    public LaserProperties {
        archiveDirectory = archiveDirectory == null ? Path.of(".chizu", "laser") : archiveDirectory;
    }
}
