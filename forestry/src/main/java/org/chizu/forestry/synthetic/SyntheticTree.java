package org.chizu.forestry.synthetic;

/**
 * A tree of the synthetic forest, where it truly stands: what tree detection should find.
 *
 * @param crownRadius the crown's radius at its widest, in metres
 */
public record SyntheticTree(int id, Species species, double x, double y, double height, double crownRadius) {

    /** The four kinds 森林資源データ distinguishes, with the crown shape and size of a managed stand. */
    public enum Species {
        SUGI("スギ", 18, 28, true), HINOKI("ヒノキ", 14, 22, true), MATSU("マツ", 12, 20, true), BROADLEAF("広葉樹", 8, 16, false);

        public final String nameJa;
        final double lowest, tallest;
        /** A conifer's crown is a cone; a broadleaf's a dome. */
        final boolean conical;

        Species(String nameJa, double lowest, double tallest, boolean conical) {
            this.nameJa = nameJa;
            this.lowest = lowest;
            this.tallest = tallest;
            this.conical = conical;
        }
    }

    /** How high this tree's crown is above the ground at a horizontal distance from its stem, or NaN beyond it. */
    double crownHeight(double distance) {
        if (distance >= crownRadius) {
            return Double.NaN;
        }
        double depth = species.conical ? height * 0.5 : height * 0.35;
        double share = distance / crownRadius;
        // a conifer's leader rises out of a cone that rounds off towards it; a broadleaf's crown is a half ellipsoid
        return species.conical ? height - depth * Math.pow(share, 1.6) : height - depth * (1 - Math.sqrt(1 - share * share));
    }
}
