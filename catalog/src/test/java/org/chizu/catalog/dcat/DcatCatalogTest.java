package org.chizu.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.chizu.catalog.RunningCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DcatCatalogTest extends RunningCatalog {

    @Test
    void theCatalogListsEveryPublicLayerAndNoStaffOnlyOne() throws Exception {
        Model catalog = turtle(get("/catalog").body());
        List<String> datasets = catalog.listObjectsOfProperty(catalog.createResource(BASE + "/catalog"), Vocabulary.DATASET_LINK)
                .mapWith(node -> node.asResource().getURI()).toList();
        assertThat(datasets).containsExactlyInAnyOrder(BASE + "/dataset/hazard_zones", BASE + "/dataset/roads",
                BASE + "/dataset/facilities", BASE + "/dataset/forests");
        assertThat(get("/catalog.ttl").body()).doesNotContain("water_pipes").doesNotContain("水道");
    }

    @Test
    void theCatalogOffersTheOgcApiAndTheSparqlEndpointAsDataServices() throws Exception {
        Model catalog = turtle(get("/catalog").body());
        List<String> services = catalog.listObjectsOfProperty(catalog.createResource(BASE + "/catalog"), Vocabulary.SERVICE)
                .mapWith(node -> node.asResource().getURI()).toList();
        assertThat(services).containsExactlyInAnyOrder(BASE + "/ogc", BASE + "/sparql");
        Resource sparql = catalog.createResource(BASE + "/sparql");
        assertThat(catalog.contains(sparql, RDF.type, Vocabulary.DATA_SERVICE)).isTrue();
        assertThat(sparql.getPropertyResourceValue(Vocabulary.ENDPOINT_URL).getURI()).isEqualTo(BASE + "/sparql");
    }

    @Test
    void aDatasetSpeaksJapaneseAndEnglishAndSaysWhereItsDataLies() throws Exception {
        Model model = turtle(get("/dataset/roads").body());
        Resource roads = model.createResource(BASE + "/dataset/roads");
        assertThat(model.listObjectsOfProperty(roads, Vocabulary.TITLE).mapWith(n -> n.asLiteral().getString() + "@" + n.asLiteral().getLanguage()).toList())
                .containsExactlyInAnyOrder("道路@ja", "Roads@en");
        assertThat(model.listObjectsOfProperty(roads, Vocabulary.KEYWORD).mapWith(n -> n.asLiteral().getString()).toList())
                .contains("道路台帳", "road ledger");
        Resource spatial = roads.getPropertyResourceValue(Vocabulary.SPATIAL);
        Literal bbox = spatial.getProperty(Vocabulary.BBOX).getLiteral();
        assertThat(bbox.getDatatypeURI()).isEqualTo(Vocabulary.WKT_LITERAL);
        assertThat(bbox.getLexicalForm()).isEqualTo("POLYGON((131.8 34.6, 133.25 34.6, 133.25 35.42, 131.8 35.42, 131.8 34.6))");
        assertThat(roads.hasProperty(Vocabulary.MODIFIED)).isTrue();
        Resource publisher = roads.getPropertyResourceValue(Vocabulary.PUBLISHER);
        assertThat(publisher.getProperty(Vocabulary.IDENTIFIER).getString()).isEqualTo("322041");
        assertThat(publisher.getProperty(Vocabulary.FOAF_NAME, "ja").getString()).isEqualTo("益田市");
    }

    @Test
    void sampleDataIsMarkedAndSurveyedDataCarriesItsAttribution() throws Exception {
        Model roads = turtle(get("/dataset/roads").body());
        assertThat(roads.createResource(BASE + "/dataset/roads").getProperty(Vocabulary.DESCRIPTION, "ja").getString())
                .startsWith("【サンプルデータ】");
        assertThat(get("/dataset/facilities.ttl").body()).contains("出典：国土地理院「指定緊急避難場所・指定避難所データ」")
                .doesNotContain("サンプルデータ");
    }

    @Test
    void everyDownloadIsADistributionWithItsMediaTypeFormatAndLicence() throws Exception {
        Model model = turtle(get("/dataset/roads").body());
        Resource geojson = model.createResource(BASE + "/dataset/roads/distribution/roads-geojson");
        assertThat(geojson.getPropertyResourceValue(Vocabulary.DOWNLOAD_URL).getURI()).isEqualTo(BASE + "/data/roads.geojson");
        assertThat(geojson.getPropertyResourceValue(Vocabulary.MEDIA_TYPE_LINK).getURI())
                .isEqualTo("http://www.iana.org/assignments/media-types/application/geo+json");
        assertThat(geojson.getPropertyResourceValue(Vocabulary.FORMAT).getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/file-type/GEOJSON");
        assertThat(geojson.getPropertyResourceValue(Vocabulary.LICENSE).getURI()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(model.listSubjectsWithProperty(RDF.type, Vocabulary.DISTRIBUTION).toList()).hasSize(6);
        Resource api = model.createResource(BASE + "/dataset/roads/distribution/roads-ogcapi");
        assertThat(api.getPropertyResourceValue(Vocabulary.ACCESS_URL).getURI()).isEqualTo(BASE + "/ogc/collections/roads/items");
        assertThat(api.getPropertyResourceValue(Vocabulary.ACCESS_SERVICE).getURI()).isEqualTo(BASE + "/ogc");
    }

    @ParameterizedTest
    @CsvSource({
            "/catalog.ttl, , text/turtle, TURTLE, /catalog.ttl",
            "/catalog.nt, , application/n-triples, N-TRIPLES, /catalog.ttl",
            "/catalog.ttl?page=1, , text/turtle, TURTLE, /catalog?page=1",
            "/catalog.rdf, , application/rdf+xml, RDF/XML, /catalog.ttl?page=1",
            "/catalog.jsonld, , application/ld+json, JSON-LD, /catalog.ttl?page=1",
            "/catalog.nt?page=1, , application/n-triples, N-TRIPLES, /catalog.ttl?page=1",
            "/catalog, application/ld+json, application/ld+json, JSON-LD, /catalog.ttl?page=1",
            "/catalog, 'text/html;q=0.9, application/rdf+xml', application/rdf+xml, RDF/XML, /catalog.ttl?page=1",
            "/dataset/roads, application/n-triples, application/n-triples, N-TRIPLES, /dataset/roads.ttl",
            "/dataset/roads.jsonld, text/turtle, application/ld+json, JSON-LD, /dataset/roads.ttl"})
    void everySerialisationParsesToTheSameStatements(String path, String accept, String contentType, String lang, String reference)
            throws Exception {
        HttpResponse<String> response = accept == null ? get(path) : get(path, "Accept", accept);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
        Model parsed = parse(response.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang));
        assertThat(parsed.isIsomorphicWith(turtle(get(reference).body()))).as(lang + " reads as " + reference + " does").isTrue();
    }

    @Test
    void theWholeCatalogIsThePageWithoutPagingLinksWhenEverythingFitsOnOnePage() throws Exception {
        Model whole = turtle(get("/catalog.ttl").body());
        Model page = turtle(get("/catalog.ttl?page=1").body());
        assertThat(whole.listSubjectsWithProperty(RDF.type, Vocabulary.PAGED_COLLECTION).toList()).isEmpty();
        page.removeAll(page.createResource(BASE + "/catalog?page=1"), null, null);
        assertThat(whole.isIsomorphicWith(page)).isTrue();
    }

    @Test
    void aBrowserAskingForTheCatalogOrADatasetIsSentToThePagesForPeople() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<String> catalog = get("/catalog", "Accept", browser);
        assertThat(catalog.statusCode()).isEqualTo(303);
        assertThat(catalog.headers().firstValue("Location")).contains(BASE + "/datasets");
        HttpResponse<String> roads = get("/dataset/roads", "Accept", browser);
        assertThat(roads.statusCode()).isEqualTo(303);
        assertThat(roads.headers().firstValue("Location")).contains(BASE + "/datasets/roads");
        assertThat(get("/dataset/water_pipes", "Accept", browser).statusCode()).isEqualTo(404);
        assertThat(get("/dataset/roads.ttl", "Accept", browser).statusCode()).isEqualTo(200);
        assertThat(get("/dataset/roads", "Accept", "text/html, text/turtle").statusCode()).isEqualTo(200);
    }

    @Test
    void aDatasetsLandingPageIsItsPageForPeople() throws Exception {
        Model model = turtle(get("/dataset/roads").body());
        assertThat(model.createResource(BASE + "/dataset/roads").getPropertyResourceValue(Vocabulary.LANDING_PAGE).getURI())
                .isEqualTo(BASE + "/datasets/roads");
    }

    @Test
    void pagingLinksAreBuiltFromTheConfiguredBaseUrl() throws Exception {
        Model page = turtle(get("/catalog").body());
        Resource first = page.createResource(BASE + "/catalog?page=1");
        assertThat(page.contains(first, RDF.type, Vocabulary.PAGED_COLLECTION)).isTrue();
        assertThat(first.getProperty(Vocabulary.TOTAL_ITEMS).getLong()).isEqualTo(4);
        assertThat(first.getPropertyResourceValue(Vocabulary.LAST_PAGE).getURI()).isEqualTo(BASE + "/catalog?page=1");
        assertThat(get("/catalog.ttl").body()).doesNotContain("127.0.0.1");
    }

    @Test
    void anUnknownOrStaffOnlyDatasetIsANotFoundProblem() throws Exception {
        for (String path : List.of("/dataset/nothing_here", "/dataset/water_pipes", "/dataset/water_pipes.ttl")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        }
        assertThat(get("/catalog.kml").statusCode()).isEqualTo(400);
        assertThat(get("/catalog?page=2").statusCode()).isEqualTo(400);
        assertThat(get("/catalog", "Accept", "image/png").statusCode()).isEqualTo(406);
    }

    @Test
    void aClientAcceptingNoRdfFormatIsToldEveryFormatOnOffer() throws Exception {
        HttpResponse<String> response = get("/catalog", "Accept", "image/png");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.get("detail").asText()).startsWith("The catalog is offered as text/turtle, ")
                .contains(" and application/n-triples")
                .contains(Arrays.stream(RdfFormat.values()).map(format -> format.mediaType().toString()).toList());
    }
}
