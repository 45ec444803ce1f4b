package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With the tile cache switched off every request renders its tile from the database. */
@TestPropertySource(properties = "chizu.tiles.cache-enabled=false")
class UncachedTilesTest extends TileServerTest {

    @Test
    void withoutTheCacheEveryTileShowsTheDatabaseAsItIsNow() throws Exception {
        String url = "/tiles/facilities/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        assertThat(names(url)).doesNotContain("臨時避難所");
        try {
            // No edit event: only a server that keeps nothing can show it.
            jdbc.update("""
                    insert into facilities (kind, name, geom)
                    values ('designated_shelter', '臨時避難所', st_setsrid(st_makepoint(?, ?), 6668))""",
                    MASUDA_LON - 0.0002, MASUDA_LAT);
            assertThat(names(url)).contains("臨時避難所");
        } finally {
            jdbc.update("delete from facilities where name = '臨時避難所'");
        }
    }

    private List<Object> names(String url) throws Exception {
        byte[] tile = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return TileEndpointsTest.properties(decode(tile).getLayer("facilities")).stream().map(p -> p.get("name")).toList();
    }
}
