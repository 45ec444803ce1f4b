package org.chizu.forestry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.accounts.Role;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Firms apply for an area, products and purpose under the current terms; staff approve with the
 * surveying body's reference or refuse with a reason; a download needs an approved application that
 * names the product and overlaps the survey, and is logged for the town's KPI.
 */
class ApplicationsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Yamada Ringyō (organisation 41) has a member; organisation 42 is someone else's. */
    static final Identity FIRM = new Identity(7, AccountKind.RESIDENT, "yamada@example.jp", "山田", null, Set.of("org:41:member"));
    static final Identity STAFF = new Identity(1, AccountKind.STAFF, "tanaka", "田中 一郎", Role.STAFF, Set.of());
    /** A square of about 90 m × 110 m in Yasugi, inside the survey's one tile. */
    static final String INSIDE = """
            {"type": "Polygon", "coordinates": [[[133.201, 35.401], [133.202, 35.401], [133.202, 35.402], [133.201, 35.402], [133.201, 35.401]]]}""";
    /** The same far from the survey. */
    static final String OUTSIDE = """
            {"type": "Polygon", "coordinates": [[[134.001, 35.401], [134.002, 35.401], [134.002, 35.402], [134.001, 35.402], [134.001, 35.401]]]}""";

    static JdbcTemplate jdbc;
    static Applications applications;
    static Downloads downloads;
    static long survey;
    static long compartmentA;
    static long compartmentB;

    @BeforeAll
    static void aSurveyWithOneTileOverTwoSubcompartments() {
        jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        applications = new Applications(jdbc, new AuditLog(jdbc));
        downloads = new Downloads(jdbc);
        survey = jdbc.queryForObject("insert into laser_survey (name, surveying_body) values ('access test', '安来市') returning id", Long.class);
        jdbc.update("""
                insert into laser_tile (survey_id, file_name, sha256, byte_size, compressed, las_version, point_format, point_count,
                    srid, crs_source, min_x, min_y, min_z, max_x, max_y, max_z, footprint, points_per_m2, class_counts, first_returns, last_returns)
                values (?, 'a.las', repeat('a', 64), 100, false, '1.4', 6, 10, 6671, 'declared', 0, 0, 0, 1, 1, 1,
                    ST_MakeEnvelope(133.20, 35.40, 133.21, 35.41, 6668), 8, '{}', 10, 10)""", survey);
        compartmentA = forest("301", "い", 133.203);
        compartmentB = forest("301", "ろ", 133.204);
    }

    static long forest(String compartment, String sub, double west) {
        return jdbc.queryForObject("""
                insert into forests (compartment, subcompartment, species, geom)
                values (?, ?, 'スギ', ST_Multi(ST_MakeEnvelope(?, 35.403, ? + 0.001, 35.404, 6668))) returning id""", Long.class,
                compartment, sub, west, west);
    }

    static NewApplication application(List<Long> compartments, String area, List<String> products, String terms) {
        try {
            return new NewApplication(41L, compartments, area == null ? null : JSON.readTree(area), products,
                    "間伐計画と作業道の路線選定", terms);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aMemberAppliesForSubcompartmentsAndTheAreaIsTheirUnion() throws Exception {
        long id = applications.apply(FIRM, application(List.of(compartmentA, compartmentB), null, List.of("chm", "tree_points"),
                ForestryTerms.VERSION));

        Application applied = applications.of(Set.of(41L)).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        assertThat(applied.status()).isEqualTo("pending");
        assertThat(applied.compartments()).containsExactly(compartmentA, compartmentB);
        assertThat(applied.products()).containsExactly("chm", "tree_points");
        assertThat(applied.termsVersion()).isEqualTo(ForestryTerms.VERSION);
        JsonNode area = JSON.readTree(applied.area());
        assertThat(area.path("type").asText()).isEqualTo("MultiPolygon");
        assertThat(jdbc.queryForObject("select ST_Area(area) from forestry_application where id = ?", Double.class, id))
                .as("two 0.001° squares side by side").isCloseTo(2e-6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(applications.of(Set.of(42L))).noneMatch(a -> a.id() == id);
    }

    @Test
    void onlyAMemberOfTheApprovedOrganisationMayApplyForIt() {
        NewApplication forAnother = new NewApplication(42L, List.of(compartmentA), null, List.of("dem"), "調査", ForestryTerms.VERSION);

        assertThatThrownBy(() -> applications.apply(FIRM, forAnother))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.status()).isEqualTo(403));
    }

    @Test
    void eachMistakeIsRefusedNamingTheFieldAndNothingIsStored() {
        int before = count();
        assertField(application(List.of(compartmentA), null, List.of("dem"), "2025-01"), "termsVersion");
        assertField(application(List.of(compartmentA), null, List.of("dem", "orthophoto"), ForestryTerms.VERSION), "products");
        assertField(application(List.of(compartmentA), null, List.of(), ForestryTerms.VERSION), "products");
        assertField(application(List.of(compartmentA), INSIDE, List.of("dem"), ForestryTerms.VERSION), "area");
        assertField(application(null, null, List.of("dem"), ForestryTerms.VERSION), "area");
        assertField(application(List.of(compartmentA, 99_999_999L), null, List.of("dem"), ForestryTerms.VERSION), "compartments");
        assertField(application(null, "{\"type\": \"Polygon\", \"coordinates\": 5}", List.of("dem"), ForestryTerms.VERSION), "area");
        assertField(application(null, "{\"type\": \"Point\", \"coordinates\": [133.2, 35.4]}", List.of("dem"), ForestryTerms.VERSION), "area");
        assertField(application(null, """
                {"type": "Polygon", "coordinates": [[[133.201, 35.401], [133.202, 35.402], [133.202, 35.401], [133.201, 35.402], [133.201, 35.401]]]}""",
                List.of("dem"), ForestryTerms.VERSION), "area");
        assertField(application(null, """
                {"type": "Polygon", "coordinates": [[[-62000, -102000], [-61900, -102000], [-61900, -101900], [-62000, -102000]]]}""",
                List.of("dem"), ForestryTerms.VERSION), "area");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void staffApproveWithTheSurveyingBodysReferenceOrRefuseWithAReasonAndDecideOnlyOnce() {
        long approved = applications.apply(FIRM, application(null, INSIDE, List.of("dem"), ForestryTerms.VERSION));
        long refused = applications.apply(FIRM, application(null, INSIDE, List.of("dsm"), ForestryTerms.VERSION));

        assertThatThrownBy(() -> applications.decide(approved, new Decision("approved", " ", null), STAFF))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.members()).containsEntry("field", "surveyApproval"));
        assertThatThrownBy(() -> applications.decide(refused, new Decision("refused", null, null), STAFF))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.members()).containsEntry("field", "reason"));
        applications.decide(approved, new Decision("approved", "国地達第 123 号", null), STAFF);
        applications.decide(refused, new Decision("refused", null, "目的が区域と合いません"), STAFF);

        assertThatThrownBy(() -> applications.decide(approved, new Decision("refused", null, "やはり"), STAFF))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.status()).isEqualTo(409));
        assertThatThrownBy(() -> applications.decide(99_999_999L, new Decision("refused", null, "?"), STAFF))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThat(applications.withStatus("approved")).anySatisfy(a -> {
            assertThat(a.id()).isEqualTo(approved);
            assertThat(a.surveyApproval()).isEqualTo("国地達第 123 号");
        });
        assertThat(applications.withStatus("refused")).anySatisfy(a -> {
            assertThat(a.id()).isEqualTo(refused);
            assertThat(a.reason()).isEqualTo("目的が区域と合いません");
        });
    }

    @Test
    void onlyAnApprovedApplicationNamingTheProductAndOverlappingTheSurveyGrantsItsDownload() {
        long pending = applications.apply(FIRM, application(null, INSIDE, List.of("hillshade"), ForestryTerms.VERSION));
        long far = applications.apply(FIRM, application(null, OUTSIDE, List.of("slope"), ForestryTerms.VERSION));
        long near = applications.apply(FIRM, application(null, INSIDE, List.of("cs-relief"), ForestryTerms.VERSION));
        applications.decide(far, new Decision("approved", "国地達第 7 号", null), STAFF);
        applications.decide(near, new Decision("approved", "国地達第 8 号", null), STAFF);

        assertThat(pending).isPositive();
        assertThat(downloads.grant(Set.of(41L), survey, DataProduct.HILLSHADE)).as("pending").isEmpty();
        assertThat(downloads.grant(Set.of(41L), survey, DataProduct.SLOPE)).as("elsewhere").isEmpty();
        assertThat(downloads.grant(Set.of(42L), survey, DataProduct.CS_RELIEF)).as("another organisation").isEmpty();
        assertThat(downloads.grant(Set.of(41L), survey, DataProduct.CS_RELIEF)).contains(new Downloads.Grant(near, 41L));
    }

    @Test
    void everyDownloadIsLoggedAndCountedPerMonthAndOrganisation() {
        long approved = applications.apply(FIRM, application(null, INSIDE, List.of("point_cloud"), ForestryTerms.VERSION));
        applications.decide(approved, new Decision("approved", "国地達第 9 号", null), STAFF);
        Downloads.Grant grant = downloads.grant(Set.of(41L), survey, DataProduct.POINT_CLOUD).orElseThrow();
        long before = ((Number) downloads.kpis().get("downloads")).longValue();

        downloads.log(grant, FIRM.id(), survey, DataProduct.POINT_CLOUD, 1_000);
        downloads.log(grant, FIRM.id(), survey, DataProduct.POINT_CLOUD, 2_000);
        jdbc.update("update forestry_download set downloaded_at = '2026-01-31T15:30:00Z' where id = (select max(id) from forestry_download)");

        var kpis = downloads.kpis();
        assertThat(((Number) kpis.get("downloads")).longValue()).isEqualTo(before + 2);
        assertThat(((Number) kpis.get("organisationsUsing")).longValue()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> months = (List<java.util.Map<String, Object>>) kpis.get("downloadsPerMonth");
        assertThat(months).anySatisfy(month -> {
            assertThat(month.get("month")).as("15:30 UTC on 31 January is February in Japan").isEqualTo("2026-02");
            assertThat(((Number) month.get("downloads")).longValue()).isEqualTo(1);
            assertThat(((Number) month.get("bytes")).longValue()).isEqualTo(2_000);
        });
    }

    private static void assertField(NewApplication application, String field) {
        assertThatThrownBy(() -> applications.apply(FIRM, application)).as(field)
                .isInstanceOfSatisfying(AccessProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.members()).containsEntry("field", field);
                });
    }

    private static int count() {
        return jdbc.queryForObject("select count(*) from forestry_application", Integer.class);
    }
}
