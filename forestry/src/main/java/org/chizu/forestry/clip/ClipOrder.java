package org.chizu.forestry.clip;

import java.util.List;

/**
 * A clip job's parameters as queued: one survey clipped to an approved application's area.
 *
 * @param products what to write (see {@link ClipPlan#products()})
 */
record ClipOrder(long application, long organisation, long account, long survey, String surveyName, String surveyingBody, int srid, List<String> products,
        long estimatedPoints) {
}
