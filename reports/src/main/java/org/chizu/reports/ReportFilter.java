package org.chizu.reports;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What staff narrow the report list to; a null field does not filter.
 *
 * @param status     a status id
 * @param category   a category code
 * @param body       a body code ("city_roads")
 * @param moderation a moderation id ("new" for the reports waiting for review)
 * @param area       a longitude/latitude box, or null
 * @param limit      at most this many reports
 */
public record ReportFilter(String status, String category, String body, String moderation, Area area, int limit) {

    public static final int MAX_LIMIT = 1000;

    public ReportFilter {
        status = status == null || status.isBlank() ? null : ReportStatus.fromId(status).id();
        moderation = moderation == null || moderation.isBlank() ? null : Moderation.fromId(moderation).id();
        category = category == null || category.isBlank() ? null : category;
        body = body == null || body.isBlank() ? null : body;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ReportProblem.badInput("件数は 1 から " + MAX_LIMIT + " で指定してください。",
                    "limit must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    /** A box in longitude and latitude (west, south, east, north). */
    public record Area(double minLon, double minLat, double maxLon, double maxLat) {

        /** Parses "west,south,east,north"; null or blank is no area. */
        public static Area parse(String bbox) {
            if (bbox == null || bbox.isBlank()) {
                return null;
            }
            String[] parts = bbox.split(",");
            try {
                if (parts.length == 4) {
                    Area area = new Area(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                            Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                    if (area.minLon < area.maxLon && area.minLat < area.maxLat) {
                        return area;
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ReportProblem.badInput("範囲は 西,南,東,北 の経緯度で指定してください。",
                    "bbox must be west,south,east,north in degrees, west < east and south < north.");
        }
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource().addValue("status", status).addValue("category", category)
                .addValue("body", body).addValue("moderation", moderation)
                .addValue("minLon", area == null ? null : area.minLon()).addValue("minLat", area == null ? null : area.minLat())
                .addValue("maxLon", area == null ? null : area.maxLon()).addValue("maxLat", area == null ? null : area.maxLat())
                .addValue("limit", limit);
    }
}
