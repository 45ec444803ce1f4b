package org.chizu.gis.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Picking one municipality out of a prefecture's 国土数値情報 N03 file. */
class N03FileTest {

    @TempDir
    Path folder;

    @Test
    void aWardOfADesignatedCityIsNamedAfterItsCityAndKeepsEveryPolygon() throws Exception {
        Path file = n03("""
                {"N03_001": "北海道", "N03_003": "札幌市", "N03_004": "中央区", "N03_007": "01101"}, "Polygon", [[[141.30,43.05],[141.36,43.05],[141.36,43.07],[141.30,43.05]]]
                {"N03_001": "北海道", "N03_003": "札幌市", "N03_004": "北区", "N03_007": "01102"}, "Polygon", [[[141.30,43.08],[141.36,43.08],[141.36,43.10],[141.30,43.08]]]
                {"N03_001": "北海道", "N03_003": "札幌市", "N03_004": "中央区", "N03_007": "01101"}, "Polygon", [[[141.37,43.05],[141.38,43.05],[141.38,43.06],[141.37,43.05]]]
                {"N03_001": "北海道", "N03_004": "所属未定地", "N03_007": null}, "Polygon", [[[141.0,43.0],[141.1,43.0],[141.1,43.1],[141.0,43.0]]]
                """);

        N03File ward = N03File.find("01101", file, "N03-hokkaido.geojson");

        assertThat(ward.nameJa()).isEqualTo("札幌市中央区");
        assertThat(ward.parts()).hasSize(2);
        assertThat(ward.srid()).as("GeoJSON without a crs member: CRS84").isEqualTo(4326);
    }

    @Test
    void aTownOfACountyIsNamedWithoutItsCountyAndANumericCodeKeepsItsLeadingZero() throws Exception {
        Path file = n03("""
                {"N03_001": "北海道", "N03_003": "石狩郡", "N03_004": "当別町", "N03_007": 1303}, "Polygon", [[[141.50,43.20],[141.60,43.20],[141.60,43.30],[141.50,43.20]]]
                """);

        N03File town = N03File.find("01303", file, "N03.geojson");

        assertThat(town.nameJa()).isEqualTo("当別町");
    }

    @Test
    void aCodeTheFileLacksNamesTheCodesItHas() throws Exception {
        Path file = n03("""
                {"N03_004": "松江市", "N03_007": "32201"}, "Polygon", [[[133.0,35.4],[133.1,35.4],[133.1,35.5],[133.0,35.4]]]
                {"N03_004": "浜田市", "N03_007": "32202"}, "Polygon", [[[132.0,34.8],[132.1,34.8],[132.1,34.9],[132.0,34.8]]]
                """);

        assertThatThrownBy(() -> N03File.find("32203", file, "N03-32.geojson"))
                .isInstanceOfSatisfying(MunicipalityProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).isEqualTo("N03-32.geojson holds no boundary with N03_007 = 32203; its 2 codes: 32201, 32202");
                });
    }

    private Path n03(String features) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        features.lines().forEach(line -> {
            int geometryType = line.lastIndexOf("}, \"");
            String properties = line.substring(0, geometryType + 1);
            String[] rest = line.substring(geometryType + 3).split(", ", 2);
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                    .append("{\"type\": \"Feature\", \"properties\": ").append(properties)
                    .append(", \"geometry\": {\"type\": ").append(rest[0]).append(", \"coordinates\": ").append(rest[1]).append("}}");
        });
        return Files.writeString(folder.resolve("n03.geojson"), json.append("]}").toString());
    }
}
