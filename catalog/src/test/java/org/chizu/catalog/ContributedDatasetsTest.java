package org.chizu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.chizu.gis.layer.DataTheme;
import org.chizu.platform.Label;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A module's datasets through the catalog's extension point: listed after the layers on the same
 * pages, with the access rights, creator and parts the module gives, and in the CKAN API, without the
 * module touching the catalog or the catalog reading the module's tables.
 */
@TestPropertySource(properties = "chizu.catalog.page-size=2")
class ContributedDatasetsTest extends RunningCatalog {

    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";

    @TestConfiguration
    static class AnArchive {

        /** A survey and two products, restricted, made by a surveying body. */
        @Bean
        CatalogContributor archive() {
            ContributedDataset.Terms terms = new ContributedDataset.Terms("/api/archive/terms", new Label("利用条件", "Terms"),
                    new Label("承認が必要です。", "Needs approval."));
            List<ContributedDataset> datasets = new ArrayList<>();
            for (String id : List.of("survey-7", "survey-7-dem", "survey-7-chm")) {
                ContributedDataset.Distribution file = new ContributedDataset.Distribution("file", new Label(id + " ファイル", id + " file"),
                        "/api/archive/" + id + ".tif", "image/tiff", Optional.of("http://www.iana.org/assignments/media-types/image/tiff"),
                        "GeoTIFF", "http://publications.europa.eu/resource/authority/file-type/GEOTIFF", Optional.of(1234L));
                datasets.add(new ContributedDataset(id, new Label("計測 " + id, "Survey " + id), new Label("説明", "About"),
                        List.of(new Label("航空レーザ", "lidar")), List.of(DataTheme.ENVI), new Label("測量会社", "Survey company"),
                        AccessRights.RESTRICTED, terms, Optional.of(new Extent(133.1, 35.3, 133.2, 35.4)),
                        Optional.of(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5))),
                        Optional.of(Instant.parse("2026-04-01T00:00:00Z")), Optional.of(Instant.parse("2026-04-02T00:00:00Z")),
                        "/archive?survey=7", id.equals("survey-7") ? Optional.empty() : Optional.of("survey-7"), List.of(file)));
            }
            return () -> datasets;
        }
    }

    @Test
    void theContributedDatasetsFollowTheLayersOnTheCatalogsPages() throws Exception {
        List<String> listed = new ArrayList<>();
        long total = 0;
        for (int page = 1; ; page++) {
            Model model = turtle(get("/catalog.ttl?page=" + page).body());
            total = model.listObjectsOfProperty(ResourceFactory.createProperty("http://www.w3.org/ns/hydra/core#totalItems"))
                    .next().asLiteral().getLong();
            model.listObjectsOfProperty(model.createResource(BASE + "/catalog"), ResourceFactory.createProperty(DCAT, "dataset"))
                    .forEachRemaining(dataset -> listed.add(dataset.asResource().getURI().substring((BASE + "/dataset/").length())));
            if (page * 2 >= total) {
                break;
            }
        }

        assertThat(listed).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(listed.subList(listed.size() - 3, listed.size())).containsExactly("survey-7", "survey-7-dem", "survey-7-chm");
    }

    @Test
    void aContributedDatasetSaysItsAccessRightsCreatorTermsAndParts() throws Exception {
        Model model = turtle(get("/dataset/survey-7-dem.ttl").body());
        Resource dem = model.getResource(BASE + "/dataset/survey-7-dem");

        assertThat(dem.getPropertyResourceValue(ResourceFactory.createProperty(DCT, "accessRights")).getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/access-right/RESTRICTED");
        assertThat(dem.getPropertyResourceValue(ResourceFactory.createProperty(DCT, "creator"))
                .getProperty(ResourceFactory.createProperty("http://xmlns.com/foaf/0.1/", "name")).getString()).isIn("測量会社", "Survey company");
        assertThat(dem.getPropertyResourceValue(ResourceFactory.createProperty(DCT, "isPartOf")).getURI()).isEqualTo(BASE + "/dataset/survey-7");
        assertThat(dem.getPropertyResourceValue(ResourceFactory.createProperty(DCAT, "landingPage")).getURI()).isEqualTo(BASE + "/archive?survey=7");
        Resource distribution = dem.getPropertyResourceValue(ResourceFactory.createProperty(DCAT, "distribution"));
        assertThat(distribution.getPropertyResourceValue(ResourceFactory.createProperty(DCT, "license")).getURI())
                .isEqualTo(BASE + "/api/archive/terms");
        assertThat(distribution.getPropertyResourceValue(ResourceFactory.createProperty(DCAT, "downloadURL")).getURI())
                .isEqualTo(BASE + "/api/archive/survey-7-dem.tif");
        assertThat(get("/dataset/survey-8.ttl").statusCode()).isEqualTo(404);
    }

    @Test
    void ckanListsShowsAndSearchesThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(get("/api/3/action/package_list").body()).get("result").toString()).contains("\"survey-7-chm\"");
        JsonNode shown = json.readTree(get("/api/3/action/package_show?id=survey-7").body()).get("result");
        assertThat(shown.get("author").asText()).isEqualTo("測量会社");
        assertThat(shown.get("license_id").asText()).isEqualTo("other-closed");
        assertThat(shown.at("/resources/0/size").asLong()).isEqualTo(1234);

        JsonNode found = json.readTree(get("/api/3/action/package_search?q=lidar&facet.field=%5B%22res_format%22%5D").body()).get("result");
        assertThat(found.get("count").asInt()).isEqualTo(3);
        assertThat(found.at("/facets/res_format/GeoTIFF").asInt()).isEqualTo(3);
        assertThat(json.readTree(get("/api/3/action/package_search?ext_bbox=0,0,1,1&q=lidar").body()).at("/result/count").asInt()).isZero();
    }
}
