package org.chizu.forestry.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;

/** Point clouds read back by laszip4j as comparable sets, for tests of what Chizu writes. */
public final class LasPointSets {

    private LasPointSets() {
    }

    /** Every point of the files: in centimetres, with class, return, intensity and GPS time; sorted. */
    public static List<String> all(List<Path> files) {
        return inside(files, null);
    }

    /** The points of the files that the area covers, each tested on its own (a brute-force point-in-polygon filter); sorted. */
    public static List<String> inside(List<Path> files, Geometry area) {
        GeometryFactory factory = new GeometryFactory();
        List<String> points = new ArrayList<>();
        for (Path file : files) {
            LASReader reader = new LASReader(file.toFile());
            LASHeader header = reader.getHeader();
            try (CloseablePointIterable cloud = reader.getCloseablePoints()) {
                for (LASPoint point : cloud) {
                    double x = header.getXOffset() + point.getX() * header.getXScaleFactor();
                    double y = header.getYOffset() + point.getY() * header.getYScaleFactor();
                    double z = header.getZOffset() + point.getZ() * header.getZScaleFactor();
                    if (area == null || area.covers(factory.createPoint(new Coordinate(x, y)))) {
                        points.add(Math.round(x * 100) + " " + Math.round(y * 100) + " " + Math.round(z * 100) + " "
                                + point.getClassification() + " " + point.getReturnNumber() + "/" + point.getNumberOfReturns()
                                + " " + (int) point.getIntensity() + " " + (point.hasGPSTime() ? point.getGPSTime() : 0));
                    }
                }
            }
        }
        points.sort(null);
        return points;
    }
}
