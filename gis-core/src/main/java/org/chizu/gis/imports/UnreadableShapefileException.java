package org.chizu.gis.imports;

import java.io.IOException;

/**
 * A Shapefile cannot be read on: one of its files is missing, is not of its format or is cut
 * short, or a zip holds several and none was chosen. The message says what, for the person who
 * made or sent the file; the reader reports it as a problem of the file.
 */
final class UnreadableShapefileException extends IOException {

    UnreadableShapefileException(String message) {
        super(message);
    }
}
