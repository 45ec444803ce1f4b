package org.chizu.forestry.upload;

import java.util.List;

/**
 * An ingest job's result ({@value #FILE_NAME}): the tile, whether its bytes were archived before (then
 * nothing changed), and the survey's products made anew.
 */
record IngestResult(long tile, String fileName, long survey, String surveyName, long points, String crs,
        boolean alreadyArchived, List<String> productsMade) {

    static final String FILE_NAME = "ingest.json";
}
