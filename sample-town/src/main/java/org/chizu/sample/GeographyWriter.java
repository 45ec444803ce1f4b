package org.chizu.sample;

import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes the ground of the sample town: municipal boundaries and shelters. */
final class GeographyWriter {

    private final JdbcTemplate jdbc;

    GeographyWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(SampleGeography geography) {
        jdbc.batchUpdate("""
                insert into municipalities (code, name_ja, name_en, geom)
                values (?, ?, ?, st_multi(st_setsrid(st_geomfromgeojson(?), 6668)))""",
                geography.municipalities().stream()
                        .map(m -> new Object[] {m.code(), m.nameJa(), m.nameEn(), m.geoJson()}).toList());
        for (Town town : Town.ALL) {
            jdbc.batchUpdate("""
                    insert into facilities (kind, name, address, for_flood, for_landslide, for_storm_surge,
                        for_earthquake, for_tsunami, for_large_fire, for_inland_flood, for_volcano, source_id, geom)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, st_setsrid(st_point(?, ?), 6668))""",
                    geography.sheltersOf(town).stream().map(GeographyWriter::row).toList());
        }
    }

    private static Object[] row(Shelter shelter) {
        Shelter.Designation d = shelter.designation();
        List<Boolean> flags = d == null ? Collections.nCopies(8, null)
                : List.of(d.flood(), d.landslide(), d.stormSurge(), d.earthquake(), d.tsunami(), d.largeFire(),
                        d.inlandFlood(), d.volcano());
        return new Object[] {shelter.kind(), shelter.name(), shelter.address(),
                flags.get(0), flags.get(1), flags.get(2), flags.get(3), flags.get(4), flags.get(5), flags.get(6), flags.get(7),
                shelter.sourceId(), shelter.location().lon(), shelter.location().lat()};
    }
}
