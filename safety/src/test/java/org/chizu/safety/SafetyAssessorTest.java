package org.chizu.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.chizu.gis.layer.LayerDeclarations;
import org.chizu.gis.layer.LayerProperties;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

class SafetyAssessorTest {

    /** Inside the landslide warning zone, 310 m from 高津公民館 (not for landslides). */
    static final Place IN_LANDSLIDE_ZONE = new Place(131.8425, 34.6725);
    /** In Masuda but in no zone; 吉田体育館 is nearest. */
    static final Place IN_NO_ZONE = new Place(131.8350, 34.6680);
    /** Across the prefectural border, outside every loaded municipality. */
    static final Place OUTSIDE_MASUDA = new Place(132.1000, 34.7000);

    static JdbcTemplate jdbc;
    static ShelterOpenings openings;
    static SafetyAssessor assessor;

    @BeforeAll
    static void loadSafetyTown() throws Exception {
        TestDatabase database = TestDatabase.migrated();
        jdbc = new JdbcTemplate(database.dataSource());
        try (var connection = database.dataSource().getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("safety-town.sql"));
        }
        RegistryLabels labels = new RegistryLabels(new LayerRegistry(new LayerDeclarations(new LayerProperties(null)), jdbc));
        SafetyProperties properties = new SafetyProperties(null, null);
        openings = new ShelterOpenings(jdbc);
        assessor = new SafetyAssessor(new ServedArea(new Municipalities(jdbc)), new HazardZoneLookup(jdbc, labels),
                new ShelterFinder(new NamedParameterJdbcTemplate(jdbc), openings, labels, properties), properties);
    }

    @AfterEach
    void endTheEvent() {
        jdbc.update("delete from shelter_opening");
    }

    @Test
    void aPlaceInsideALandslideZoneIsReportedInsideThatZoneWithItsJapaneseAndEnglishKind() {
        SafetyAnswer answer = assessor.assess(IN_LANDSLIDE_ZONE);

        assertThat(answer.area().served()).isTrue();
        assertThat(answer.area().municipality().name().ja()).isEqualTo("益田市");
        assertThat(answer.hazardZones()).singleElement().satisfies(zone -> {
            assertThat(zone.kind()).isEqualTo("landslide_warning");
            assertThat(zone.name()).isEqualTo("高津川沿い急傾斜地");
            assertThat(zone.kindLabel().ja()).isEqualTo("土砂災害警戒区域");
            assertThat(zone.kindLabel().en()).isEqualTo("Landslide warning zone");
        });
        assertThat(answer.summary().ja()).isEqualTo("この地点は次の区域内です：土砂災害警戒区域");
    }

    @Test
    void aPlaceOutsideEveryZoneIsInNoneAndSaysSo() {
        SafetyAnswer answer = assessor.assess(IN_NO_ZONE);

        assertThat(answer.hazardZones()).isEmpty();
        assertThat(answer.summary().en()).isEqualTo("This place is not inside any mapped hazard zone.");
        assertThat(answer.shelters().shelters()).isNotEmpty();
    }

    @Test
    void nearestSheltersComeNearestFirstWithGeodesicMetresAndWalkingMinutes() {
        List<Shelter> shelters = assessor.assess(IN_NO_ZONE).shelters().shelters();

        assertThat(shelters).extracting(Shelter::name).containsExactly("吉田体育館", "高津公民館", "益田小学校");
        for (Shelter shelter : shelters) {
            double expected = jdbc.queryForObject("""
                    select st_distance(st_setsrid(st_makepoint(?, ?), 4326)::geography,
                                       st_setsrid(st_makepoint(?, ?), 4326)::geography)""",
                    Double.class, IN_NO_ZONE.lon(), IN_NO_ZONE.lat(), shelter.lon(), shelter.lat());
            assertThat(shelter.distanceMetres()).isCloseTo(expected, within(0.01));
            assertThat(shelter.distanceMetres()).isCloseTo(haversineMetres(IN_NO_ZONE, shelter), within(expected * 0.005));
            assertThat(shelter.walkingMinutes()).isEqualTo((int) Math.ceil(expected / 80));
        }
        assertThat(shelters.getFirst().distanceMetres()).isBetween(540.0, 590.0);
    }

    @Test
    void aFacilityThatIsNoShelterIsNeverRecommendedHoweverNear() {
        assertThat(assessor.assess(IN_LANDSLIDE_ZONE).shelters().shelters())
                .extracting(Shelter::name).doesNotContain("益田市役所");
    }

    @Test
    void insideALandslideZoneSheltersDesignatedForLandslidesComeFirst() {
        ShelterChoice choice = assessor.assess(IN_LANDSLIDE_ZONE).shelters();

        assertThat(choice.basis()).isEqualTo(ShelterChoice.Basis.DESIGNATED);
        assertThat(choice.preferredFor()).singleElement().satisfies(l -> assertThat(l.ja()).isEqualTo("崖崩れ・土石流及び地滑り"));
        assertThat(choice.shelters()).extracting(Shelter::name).containsExactly("益田小学校", "高津公民館", "吉田体育館");
        assertThat(choice.shelters()).extracting(Shelter::suitable).containsExactly(true, false, false);
    }

    @Test
    void whileAnyShelterIsOpenOnlyOpenSheltersAreRecommendedAndTheAnswerSaysSo() {
        long far = idOf("吉田体育館");
        openings.open(far, "bousai");

        ShelterChoice choice = assessor.assess(IN_LANDSLIDE_ZONE).shelters();

        assertThat(choice.basis()).isEqualTo(ShelterChoice.Basis.OPEN);
        assertThat(choice.basisLabel().ja()).isEqualTo("開設中の避難所のうち近いもの");
        assertThat(choice.shelters()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("吉田体育館");
            assertThat(s.open()).isTrue();
        });
    }

    @Test
    void closingTheLastOpenShelterReturnsToTheNearestDesignatedShelters() {
        long hall = idOf("高津公民館");
        openings.open(hall, "bousai");
        openings.close(hall);

        ShelterChoice choice = assessor.assess(IN_NO_ZONE).shelters();

        assertThat(choice.basis()).isEqualTo(ShelterChoice.Basis.DESIGNATED);
        assertThat(choice.shelters()).hasSize(3).noneMatch(Shelter::open);
    }

    @Test
    void onlySheltersCanBeOpened() {
        long townHall = idOf("益田市役所");
        assertThatThrownBy(() -> openings.open(townHall, "bousai")).isInstanceOf(NotAShelterException.class)
                .hasMessageContaining("is not a designated shelter");
        assertThatThrownBy(() -> openings.open(999_999, "bousai")).isInstanceOf(NotAShelterException.class);
        assertThat(openings.anyOpen()).isFalse();
    }

    @Test
    void aPlaceOutsideEveryServedMunicipalityIsNotAssessed() {
        SafetyAnswer answer = assessor.assess(OUTSIDE_MASUDA);

        assertThat(answer.area().served()).isFalse();
        assertThat(answer.hazardZones()).isEmpty();
        assertThat(answer.shelters()).isNull();
        assertThat(answer.summary().ja()).contains("対象市町村の外");
    }

    @Test
    void distancesAreDeclaredStraightLineWithTheWalkingSpeedUsed() {
        SafetyAnswer.Distances distances = assessor.assess(IN_NO_ZONE).distances();

        assertThat(distances.method()).isEqualTo("straight_line");
        assertThat(distances.walkingMetresPerMinute()).isEqualTo(80.0);
        assertThat(distances.note().ja()).contains("直線距離").contains("分速80m");
    }

    @Test
    void coordinatesOutOfRangeAreRejectedNamingTheCoordinate() {
        assertThatThrownBy(() -> new Place(131.8, 91)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lat must be a number between -90.0 and 90.0");
        assertThatThrownBy(() -> new Place(-180.5, 34)).hasMessageStartingWith("lon must be");
        assertThatThrownBy(() -> new Place(Double.NaN, 34)).hasMessageStartingWith("lon must be");
    }

    private static long idOf(String facilityName) {
        return jdbc.queryForObject("select id from facilities where name = ?", Long.class, facilityName);
    }

    /** An independent spherical estimate (mean Earth radius) to catch unit or axis mistakes. */
    private static double haversineMetres(Place from, Shelter to) {
        double p1 = Math.toRadians(from.lat()), p2 = Math.toRadians(to.lat());
        double dp = p2 - p1, dl = Math.toRadians(to.lon() - from.lon());
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }
}
