package org.chizu.app.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;

/**
 * The whole round trip a member of staff sees: a tile is drawn (and cached), they import a new
 * shelter through the HTTP API, and the very next request for that tile shows it.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditShowsInNextTileTest {

    private static final double LON = 131.8591;
    private static final double LAT = 34.6781;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aShelterImportedThroughTheApiShowsInTheNextTile() throws Exception {
        TileCoordinate tile = tileAt(LON, LAT, 15);
        String tilePath = "/tiles/facilities/15/" + tile.x() + "/" + tile.y() + ".mvt";
        assertThat(shelterNames(tilePath)).isEmpty();

        String token = accounts.create("bousai-" + UUID.randomUUID().toString().substring(0, 8), Role.STAFF).token().token();
        HttpResponse<String> imported = importGeoJson(token, """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"kind": "designated_shelter", "name": "東町集会所", "capacity": 120},
                  "geometry": {"type": "Point", "coordinates": [%s, %s]}}]}""".formatted(LON, LAT));
        assertThat(imported.statusCode()).isEqualTo(200);

        assertThat(shelterNames(tilePath)).containsExactly("東町集会所");
    }

    private List<Object> shelterNames(String tilePath) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(tilePath)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 204) {
            return List.of();
        }
        assertThat(response.statusCode()).isEqualTo(200);
        JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(response.body()), new GeometryFactory(),
                new TagKeyValueMapConverter()).getLayer("facilities");
        return layer.getGeometries().stream()
                .map(g -> ((Map<?, ?>) g.getUserData()).get("name")).map(Object.class::cast).toList();
    }

    private HttpResponse<String> importGeoJson(String token, String geojson) throws Exception {
        String boundary = "chizu-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"shelter.geojson\"\r\n"
                + "Content-Type: application/geo+json\r\n\r\n" + geojson + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(uri("/api/layers/facilities/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TileCoordinate tileAt(double lon, double lat, int z) {
        TileRange range = TileRange.covering(new Bounds(lon, lat, lon, lat), z, 0);
        return new TileCoordinate(z, range.minX(), range.minY());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
