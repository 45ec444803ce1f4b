package org.chizu.reports;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What staff narrow the report list to; a null field does not filter.
 *
 * @param number     a report number: that report alone
 * @param status     a status id
 * @param category   a category code
 * @param body       a body code ("city_roads")
 * @param moderation a moderation id ("new" for the reports waiting for review)
 * @param town       a municipality's five-digit code
 * @param assignee   a staff account's sign-in name
 * @param priority   a priority id
 * @param from       reported on or after this day (Japan's time)
 * @param to         reported on or before this day (Japan's time)
 * @param area       a longitude/latitude box, or null
 */
public record ReportFilter(Long number, String status, String category, String body, String moderation, String town,
        String assignee, String priority, LocalDate from, LocalDate to, Area area) {

    public ReportFilter {
        status = blank(status) ? null : ReportStatus.fromId(status).id();
        moderation = blank(moderation) ? null : Moderation.fromId(moderation).id();
        priority = blank(priority) ? null : Priority.fromId(priority).id();
        category = blank(category) ? null : category;
        body = blank(body) ? null : body;
        town = blank(town) ? null : town;
        assignee = blank(assignee) ? null : assignee;
        if (from != null && to != null && from.isAfter(to)) {
            throw ReportProblem.badInput("期間の開始が終了より後です。", "from must not be after to.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
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

    /** The SQL condition every filter shares; its parameters are {@link #parameters()}. */
    static final String CONDITION = """
            where (cast(:number as bigint) is null or r.id = :number)
              and (cast(:status as text) is null or r.status = :status)
              and (cast(:category as text) is null or r.category = :category)
              and (cast(:body as text) is null or r.body_code = :body)
              and (cast(:moderation as text) is null or r.moderation = :moderation)
              and (cast(:town as text) is null or r.municipality_code = :town)
              and (cast(:assignee as text) is null or r.assignee = :assignee)
              and (cast(:priority as text) is null or r.priority = :priority)
              and (cast(:from as date) is null or r.reported_at >= cast(:from as date) at time zone 'Asia/Tokyo')
              and (cast(:to as date) is null or r.reported_at < (cast(:to as date) + 1) at time zone 'Asia/Tokyo')
              and (cast(:minLon as double precision) is null
                   or r.geom && st_makeenvelope(:minLon, :minLat, :maxLon, :maxLat, 6668))
            """;

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource().addValue("number", number).addValue("status", status)
                .addValue("category", category).addValue("body", body).addValue("moderation", moderation)
                .addValue("town", town).addValue("assignee", assignee).addValue("priority", priority)
                .addValue("from", from).addValue("to", to)
                .addValue("minLon", area == null ? null : area.minLon()).addValue("minLat", area == null ? null : area.minLat())
                .addValue("maxLon", area == null ? null : area.maxLon()).addValue("maxLat", area == null ? null : area.maxLat());
    }
}
