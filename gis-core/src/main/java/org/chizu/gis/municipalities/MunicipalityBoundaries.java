package org.chizu.gis.municipalities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import org.chizu.platform.Label;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a municipality to those the platform serves, or replaces its boundary, from a 国土数値情報
 * administrative-boundary file (N03). Every module asks {@link Municipalities} on each request, so
 * a municipality added here is served at once, by every process, without a restart.
 */
@Service
public class MunicipalityBoundaries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public MunicipalityBoundaries(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
        SequencedMap<String, String> one = new LinkedHashMap<>();
        one.put(code, nameEn);
        return addAll(one, file, fileName).getFirst();
    }

    /**
     * Adds several municipalities of one file as {@link #add} adds each, reading the file once (a
     * prefecture's file for several of its municipalities), all or none.
     *
     * @param englishNames each code (five digits, or six with the check digit) with its English name, or null
     * @return what was done for each, in the order given
     * @throws MunicipalityProblem as {@link #add} does, for the first code that fails
     */
    public List<AddedMunicipality> addAll(SequencedMap<String, String> englishNames, Path file, String fileName) throws IOException {
        SequencedMap<String, String> byCode = new LinkedHashMap<>();
        englishNames.forEach((code, nameEn) -> byCode.put(LocalGovernmentCodes.fiveDigits(code),
                nameEn == null || nameEn.isBlank() ? null : nameEn.strip()));
        List<N03File> found = N03File.findAll(List.copyOf(byCode.keySet()), file, fileName);
        return transactions.execute(transaction -> found.stream().map(n03 -> store(n03, byCode.get(n03.code()))).toList());
    }

    private AddedMunicipality store(N03File n03, String givenEnglish) {
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
                    return new AddedMunicipality(new Municipality(n03.code(), new Label(n03.nameJa(), english)),
                            rs.getBoolean("replaced"), english.equals(Municipality.englishNameFor(n03.code())), rs.getInt("polygons"));
                },
                n03.srid(), parts, n03.code(), n03.nameJa(), givenEnglish, Municipality.englishNameFor(n03.code()), givenEnglish);
    }
}
