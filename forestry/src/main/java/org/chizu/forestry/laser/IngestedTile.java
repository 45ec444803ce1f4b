package org.chizu.forestry.laser;

import java.time.Duration;

/**
 * One file's outcome: newly archived, or already there (the same bytes were ingested before).
 */
public record IngestedTile(long id, String fileName, boolean alreadyArchived, long pointCount, int srid,
        double pointsPerSquareMetre, Duration took) {

    /** One line for the command's output, with the rate a large archive's ingest can be planned by. */
    public String summary() {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        return String.format("%s: %s — %,d points, EPSG:%d, %.1f points/m², %.1f s (%,.0f points/s)", fileName,
                alreadyArchived ? "already archived, unchanged" : "archived as tile " + id, pointCount, srid,
                pointsPerSquareMetre, seconds, alreadyArchived ? 0 : pointCount / seconds);
    }
}
