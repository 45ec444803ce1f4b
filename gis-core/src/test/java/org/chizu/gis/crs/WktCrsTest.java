package org.chizu.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.chizu.gis.testing.Shapefiles;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every system Japanese municipal data comes in is recognised from its WKT as EPSG (PostGIS's
 * spatial_ref_sys) and ESRI (GDAL, as ArcGIS and QGIS write .prj files) define it: by its EPSG
 * authority, by its name, and with neither by its datum and projection parameters.
 */
class WktCrsTest {

    /** JGD2011, JGD2000, Tokyo and WGS 84 longitude/latitude; their plane rectangular zones I–XIX and UTM zones 51N–55N. */
    private static final List<Integer> JAPANESE_SYSTEMS = concat(List.of(6668, 4612, 4301, 4326),
            IntStream.rangeClosed(6669, 6687), IntStream.rangeClosed(2443, 2461), IntStream.rangeClosed(30161, 30179),
            IntStream.rangeClosed(6688, 6692), IntStream.rangeClosed(3097, 3101), IntStream.rangeClosed(3092, 3096),
            IntStream.rangeClosed(32651, 32655));

    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
    }

    @Test
    void epsgDefinitionsAreRecognisedByAuthorityByNameAndByParameters() {
        for (int srid : JAPANESE_SYSTEMS) {
            String wkt = jdbc.queryForObject("select srtext from spatial_ref_sys where srid = ?", String.class, srid);
            String withoutAuthority = wkt.replaceAll(",\\s*AUTHORITY\\[\"[^\"]*\",\"[^\"]*\"\\]", "");
            String renamed = withoutAuthority.replaceFirst("^([A-Z]+)\\[\"[^\"]*\"", "$1[\"Survey grid\"");

            assertThat(WktCrs.epsgCode(wkt)).as("EPSG:%d with its authority", srid).contains(srid);
            assertThat(WktCrs.epsgCode(withoutAuthority)).as("EPSG:%d by its name", srid).contains(srid);
            assertThat(WktCrs.epsgCode(renamed)).as("EPSG:%d by its parameters", srid).contains(srid);
        }
    }

    @Test
    void esriDefinitionsAsArcGisAndQgisWriteThemAreRecognised() throws Exception {
        for (int srid : JAPANESE_SYSTEMS) {
            String esri = Shapefiles.gdal("gdalsrsinfo", "--single-line", "-o", "wkt_esri", "EPSG:" + srid).strip();
            String renamed = esri.replaceFirst("^([A-Z]+)\\[\"[^\"]*\"", "$1[\"Survey grid\"");

            assertThat(WktCrs.epsgCode(esri)).as("%s", esri).contains(srid);
            assertThat(WktCrs.epsgCode(renamed)).as("%s", renamed).contains(srid);
        }
    }

    @Test
    void wkt2AsGdalPrintsItIsRecognisedByItsIdAndWithoutIt() throws Exception {
        String wkt2 = Shapefiles.gdal("gdalsrsinfo", "-o", "wkt2", "EPSG:6671");
        String withoutIds = wkt2.replaceAll(",\\s*ID\\[\"EPSG\",[0-9]+\\]", "").replaceFirst("\"JGD2011 / [^\"]*\"", "\"Survey grid\"");

        assertThat(WktCrs.epsgCode(wkt2)).contains(6671);
        assertThat(WktCrs.epsgCode(withoutIds)).contains(6671);
    }

    @Test
    void aCompoundSystemIsKnownByItsHorizontalPartAsLaserSurveysDeclareIt() throws Exception {
        String wkt1 = Shapefiles.gdal("gdalsrsinfo", "--single-line", "-o", "wkt1", "EPSG:6671+6695").strip();
        String wkt2 = Shapefiles.gdal("gdalsrsinfo", "-o", "wkt2", "EPSG:6671+6695");

        assertThat(wkt1).startsWith("COMPD_CS");
        assertThat(WktCrs.epsgCode(wkt1)).as("JGD2011 zone III + JGD2011 height, WKT 1").contains(6671);
        assertThat(WktCrs.epsgCode(wkt2)).as("the same in WKT 2").contains(6671);
    }

    @Test
    void otherSystemsAndTextThatIsNoWktAreNotRecognised() {
        assertThat(WktCrs.epsgCode("""
                PROJCS["Town_Local_Grid",GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011",SPHEROID["GRS_1980",6378137.0,298.257222101]],\
                PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],\
                PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",132.5],\
                PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",36.0],UNIT["Meter",1.0]]""")).isEmpty();
        assertThat(WktCrs.epsgCode("JGD2011 zone 3")).isEmpty();
        assertThat(WktCrs.epsgCode("PROJCS[\"JGD_2011_Japan_Zone_3\"")).isEmpty();
    }

    private static List<Integer> concat(List<Integer> first, IntStream... ranges) {
        return java.util.stream.Stream.concat(first.stream(),
                java.util.Arrays.stream(ranges).flatMap(IntStream::boxed)).toList();
    }
}
