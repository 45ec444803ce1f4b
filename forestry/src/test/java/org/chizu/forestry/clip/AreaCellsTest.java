package org.chizu.forestry.clip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/**
 * The cells answer exactly as JTS's own covers test of each point: for points scattered over and around
 * the area, and for points on its boundary (vertices and points along its edges), which are covered.
 */
class AreaCellsTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void pointsInsideOutsideAndOnTheBoundaryOfAConcaveAreaWithAHole() throws Exception {
        assertAgreesWithJts(new WKTReader().read("""
                POLYGON((-59990 -99990, -59930 -99985, -59945 -99960, -59925 -99930, -59985 -99935, -59990 -99990),
                        (-59970 -99975, -59955 -99975, -59960 -99955, -59970 -99975))"""));
    }

    @Test
    void pointsOfTwoPolygonsAlignedWithTheCellsAndAWideSmoothOne() throws Exception {
        // edges along the cells' own lines, and a circle of many short segments a kilometre across
        assertAgreesWithJts(new WKTReader().read("MULTIPOLYGON(((0 0, 50 0, 50 25, 0 25, 0 0)), ((60 0, 70 0, 70 10, 60 0)))"));
        assertAgreesWithJts(FACTORY.createPoint(new Coordinate(-50_000, -90_000)).buffer(500, 64));
    }

    private static void assertAgreesWithJts(Geometry area) {
        AreaCells cells = new AreaCells(area);
        Envelope around = area.getEnvelopeInternal();
        around.expandBy(around.getWidth() / 4);
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 50_000; i++) {
            assertAgrees(cells, area, new Coordinate(around.getMinX() + random.nextDouble() * around.getWidth(),
                    around.getMinY() + random.nextDouble() * around.getHeight()));
        }
        Geometry boundary = area.getBoundary();
        List<Coordinate> alongTheBoundary = new ArrayList<>();
        Coordinate[] vertices = area.getCoordinates();
        for (int i = 0; i < vertices.length; i++) {
            alongTheBoundary.add(vertices[i]);
            if (i > 0) {
                // a point along each edge: on the boundary where the arithmetic is exact, else a hair to one side
                alongTheBoundary.add(new Coordinate((vertices[i - 1].x + vertices[i].x) / 2, (vertices[i - 1].y + vertices[i].y) / 2));
            }
        }
        alongTheBoundary.forEach(point -> assertAgrees(cells, area, point));
        assertThat(alongTheBoundary).as("points on the boundary were tried")
                .anyMatch(point -> boundary.intersects(FACTORY.createPoint(point)));
    }

    private static void assertAgrees(AreaCells cells, Geometry area, Coordinate point) {
        assertThat(cells.covers(point.x, point.y)).as("%s in %s", point, area).isEqualTo(area.covers(FACTORY.createPoint(point)));
    }
}
