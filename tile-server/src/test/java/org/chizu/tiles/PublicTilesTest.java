package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Public tiles are answered ahead of sign-in, the same as a rendered one and never for a staff-only layer. */
class PublicTilesTest extends TileServerTest {

    private static final List<String> HEADERS = List.of("ETag", "Cache-Control", "Vary", "Content-Type", "Content-Encoding");

    @Test
    void aTileFromTheCacheIsAnsweredExactlyAsWhenItWasRendered() throws Exception {
        String url = "/tiles/hazard_zones,roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 13));
        MockHttpServletResponse rendered = response(get(url));
        MockHttpServletResponse cached = response(get(url));

        assertSameAnswer(rendered, cached);
        assertSameAnswer(response(get(url).header("Accept-Encoding", "gzip")), response(get(url).header("Accept-Encoding", "gzip")));
        assertThat(response(get(url).header("Accept-Encoding", "gzip")).getHeader("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void aStaffOnlyTileInTheCacheIsStillHiddenFromThePublic() throws Exception {
        String url = "/tiles/water_pipes/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 15));
        mvc.perform(get(url).with(user("sato").roles("STAFF"))).andExpect(status().isOk());

        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get("/tiles/roads,water_pipes/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 15)))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(user("sato").roles("STAFF"))).andExpect(status().isOk());
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static void assertSameAnswer(MockHttpServletResponse first, MockHttpServletResponse second) {
        assertThat(second.getStatus()).isEqualTo(first.getStatus());
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        for (String header : HEADERS) {
            assertThat(second.getHeader(header)).as(header).isEqualTo(first.getHeader(header));
        }
    }
}
