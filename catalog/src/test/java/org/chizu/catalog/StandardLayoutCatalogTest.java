package org.chizu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each standard layout (自治体標準オープンデータセット) of a layer is catalogued as a distribution of its dataset. */
class StandardLayoutCatalogTest extends RunningCatalog {

    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DIGITAL_AGENCY = "https://www.digital.go.jp/";
    private static final String SPEC = DIGITAL_AGENCY + "resources/open_data/municipal-standard-data-set-test";

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

        assertThat(standardsConformedTo(distributions(dataset))).containsExactlyInAnyOrder(SPEC + "#emergency-evacuation-sites",
                SPEC + "#designated-shelters", SPEC + "#public-facilities");
    }

    @Test
    void aLayerWithoutLayoutsHasNoSuchDistribution() throws Exception {
        Model model = turtle(get("/dataset/roads.ttl").body());
        List<Resource> distributions = distributions(model.createResource(BASE + "/dataset/roads"));

        assertThat(distributions).as("the roads' downloads are catalogued").isNotEmpty();
        assertThat(standardsConformedTo(distributions)).noneMatch(standard -> standard.startsWith(DIGITAL_AGENCY));
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

    private static List<Resource> distributions(Resource dataset) {
        return dataset.listProperties(dataset.getModel().createProperty(DCAT, "distribution"))
                .mapWith(Statement::getResource).toList();
    }

    /** The IRIs of the standards the distributions conform to; a distribution that names none adds nothing. */
    private static List<String> standardsConformedTo(List<Resource> distributions) {
        List<String> standards = new ArrayList<>();
        for (Resource distribution : distributions) {
            distribution.listProperties(distribution.getModel().createProperty(DCT, "conformsTo"))
                    .forEach(statement -> standards.add(statement.getResource().getURI()));
        }
        return standards;
    }
}
