package org.chizu.forestry.upload;

/**
 * What an ingest job archives: the uploaded file where it waits, and the survey it goes into.
 *
 * @param declaredSrid the EPSG code given for a file that declares none; null when none was given
 * @param pointsInHeader what the header says the file holds, for the progress bar
 */
record IngestOrder(long survey, String surveyName, String surveyingBody, String file, Integer declaredSrid,
        long pointsInHeader) {
}
