package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chizu.gis.crs.CrsCode;
import org.chizu.gis.testing.Shapefiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Shapefiles as municipal offices send them: Shift_JIS attribute tables, plane rectangular
 * coordinates, .prj files as ArcGIS and QGIS write them, often zipped. The files are written by
 * GDAL's ogr2ogr from GeoJSON in each test.
 */
class ShapefileImportTest {

    private static final double ONE_CENTIMETRE = 0.01;
    private static final int ZONE_III = CrsCode.PLANE_RECTANGULAR_ZONE_III;

    /** Two shelters in zone III with survey heights, their fields named in Japanese, one name with CP932's own characters. */
    private static final String SHELTERS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"名称": "市民会館", "種別": "指定避難所", "収容人数": 300, "洪水": 1},
               "geometry": {"type": "Point", "coordinates": [80000, -58000, 12.5]}},
              {"type": "Feature", "properties": {"名称": "髙津①公民館", "種別": "公民館・集会所", "収容人数": 80, "洪水": 0},
               "geometry": {"type": "Point", "coordinates": [79500.25, -57200.75, 30.1]}}
            ]}""";

    static ImportFixture fixture;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @BeforeEach
    void emptyLayers() {
        fixture.jdbc.execute("delete from facilities; delete from roads; delete from hazard_zones; delete from forests");
    }

    @Test
    void aShiftJisShapefileInZoneIIIWithoutACpgKeepsItsJapaneseAndLandsWithinOneCentimetre() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "CP932", SHELTERS);
        Files.delete(folder.resolve("shelters.cpg"));

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.sourceSrid()).isEqualTo(6671);
        assertThat(result.encoding()).isEqualTo("Shift_JIS");
        assertThat(result.ignoredFields()).isEmpty();
        assertThat(fixture.jdbc.queryForList("""
                select name || ' ' || kind || ' ' || capacity || ' ' || for_flood from facilities order by name""", String.class))
                .containsExactly("市民会館 designated_shelter 300 true", "髙津①公民館 hall 80 false");
        ProjCoordinate hall = ReferenceProjection.jgd2011LongitudeLatitude(ZONE_III, 79500.25, -57200.75);
        ProjCoordinate cityHall = ReferenceProjection.jgd2011LongitudeLatitude(ZONE_III, 80000, -58000);
        assertThat(fixture.metresFromFacility("髙津①公民館", hall.x, hall.y)).isLessThan(ONE_CENTIMETRE);
        assertThat(fixture.metresFromFacility("市民会館", cityHall.x, cityHall.y)).isLessThan(ONE_CENTIMETRE);
    }

    @Test
    void shimanesMunicipalBoundariesAsAZippedShiftJisShapefileInZoneIIIKeepTheirNamesEveryIslandAndTheirArea() throws Exception {
        // 国土数値情報（行政区域）2021, simplified, as the project ships it; reprojected by GDAL as a town's GIS would.
        Path boundaries = Path.of("../sample-town/src/main/resources/sample-town/boundaries/shimane-municipalities-2021.geojson");
        Path shp = folder.resolve("N03-21_32_210101.shp");
        // Hazard zones need a kind: each municipality stands in for a flood zone, its name and code kept.
        Shapefiles.gdal("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:6671", "-lco", "ENCODING=CP932", "-dialect", "SQLite",
                "-sql", "select geometry, N03_004 as name, N03_007, '洪水浸水想定区域' as kind from \"shimane-municipalities-2021\"",
                shp.toString(), boundaries.toString());
        Map<String, Path> entries = new LinkedHashMap<>();
        for (Path part : Shapefiles.parts(shp)) {
            entries.put("N03-210101_32_GML/" + part.getFileName(), part);
        }
        Path zip = Shapefiles.zip(folder.resolve("N03-210101_32_GML.zip"), entries, StandardCharsets.UTF_8);

        ImportResult result = fixture.importer.importFile(ImportRequest.of("hazard_zones", zip.getFileName().toString()), zip);

        assertThat(result.imported()).isEqualTo(19);
        assertThat(result.encoding()).isEqualTo("Shift_JIS");
        assertThat(result.ignoredFields()).containsExactly("N03_007");
        assertThat(fixture.jdbc.queryForList("select name from hazard_zones where kind = 'flood' and name like '%市'", String.class))
                .contains("松江市", "益田市", "安来市");
        Map<String, Object> expected = fixture.jdbc.queryForMap("""
                select sum(ST_NumGeometries(geom)) as parts, sum(ST_NumInteriorRings(geom)) as holes, sum(ST_Area(geom::geography)) as area
                from (select ST_Multi(ST_GeomFromGeoJSON(f -> 'geometry')) as geom
                      from jsonb_array_elements(cast(? as jsonb) -> 'features') f) source""", Files.readString(boundaries));
        Map<String, Object> imported = fixture.jdbc.queryForMap("""
                select sum(ST_NumGeometries(geom)) as parts, sum(ST_NumInteriorRings(geom)) as holes, sum(ST_Area(geom::geography)) as area
                from hazard_zones""");
        assertThat(imported.get("parts")).isEqualTo(expected.get("parts"));
        assertThat(imported.get("holes")).isEqualTo(expected.get("holes"));
        assertThat((Double) imported.get("area")).isCloseTo((Double) expected.get("area"), withinPercentage(0.001));
    }

    /** The real public data: where ./chizu test says, else ../shared/data beside the repository. */
    @Test
    void aPrjNamingTheZoneAsEpsgDoesIsReadAsThatZone() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", SHELTERS);
        Files.writeString(folder.resolve("shelters.prj"), """
                PROJCS["JGD2011 / Japan Plane Rectangular CS III",GEOGCS["JGD2011",\
                DATUM["Japanese_Geodetic_Datum_2011",SPHEROID["GRS 1980",6378137,298.257222101]],\
                PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],\
                PARAMETER["latitude_of_origin",36],PARAMETER["central_meridian",132.166666666667],\
                PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",0],PARAMETER["false_northing",0],\
                UNIT["metre",1]]""");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp);

        assertThat(result.sourceSrid()).isEqualTo(6671);
        assertThat(result.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void theEncodingOptionWinsOverACpgThatIsWrong() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "CP932", SHELTERS);
        Files.writeString(folder.resolve("shelters.cpg"), "UTF-8");

        ImportResult result = fixture.importer.importFile(
                ImportRequest.of("facilities", "shelters.shp").withEncoding(TextEncoding.named("SJIS")), shp);

        assertThat(result.encoding()).isEqualTo("Shift_JIS");
        assertThat(fixture.jdbc.queryForList("select name from facilities order by name", String.class))
                .containsExactly("市民会館", "髙津①公民館");
    }

    @Test
    void withoutACpgTheDbfLanguageDriverIdNamesTheEncoding() throws Exception {
        Path shp = Shapefiles.write(folder, "halls", ZONE_III, "CP932", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "North hall", "kind": "hall"},
                   "geometry": {"type": "Point", "coordinates": [80000, -58000]}}]}""");
        Files.delete(folder.resolve("halls.cpg"));
        try (RandomAccessFile dbf = new RandomAccessFile(folder.resolve("halls.dbf").toFile(), "rw")) {
            dbf.seek(29);
            dbf.write(0x13); // Japanese Shift-JIS; the ASCII text alone would read as UTF-8
        }

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "halls.shp"), shp);

        assertThat(result.encoding()).isEqualTo("Shift_JIS");
    }

    @Test
    void aUtf8ShapefileWithACpgImportsLinesAndMultiPartLines() throws Exception {
        Path shp = Shapefiles.write(folder, "roads", CrsCode.JGD2011, "UTF-8", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"route_no": "12", "name": "殿町線", "road_class": "市町村道"},
                   "geometry": {"type": "LineString", "coordinates": [[133.0486, 35.4681], [133.0500, 35.4690]]}},
                  {"type": "Feature", "properties": {"route_no": "9", "name": "国道9号", "road_class": "国道"},
                   "geometry": {"type": "MultiLineString", "coordinates": [
                     [[133.05, 35.46], [133.06, 35.465]], [[133.07, 35.47], [133.08, 35.475], [133.09, 35.47]]]}}
                ]}""");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("roads", "roads.shp"), shp);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.sourceSrid()).isEqualTo(6668);
        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(fixture.jdbc.queryForList("""
                select name || ' ' || road_class || ' ' || ST_NumGeometries(geom) || ' ' || ST_NPoints(geom) from roads order by route_no""",
                String.class))
                .containsExactly("殿町線 municipal 1 2", "国道9号 national 2 5");
    }

    @Test
    void polygonHolesStayHolesOfTheirOwnShellInPolygonsAndMultiPolygons() throws Exception {
        // Zone III metres: a 1 km square with a 200 m hole; two 500 m squares, the second with a 100 m hole.
        // Field names are at most 10 bytes in a .dbf: the date goes by its label, 指定日.
        Path shp = Shapefiles.write(folder, "zones", ZONE_III, "UTF-8", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"kind": "土砂災害警戒区域", "name": "一の谷", "指定日": "2021-03-30"},
                   "geometry": {"type": "Polygon", "coordinates": [
                     [[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]],
                     [[400, 400], [400, 600], [600, 600], [600, 400], [400, 400]]]}},
                  {"type": "Feature", "properties": {"kind": "flood", "name": "二つ島", "指定日": "2022-06-01"},
                   "geometry": {"type": "MultiPolygon", "coordinates": [
                     [[[2000, 0], [2500, 0], [2500, 500], [2000, 500], [2000, 0]]],
                     [[[3000, 0], [3500, 0], [3500, 500], [3000, 500], [3000, 0]],
                      [[3200, 200], [3200, 300], [3300, 300], [3300, 200], [3200, 200]]]]}}
                ]}""");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("hazard_zones", "zones.shp"), shp);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(fixture.jdbc.queryForList("""
                select name || ' ' || kind || ' ' || designated_on || ' ' || ST_NumGeometries(geom)
                       || ' ' || (select sum(ST_NumInteriorRings(part.geom)) from ST_Dump(geom) part)
                       || ' ' || round(ST_Area(ST_Transform(geom, 6671)))
                from hazard_zones order by name""", String.class))
                .containsExactly("一の谷 landslide_warning 2021-03-30 1 1 960000", "二つ島 flood 2022-06-01 2 1 490000");
    }

    @Test
    void aZipWithTwoShapefilesInAJapaneseFolderNeedsTheTableToChooseOne() throws Exception {
        Map<String, Path> entries = new LinkedHashMap<>();
        for (String name : new String[] {"shelters", "halls"}) {
            Path shp = Shapefiles.write(folder, name, ZONE_III, "CP932", SHELTERS);
            for (Path part : Shapefiles.parts(shp)) {
                entries.put("行政データ/" + part.getFileName(), part);
            }
        }
        // Made on Japanese Windows: the folder's name is in Shift_JIS, not flagged as UTF-8.
        Path zip = Shapefiles.zip(folder.resolve("data.zip"), entries, TextEncoding.SHIFT_JIS);

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "data.zip"), zip))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().asString().contains("行政データ/halls.shp", "行政データ/shelters.shp", "--table"));
        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "data.zip").withTable("halls"), zip);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.sourceSrid()).isEqualTo(6671);
        assertThat(result.encoding()).isEqualTo("Shift_JIS");
    }

    @Test
    void aPrjChizuDoesNotRecogniseIsRefusedNamingTheSrsOptionWhichThenDecides() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", SHELTERS);
        Files.writeString(folder.resolve("shelters.prj"), """
                PROJCS["Town_Local_Grid",GEOGCS["GCS_JGD_2011",DATUM["D_JGD_2011",SPHEROID["GRS_1980",6378137.0,298.257222101]],\
                PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],\
                PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",132.0],\
                PARAMETER["Standard_Parallel_1",34.0],PARAMETER["Standard_Parallel_2",36.0],PARAMETER["Latitude_Of_Origin",35.0],\
                UNIT["Meter",1.0]]""");

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().hasToString("the .prj file names a coordinate system Chizu does not recognise "
                                + "(Town_Local_Grid): give its EPSG code with --srs (srs= over HTTP), "
                                + "for example EPSG:6671 for JGD2011 plane rectangular zone III"));
        assertThat(fixture.count("facilities")).isZero();

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp").withSourceSrid(ZONE_III), shp);
        assertThat(result.imported()).isEqualTo(2);
    }

    @Test
    void aTruncatedShpIsRefusedAndNothingIsImported() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", SHELTERS);
        try (RandomAccessFile file = new RandomAccessFile(shp.toFile(), "rw")) {
            file.setLength(file.length() - 10);
        }

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().asString().contains(".shp file ends inside record 2", "truncated"));
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void aRecordWithoutAShapeIsAProblemOfThatFeature() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "市民会館", "kind": "hall"},
                   "geometry": {"type": "Point", "coordinates": [80000, -58000]}},
                  {"type": "Feature", "properties": {"name": "未測量", "kind": "hall"}, "geometry": null}]}""");

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().hasToString("feature 2, field geometry: has no geometry"));
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void recordsDBaseMarksDeletedAreLeftOut() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "CP932", SHELTERS);
        try (RandomAccessFile dbf = new RandomAccessFile(folder.resolve("shelters.dbf").toFile(), "rw")) {
            dbf.seek(8);
            int headerLength = Short.toUnsignedInt(Short.reverseBytes(dbf.readShort()));
            int recordLength = Short.toUnsignedInt(Short.reverseBytes(dbf.readShort()));
            dbf.seek(headerLength + recordLength);
            dbf.write('*');
        }

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp);

        assertThat(result.imported()).isEqualTo(1);
        assertThat(fixture.jdbc.queryForList("select name from facilities", String.class)).containsExactly("市民会館");
    }

    @Test
    void aShpWithoutItsDbfBesideItIsRefusedSayingToSendAZip() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", SHELTERS);
        Files.delete(folder.resolve("shelters.dbf"));

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().asString().contains("no .dbf file", "as a .zip"));
    }

    @Test
    void aNulInADbfTextValueIsRefusedNamingTheFeatureAndField() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", SHELTERS);
        overwriteFirstText(new byte[] {'A', 0, 'B'});

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().asString().startsWith("feature 1, field 名称: holds a NUL character"));
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void aDbfTextValueWithBytesThatAreNoTextInItsEncodingIsRefusedNamingTheFeatureAndField() throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", ZONE_III, "UTF-8", SHELTERS);
        overwriteFirstText(new byte[] {(byte) 0xFF});

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.shp"), shp))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.problems())
                        .singleElement().asString().startsWith("feature 1, field 名称: holds bytes that are not UTF-8 text"));
        assertThat(fixture.count("facilities")).isZero();
    }

    /** Writes bytes over the start of the first record's first field, 名称. */
    private void overwriteFirstText(byte[] bytes) throws Exception {
        try (RandomAccessFile dbf = new RandomAccessFile(folder.resolve("shelters.dbf").toFile(), "rw")) {
            dbf.seek(8);
            int headerLength = Short.toUnsignedInt(Short.reverseBytes(dbf.readShort()));
            dbf.seek(headerLength + 1);
            dbf.write(bytes);
        }
    }
}
