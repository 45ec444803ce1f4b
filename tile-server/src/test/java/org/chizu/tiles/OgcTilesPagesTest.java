package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.ResultActions;

/** People read OGC API – Tiles as pages ({@code f=html} or a browser's Accept); API clients keep their JSON. */
class OgcTilesPagesTest extends TileServerTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String ROADS_TILESET = "/ogc/collections/roads/tiles/WebMercatorQuad";

    @Test
    void aBrowserGetsTheTilesetAsAPage() throws Exception {
        String page = page(mvc.perform(get(ROADS_TILESET).header("Accept", BROWSER)));

        assertThat(page).contains("<html lang=\"ja\">", "<meta name=\"viewport\"", "<h1>道路 (Roads) — WebMercatorQuad</h1>")
                .contains("ズーム範囲<br><small>Zoom range</small></th><td>8 – 18</td>")
                .contains("131.83500, 34.6", ", 34.67800")
                .contains("<code>http://localhost/ogc/collections/roads/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}</code>")
                .contains("application/vnd.mapbox-vector-tile")
                .contains("幅員", "<code>width_m</code>", "number")
                .contains("id=\"tileset-preview\"", "data-bounds=\"131.835,", "/webjars/leaflet/dist/leaflet.js", "/ogc-tiles/preview.js");
    }

    @Test
    void theTilesetPageLinksToItsJsonAndTileJson() throws Exception {
        String page = page(mvc.perform(get(ROADS_TILESET + "?f=html")));

        assertThat(page).contains("<a rel=\"alternate\" type=\"application/json\" href=\"http://localhost" + ROADS_TILESET + "?f=json\">JSON</a>")
                .contains("href=\"http://localhost/tiles/roads.json\">TileJSON</a>")
                .contains("href=\"http://localhost/ogc/tileMatrixSets/WebMercatorQuad?f=html\"")
                .contains("href=\"/ogc/collections/roads?f=html\"");
        mvc.perform(get(ROADS_TILESET + "?f=json").header("Accept", BROWSER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.links[?(@.rel == 'alternate')].href").value("http://localhost" + ROADS_TILESET + "?f=html"))
                .andExpect(jsonPath("$.links[?(@.rel == 'alternate')].type").value("text/html"))
                .andExpect(jsonPath("$.links[?(@.rel == 'describedby')].href").value("http://localhost/tiles/roads.json"));
    }

    @Test
    void aCollectionsTilesetsPageLeadsToItsTileset() throws Exception {
        String page = page(mvc.perform(get("/ogc/collections/facilities/tiles?f=html")));

        assertThat(page).contains("<h1>施設・避難所 (Facilities and shelters) — タイル (Tiles)</h1>")
                .contains("href=\"http://localhost/ogc/collections/facilities/tiles/WebMercatorQuad?f=html\"")
                .contains("<a rel=\"alternate\" type=\"application/json\" href=\"http://localhost/ogc/collections/facilities/tiles?f=json\">");
        mvc.perform(get("/ogc/collections/facilities/tiles"))
                .andExpect(jsonPath("$.links[?(@.rel == 'alternate')].href").value("http://localhost/ogc/collections/facilities/tiles?f=html"));
        mvc.perform(get("/ogc/collections/facilities"))
                .andExpect(jsonPath("$.links[?(@.type == 'text/html' && @.rel == 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector')].href")
                        .value("http://localhost/ogc/collections/facilities/tiles?f=html"));
    }

    @Test
    void theTileMatrixSetPageListsItsZoomLevels() throws Exception {
        String list = page(mvc.perform(get("/ogc/tileMatrixSets").header("Accept", BROWSER)));
        assertThat(list).contains("href=\"http://localhost/ogc/tileMatrixSets/WebMercatorQuad?f=html\">WebMercatorQuad</a>")
                .contains("Google Maps Compatible for the World");

        String page = page(mvc.perform(get("/ogc/tileMatrixSets/WebMercatorQuad?f=html")));
        assertThat(page).contains("http://www.opengis.net/def/crs/EPSG/0/3857")
                .contains("<tr><td>0</td><td>1 × 1</td><td>1 : 559,082,264</td>")
                .contains("<tr><td>14</td><td>16,384 × 16,384</td>")
                .contains("<tr><td>24</td>")
                .contains("<a rel=\"alternate\" type=\"application/json\" href=\"http://localhost/ogc/tileMatrixSets/WebMercatorQuad?f=json\">");
        mvc.perform(get("/ogc/tileMatrixSets/WebMercatorQuad"))
                .andExpect(jsonPath("$.links[?(@.rel == 'alternate')].href").value("http://localhost/ogc/tileMatrixSets/WebMercatorQuad?f=html"));
    }

    @Test
    void apiClientsWithoutAPreferenceKeepGettingJson() throws Exception {
        for (String accept : new String[] {"*/*", "application/json"}) {
            mvc.perform(get(ROADS_TILESET).header("Accept", accept))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.dataType").value("vector"));
        }
        mvc.perform(get("/ogc/tileMatrixSets"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.tileMatrixSets[0].id").value("WebMercatorQuad"));
    }

    @Test
    void aStaffOnlyTilesetHasNoPageForThePublic() throws Exception {
        for (String url : new String[] {"/ogc/collections/water_pipes/tiles/WebMercatorQuad?f=html",
                "/ogc/collections/water_pipes/tiles?f=html"}) {
            mvc.perform(get(url).header("Accept", BROWSER))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("There is no layer 'water_pipes'."));
        }
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffReadTheirLayersTilesetPage() throws Exception {
        assertThat(page(mvc.perform(get("/ogc/collections/water_pipes/tiles/WebMercatorQuad?f=html"))))
                .contains("<h1>水道管路 (Water pipes) — WebMercatorQuad</h1>", "<code>material</code>");
    }

    @Test
    void anUnknownFormatIsA400Problem() throws Exception {
        for (String url : new String[] {ROADS_TILESET + "?f=xml", "/ogc/collections/roads/tiles?f=pdf",
                "/ogc/tileMatrixSets?f=yaml", "/ogc/tileMatrixSets/WebMercatorQuad?f=csv"}) {
            mvc.perform(get(url))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("f must be json or html")));
        }
    }

    private static String page(ResultActions result) throws Exception {
        return result.andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
