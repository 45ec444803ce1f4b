package org.chizu.catalog.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chizu.catalog.RunningCatalog;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CkanActionApiTest extends RunningCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void packageListNamesEveryPublicLayerAndPagesWithLimitAndOffset() throws Exception {
        assertThat(names(ok("/api/3/action/package_list").get("result")))
                .containsExactly("hazard_zones", "roads", "facilities", "forests");
        assertThat(names(ok("/api/action/package_list?limit=2&offset=1").get("result"))).containsExactly("roads", "facilities");
    }

    @Test
    void packageShowFindsAPackageByNameOrIdWithItsResources() throws Exception {
        JsonNode roads = ok("/api/3/action/package_show?id=roads").get("result");
        assertThat(roads.get("title").asText()).isEqualTo("道路");
        assertThat(roads.get("title_translated").get("en").asText()).isEqualTo("Roads");
        assertThat(roads.get("license_url").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(roads.get("organization").get("name").asText()).isEqualTo("322041");
        List<String> urls = new ArrayList<>();
        roads.get("resources").forEach(r -> urls.add(r.get("format").asText() + " " + r.get("url").asText()));
        assertThat(urls).contains("GeoJSON " + BASE + "/data/roads.geojson", "SHP " + BASE + "/data/roads.shp.zip",
                "OGC API - Features " + BASE + "/ogc/collections/roads/items");

        JsonNode byId = ok("/api/3/action/package_show?id=" + roads.get("id").asText()).get("result");
        assertThat(byId).isEqualTo(roads);
        JsonNode posted = JSON.readTree(post("/api/3/action/package_show", "{\"id\": \"roads\"}").body());
        assertThat(posted.get("result")).isEqualTo(roads);
    }

    @Test
    void aPackageCarriesItsQualityWithUncheckedLinksNotYetMeasured() throws Exception {
        JsonNode quality = ok("/api/3/action/package_show?id=roads").get("result").get("quality");
        JsonNode accessibility = quality.get("dimensions").get(1);
        assertThat(accessibility.get("id").asText()).isEqualTo("accessibility");
        JsonNode accessUrls = accessibility.get("metrics").get(0);
        assertThat(accessUrls.get("id").asText()).isEqualTo("access-url-status");
        assertThat(accessUrls.get("passed").isNull()).as("links are not checked in this test").isTrue();
        assertThat(accessUrls.get("points").asInt()).isZero();
        assertThat(accessUrls.get("max").asInt()).isEqualTo(50);
        assertThat(accessibility.get("max").asInt()).as("only the measured downloadURL metric counts").isEqualTo(20);
        assertThat(quality.get("max").asInt()).isEqualTo(375 - 50 - 30);
        assertThat(quality.get("score").asInt()).as("every measured metric but the file size passes").isEqualTo(295 - 5);
        assertThat(quality.get("rating").asText()).as("290 of 295 is above MQA's 351 of 405").isEqualTo("excellent");
    }

    @Test
    void packageSearchFiltersSortsPagesAndCountsFacets() throws Exception {
        JsonNode byTag = ok("/api/3/action/package_search?fq=" + encode("tags:道路台帳")).get("result");
        assertThat(byTag.get("count").asInt()).isEqualTo(1);
        assertThat(byTag.get("results").get(0).get("name").asText()).isEqualTo("roads");

        JsonNode freeText = ok("/api/3/action/package_search?q=" + encode("避難")).get("result");
        assertThat(names(freeText.get("results"))).contains("facilities");

        JsonNode sorted = ok("/api/3/action/package_search?sort=" + encode("id asc") + "&rows=2&start=1").get("result");
        assertThat(sorted.get("count").asInt()).isEqualTo(4);
        assertThat(sorted.get("results")).hasSize(2);
        assertThat(sorted.get("results").get(0).get("id").asText()).isLessThan(sorted.get("results").get(1).get("id").asText());

        JsonNode newest = ok("/api/3/action/package_search?sort=" + encode("metadata_modified desc")).get("result").get("results");
        assertThat(newest.get(newest.size() - 1).get("name").asText()).as("a layer without data has no modification time").isEqualTo("forests");

        JsonNode facets = JSON.readTree(post("/api/3/action/package_search", "{\"facet.field\": [\"res_format\", \"organization\"], \"rows\": 0}").body());
        assertThat(facets.get("result").get("facets").get("res_format").get("GeoJSON").asInt()).isEqualTo(4);
        assertThat(facets.get("result").get("facets").get("organization").get("322041").asInt()).isEqualTo(4);
        assertThat(facets.get("result").get("results")).isEmpty();
    }

    @Test
    void organizationTagAndResourceActionsAnswerFromTheSameCatalog() throws Exception {
        assertThat(names(ok("/api/3/action/organization_list").get("result"))).containsExactly("322041");
        JsonNode masuda = ok("/api/3/action/organization_show?id=322041&include_datasets=true").get("result");
        assertThat(masuda.get("title").asText()).isEqualTo("益田市");
        assertThat(masuda.get("package_count").asInt()).isEqualTo(4);
        assertThat(names(ok("/api/3/action/tag_list").get("result"))).contains("道路", "road ledger").doesNotContain("水道");
        JsonNode resource = ok("/api/3/action/package_show?id=facilities").get("result").get("resources").get(0);
        assertThat(ok("/api/3/action/resource_show?id=" + resource.get("id").asText()).get("result")).isEqualTo(resource);
        assertThat(ok("/api/3/action/status_show").get("result").get("ckan_version").asText()).startsWith("2.");
    }

    @Test
    void groupsAreTheDeclaredDataThemesAndFilterTheSearch() throws Exception {
        assertThat(names(ok("/api/3/action/group_list").get("result"))).containsExactlyInAnyOrder("envi", "tran", "gove", "agri");
        JsonNode environment = ok("/api/3/action/group_show?id=envi&include_datasets=true").get("result");
        assertThat(environment.get("title").asText()).isEqualTo("環境");
        assertThat(environment.get("package_count").asInt()).isEqualTo(2);
        assertThat(names(environment.get("packages"))).containsExactlyInAnyOrder("hazard_zones", "forests");
        assertThat(ok("/api/3/action/group_show?id=" + environment.get("id").asText()).get("result").get("name").asText())
                .isEqualTo("envi");

        JsonNode search = ok("/api/3/action/package_search?fq=groups:envi&facet.field=" + encode("[\"groups\"]")).get("result");
        assertThat(names(search.get("results"))).containsExactlyInAnyOrder("hazard_zones", "forests");
        assertThat(search.get("facets").get("groups").get("envi").asInt()).isEqualTo(2);
        JsonNode roads = ok("/api/3/action/package_show?id=roads").get("result");
        assertThat(names(roads.get("groups"))).containsExactly("tran");
    }

    @Test
    void errorsComeInCkansEnvelopeWithCkansStatusCodes() throws Exception {
        assertError(get("/api/3/action/group_show?id=econ"), 404, "Not Found Error");
        assertError(get("/api/3/action/package_show?id=water_pipes"), 404, "Not Found Error");
        assertError(get("/api/3/action/package_show?id=nothing"), 404, "Not Found Error");
        assertError(get("/api/3/action/resource_show?id=nothing"), 404, "Not Found Error");
        assertError(get("/api/3/action/organization_show?id=999999"), 404, "Not Found Error");
        assertError(get("/api/3/action/package_show"), 409, "Validation Error");
        assertError(get("/api/3/action/package_search?rows=many"), 409, "Validation Error");
        assertError(get("/api/3/action/package_search?sort=" + encode("colour asc")), 409, "Validation Error");
        assertError(get("/api/3/action/package_create"), 400, "Bad Request");
        assertError(post("/api/3/action/package_search", "{not json"), 400, "Bad Request");
    }

    @Test
    void rowsAreCappedAtAThousand() throws Exception {
        assertThat(ok("/api/3/action/package_search?rows=5000").get("result").get("results")).hasSize(4);
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("help").asText()).startsWith(BASE + "/api/3/action/help_show");
        return body;
    }

    private static void assertError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").get("__type").asText()).isEqualTo(type);
        assertThat(body.get("error").get("message").asText()).isNotBlank();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.isTextual() ? n.asText() : n.get("name").asText()));
        return names;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
