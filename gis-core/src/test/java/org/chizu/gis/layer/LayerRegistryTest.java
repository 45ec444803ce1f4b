package org.chizu.gis.layer;

import org.chizu.platform.Audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class LayerRegistryTest {

    static JdbcTemplate jdbc;
    static LayerRegistry registry;

    @BeforeAll
    static void migrateAndLoad() {
        jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        registry = new LayerRegistry(new LayerDeclarations(new LayerProperties(null)), jdbc);
    }

    @Test
    void declaresTheFiveCoreLayersAgainstTheMigratedSchema() {
        assertThat(registry.all()).extracting(Layer::id)
                .containsExactly("hazard_zones", "roads", "facilities", "forests", "water_pipes");
    }

    @Test
    void specialWarningZonesFirstShowAtZoom12AndWarningZonesFromTheLayersLowestZoom() {
        TileSettings tiles = registry.require("hazard_zones", Audience.PUBLIC).tiles();

        assertThat(tiles.firstZoomShowing("kind", "landslide_special_warning")).isEqualTo(12);
        assertThat(tiles.firstZoomShowing("kind", "landslide_warning")).isEqualTo(tiles.minzoom());
        assertThat(tiles.firstZoomShowing("flood_depth_class", "3_to_5m")).isEqualTo(tiles.minzoom());
    }

    @Test
    void waterPipesAreHiddenFromThePublicAndShownToStaff() {
        assertThat(registry.visibleTo(Audience.PUBLIC)).extracting(Layer::id).doesNotContain("water_pipes");
        assertThat(registry.visibleTo(Audience.STAFF)).extracting(Layer::id).contains("water_pipes");
        assertThatThrownBy(() -> registry.require("water_pipes", Audience.PUBLIC))
                .isInstanceOf(UnknownLayerException.class)
                .hasMessage("There is no layer 'water_pipes'.");
    }

    @Test
    void everyLayerStoresJgd2011WithJapaneseAndEnglishLabels() {
        for (Layer layer : registry.all()) {
            assertThat(layer.geometry().srid()).isEqualTo(6668);
            assertThat(layer.attributes()).allSatisfy(a -> {
                assertThat(a.label().ja()).isNotBlank();
                assertThat(a.label().en()).isNotBlank();
            });
        }
    }

    @Test
    void aDeclarationThatDisagreesWithItsTableStopsStartUpNamingTheMismatch() {
        jdbc.execute("create table broken_layer (id bigint primary key, width text, geom geometry(Point, 4326))");
        String declaration = """
                id: broken
                title: {ja: 壊れた, en: Broken}
                table: broken_layer
                geometry: {column: geom, kind: MultiPolygon, srid: 6668}
                access: public
                licence: {id: CC-BY-4.0, title: {ja: CC BY}, url: https://creativecommons.org/licenses/by/4.0/}
                attributes:
                  - {name: width, type: decimal, label: {ja: 幅}}
                  - {name: missing, type: text, label: {ja: 無い}}
                """;
        Layer broken = LayerYaml.parse(declaration, "test");
        assertThatThrownBy(() -> new LayerSchemaCheck(jdbc).verify(java.util.List.of(broken)))
                .hasMessageContaining("attribute width is declared DECIMAL but its column is text")
                .hasMessageContaining("attribute missing has no column")
                .hasMessageContaining("geometry is declared MultiPolygon but stored as POINT")
                .hasMessageContaining("declared in EPSG:6668 but stored in EPSG:4326");
    }

    @Test
    void roadTilesBelowZoom12KeepOnlyNationalAndPrefecturalRoads() {
        Layer roads = registry.find("roads").orElseThrow();

        TileSettings.AtZoom z11 = roads.tiles().at(11, roads.attributes());
        assertThat(z11.only()).hasSize(1);
        assertThat(z11.only().values().iterator().next()).containsExactly("national", "prefectural");
        assertThat(z11.attributes()).extracting(Attribute::name).containsExactly("route_no", "name", "road_class");
        assertThat(roads.tiles().at(12, roads.attributes()).only()).isEmpty();
        assertThat(roads.tiles().minzoom()).isEqualTo(8);
    }

    @Test
    void aTileFilterByAValueTheAttributeDoesNotAllowIsRejected() {
        String declaration = """
                id: lanes
                title: {ja: 車線}
                table: roads
                geometry: {column: geom, kind: MultiLineString, srid: 6668}
                access: public
                licence: {id: CC-BY-4.0, title: {ja: CC BY}, url: https://creativecommons.org/licenses/by/4.0/}
                tiles:
                  zooms: [{upTo: 11, only: {road_class: [motorway]}}]
                attributes:
                  - name: road_class
                    type: text
                    label: {ja: 道路種別}
                    values: [{value: national, label: {ja: 国道}}]
                """;
        assertThatThrownBy(() -> LayerYaml.parse(declaration, "test"))
                .hasMessageContaining("tiles filter by road_class = motorway, which is not an allowed value");
    }
}
