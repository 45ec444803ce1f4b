package org.chizu.forestry.laser;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** Why a laser file or survey was refused, naming the file. */
public class LaserProblem extends ProblemException {

    private final Map<String, Object> members;

    private LaserProblem(int status, String type, String title, String detail, Map<String, Object> members) {
        super(status, type, title, detail);
        this.members = members;
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }

    static LaserProblem notLas(String file, String why) {
        return new LaserProblem(422, "not-a-point-cloud", "Not a LAS or LAZ file",
                file + " is not a LAS or LAZ point cloud: " + why, Map.of("file", file));
    }

    static LaserProblem noCrs(String file) {
        return new LaserProblem(422, "unknown-crs", "No coordinate system",
                file + " declares no coordinate system Chizu recognises (neither an OGC WKT nor GeoTIFF keys with an EPSG code);"
                        + " give the plane rectangular zone it was surveyed in (--zone III)", Map.of("file", file));
    }

    static LaserProblem unknownSrid(String file, int srid) {
        return new LaserProblem(422, "unknown-crs", "Unknown coordinate system",
                file + " declares EPSG:" + srid + ", which PostGIS does not know", Map.of("file", file, "srid", srid));
    }
}
