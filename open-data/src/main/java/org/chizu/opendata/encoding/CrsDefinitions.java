package org.chizu.opendata.encoding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chizu.opendata.query.OutputCrs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** OGC WKT definitions of the output CRSs, taken from PostGIS's {@code spatial_ref_sys} so there is one source. */
@Component
public class CrsDefinitions {

    private final JdbcTemplate jdbc;
    private final Map<Integer, String> wkt = new ConcurrentHashMap<>();

    public CrsDefinitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String wkt(OutputCrs crs) {
        return wkt.computeIfAbsent(crs.srid(), srid ->
                jdbc.queryForObject("select srtext from spatial_ref_sys where srid = ?", String.class, srid));
    }
}
