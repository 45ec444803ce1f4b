package org.chizu.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDF;
import org.chizu.catalog.RunningCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one catalog search, as the DCAT catalog and CKAN's package_search both offer it, over
 * catalog pages of two datasets so that filtered results span pages.
 */
@TestPropertySource(properties = "chizu.catalog.page-size=2")
class CatalogSearchTest extends RunningCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Around Masuda: the roads, the shelters and the flood zone lie here, the forests have no data at all. */
    private static final String MASUDA = "131.7,34.5,132.0,34.8";

    @Test
    void aFilteredCatalogPagesWithLinksThatRepeatTheFilter() throws Exception {
        Model first = rdf("/catalog?ext_bbox=" + MASUDA);
        String firstPage = BASE + "/catalog?ext_bbox=131.7%2C34.5%2C132.0%2C34.8&page=1";
        Resource paging = first.createResource(firstPage);
        assertThat(paging.getProperty(Vocabulary.TOTAL_ITEMS).getLong()).isEqualTo(3);
        String next = paging.getPropertyResourceValue(Vocabulary.NEXT_PAGE).getURI();
        assertThat(next).isEqualTo(BASE + "/catalog?ext_bbox=131.7%2C34.5%2C132.0%2C34.8&page=2");
        Model second = rdf(next.substring(BASE.length()));
        List<String> datasets = new ArrayList<>(datasets(first));
        datasets.addAll(datasets(second));
        assertThat(datasets).containsExactlyInAnyOrder(BASE + "/dataset/roads", BASE + "/dataset/facilities", BASE + "/dataset/hazard_zones");
        assertThat(second.createResource(next).getPropertyResourceValue(Vocabulary.PREVIOUS_PAGE).getURI()).isEqualTo(firstPage);
    }

    @Test
    void theCatalogTakesFreeTextFieldTermsAndAModificationDate() throws Exception {
        assertThat(datasets(rdf("/catalog?q=" + encode("避難")))).containsExactly(BASE + "/dataset/facilities");
        assertThat(datasets(rdf("/catalog?fq=" + encode("tags:道路台帳")))).containsExactly(BASE + "/dataset/roads");
        Model changed = rdf("/catalog?modified_since=2000-01-01");
        assertThat(changed.createResource(BASE + "/catalog?modified_since=2000-01-01&page=1").getProperty(Vocabulary.TOTAL_ITEMS).getLong())
                .as("every layer with data, not the forests").isEqualTo(3);
        assertThat(datasets(rdf("/catalog?modified_since=2100-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void unusableSearchParametersAreBadRequestProblems() throws Exception {
        for (String query : List.of("ext_bbox=131,34,132", "ext_bbox=west,34,132,35", "ext_bbox=131,35,132,34",
                "modified_since=yesterday", "fq=colour:red", "fq=" + encode("just words"))) {
            HttpResponse<String> response = get("/catalog?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void theWholeCatalogIsStreamedWithoutPagingAndAPageStaysAPage() throws Exception {
        Model whole = turtle(get("/catalog.ttl").body());
        assertThat(datasets(whole)).hasSize(4);
        assertThat(whole.listSubjectsWithProperty(RDF.type, Vocabulary.PAGED_COLLECTION).toList()).isEmpty();
        assertThat(parse(get("/catalog.nt").body(), Lang.NTRIPLES).isIsomorphicWith(whole)).isTrue();
        Model second = turtle(get("/catalog.ttl?page=2").body());
        assertThat(datasets(second)).hasSize(2);
        assertThat(second.listSubjectsWithProperty(RDF.type, Vocabulary.PAGED_COLLECTION).toList()).hasSize(1);
        assertThat(datasets(turtle(get("/catalog.ttl?q=" + encode("避難")).body()))).containsExactly(BASE + "/dataset/facilities");
    }

    @Test
    void packageSearchFindsByAreaTextAndFacetTogether() throws Exception {
        JsonNode result = ok("/api/3/action/package_search?q=" + encode("国道") + "&ext_bbox=" + MASUDA
                + "&facet.field=" + encode("[\"tags\", \"groups\"]")).get("result");
        assertThat(names(result.get("results"))).containsExactly("roads");
        assertThat(result.get("facets").get("tags").get("道路").asInt()).isEqualTo(1);
        assertThat(result.get("facets").get("groups").get("tran").asInt()).as("groups are the data themes").isEqualTo(1);

        JsonNode inYasugi = ok("/api/3/action/package_search?ext_bbox=133.2,35.38,133.3,35.45&rows=10").get("result");
        assertThat(names(inYasugi.get("results"))).containsExactlyInAnyOrder("roads", "facilities");
        JsonNode atSea = ok("/api/3/action/package_search?ext_bbox=130.0,33.0,130.1,33.1").get("result");
        assertThat(atSea.get("count").asInt()).isZero();
        JsonNode acrossTheAntimeridian = ok("/api/3/action/package_search?ext_bbox=133.2,35.38,-170,35.45&rows=10").get("result");
        assertThat(names(acrossTheAntimeridian.get("results"))).as("west of 133.2 is left out, east of it up to 180° and on to 170° W is in")
                .containsExactlyInAnyOrder("roads", "facilities");
        assertThat(ok("/api/3/action/package_search?ext_bbox=150,33,-170,36").get("result").get("count").asInt()).isZero();

        JsonNode harvested = ok("/api/3/action/package_search?fq=" + encode("metadata_modified:[2000-01-01T00:00:00Z TO *]")).get("result");
        assertThat(harvested.get("count").asInt()).isEqualTo(3);
    }

    @Test
    void aMalformedBoundingBoxIsACkanValidationErrorNamingIt() throws Exception {
        HttpResponse<String> response = get("/api/3/action/package_search?ext_bbox=131.7,34.5,132.0");
        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("__type").asText()).isEqualTo("Validation Error");
        assertThat(error.get("ext_bbox").get(0).asText()).startsWith("Wrong bounding box provided");
    }

    /** Another process (an import, a second server) adds a flood zone in Fukuoka and announces it on the database. */
    @Test
    void aChangeCommittedByAnotherProcessShowsInTheCatalog() throws Exception {
        String fukuoka = "ext_bbox=130.4,33.4,130.7,33.7";
        assertThat(ok("/api/3/action/package_search?" + fukuoka).get("result").get("count").asInt()).isZero();
        jdbc.execute("""
                do $$ begin
                  insert into hazard_zones (kind, flood_depth_class, name, source, designated_on, geom)
                  values ('flood', '0_5_to_3m', '那珂川洪水浸水想定区域', '福岡県', date '2022-05-27',
                          ST_Multi(ST_GeomFromText('POLYGON((130.5 33.5, 130.6 33.5, 130.6 33.6, 130.5 33.5))', 6668)));
                  perform pg_notify('chizu_layer_changed', '{"origin":"another-process","layer":"hazard_zones"}');
                end $$""");
        // the notification arrives asynchronously
        await("the notice of the other process's flood zone reached the catalog").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(spatialExtra("hazard_zones")).as("spatial extent of hazard_zones").contains("[130.5,33.5]"));
        assertThat(names(ok("/api/3/action/package_search?" + fukuoka).get("result").get("results"))).containsExactly("hazard_zones");
        assertThat(datasets(rdf("/catalog?" + fukuoka))).containsExactly(BASE + "/dataset/hazard_zones");
    }

    private String spatialExtra(String name) throws Exception {
        for (JsonNode extra : ok("/api/3/action/package_show?id=" + name).get("result").get("extras")) {
            if (extra.get("key").asText().equals("spatial")) {
                return extra.get("value").asText();
            }
        }
        return "";
    }

    private Model rdf(String path) throws Exception {
        HttpResponse<String> response = get(path, "Accept", "text/turtle");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return turtle(response.body());
    }

    private static List<String> datasets(Model model) {
        return model.listObjectsOfProperty(model.createResource(BASE + "/catalog"), Vocabulary.DATASET_LINK)
                .mapWith(node -> node.asResource().getURI()).toList();
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode results) {
        List<String> names = new ArrayList<>();
        results.forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
