package org.chizu.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.fuzz.FuzzedChizu.abbreviated;
import static org.chizu.app.fuzz.FuzzedChizu.assertSuccessOrProblem;
import static org.chizu.app.fuzz.Nasty.encoded;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chizu.app.reports.MultipartForm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Citizen reports and Open311, fuzzed over real HTTP: a report is stored whole or not at all, and
 * every answer is a success or a client error in the API's own error format, never a server error.
 */
class SubmissionFuzzTest {

    private static final List<String> REPORT_FIELDS = List.of("category", "lon", "lat", "description", "name", "email",
            "submissionKey", "photos", "extra");
    private static final List<String> OPEN311_FIELDS = List.of("service_code", "lat", "long", "description", "email", "first_name",
            "last_name", "phone", "address_string", "attribute[SIZE]", "attribute[FLOW]", "jurisdiction_id", "device_id",
            "account_id", "media_url", "address_id");

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void aReportIsStoredWholeOrRefusedAsAProblem(@ForAll("reportFields") Map<String, String> fields) throws Exception {
        FuzzedChizu chizu = FuzzedChizu.get();
        MultipartForm form = new MultipartForm();
        fields.forEach(form::field);
        long before = chizu.count("report");

        HttpResponse<String> response = chizu.send(HttpRequest.newBuilder(chizu.uri("/api/reports"))
                .header("Content-Type", form.contentType()).header("Accept", "application/json").POST(form.publisher()));

        assertSuccessOrProblem(response);
        assertThat(chizu.count("report")).as(abbreviated(response.body()))
                .isEqualTo(response.statusCode() == 201 ? before + 1 : before);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void anOpen311RequestIsStoredWholeOrRefusedInOpen311sFormat(@ForAll("open311Fields") Map<String, String> fields) throws Exception {
        FuzzedChizu chizu = FuzzedChizu.get();
        StringBuilder body = new StringBuilder("api_key=" + chizu.open311Key);
        fields.forEach((name, value) -> body.append('&').append(encoded(name)).append('=').append(encoded(value)));
        long before = chizu.count("report");

        HttpResponse<String> response = chizu.send(HttpRequest.newBuilder(chizu.uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())));

        assertOpen311Answer(response);
        assertThat(chizu.count("report")).as(abbreviated(response.body()))
                .isEqualTo(response.statusCode() == 200 || response.statusCode() == 201 ? before + 1 : before);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void open311QueriesAreAnsweredOrRefusedInOpen311sFormat(@ForAll("open311Query") String query) throws Exception {
        assertOpen311Answer(FuzzedChizu.get().get("/open311/v2/requests.json?" + query));
    }

    private static void assertOpen311Answer(HttpResponse<String> response) {
        String what = FuzzedChizu.described(response);
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400 && !FuzzedChizu.refusedBeforeAnyHandler(response)) {
            assertThat(response.body()).as(what).startsWith("[").contains("\"code\"", "\"description\"");
        }
    }

    @Provide
    Arbitrary<Map<String, String>> reportFields() {
        Arbitrary<String> value = Arbitraries.oneOf(Nasty.text(), Nasty.number(),
                Arbitraries.of("pothole", "water_leak", "street_light", "131.8430", "34.67138", "taro@example.jp", "bad",
                        "a@" + "b".repeat(10_000) + ".jp"),
                Arbitraries.create(() -> UUID.randomUUID().toString()));
        return Arbitraries.maps(Arbitraries.of(REPORT_FIELDS), value).ofMaxSize(REPORT_FIELDS.size())
                .map(SubmissionFuzzTest::plausibleReport);
    }

    /** Mostly a report that could be taken, with one or two fields made nasty. */
    private static Map<String, String> plausibleReport(Map<String, String> nasty) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("category", "pothole", "lon", "131.8430", "lat", "34.67138",
                "description", "穴があります", "submissionKey", UUID.randomUUID().toString()));
        fields.putAll(nasty);
        return fields;
    }

    @Provide
    Arbitrary<Map<String, String>> open311Fields() {
        Arbitrary<String> value = Arbitraries.oneOf(Nasty.text(), Nasty.number(),
                Arbitraries.of("pothole", "water_leak", "131.8430", "34.67138", "medium", "gushing", "masuda.example.lg.jp", "bad"));
        return Arbitraries.maps(Arbitraries.of(OPEN311_FIELDS), value).ofMaxSize(4).map(nasty -> {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("service_code", "pothole", "lat", "34.67138",
                    "long", "131.8430", "description", "穴があります"));
            fields.putAll(nasty);
            return fields;
        });
    }

    @Provide
    Arbitrary<String> open311Query() {
        Arbitrary<String> parameter = Combinators.combine(
                Arbitraries.of("page", "page_size", "start_date", "end_date", "status", "service_code", "extensions",
                        "service_request_id", "jurisdiction_id", "lang", "lat", "long", "radius"),
                Arbitraries.oneOf(Nasty.text(), Nasty.number(), Nasty.timestamp(), Arbitraries.of("open", "closed", "true", "maybe",
                        "pothole,street_light", "1,2,3", "-1", "0", "1000", "1001", "%FF")))
                .as((name, value) -> name + "=" + (value.equals("%FF") ? value : encoded(value)));
        return parameter.list().ofMinSize(1).ofMaxSize(4).map(parameters -> String.join("&", parameters));
    }
}
