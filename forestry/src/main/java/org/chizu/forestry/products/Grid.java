package org.chizu.forestry.products;

import java.util.Arrays;

/**
 * A north-up raster of floats over a plane rectangular zone, NaN where nothing is known.
 *
 * @param west  the western edge of the first column, in metres
 * @param north the northern edge of the first row
 * @param cell  the side of a cell, in metres
 */
public record Grid(int width, int height, double west, double north, double cell, float[] values) {

    public static Grid empty(int width, int height, double west, double north, double cell) {
        float[] values = new float[width * height];
        Arrays.fill(values, Float.NaN);
        return new Grid(width, height, west, north, cell, values);
    }

    /**
     * The place and size of a grid without its cells: for finding columns, rows and edges over an
     * area too large to hold (a whole survey); its values are none, so get and set fail on it.
     */
    public static Grid frame(int width, int height, double west, double north, double cell) {
        return new Grid(width, height, west, north, cell, new float[0]);
    }

    /** A grid of the same place and size, empty. */
    public Grid blank() {
        return empty(width, height, west, north, cell);
    }

    public float get(int col, int row) {
        return values[row * width + col];
    }

    public void set(int col, int row, float value) {
        values[row * width + col] = value;
    }

    /** The column of an easting, or -1 outside. */
    public int column(double x) {
        int col = (int) Math.floor((x - west) / cell);
        return col >= 0 && col < width ? col : -1;
    }

    /** The row of a northing, or -1 outside. */
    public int row(double y) {
        int row = (int) Math.floor((north - y) / cell);
        return row >= 0 && row < height ? row : -1;
    }

    public double centreX(int col) {
        return west + (col + 0.5) * cell;
    }

    public double centreY(int row) {
        return north - (row + 0.5) * cell;
    }

    /** The value at a cell, or the nearest cell's inside the grid for one just outside (edges for slopes). */
    public float clamped(int col, int row) {
        return get(Math.max(0, Math.min(width - 1, col)), Math.max(0, Math.min(height - 1, row)));
    }
}
