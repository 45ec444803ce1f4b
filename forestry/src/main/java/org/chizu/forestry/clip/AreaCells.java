package org.chizu.forestry.clip;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Whether points lie in an area (its boundary included), fast for millions of them: the area's extent
 * is cut into square cells, each found once, when a point first falls in it, to lie wholly inside,
 * wholly outside or across the boundary; only points in the cells across it are tested one by one.
 */
final class AreaCells {

    private static final byte UNKNOWN = 0, INSIDE = 1, OUTSIDE = 2, ACROSS = 3;
    /** Cells are at least this wide, and few enough to classify quickly. */
    private static final double MIN_CELL_METRES = 5;
    private static final int MAX_CELLS = 1 << 16;
    /** A cell is judged with this margin, so a point rounded into a neighbouring cell is still judged right. */
    private static final double MARGIN = 1e-6;

    private final Geometry area;
    private final PreparedGeometry prepared;
    private final IndexedPointInAreaLocator locator;
    private final Envelope extent;
    private final double minX, minY, maxX, maxY;
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
        this.maxX = extent.getMaxX();
        this.maxY = extent.getMaxY();
        this.cell = Math.max(MIN_CELL_METRES, Math.sqrt(extent.getArea() / MAX_CELLS));
        // multiplying by the inverse may put a point a rounding error into the neighbouring cell: the margin covers it
        this.perCell = 1 / cell;
        this.columns = Math.max(1, (int) Math.ceil(extent.getWidth() / cell));
        this.rows = Math.max(1, (int) Math.ceil(extent.getHeight() / cell));
        this.cells = new byte[columns * rows];
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
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        int column = Math.min(columns - 1, (int) ((x - minX) * perCell));
        int row = Math.min(rows - 1, (int) ((y - minY) * perCell));
        int index = row * columns + column;
        byte state = cells[index];
        if (state == UNKNOWN) {
            state = classify(column, row);
            cells[index] = state;
        }
        if (state != ACROSS) {
            return state == INSIDE;
        }
        probe.x = x;
        probe.y = y;
        return locator.locate(probe) != Location.EXTERIOR;
    }

    private byte classify(int column, int row) {
        double west = minX + column * cell, south = minY + row * cell;
        Geometry box = area.getFactory().toGeometry(new Envelope(west - MARGIN, west + cell + MARGIN, south - MARGIN, south + cell + MARGIN));
        if (prepared.covers(box)) {
            return INSIDE;
        }
        return prepared.intersects(box) ? ACROSS : OUTSIDE;
    }
}
