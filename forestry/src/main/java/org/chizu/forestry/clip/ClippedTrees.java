package org.chizu.forestry.clip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.chizu.forestry.products.Gdal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tree tops of a survey inside an application's area as a GeoPackage (written by {@code ogr2ogr}),
 * in the survey's plane rectangular system, with the columns of the 森林資源データ 樹頂点 layout (the
 * tree_points layer's standard) and the latitude and longitude it also asks for.
 */
@Component
class ClippedTrees {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;

    ClippedTrees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(long applicationId, long surveyId, int srid, Path geoPackage) throws IOException {
        String features = jdbc.queryForObject("""
                select json_build_object('type', 'FeatureCollection',
                    'crs', json_build_object('type', 'name', 'properties', json_build_object('name', 'urn:ogc:def:crs:EPSG::' || ?::int)),
                    'features', coalesce(json_agg(json_build_object('type', 'Feature',
                        'geometry', ST_AsGeoJSON(ST_Transform(p.geom, ?::int), 2)::json,
                        'properties', json_build_object('ID', p.tree_no, '樹種', p.species, '樹高', p.height_m,
                            '樹冠面積', p.crown_area_m2, '材積_推定', p.volume_m3,
                            '緯度', round(ST_Y(p.geom)::numeric, 7), '経度', round(ST_X(p.geom)::numeric, 7))) order by p.tree_no), '[]'))::text
                from forest_tree_point p join forestry_application a on ST_Intersects(p.geom, a.area)
                where a.id = ? and p.survey_id = ?""", String.class, srid, srid, applicationId, surveyId);
        Path source = Files.createTempFile("clip-trees", ".geojson");
        try {
            Files.writeString(source, features, StandardCharsets.UTF_8);
            Files.deleteIfExists(geoPackage);
            Gdal.run("write the tree tops of application " + applicationId + " as GeoPackage", TIMEOUT, List.of(
                    "ogr2ogr", "-f", "GPKG", "-nln", "tree_points", "-a_srs", "EPSG:" + srid, geoPackage.toString(), source.toString()));
        } finally {
            Files.deleteIfExists(source);
        }
    }
}
