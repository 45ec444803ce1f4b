package org.chizu.gis.imports;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Expected longitudes and latitudes from proj4j, an implementation independent of the PROJ library
 * PostGIS uses, so a test does not check PostGIS against itself.
 */
final class ReferenceProjection {

    private ReferenceProjection() {
    }

    /** The JGD2011 longitude (x) and latitude (y) of an easting and northing in the EPSG system {@code srid}. */
    static ProjCoordinate jgd2011LongitudeLatitude(int srid, double easting, double northing) {
        CRSFactory crs = new CRSFactory();
        var transform = new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:" + srid),
                crs.createFromName("EPSG:6668"));
        return transform.transform(new ProjCoordinate(easting, northing), new ProjCoordinate());
    }
}
