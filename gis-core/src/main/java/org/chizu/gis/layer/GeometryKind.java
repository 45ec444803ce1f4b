package org.chizu.gis.layer;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The geometry a layer stores. Lines and polygons are stored as their multi-part types so that
 * one column takes both single and multi-part input.
 */
public enum GeometryKind {
    POINT("Point"),
    MULTI_LINE_STRING("MultiLineString"),
    MULTI_POLYGON("MultiPolygon");

    private final String postgisName;

    GeometryKind(String postgisName) {
        this.postgisName = postgisName;
    }

    /** The type name as PostGIS and OGC spell it ("MultiLineString"). */
    public String postgisName() {
        return postgisName;
    }

    /** Whether a source geometry of this OGC type name fits the layer (single or multi-part). */
    public boolean accepts(String geometryType) {
        return switch (this) {
            case POINT -> geometryType.equals("Point");
            case MULTI_LINE_STRING -> geometryType.equals("LineString") || geometryType.equals("MultiLineString");
            case MULTI_POLYGON -> geometryType.equals("Polygon") || geometryType.equals("MultiPolygon");
        };
    }

    @JsonCreator
    public static GeometryKind fromPostgisName(String name) {
        for (GeometryKind kind : values()) {
            if (kind.postgisName.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unsupported geometry type " + name
                + " (use Point, MultiLineString or MultiPolygon)");
    }
}
