package org.chizu.forestry.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Staff uploads of laser tiles ({@code chizu.laser.upload.*}).
 *
 * @param maxSize the largest file taken (4 GB by default: LAS tiles of a survey are some hundred MB);
 *                larger ones are ingested from the server's disk with {@code ./chizu laser ingest}
 */
@ConfigurationProperties("chizu.laser.upload")
public record UploadProperties(DataSize maxSize) {

    public UploadProperties {
        maxSize = maxSize == null ? DataSize.ofGigabytes(4) : maxSize;
    }
}
