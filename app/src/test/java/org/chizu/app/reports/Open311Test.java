package org.chizu.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.reports.Moderation;
import org.chizu.reports.ReportStatus;
import org.chizu.reports.ReportTriage;
import org.chizu.reports.open311.Open311ApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An Open311 client's round trip over real HTTP: every answer must have the elements, in the order,
 * of the GeoReport v2 documentation's examples (src/test/resources/open311/), so that existing
 * clients parse it unchanged.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.reports.open311.jurisdiction-id=masuda.example.lg.jp")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311Test {

    static final String JURISDICTION = "masuda.example.lg.jp";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    Open311ApiKeys keys;
    @Autowired
    ReportTriage triage;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    String apiKey;

    @BeforeAll
    void loadTheTownAndIssueAKey() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("report-town.sql"));
        }
        apiKey = keys.issue("Open311 test client");
    }

    @Test
    void discoveryServicesAndServiceDefinitionsHaveTheDocumentedShape() throws Exception {
        assertThat(shape(xml(get("/open311/v2/discovery.xml")))).isEqualTo(documented("discovery.xml"));
        HttpResponse<String> services = get("/open311/v2/services.xml?jurisdiction_id=" + JURISDICTION);
        assertThat(services.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(services.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(shape(xml(services))).isEqualTo(documented("services.xml"));
        assertThat(shape(xml(get("/open311/v2/services/pothole.xml")))).isEqualTo(documented("service_definition.xml"));

        JsonNode servicesJson = json.readTree(get("/open311/v2/services.json?lang=en").body());
        assertThat(servicesJson.isArray()).isTrue();
        assertThat(servicesJson.findValuesAsText("service_code")).containsExactly("pothole", "fallen_tree", "street_light", "guardrail", "water_leak");
        assertThat(servicesJson.get(0).path("service_name").asText()).isEqualTo("Pothole");
        assertThat(servicesJson.get(0).path("metadata").asBoolean()).isTrue();
        JsonNode definition = json.readTree(get("/open311/v2/services/water_leak.json").body());
        assertThat(definition.at("/attributes/0/code").asText()).isEqualTo("FLOW");
        assertThat(definition.at("/attributes/0/values/2/key").asText()).isEqualTo("gushing");
    }

    @Test
    void aClientPostsARequestFollowsItsTokenAndReadsItBackAsDocumented() throws Exception {
        HttpResponse<String> created = post("/open311/v2/requests.xml", form(Map.of(
                "api_key", apiKey, "jurisdiction_id", JURISDICTION, "service_code", "pothole",
                "lat", "34.67138", "long", "131.8430", "email", "taro@example.jp", "first_name", "太郎", "last_name", "益田",
                "description", "交差点の手前に深い穴", "attribute[SIZE]", "medium")));

        assertThat(created.statusCode()).isEqualTo(200);
        Document receipt = xml(created);
        assertThat(shape(receipt)).isEqualTo(documented("post_response.xml"));
        String token = text(receipt, "token");
        assertThat(text(receipt, "service_notice")).contains("建設部 道路河川課");

        Document pending = xml(get("/open311/v2/tokens/" + token + ".xml"));
        assertThat(text(pending, "service_request_id")).as("no public id while staff review it").isEmpty();

        long id = Long.parseLong(acceptByToken(token));
        Document accepted = xml(get("/open311/v2/tokens/" + token + ".xml"));
        assertThat(shape(accepted)).isEqualTo(documented("token.xml"));
        assertThat(text(accepted, "service_request_id")).isEqualTo(String.valueOf(id));

        Document request = xml(get("/open311/v2/requests/" + id + ".xml"));
        assertThat(shape(request)).isEqualTo(documented("requests.xml"));
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "service_code")).isEqualTo("pothole");
        assertThat(text(request, "description")).isEqualTo("交差点の手前に深い穴");
        assertThat(text(request, "address")).isEqualTo("高津線 (M-101)");
        assertThat(Double.parseDouble(text(request, "lat"))).isEqualTo(34.6712, offset(0.0001));
        assertThat(OffsetDateTime.parse(text(request, "requested_datetime"), DateTimeFormatter.ISO_OFFSET_DATE_TIME).getOffset().getId())
                .isEqualTo("+09:00");
        assertThat(created.body() + request.getTextContent()).doesNotContain("taro@example.jp", "益田 太郎", "太郎");
    }

    @Test
    void requestsAreFilteredByStatusAndCodeAndCarryTheirHistoryWithExtensions() throws Exception {
        long id = filedAndAccepted("street_light", "街灯が消えています", Map.of("attribute[POLE_NUMBER][]", "M-12"));
        triage.changeStatus(id, ReportStatus.CLOSED, "電球を交換しました。", "tanaka");

        JsonNode closed = json.readTree(get("/open311/v2/requests.json?status=closed&service_code=street_light").body());
        assertThat(closed.findValuesAsText("service_request_id")).contains(String.valueOf(id));
        JsonNode mine = find(closed, id);
        assertThat(mine.path("status").asText()).isEqualTo("closed");
        assertThat(mine.path("status_notes").asText()).isEqualTo("電球を交換しました。");
        assertThat(mine.has("notes")).as("notes only with extensions=true").isFalse();
        assertThat(json.readTree(get("/open311/v2/requests.json?status=open&service_code=street_light").body())
                .findValuesAsText("service_request_id")).doesNotContain(String.valueOf(id));

        JsonNode extended = find(json.readTree(get("/open311/v2/requests.json?extensions=true&service_request_id=" + id).body()), id);
        assertThat(extended.at("/extended_attributes/detailed_status").asText()).isEqualTo("CLOSED");
        assertThat(extended.path("notes").findValuesAsText("type")).containsExactly("open", "closed");

        Document updates = xml(get("/open311/v2/servicerequestupdates.xml"));
        assertThat(updates.getDocumentElement().getTagName()).isEqualTo("service_requests_updates");
        assertThat(updates.getElementsByTagName("request_update").getLength()).isGreaterThanOrEqualTo(1);
        assertThat(updates.getDocumentElement().getTextContent()).contains("CLOSED", "電球を交換しました。");
    }

    @Test
    void jsonWritesEveryIdAsAStringAndEveryOtherFieldInTheTypeTheSpecificationGivesIt() throws Exception {
        HttpResponse<String> created = post("/open311/v2/requests.json", form(Map.of("api_key", apiKey, "service_code", "pothole",
                "lat", "34.67138", "long", "131.8430", "description", "穴があります")));
        String token = json.readTree(created.body()).get(0).path("token").asText();
        long id = Long.parseLong(acceptByToken(token));
        triage.changeStatus(id, ReportStatus.ACKNOWLEDGED, "確認しました。", "tanaka");

        JsonNode request = json.readTree(get("/open311/v2/requests/" + id + ".json?extensions=true").body()).get(0);
        assertThat(request.get("service_request_id").isTextual()).as(request.toString()).isTrue();
        assertThat(request.get("service_request_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(request.get("service_code").isTextual()).isTrue();
        assertThat(request.get("lat").isNumber()).isTrue();
        assertThat(request.get("long").isNumber()).isTrue();
        assertThat(request.get("requested_datetime").isTextual()).isTrue();
        assertThat(json.readTree(get("/open311/v2/tokens/" + token + ".json").body()).get(0).get("service_request_id").isTextual()).isTrue();
        JsonNode update = json.readTree(get("/open311/v2/servicerequestupdates.json").body()).get(0);
        assertThat(update.get("update_id").isTextual()).as(update.toString()).isTrue();
        assertThat(update.get("service_request_id").isTextual()).isTrue();

        JsonNode service = json.readTree(get("/open311/v2/services.json").body()).get(0);
        assertThat(service.get("service_code").isTextual()).isTrue();
        assertThat(service.get("metadata").isBoolean()).isTrue();
        assertThat(service.get("keywords").isTextual()).as("a comma-separated list").isTrue();
        JsonNode attribute = json.readTree(get("/open311/v2/services/pothole.json").body()).get("attributes").get(0);
        assertThat(attribute.get("variable").isBoolean()).isTrue();
        assertThat(attribute.get("required").isBoolean()).isTrue();
        assertThat(attribute.get("order").isInt()).isTrue();
        assertThat(attribute.get("code").isTextual()).isTrue();
    }

    @Test
    void pagesSplitTheListAndTheDefaultsAreTheLast90DaysAndAtMost1000() throws Exception {
        long first = filedAndAccepted("guardrail", "曲がっています", Map.of());
        long second = filedAndAccepted("guardrail", "外れています", Map.of());

        JsonNode page1 = json.readTree(get("/open311/v2/requests.json?service_code=guardrail&page_size=1&page=1").body());
        JsonNode page2 = json.readTree(get("/open311/v2/requests.json?service_code=guardrail&page_size=1&page=2").body());
        assertThat(page1.findValuesAsText("service_request_id")).containsExactly(String.valueOf(second));
        assertThat(page2.findValuesAsText("service_request_id")).containsExactly(String.valueOf(first));

        String old = OffsetDateTime.now().minusDays(200).toString();
        assertThat(json.readTree(get("/open311/v2/requests.json?service_code=guardrail&end_date=" + enc(old)).body())).isEmpty();
        HttpResponse<String> tooLong = get("/open311/v2/requests.xml?start_date=" + enc(old) + "&end_date=" + enc(OffsetDateTime.now().toString()));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?page_size=1001").statusCode()).isEqualTo(400);
    }

    @Test
    void errorsUseTheStandardErrorBodyInXmlAndJson() throws Exception {
        HttpResponse<String> badKey = post("/open311/v2/requests.xml", form(Map.of("api_key", "o311_wrong",
                "service_code", "pothole", "lat", "34.67138", "long", "131.8430", "description", "穴")));
        assertThat(badKey.statusCode()).isEqualTo(403);
        assertThat(shape(xml(badKey))).isEqualTo(documented("errors.xml"));
        assertThat(text(xml(badKey), "code")).isEqualTo("403");

        HttpResponse<String> otherTown = get("/open311/v2/services.json?jurisdiction_id=tokyo.example.lg.jp");
        assertThat(otherTown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(otherTown.body()).get(0).path("code").asInt()).isEqualTo(404);

        HttpResponse<String> outside = post("/open311/v2/requests.json", form(Map.of("api_key", apiKey,
                "service_code", "pothole", "lat", "34.90", "long", "132.08", "description", "穴")));
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(json.readTree(outside.body()).get(0).path("description").asText()).contains("outside the municipality");

        HttpResponse<String> badValue = post("/open311/v2/requests.json", form(Map.of("api_key", apiKey,
                "service_code", "pothole", "lat", "34.67138", "long", "131.8430", "attribute[SIZE]", "enormous")));
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badValue.body()).get(0).path("description").asText()).contains("SIZE", "enormous");

        assertThat(get("/open311/v2/requests/999999.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedParametersAreStandardErrorsNamingTheParameterNeverServerErrors() throws Exception {
        Map<String, String> named = Map.of("page=abc", "page", "page_size=abc", "page_size", "page=99999999999", "page",
                "extensions=maybe", "extensions", "start_date=yesterday", "start_date",
                "start_date=" + enc("+999999-01-01T00:00:00Z"), "start_date", "service_code=" + enc("a\0b"), "service_code");
        for (Map.Entry<String, String> query : named.entrySet()) {
            HttpResponse<String> refused = get("/open311/v2/requests.json?" + query.getKey());
            assertThat(refused.statusCode()).as(query.getKey()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).get(0).path("description").asText()).as(query.getKey()).contains(query.getValue());
        }
        assertThat(get("/open311/v2/requests.json?page=2147483647").statusCode()).isEqualTo(200);
        HttpResponse<String> nul = post("/open311/v2/requests.xml", form(Map.of("api_key", apiKey,
                "service_code", "pothole", "lat", "34.67138", "long", "131.8430", "description", "穴\0")));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(text(xml(nul), "description")).contains("description", "NUL");
    }

    private long filedAndAccepted(String code, String description, Map<String, String> attributes) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("api_key", apiKey, "service_code", code,
                "lat", "34.67138", "long", "131.8430", "description", description));
        fields.putAll(attributes);
        HttpResponse<String> created = post("/open311/v2/requests.json", form(fields));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Long.parseLong(acceptByToken(json.readTree(created.body()).get(0).path("token").asText()));
    }

    /** Staff accept the report behind a token, as they would on the triage page. */
    private String acceptByToken(String token) throws Exception {
        long id = new JdbcTemplate(dataSource)
                .queryForObject("select id from report where token = ?::uuid", Long.class, token);
        triage.moderate(id, Moderation.ACCEPTED);
        return String.valueOf(id);
    }

    private static JsonNode find(JsonNode requests, long id) {
        for (JsonNode request : requests) {
            if (request.path("service_request_id").asLong() == id) {
                return request;
            }
        }
        throw new AssertionError("request " + id + " not in " + requests);
    }

    /** Element paths in document order; repeated siblings (list items) count once. */
    static List<String> shape(Document document) {
        List<String> paths = new ArrayList<>();
        walk(document.getDocumentElement(), "", paths);
        return paths;
    }

    private static void walk(Element element, String parent, List<String> paths) {
        String path = parent + "/" + element.getTagName();
        paths.add(path);
        List<String> seen = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement && !seen.contains(childElement.getTagName())) {
                seen.add(childElement.getTagName());
                walk(childElement, path, paths);
            }
        }
    }

    private static List<String> documented(String example) throws Exception {
        try (InputStream in = new ClassPathResource("open311/" + example).getInputStream()) {
            return shape(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in));
        }
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagName(element).item(0).getTextContent();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
