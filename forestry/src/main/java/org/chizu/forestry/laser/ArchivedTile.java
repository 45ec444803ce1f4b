package org.chizu.forestry.laser;

import java.nio.file.Path;

/** A tile in the archive: its file there, its coordinate system and its extent in it. */
public record ArchivedTile(long id, String fileName, Path file, int srid, long pointCount, double minX, double minY,
        double maxX, double maxY) {
}
