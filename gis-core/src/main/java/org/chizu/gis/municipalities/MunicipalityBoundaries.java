package org.chizu.gis.municipalities;

import java.io.IOException;
import java.nio.file.Path;

import org.chizu.platform.Label;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Adds a municipality to those the platform serves, or replaces its boundary, from a 国土数値情報
 * administrative-boundary file (N03). Every module asks {@link Municipalities} on each request, so
 * a municipality added here is served at once, by every process, without a restart.
 */
@Service
public class MunicipalityBoundaries {

    private final JdbcTemplate jdbc;

    public MunicipalityBoundaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the municipality of this code with its boundary from the file: its polygons made valid,
     * unioned into one MultiPolygon and stored in JGD2011, in one statement (all or nothing).
     * Adding a code again replaces its name and boundary and keeps its English name unless one is given.
     *
     * @param code     five digits, or six with the check digit
     * @param fileName the file's name as its owner knows it; its extension gives the format
     * @param nameEn   the English name, or null
     * @throws MunicipalityProblem for a malformed code or wrong check digit, a file that is no N03
     *                             file, or one that does not hold the code
     * @throws org.chizu.gis.imports.ImportRejectedException when the file cannot be read
     * @throws IllegalArgumentException when the format cannot be told from the file name
     */
    public AddedMunicipality add(String code, Path file, String fileName, String nameEn) throws IOException {
        String fiveDigits = LocalGovernmentCodes.fiveDigits(code);
        String givenEnglish = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
        N03File n03 = N03File.find(fiveDigits, file, fileName);
        WKBWriter wkb = new WKBWriter();
        byte[][] parts = n03.parts().stream().map(wkb::write).toArray(byte[][]::new);
        return jdbc.queryForObject("""
                with boundary as (
                    select ST_Multi(ST_CollectionExtract(ST_MakeValid(
                               ST_Union(ST_Transform(ST_MakeValid(ST_GeomFromWKB(part, ?)), 6668))), 3)) as geom
                    from unnest(?::bytea[]) part)
                insert into municipalities (code, name_ja, name_en, geom)
                select ?, ?, coalesce(?, ?), geom from boundary
                on conflict (code) do update
                    set name_ja = excluded.name_ja, name_en = coalesce(?, municipalities.name_en), geom = excluded.geom
                returning xmax <> '0'::xid as replaced, name_en, ST_NumGeometries(geom) as polygons""",
                (rs, i) -> {
                    String english = rs.getString("name_en");
                    return new AddedMunicipality(new Municipality(fiveDigits, new Label(n03.nameJa(), english)),
                            rs.getBoolean("replaced"), english.equals(Municipality.englishNameFor(fiveDigits)), rs.getInt("polygons"));
                },
                n03.srid(), parts, fiveDigits, n03.nameJa(), givenEnglish, Municipality.englishNameFor(fiveDigits), givenEnglish);
    }
}
