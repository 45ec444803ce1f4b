package org.chizu.gis.layer;

import org.chizu.platform.Audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The catalog's keys of a layer declaration: EU data themes and the attribute holding the data's date. */
class CatalogDeclarationTest {

    private static final String ZONES = """
            id: little_zones
            title: {ja: 区域, en: Zones}
            table: hazard_zones
            geometry: {column: geom, kind: MultiPolygon, srid: 6668}
            access: public
            licence: {id: CC-BY-4.0, title: {ja: CC BY}, url: https://creativecommons.org/licenses/by/4.0/}
            attributes:
              - {name: name, type: text, label: {ja: 名称}}
              - {name: designated_on, type: date, label: {ja: 指定日}}
            """;

    private final LayerDeclarations declarations = new LayerDeclarations(new LayerProperties(null));

    @Test
    void themesAreEuDataThemeCodesInAnyCaseEachOnce() {
        Layer layer = parse(ZONES + "themes: [ENVI, tran, ENVI]\n");

        assertThat(layer.themes()).containsExactly(DataTheme.ENVI, DataTheme.TRAN);
        assertThat(layer.themes().get(0).uri()).isEqualTo("http://publications.europa.eu/resource/authority/data-theme/ENVI");
        assertThat(layer.themes().get(0).label().ja()).isEqualTo("環境");
    }

    @Test
    void aThemeOutsideTheEuListStopsStartUpNamingTheFileAndTheCodesAllowed() {
        assertThatThrownBy(() -> parse(ZONES + "themes: [ENVIRONMENT]\n"))
                .isInstanceOf(InvalidLayerDeclarationException.class)
                .hasMessageContaining("layers/99-zones.yml")
                .hasMessageContaining("ENVIRONMENT")
                .hasMessageContaining("AGRI");
    }

    @Test
    void aLayerWithoutThemesOrTemporalDeclaresNone() {
        Layer layer = parse(ZONES);

        assertThat(layer.themes()).isEmpty();
        assertThat(layer.temporal()).isNull();
    }

    @Test
    void theTemporalAttributeMustBeOneOfTheLayersDateAttributes() {
        assertThat(parse(ZONES + "temporal: {attribute: designated_on}\n").temporal().attribute()).isEqualTo("designated_on");

        assertThatThrownBy(() -> parse(ZONES + "temporal: {attribute: name}\n"))
                .hasMessageContaining("layers/99-zones.yml")
                .hasMessageContaining("temporal attribute 'name' must be one of the layer's date attributes");
        assertThatThrownBy(() -> parse(ZONES + "temporal: {attribute: surveyed_on}\n"))
                .hasMessageContaining("temporal attribute 'surveyed_on' must be one of the layer's date attributes");
    }

    @Test
    void theCoreLayersDeclareThemesAndHazardZonesTheirDesignationDates() {
        assertThat(declarations.read().stream().map(LayerDeclaration::layer).toList()).filteredOn(layer -> layer.isVisibleTo(Audience.PUBLIC))
                .allSatisfy(layer -> assertThat(layer.themes()).as(layer.id()).isNotEmpty());
        Layer zones = declarations.read().stream().map(LayerDeclaration::layer).filter(l -> l.id().equals("hazard_zones")).findFirst().orElseThrow();
        assertThat(zones.themes()).containsExactly(DataTheme.ENVI);
        assertThat(zones.temporal().attribute()).isEqualTo("designated_on");
    }

    private Layer parse(String yaml) {
        return LayerYaml.parse(yaml, "layers/99-zones.yml");
    }
}
