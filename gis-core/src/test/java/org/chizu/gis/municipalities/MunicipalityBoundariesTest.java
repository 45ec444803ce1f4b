package org.chizu.gis.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import javax.sql.DataSource;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Adding several municipalities of a prefecture's N03 file at once, as the sample town adds Shimane's. */
class MunicipalityBoundariesTest {

    /** The N03 file of Shimane's 19 municipalities that the project ships (read as a file: gis-core cannot depend on sample-town). */
    private static final Path SHIMANE = Path.of("../sample-town/src/main/resources/sample-town/boundaries/shimane-municipalities-2021.geojson");

    static JdbcTemplate jdbc;
    static MunicipalityBoundaries boundaries;

    @BeforeAll
    static void database() {
        DataSource database = TestDatabase.migrated().dataSource();
        jdbc = new JdbcTemplate(database);
        boundaries = new MunicipalityBoundaries(jdbc, new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    @BeforeEach
    void noMunicipalities() {
        jdbc.update("delete from municipalities");
    }

    @Test
    void severalMunicipalitiesOfOneFileAreAddedInTheOrderGivenEachWithItsEnglishName() throws Exception {
        SequencedMap<String, String> englishNames = new LinkedHashMap<>();
        englishNames.put("32206", "Yasugi");
        englishNames.put("322041", " Masuda ");
        englishNames.put("32527", null);

        List<AddedMunicipality> added = boundaries.addAll(englishNames, SHIMANE, SHIMANE.getFileName().toString());

        assertThat(added).extracting(a -> a.municipality().code() + " " + a.municipality().name().ja() + " "
                        + a.municipality().name().en() + " " + a.polygons() + (a.englishNameMissing() ? " (no English name)" : ""))
                .containsExactly("32206 安来市 Yasugi 1", "32204 益田市 Masuda 2", "32527 知夫村 Municipality 325279 3 (no English name)");
        assertThat(jdbc.queryForList("select code from municipalities order by code", String.class))
                .containsExactly("32204", "32206", "32527");
    }

    @Test
    void aCodeTheFileLacksAddsNoneOfTheOthers() {
        SequencedMap<String, String> englishNames = new LinkedHashMap<>();
        englishNames.put("32201", "Matsue");
        englishNames.put("13101", "Chiyoda");

        MunicipalityProblem problem = catchThrowableOfType(MunicipalityProblem.class,
                () -> boundaries.addAll(englishNames, SHIMANE, SHIMANE.getFileName().toString()));

        assertThat(problem.getMessage()).startsWith("shimane-municipalities-2021.geojson holds no boundary with N03_007 = 13101");
        assertThat(jdbc.queryForObject("select count(*) from municipalities", Long.class)).isZero();
    }
}
