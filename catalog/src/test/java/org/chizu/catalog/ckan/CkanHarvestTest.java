package org.chizu.catalog.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chizu.catalog.RunningCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A harvester's walk through the CKAN API of a town with a few hundred datasets: the four core
 * public layers plus extra survey layers declared in {@code chizu.layers.directory}, each
 * publishing the shelters table under its own id, as a town's own declarations would.
 */
class CkanHarvestTest extends RunningCatalog {

    private static final int EXTRA_LAYERS = 250;
    private static final int PUBLIC_LAYERS = 4 + EXTRA_LAYERS;
    private static final int RESOURCES_PER_DATASET = 6;
    /** The facilities dataset adds one resource per standard layout it declares. */
    private static final int STANDARD_LAYOUTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void extraLayers(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("chizu-layers-");
        for (int n = 1; n <= EXTRA_LAYERS; n++) {
            Files.writeString(folder.resolve("survey_%03d.yml".formatted(n)), """
                    id: survey_%1$03d
                    title: {ja: 避難所調査 第%1$d回, en: Shelter survey no. %1$d}
                    keywords: [{ja: 避難所, en: shelters}]
                    table: facilities
                    geometry: {column: geom, kind: Point, srid: 6668}
                    access: public
                    licence:
                      id: CC-BY-4.0
                      title: {ja: クリエイティブ・コモンズ 表示 4.0 国際, en: Creative Commons Attribution 4.0 International}
                      url: https://creativecommons.org/licenses/by/4.0/
                    """.formatted(n));
        }
        registry.add("chizu.layers.directory", folder::toString);
    }

    @Test
    void pagingThroughPackageSearchByIdYieldsEveryDatasetAndResourceExactlyOnce() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> resourceIds = new ArrayList<>();
        int pages = 0;
        for (int start = 0; ; start += 100) {
            JsonNode page = result("/api/3/action/package_search?rows=100&sort=id%20asc&start=" + start);
            assertThat(page.get("count").asInt()).isEqualTo(PUBLIC_LAYERS);
            if (page.get("results").isEmpty()) {
                break;
            }
            pages++;
            String previousId = "";
            for (JsonNode summary : page.get("results")) {
                assertThat(summary.get("id").asText()).isGreaterThan(previousId);
                previousId = summary.get("id").asText();
                JsonNode dataset = result("/api/3/action/package_show?id=" + summary.get("id").asText());
                names.add(dataset.get("name").asText());
                dataset.get("resources").forEach(r -> resourceIds.add(r.get("id").asText()));
                JsonNode organization = result("/api/3/action/organization_show?id=" + dataset.get("owner_org").asText());
                assertThat(organization.get("name").asText()).isEqualTo("322041");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(PUBLIC_LAYERS).doesNotHaveDuplicates().contains("roads", "survey_001", "survey_250")
                .doesNotContain("water_pipes");
        assertThat(resourceIds).hasSize(PUBLIC_LAYERS * RESOURCES_PER_DATASET + STANDARD_LAYOUTS).doesNotHaveDuplicates();
        Set<String> listed = new HashSet<>();
        result("/api/3/action/package_list").forEach(n -> listed.add(n.asText()));
        assertThat(listed).isEqualTo(new HashSet<>(names));
    }

    @Test
    void theDcatCatalogPagesAHundredDatasetsAtATimeOrStreamsThemAll() throws Exception {
        String first = get("/catalog.nt?page=1").body();
        assertThat(first).contains("<" + BASE + "/catalog?page=1> <http://www.w3.org/ns/hydra/core#nextPage> <" + BASE + "/catalog?page=2>")
                .contains("<" + BASE + "/catalog?page=1> <http://www.w3.org/ns/hydra/core#lastPage> <" + BASE + "/catalog?page=3>");
        assertThat(first.lines().filter(l -> l.startsWith("<" + BASE + "/catalog> <http://www.w3.org/ns/dcat#dataset>"))).hasSize(100);
        String last = get("/catalog.nt?page=3").body();
        assertThat(last.lines().filter(l -> l.startsWith("<" + BASE + "/catalog> <http://www.w3.org/ns/dcat#dataset>"))).hasSize(54);
        assertThat(last).contains("<" + BASE + "/catalog?page=3> <http://www.w3.org/ns/hydra/core#previousPage> <" + BASE + "/catalog?page=2>")
                .doesNotContain("hydra/core#nextPage");
        String whole = get("/catalog.nt").body();
        assertThat(whole.lines().filter(l -> l.startsWith("<" + BASE + "/catalog> <http://www.w3.org/ns/dcat#dataset>"))).hasSize(PUBLIC_LAYERS);
        assertThat(whole).doesNotContain("hydra/core#");
    }

    private JsonNode result(String path) throws Exception {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body()).get("result");
    }
}
