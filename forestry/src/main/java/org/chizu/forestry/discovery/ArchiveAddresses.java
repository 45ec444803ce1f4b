package org.chizu.forestry.discovery;

import org.chizu.forestry.products.ProductKind;

/**
 * The paths on this server where the archive's data is found and served, named once for the
 * catalog and STAC. The downloads behind them are for approved organisations only.
 */
final class ArchiveAddresses {

    /** A survey's collection id (and its DCAT dataset's name) is this and the survey's id. */
    static final String SURVEY_PREFIX = "laser-survey-";

    private ArchiveAddresses() {
    }

    /** The firms' page, opened on the survey. */
    static String landingPage(long surveyId) {
        return "/forestry?survey=" + surveyId;
    }

    /** A whole product COG (served by the product download, with Range). */
    static String product(long surveyId, ProductKind kind) {
        return "/api/forestry/surveys/" + surveyId + "/products/" + kind.id + ".tif";
    }

    /** An original tile as archived, LAZ or LAS as it came (served whole by the clip jobs' tile download). */
    static String tile(long tileId) {
        return "/api/forestry/tiles/" + tileId + "/file";
    }

    static String terms() {
        return "/api/forestry/terms";
    }

    static String stac() {
        return "/stac";
    }

    static String collection(long surveyId) {
        return stac() + "/collections/" + collectionId(surveyId);
    }

    static String collectionId(long surveyId) {
        return SURVEY_PREFIX + surveyId;
    }
}
