package org.chizu.opendata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.chizu.opendata.version.LayerVersion;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void crsIsReadAsClientsWriteIt() {
        assertThat(OutputCrs.parse(null)).isEqualTo(OutputCrs.JGD2011);
        assertThat(OutputCrs.parse("EPSG:6671").srid()).isEqualTo(6671);
        assertThat(OutputCrs.parse("http://www.opengis.net/def/crs/EPSG/0/3857").srid()).isEqualTo(3857);
        assertThat(OutputCrs.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(OutputCrs.WGS84);
        assertThatIllegalArgumentException().isThrownBy(() -> OutputCrs.parse("EPSG:6688")).withMessageContaining("6669–6687");
        assertThatIllegalArgumentException().isThrownBy(() -> OutputCrs.parse("Tokyo"));
    }

    @Test
    void bboxNeedsFourOrderedNumbersWhereOnlyALongitudeMayCrossTheAntimeridian() {
        BoundingBox box = BboxParameter.parse("131.7,34.5,132.0,34.8", null);
        assertThat(box.crs()).isEqualTo(OutputCrs.WGS84);
        assertThat(box.maxX()).isEqualTo(132.0);
        assertThat(BboxParameter.parse("", null)).isNull();
        assertThat(BboxParameter.parse("179,34.5,-179,34.8", null).crossesAntimeridian()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> BboxParameter.parse("131,34.8,132,34.5", null)).withMessageContaining("minY");
        assertThatIllegalArgumentException().isThrownBy(() -> BboxParameter.parse("a,b,c,d", null)).withMessageContaining("'a'");
    }

    @Test
    void withinIsAMunicipalityCodeOrAValidPolygon() {
        assertThat(WithinParameter.parse("32204", null)).isEqualTo(new AreaFilter.Municipality("32204"));
        assertThat(WithinParameter.parse("POLYGON((0 0, 1 0, 1 1, 0 0))", "EPSG:6668"))
                .isEqualTo(new AreaFilter.Polygon("POLYGON((0 0, 1 0, 1 1, 0 0))", OutputCrs.JGD2011));
        assertThatIllegalArgumentException().isThrownBy(() -> WithinParameter.parse("POINT(1 1)", null)).withMessageContaining("Point");
        assertThatIllegalArgumentException().isThrownBy(() -> WithinParameter.parse("POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))", null))
                .withMessageContaining("not valid");
        assertThatIllegalArgumentException().isThrownBy(() -> WithinParameter.parse("POLYGON((0 0, 1 0, 1 1, 0 0)) x", null))
                .withMessageContaining("unexpected 'x'");
        assertThatIllegalArgumentException().isThrownBy(() -> WithinParameter.parse("POLYGON((0 0, 1 0, Infinity 1, 0 0))", null))
                .withMessageContaining("finite");
    }

    @Test
    void aVersionIsItsIdOrAnyInstant() {
        LayerVersion version = new LayerVersion(Instant.parse("2026-11-21T12:03:15.123456789Z"));
        assertThat(version.id()).isEqualTo("20261121T120315.123456Z");
        assertThat(version.fileStamp()).isEqualTo("20261121T1203Z");
        assertThat(LayerVersion.parse(version.id())).isEqualTo(version);
        assertThat(LayerVersion.parse("2026-11-21T21:03:15.123456+09:00")).isEqualTo(version);
        assertThatIllegalArgumentException().isThrownBy(() -> LayerVersion.parse("last week"));
    }
}
