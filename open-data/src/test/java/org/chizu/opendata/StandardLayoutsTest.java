package org.chizu.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDeclarations;
import org.chizu.gis.layer.LayerProperties;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.testing.TestDatabase;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Open-data's section {@code standards:}: the standard layouts a layer also downloads in, checked against its attributes. */
class StandardLayoutsTest {

    private static final String FACILITY_LAYER = """
            id: little_facilities
            title: {ja: 施設, en: Facilities}
            table: facilities
            geometry: {column: geom, kind: Point, srid: 6668}
            access: public
            licence: {id: CC-BY-4.0, title: {ja: CC BY}, url: https://creativecommons.org/licenses/by/4.0/}
            attributes:
              - name: kind
                type: text
                label: {ja: 種別}
                values: [{value: designated_shelter, label: {ja: 指定避難所}}, {value: hall, label: {ja: 公民館}}]
              - {name: name, type: text, label: {ja: 名称}}
              - {name: for_flood, type: boolean, label: {ja: 洪水}}
            standards:
              - id: shelters
                title: {ja: 指定避難所一覧, en: Designated shelters}
                spec: https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test#designated-shelters
            """;

    private final LayerDeclarations declarations = new LayerDeclarations(new LayerProperties(null));

    @Test
    void theFacilitiesLayerDeclaresTheThreeStandardLayoutsOfTheDigitalAgency() {
        LayerRegistry registry = new LayerRegistry(declarations, new JdbcTemplate(TestDatabase.migrated().dataSource()));
        Layer facilities = registry.find("facilities").orElseThrow();

        assertThat(StandardLayouts.of(facilities)).extracting(s -> s.title().ja())
                .containsExactly("指定緊急避難場所一覧", "指定避難所一覧", "公共施設一覧");
        assertThat(StandardLayouts.of(facilities)).allSatisfy(standard -> {
            assertThat(standard.spec()).startsWith("https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test");
            assertThat(standard.columns().get(0).name()).isEqualTo("全国地方公共団体コード");
            assertThat(standard.columns().get(0).from()).isEqualTo(StandardDataset.Derived.MUNICIPALITY_CODE);
        });
        assertThat(StandardLayouts.find(facilities, "emergency_evacuation_sites").orElseThrow().where())
                .containsEntry("kind", java.util.List.of("emergency_evacuation_site"));
    }

    @Test
    void aColumnNamingAnUnknownAttributeIsAProblemNamingTheAttribute() {
        String declaration = FACILITY_LAYER + """
                    columns:
                      - {name: 名称, attribute: nmae}
                """;

        assertThat(problemsOf(declaration)).containsExactly("standard shelters: column 名称 names unknown attribute 'nmae'");
    }

    @Test
    void aRowSelectionOrMappingOfAValueTheAttributeDoesNotAllowIsAProblem() {
        String declaration = FACILITY_LAYER + """
                    where: {kind: [shelter]}
                    columns:
                      - {name: 災害種別_洪水, attribute: for_flood, map: {"maybe": "1"}}
                """;

        assertThat(String.join("\n", problemsOf(declaration)))
                .contains("row selection: value 'shelter' of kind: 'shelter' is not one of [designated_shelter, hall]")
                .contains("column 災害種別_洪水: value 'maybe' of for_flood");
    }

    @Test
    void aColumnWithTwoSourcesDoesNotRead() {
        String declaration = FACILITY_LAYER + """
                    columns:
                      - {name: 名称, attribute: name, from: feature_id}
                """;

        Layer layer = declarations.parse(declaration, "layers/99-little.yml");

        assertThatThrownBy(() -> StandardLayouts.of(layer))
                .hasMessageContaining("column 名称 must take its value from one of attribute, value or from");
    }

    @Test
    void aWellFormedStandardReadsWithItsColumnsInOrder() {
        Layer layer = declarations.parse(FACILITY_LAYER + """
                    where: {kind: [designated_shelter]}
                    columns:
                      - {name: 全国地方公共団体コード, from: municipality_code}
                      - {name: 名称, attribute: name}
                      - {name: 災害種別_洪水, attribute: for_flood, map: {"true": "1"}}
                      - {name: 名称_カナ}
                """, "layers/99-little.yml");

        StandardDataset standard = StandardLayouts.find(layer, "shelters").orElseThrow();
        assertThat(standard.columns()).extracting(StandardDataset.Column::name)
                .containsExactly("全国地方公共団体コード", "名称", "災害種別_洪水", "名称_カナ");
        assertThat(standard.needsMunicipality()).isTrue();
    }

    private List<String> problemsOf(String declaration) {
        Layer layer = declarations.parse(declaration, "layers/99-little.yml");
        return layer.section(StandardLayouts.SECTION, StandardLayouts.class).orElseThrow().problemsWith(layer);
    }
}
