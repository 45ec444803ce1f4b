package org.chizu.tiles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.gis.layer.LayerDeclarations;
import org.chizu.gis.layer.LayerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A town's declaration that asks for a generalisation Chizu cannot make stops start-up, naming what is wrong. */
class GeneralizationDeclarationTest {

    @TempDir
    Path layers;

    @Test
    void generalisingAPointLayerStopsStartUp() throws IOException {
        declare("bus_stops", "Point", """
                tiles:
                  generalize:
                    - {upTo: 12, groupBy: [line], tolerance: 10}
                attributes:
                  - {name: line, type: text, label: {ja: 路線, en: Line}}
                """);

        assertThatThrownBy(this::startUp).hasMessageContaining("bus_stops.yml")
                .hasMessageContaining("points have nothing to simplify or merge").hasMessageContaining("Point");
    }

    @Test
    void mergingPolygonsStopsStartUp() throws IOException {
        declare("parks", "MultiPolygon", """
                tiles:
                  generalize:
                    - {upTo: 12, groupBy: [kind], tolerance: 10}
                attributes:
                  - {name: kind, type: text, label: {ja: 種別, en: Kind}}
                """);

        assertThatThrownBy(this::startUp).hasMessageContaining("parks.yml")
                .hasMessageContaining("merges lines").hasMessageContaining("without groupBy");
    }

    @Test
    void groupingByAnUndeclaredAttributeStopsStartUp() throws IOException {
        declare("bus_routes", "MultiLineString", """
                tiles:
                  generalize:
                    - {upTo: 12, groupBy: [operator], tolerance: 10}
                attributes:
                  - {name: line, type: text, label: {ja: 路線, en: Line}}
                """);

        assertThatThrownBy(this::startUp).hasMessageContaining("bus_routes.yml")
                .hasMessageContaining("groups by operator, which the layer does not declare");
    }

    @Test
    void carryingAnAttributeTheGroupingDropsStopsStartUp() throws IOException {
        declare("bus_routes", "MultiLineString", """
                tiles:
                  minzoom: 10
                  generalize:
                    - {upTo: 12, groupBy: [line], tolerance: 10}
                attributes:
                  - {name: line, type: text, label: {ja: 路線, en: Line}}
                  - {name: operator, type: text, label: {ja: 事業者, en: Operator}}
                """);

        assertThatThrownBy(this::startUp).hasMessageContaining("at zoom 10 tiles carry or filter by operator");
    }

    /** Declares a public layer {@code id} over the table of that name, with the rest of its YAML. */
    private void declare(String id, String geometryKind, String rest) throws IOException {
        Files.writeString(layers.resolve(id + ".yml"), """
                id: %s
                title: {ja: 試験, en: Test}
                table: %s
                geometry: {column: geom, kind: %s, srid: 6668}
                access: public
                licence: {id: CC-BY-4.0, title: {ja: CC BY 4.0, en: CC BY 4.0}, url: https://creativecommons.org/licenses/by/4.0/}
                """.formatted(id, id, geometryKind) + rest);
    }

    /** What the layer registry does first at start-up. */
    private void startUp() {
        new LayerDeclarations(new LayerProperties(layers)).read();
    }
}
