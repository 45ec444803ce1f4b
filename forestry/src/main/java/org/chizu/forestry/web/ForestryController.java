package org.chizu.forestry.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.chizu.forestry.products.MadeProduct;
import org.chizu.forestry.products.SurveyProducts;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What anyone may see of the laser archive: each survey's coverage, who surveyed it, its density and
 * the products made, and the CS relief as map tiles. The points, rasters and tree tables themselves
 * are for approved organisations only (re-use needs the surveying body's approval).
 */
@RestController
class ForestryController {

    /** A fully transparent PNG for a tile outside a survey: nothing to draw, and no error in the browser. */
    private static final byte[] EMPTY_TILE = transparentPng();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final SurveyProducts products;

    ForestryController(JdbcTemplate jdbc, SurveyProducts products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    /** The surveys as GeoJSON features: their coverage (the union of their tiles) and what they hold. */
    @GetMapping(value = "/api/forestry/surveys", produces = "application/geo+json")
    Map<String, Object> surveys() {
        List<Map<String, Object>> features = jdbc.query("""
                select s.id, s.name, s.surveying_body, count(t.id) as tiles, coalesce(sum(t.point_count), 0) as points,
                       coalesce(sum(t.point_count) / nullif(sum(ST_Area(t.footprint::geography)), 0), 0) as density,
                       ST_AsGeoJSON(ST_Union(t.footprint), 7) as coverage
                from laser_survey s join laser_tile t on t.survey_id = s.id
                group by s.id order by s.id""", (row, n) -> {
            long id = row.getLong("id");
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", id);
            properties.put("name", row.getString("name"));
            properties.put("surveyingBody", row.getString("surveying_body"));
            properties.put("tiles", row.getLong("tiles"));
            properties.put("points", row.getLong("points"));
            properties.put("pointsPerSquareMetre", Math.round(row.getDouble("density") * 10) / 10.0);
            properties.put("products", products.made(id).stream().map(ForestryController::product).toList());
            if (Files.isDirectory(products.reliefTileDirectory(id))) {
                int[] zooms = SurveyProducts.reliefZooms();
                properties.put("reliefTiles", Map.of("url", "/forestry/tiles/" + id + "/cs-relief/{z}/{x}/{y}.png",
                        "minzoom", zooms[0], "maxzoom", zooms[1]));
            }
            return Map.of("type", "Feature", "id", id, "geometry", geometry(row.getString("coverage")), "properties", properties);
        });
        return Map.of("type", "FeatureCollection", "features", features);
    }

    @GetMapping(value = "/forestry/tiles/{survey}/cs-relief/{z}/{x}/{y}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> reliefTile(@PathVariable long survey, @PathVariable int z, @PathVariable int x, @PathVariable int y)
            throws IOException {
        Path tile = products.reliefTileDirectory(survey).resolve(String.valueOf(z)).resolve(String.valueOf(x)).resolve(y + ".png");
        byte[] png = Files.isRegularFile(tile) ? Files.readAllBytes(tile) : EMPTY_TILE;
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1))).contentType(MediaType.IMAGE_PNG).body(png);
    }

    private static byte[] transparentPng() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB), "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> product(MadeProduct product) {
        return Map.of("kind", product.kind().id, "label", product.kind().label, "cellMetres", product.cellMetres(),
                "srid", product.srid());
    }

    private static Object geometry(String geoJson) {
        try {
            return JSON.readTree(geoJson);
        } catch (IOException e) {
            throw new IllegalStateException("PostGIS wrote GeoJSON Jackson cannot read", e);
        }
    }
}
