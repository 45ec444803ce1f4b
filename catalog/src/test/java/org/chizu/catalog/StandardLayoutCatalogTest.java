package org.chizu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each standard layout (自治体標準オープンデータセット) of a layer is catalogued as a distribution of its dataset. */
class StandardLayoutCatalogTest extends RunningCatalog {

    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String SPEC = "https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test";

    @Test
    void eachLayoutIsADcatDistributionConformingToItsSpecification() throws Exception {
        Model model = turtle(get("/dataset/facilities.ttl").body());
        Resource dataset = model.createResource(BASE + "/dataset/facilities");
        Resource shelters = model.createResource(BASE + "/dataset/facilities/distribution/facilities-designated_shelters-csv");

        assertThat(model.contains(dataset, model.createProperty(DCAT, "distribution"), shelters)).isTrue();
        assertThat(shelters.getPropertyResourceValue(model.createProperty(DCAT, "downloadURL")).getURI())
                .isEqualTo(BASE + "/data/facilities/designated_shelters.csv");
        assertThat(shelters.getPropertyResourceValue(model.createProperty(DCT, "format")).getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/file-type/CSV");
        Resource standard = shelters.getPropertyResourceValue(model.createProperty(DCT, "conformsTo"));
        assertThat(standard.getURI()).isEqualTo(SPEC + "#designated-shelters");
        assertThat(standard.hasProperty(RDF.type, model.createResource(DCT + "Standard"))).isTrue();
        assertThat(standard.getProperty(model.createProperty(DCT, "title"), "ja").getString()).isEqualTo("指定避難所一覧");

        List<String> conforming = new ArrayList<>();
        model.listObjectsOfProperty(dataset, model.createProperty(DCAT, "distribution")).forEach(d -> {
            Resource spec = d.asResource().getPropertyResourceValue(model.createProperty(DCT, "conformsTo"));
            if (spec != null) {
                conforming.add(spec.getURI());
            }
        });
        assertThat(conforming).containsExactlyInAnyOrder(SPEC + "#emergency-evacuation-sites", SPEC + "#designated-shelters",
                SPEC + "#public-facilities");
    }

    @Test
    void aLayerWithoutLayoutsHasNoSuchDistribution() throws Exception {
        assertThat(get("/dataset/roads.ttl").body()).doesNotContain("conformsTo <https://www.digital.go.jp");
    }

    @Test
    void eachLayoutIsACkanResourceNamingTheSpecificationItConformsTo() throws Exception {
        HttpResponse<String> response = get("/api/3/action/package_show?id=facilities");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode resources = new ObjectMapper().readTree(response.body()).get("result").get("resources");
        JsonNode emergency = null;
        for (JsonNode resource : resources) {
            if (resource.get("url").asText().endsWith("/data/facilities/emergency_evacuation_sites.csv")) {
                emergency = resource;
            }
        }
        assertThat(emergency).as(resources.toString()).isNotNull();
        assertThat(emergency.get("name").asText()).isEqualTo("指定緊急避難場所一覧（CSV）");
        assertThat(emergency.get("format").asText()).isEqualTo("CSV");
        assertThat(emergency.get("conforms_to").asText()).isEqualTo(SPEC + "#emergency-evacuation-sites");

        HttpResponse<String> shown = get("/api/3/action/resource_show?id=" + emergency.get("id").asText());
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("emergency_evacuation_sites.csv");
    }
}
