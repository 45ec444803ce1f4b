package org.chizu.tiles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chizu.tiles.TileServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.TestSocketUtils;

import io.undertow.Undertow;

/**
 * The front answers a public tile that memory holds by itself, exactly as the servlet path does,
 * and passes every other request on untouched. It runs here ahead of a stand-in for the servlet
 * container that records what reached it, beside the application that fills the cache.
 */
class CachedTileFrontTest extends TileServerTest {

    private static final List<String> HEADERS = List.of("ETag", "Cache-Control", "Vary", "Content-Type", "Content-Encoding", "Content-Length");
    private static final int PASSED_ON = 418;

    @Autowired
    CachedTileFront front;
    @LocalServerPort
    int applicationPort;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> passedOn = new CopyOnWriteArrayList<>();
    private Undertow frontOnly;
    private int frontPort;

    @BeforeEach
    void startTheFrontAheadOfAStandIn() {
        frontPort = TestSocketUtils.findAvailableTcpPort();
        frontOnly = Undertow.builder().addHttpListener(frontPort, "127.0.0.1").setHandler(front.ahead(exchange -> {
            passedOn.add(exchange.getRequestMethod() + " " + exchange.getRequestPath());
            exchange.setStatusCode(PASSED_ON);
            exchange.endExchange();
        })).build();
        frontOnly.start();
    }

    @AfterEach
    void stopTheFront() {
        frontOnly.stop();
    }

    @Test
    void aPublicTileInMemoryIsAnsweredAsTheApplicationAnswersIt() throws Exception {
        String path = "/tiles/hazard_zones,roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 13));
        for (String acceptEncoding : List.of("identity", "gzip")) {
            HttpResponse<byte[]> fromApplication = send(applicationPort, path, "Accept-Encoding", acceptEncoding);
            HttpResponse<byte[]> fromFront = send(frontPort, path, "Accept-Encoding", acceptEncoding);

            assertThat(fromFront.statusCode()).isEqualTo(200);
            assertThat(fromFront.body()).isEqualTo(fromApplication.body());
            for (String header : HEADERS) {
                assertThat(fromFront.headers().firstValue(header)).as(header).isEqualTo(fromApplication.headers().firstValue(header));
            }
        }
        assertThat(passedOn).isEmpty();
    }

    @Test
    void aMatchingEtagIsAnsweredNotModified() throws Exception {
        String path = "/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        String etag = send(applicationPort, path).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> fromFront = send(frontPort, path, "If-None-Match", etag);

        assertThat(fromFront.statusCode()).isEqualTo(304);
        assertThat(fromFront.headers().firstValue("ETag")).contains(etag);
        assertThat(fromFront.body()).isEmpty();
    }

    @Test
    void aTileNotInMemoryGoesOnToTheServletContainer() throws Exception {
        String path = "/tiles/roads/" + path(tileAt(135.0, 35.0, 16)); // far from the fixture: nobody asked for it

        assertThat(send(frontPort, path).statusCode()).isEqualTo(PASSED_ON);
        assertThat(passedOn).containsExactly("GET " + path);
    }

    @Test
    void aStaffOnlyTileInMemoryGoesOnToSignIn() throws Exception {
        String path = "/tiles/water_pipes/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 15));
        mvc.perform(get(path).with(user("sato").roles("STAFF"))).andExpect(status().isOk());

        assertThat(send(frontPort, path).statusCode()).isEqualTo(PASSED_ON);
        assertThat(passedOn).containsExactly("GET " + path);
    }

    @Test
    void aRequestWithCredentialsGoesOnSoThatABadTokenIsStillRefused() throws Exception {
        String path = "/tiles/roads/" + path(tileAt(MASUDA_LON, MASUDA_LAT, 14));
        send(applicationPort, path);

        assertThat(send(frontPort, path, "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(PASSED_ON);
        assertThat(passedOn).containsExactly("GET " + path);
    }

    private HttpResponse<byte[]> send(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
