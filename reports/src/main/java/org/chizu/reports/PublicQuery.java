package org.chizu.reports;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A query over public reports, as Open311's GET requests asks it: by ids, or by time range,
 * categories and open/closed, one page at a time.
 *
 * @param ids      report ids; when not empty the other filters are ignored, as GeoReport v2 says
 * @param codes    category codes, empty for all
 * @param statuses "open" and/or "closed", empty for both
 * @param start    earliest report time
 * @param end      latest report time
 * @param page     the page, from 1
 * @param pageSize reports per page
 */
public record PublicQuery(List<Long> ids, List<String> codes, List<String> statuses, OffsetDateTime start,
        OffsetDateTime end, int page, int pageSize) {

    public PublicQuery {
        ids = List.copyOf(ids);
        codes = List.copyOf(codes);
        statuses = List.copyOf(statuses);
    }

    MapSqlParameterSource parameters() {
        // An empty list cannot be bound to "in (...)"; the flags switch those conditions off instead.
        return new MapSqlParameterSource()
                .addValue("anyIds", !ids.isEmpty()).addValue("ids", ids.isEmpty() ? List.of(-1L) : ids)
                .addValue("anyCodes", !codes.isEmpty()).addValue("codes", codes.isEmpty() ? List.of("") : codes)
                .addValue("anyStatus", !statuses.isEmpty()).addValue("statuses", statuses.isEmpty() ? List.of("") : statuses)
                .addValue("start", start).addValue("end", end)
                .addValue("limit", pageSize).addValue("offset", (long) (page - 1) * pageSize);
    }
}
