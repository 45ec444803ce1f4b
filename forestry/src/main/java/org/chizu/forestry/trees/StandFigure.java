package org.chizu.forestry.trees;

/**
 * A sub-compartment's (小班) forest resources as one survey read them: only the part of the 小班 the
 * survey covers is counted, and the volumes are estimates from the declared height–volume relations
 * (推定値), never measurements.
 *
 * @param surveyedHa        hectares of the sub-compartment inside the survey's tiles
 * @param surveyedShare     that part of the sub-compartment's whole area, 0–1
 * @param treesPerHa        trees over the surveyed part; null when it has no area
 * @param meanHeightM       mean height of the trees found; null without trees
 * @param topHeightM        上層樹高: the mean height of the tallest 100 trees a hectare (at least the tallest one); null without trees
 * @param volumeM3Estimate  the estimated stem volume of the trees found
 */
public record StandFigure(long compartmentId, String compartment, String subcompartment, String species, double areaHa,
        long surveyId, String surveyName, double surveyedHa, double surveyedShare, long treeCount, Double treesPerHa,
        Double meanHeightM, Double topHeightM, double volumeM3Estimate, Double volumeM3PerHaEstimate) {
}
