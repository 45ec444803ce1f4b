package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.changes.LayerChanges;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class NearestCountersTest extends CountersTown {

    static final double S_LON = 131.800;
    static final double S_LAT = 34.700;

    @Autowired
    LayerChanges layerChanges;
    @Autowired
    TransactionTemplate transaction;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void openTheOffices() throws Exception {
        loadTheTown();
    }

    @Test
    void countersAreOrderedByTravelTimeOverTheRoadsAndAClosedRoadChangesTheAnswer() {
        List<NearestCounter> before = nearest.nearest(S_LON, S_LAT, "juminhyo");

        assertThat(before).extracting(counter -> counter.office().code()).containsExactly("east", "north");
        assertThat(before.getFirst().travelSeconds()).as("0.9 km at 30 km/h").isBetween(100L, 120L);

        // Road staff close the road to the east branch: its section leaves the roads layer.
        transaction.executeWithoutResult(tx -> {
            jdbc.update("delete from roads where id = 1");
            layerChanges.publishOnCommit(LayerDataChanged.wholeLayer("roads"));
        });

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(nearest.nearest(S_LON, S_LAT, "juminhyo")).extracting(counter -> counter.office().code())
                        .as("east is now reached only round by north").containsExactly("north", "east"));
        restoreTheRoad();
    }

    @Test
    void roadsThatCrossMidSectionAreJoinedWhereTheyCross() {
        List<NearestCounter> consultation = nearest.nearest(S_LON, S_LAT, "soudan");

        assertThat(consultation).extracting(counter -> counter.office().code()).containsExactly("south");
        assertThat(consultation.getFirst().travelSeconds()).as("0.46 km east, then 1.1 km south").isBetween(170L, 205L);
    }

    @Test
    void theApiAnswersJsonAndRefusesABadPlaceOrServiceAsAProblem() throws Exception {
        HttpResponse<String> answer = get("/api/counters/nearest?lon=131.8&lat=34.7&service=juminhyo");
        HttpResponse<String> notANumber = get("/api/counters/nearest?lon=131.8&lat=north&service=juminhyo");
        HttpResponse<String> offTheEarth = get("/api/counters/nearest?lon=231.8&lat=34.7&service=juminhyo");
        HttpResponse<String> noService = get("/api/counters/nearest?lon=131.8&lat=34.7");
        HttpResponse<String> unknownService = get("/api/counters/nearest?lon=131.8&lat=34.7&service=pasupooto");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"travelSeconds\"", "東支所", "本人確認書類");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("bad-place", "\"parameter\":\"lat\"");
        assertThat(offTheEarth.statusCode()).isEqualTo(400);
        assertThat(offTheEarth.body()).contains("\"parameter\":\"lon\"");
        assertThat(noService.statusCode()).isEqualTo(400);
        assertThat(noService.body()).contains("missing-field", "service");
        assertThat(unknownService.statusCode()).isEqualTo(404);
    }

    private void restoreTheRoad() {
        transaction.executeWithoutResult(tx -> {
            jdbc.update("""
                    insert into roads (id, road_class, name, geom) overriding system value
                    values (1, 'municipal', 'S–東', st_multi(st_geomfromtext('LINESTRING(131.800 34.700, 131.810 34.700)', 6668)))""");
            layerChanges.publishOnCommit(LayerDataChanged.wholeLayer("roads"));
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                nearest.nearest(S_LON, S_LAT, "juminhyo").getFirst().office().code().equals("east"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
