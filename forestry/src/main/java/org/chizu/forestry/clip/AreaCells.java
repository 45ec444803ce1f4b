package org.chizu.forestry.clip;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.LinearComponentExtracter;

/**
 * Whether points lie in an area (its boundary included), fast for millions of them: the area's extent
 * is cut into square cells, and each is found, once, to lie wholly inside, wholly outside or across the
 * boundary; only points in the cells across it are tested one by one. The cells the boundary's segments
 * touch are across it; between them, along a row, a run of cells lies wholly on one side, which one
 * point of it tells. Cells are judged with a margin: a point that rounding puts into a neighbouring
 * cell (cells are found by multiplying by the inverse of their width) is still judged right.
 */
final class AreaCells {

    private static final byte INSIDE = 1, OUTSIDE = 2, ACROSS = 3;
    /** Cells are at least this wide, and few enough to judge quickly. */
    private static final double MIN_CELL_METRES = 5;
    private static final int MAX_CELLS = 1 << 16;
    private static final double MARGIN = 1e-6;
    /**
     * The rings of cells around those of the extent: the inner one judged as any cell (a point may be
     * rounded into it from the extent's edge), the outer one outside by construction, where every point a
     * cell or more away from the extent is clamped, so that finding a point's cell needs no test against
     * the extent (a branch that would go either way at random).
     */
    private static final int RINGS = 2;

    private final Geometry area;
    private final PreparedGeometry prepared;
    private final IndexedPointInAreaLocator locator;
    private final Envelope extent;
    private final double minX, minY;
    private final double cell, perCell;
    private final int columns, rows;
    private final byte[] cells;
    private final Coordinate probe = new Coordinate();

    AreaCells(Geometry area) {
        this.area = area;
        this.prepared = PreparedGeometryFactory.prepare(area);
        this.locator = new IndexedPointInAreaLocator(area);
        this.extent = area.getEnvelopeInternal();
        this.minX = extent.getMinX();
        this.minY = extent.getMinY();
        this.cell = Math.max(MIN_CELL_METRES, Math.sqrt(extent.getArea() / MAX_CELLS));
        this.perCell = 1 / cell;
        this.columns = Math.max(1, (int) Math.ceil(extent.getWidth() / cell)) + 2 * RINGS;
        this.rows = Math.max(1, (int) Math.ceil(extent.getHeight() / cell)) + 2 * RINGS;
        this.cells = new byte[columns * rows];
        for (Object ring : LinearComponentExtracter.getLines(area)) {
            Coordinate[] vertices = ((LineString) ring).getCoordinates();
            for (int i = 1; i < vertices.length; i++) {
                markAcross(vertices[i - 1].x - minX, vertices[i - 1].y - minY, vertices[i].x - minX, vertices[i].y - minY);
            }
        }
        judgeTheRest();
    }

    /** Whether the whole box lies in the area. */
    boolean covers(Envelope box) {
        return prepared.covers(area.getFactory().toGeometry(box));
    }

    boolean intersects(Envelope box) {
        return extent.intersects(box);
    }

    /** Whether the point lies in the area or on its boundary. */
    boolean covers(double x, double y) {
        byte state = cells[row(y - minY) * columns + column(x - minX)];
        if (state != ACROSS) {
            return state == INSIDE;
        }
        probe.x = x;
        probe.y = y;
        return locator.locate(probe) != Location.EXTERIOR;
    }

    /** The column of a point {@code x} metres east of the extent's west edge. */
    private int column(double x) {
        return Math.clamp((long) Math.floor(x * perCell) + RINGS, 0, columns - 1);
    }

    private int row(double y) {
        return Math.clamp((long) Math.floor(y * perCell) + RINGS, 0, rows - 1);
    }

    /** Marks the cells one segment of the boundary touches (relative to the extent's south-west corner). */
    private void markAcross(double ax, double ay, double bx, double by) {
        // one cell more on each side than the segment's extent, for rounding; never the outer ring
        int firstColumn = Math.max(1, column(Math.min(ax, bx)) - 1), lastColumn = Math.min(columns - 2, column(Math.max(ax, bx)) + 1);
        int firstRow = Math.max(1, row(Math.min(ay, by)) - 1), lastRow = Math.min(rows - 2, row(Math.max(ay, by)) + 1);
        for (int row = firstRow; row <= lastRow; row++) {
            double south = (row - RINGS) * cell - MARGIN, north = south + cell + 2 * MARGIN;
            for (int column = firstColumn; column <= lastColumn; column++) {
                double west = (column - RINGS) * cell - MARGIN, east = west + cell + 2 * MARGIN;
                if (touches(ax, ay, bx, by, west, south, east, north)) {
                    cells[row * columns + column] = ACROSS;
                }
            }
        }
    }

    /** Whether the segment from a to b touches the box: their extents overlap and its line does not pass the box by. */
    private static boolean touches(double ax, double ay, double bx, double by, double west, double south, double east, double north) {
        if (Math.max(ax, bx) < west || Math.min(ax, bx) > east || Math.max(ay, by) < south || Math.min(ay, by) > north) {
            return false;
        }
        double dx = bx - ax, dy = by - ay;
        double southWest = dx * (south - ay) - dy * (west - ax), southEast = dx * (south - ay) - dy * (east - ax);
        double northWest = dx * (north - ay) - dy * (west - ax), northEast = dx * (north - ay) - dy * (east - ax);
        boolean allLeft = southWest > 0 && southEast > 0 && northWest > 0 && northEast > 0;
        boolean allRight = southWest < 0 && southEast < 0 && northWest < 0 && northEast < 0;
        return !allLeft && !allRight;
    }

    /**
     * Judges the cells the boundary does not touch: along a row, a run of them between cells across the
     * boundary lies wholly on one side of it, as its first cell's centre does; the outer ring is outside.
     */
    private void judgeTheRest() {
        for (int row = 0; row < rows; row++) {
            byte run = 0;
            for (int column = 0; column < columns; column++) {
                int index = row * columns + column;
                if (row == 0 || row == rows - 1 || column == 0 || column == columns - 1) {
                    cells[index] = OUTSIDE;
                } else if (cells[index] == ACROSS) {
                    run = 0;
                } else {
                    if (run == 0) {
                        probe.x = minX + (column - RINGS + 0.5) * cell;
                        probe.y = minY + (row - RINGS + 0.5) * cell;
                        run = locator.locate(probe) == Location.EXTERIOR ? OUTSIDE : INSIDE;
                    }
                    cells[index] = run;
                }
            }
        }
    }
}
