package org.chizu.forestry.trees;

/**
 * A tree top found in a canopy height model.
 *
 * @param height           the canopy's height at the top, metres above the ground
 * @param crownAreaSquareMetres the area of the crown grown around the top
 */
public record DetectedTree(int id, double x, double y, double height, double crownAreaSquareMetres) {
}
