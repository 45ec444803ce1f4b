package org.chizu.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrsCodeTest {

    @Test
    void everyUsualSpellingOfZoneIIIMeansEpsg6671() {
        assertThat(CrsCode.parse("EPSG:6671")).isEqualTo(6671);
        assertThat(CrsCode.parse(" 6671 ")).isEqualTo(6671);
        assertThat(CrsCode.parse("epsg:6671")).isEqualTo(6671);
        assertThat(CrsCode.parse("urn:ogc:def:crs:EPSG::6671")).isEqualTo(6671);
        assertThat(CrsCode.parse("http://www.opengis.net/def/crs/EPSG/0/6671")).isEqualTo(6671);
        assertThat(CrsCode.PLANE_RECTANGULAR_ZONE_III).isEqualTo(6671);
    }

    @Test
    void crs84MeansLongitudeLatitudeOnWgs84() {
        assertThat(CrsCode.parse("CRS84")).isEqualTo(CrsCode.WGS84);
        assertThat(CrsCode.parse("urn:ogc:def:crs:OGC:1.3:CRS84")).isEqualTo(CrsCode.WGS84);
        assertThat(CrsCode.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(CrsCode.WGS84);
    }

    @Test
    void thePlaneRectangularZonesRunFromEpsg6669To6687() {
        assertThat(CrsCode.planeRectangularZone(1)).isEqualTo(6669);
        assertThat(CrsCode.planeRectangularZone(19)).isEqualTo(6687);
        assertThatThrownBy(() -> CrsCode.planeRectangularZone(20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameThatIsNoCoordinateSystemIsRefusedWithAnExample() {
        assertThatThrownBy(() -> CrsCode.parse("Tokyo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:6671");
    }
}
