package org.chizu.forestry.laser;

/**
 * One file's outcome: newly archived, or already there (the same bytes were ingested before).
 */
public record IngestedTile(long id, String fileName, boolean alreadyArchived, long pointCount, int srid,
        double pointsPerSquareMetre) {

    /** One line for the command's output. */
    public String summary() {
        return String.format("%s: %s — %,d points, EPSG:%d, %.1f points/m²", fileName,
                alreadyArchived ? "already archived, unchanged" : "archived as tile " + id, pointCount, srid,
                pointsPerSquareMetre);
    }
}
