package org.chizu.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.fuzz.FuzzedChizu.abbreviated;
import static org.chizu.app.fuzz.FuzzedChizu.assertSuccessOrProblem;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.chizu.app.reports.MultipartForm;
import org.chizu.gis.imports.TextEncoding;
import org.chizu.gis.testing.Shapefiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Staff imports of every format, fuzzed over real HTTP: CSV in UTF-8 and Shift_JIS, GeoJSON and
 * zipped Shapefiles with nasty values, wrong bytes, cut-off ends and impossible coordinates. An
 * import is taken whole (the layer grows by what it says it imported) or refused as problem+json
 * with the layer untouched; never a server error.
 */
class ImportFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("指定避難所", "hall", "school", "その他", "shelter");
    /** Shapefiles GDAL wrote once, to be mutated: their parts by extension. */
    private static final List<Map<String, byte[]>> SHAPEFILES = new java.util.ArrayList<>();

    /** One upload: the file's name and bytes and the form's other fields. */
    record Upload(String layer, String fileName, byte[] content, Map<String, String> fields) {
        @Override
        public String toString() {
            return layer + " " + fileName + " " + fields + " " + abbreviated(new String(content, StandardCharsets.ISO_8859_1));
        }
    }

    @BeforeContainer
    static void shapefilesToMutate() throws Exception {
        Path folder = Files.createTempDirectory("chizu-fuzz-shp");
        for (String encoding : List.of("UTF-8", "CP932")) {
            Path shp = Shapefiles.write(folder, "facilities-" + encoding, 6668, encoding, """
                    {"type": "FeatureCollection", "features": [
                      {"type": "Feature", "properties": {"名称": "高津公民館", "種別": "hall", "収容人数": 120},
                       "geometry": {"type": "Point", "coordinates": [131.8430, 34.6714]}},
                      {"type": "Feature", "properties": {"名称": "益田小学校", "種別": "school", "収容人数": 800},
                       "geometry": {"type": "Point", "coordinates": [131.8460, 34.6750]}}]}""");
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (Path part : Shapefiles.parts(shp)) {
                String name = part.getFileName().toString();
                parts.put(name.substring(name.lastIndexOf('.') + 1), Files.readAllBytes(part));
            }
            SHAPEFILES.add(parts);
        }
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void aCsvFileIsImportedWholeOrRefusedWithTheLayerUntouched(@ForAll("csv") Upload upload) throws Exception {
        importedWholeOrNotAtAll(upload);
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void aGeoJsonFileIsImportedWholeOrRefusedWithTheLayerUntouched(@ForAll("geoJson") Upload upload) throws Exception {
        importedWholeOrNotAtAll(upload);
    }

    @Property(tries = 50, shrinking = ShrinkingMode.OFF)
    void aZippedShapefileIsImportedWholeOrRefusedWithTheLayerUntouched(@ForAll("shapefileZip") Upload upload) throws Exception {
        importedWholeOrNotAtAll(upload);
    }

    private static void importedWholeOrNotAtAll(Upload upload) throws Exception {
        FuzzedChizu chizu = FuzzedChizu.get();
        MultipartForm form = new MultipartForm().file("file", upload.fileName(), "application/octet-stream", upload.content());
        upload.fields().forEach(form::field);
        long before = chizu.count(upload.layer());

        HttpResponse<String> response = chizu.send(HttpRequest.newBuilder(chizu.uri("/api/layers/" + upload.layer() + "/import"))
                .header("Authorization", "Bearer " + chizu.staffToken).header("Content-Type", form.contentType())
                .header("Accept", "application/json").POST(form.publisher()));

        assertSuccessOrProblem(response);
        long imported = response.statusCode() == 200 ? JSON.readTree(response.body()).path("imported").asLong() : 0;
        boolean replaced = imported > 0 && "replace".equalsIgnoreCase(upload.fields().getOrDefault("mode", "").strip());
        assertThat(chizu.count(upload.layer())).as(upload + " → " + abbreviated(response.body()))
                .isEqualTo(replaced ? imported : before + imported);
    }

    @Provide
    Arbitrary<Map<String, String>> options() {
        return Arbitraries.maps(Arbitraries.of("allow-outside", "dry-run", "encoding", "srs", "axis-order", "layout", "table", "format",
                        "mode"),
                Arbitraries.oneOf(Arbitraries.of("true", "false", "Shift_JIS", "UTF-8", "EPSG:6671", "EPSG:4326", "north-east", "replace",
                        "gsi-designated-shelters", "csv", "shp", "geojson", "x"), Nasty.text())).ofMaxSize(2);
    }

    private Arbitrary<String> coordinate(double low, double high) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(low, high).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Nasty.number()));
    }

    private Arbitrary<List<String>> facilityRow() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("市民会館", "北公民館", "髙島①"), Nasty.text());
        Arbitrary<String> kind = Arbitraries.oneOf(Arbitraries.of(KINDS), Nasty.text());
        Arbitrary<String> capacity = Arbitraries.oneOf(Arbitraries.of("800", "", "120"), Nasty.number());
        Arbitrary<String> address = Arbitraries.oneOf(Arbitraries.of("島根県益田市常盤町1-1", ""), Nasty.text());
        return Combinators.combine(name, kind, coordinate(131.75, 131.95), coordinate(34.6, 34.75), capacity, address).as(List::of);
    }

    @Provide
    Arbitrary<Upload> csv() {
        Arbitrary<String> text = facilityRow().list().ofMinSize(1).ofMaxSize(4).map(rows -> {
            StringBuilder csv = new StringBuilder("名称,種別,経度,緯度,収容人数,住所\n");
            for (List<String> row : rows) {
                csv.append(String.join(",", row.stream().map(ImportFuzzTest::csvValue).toList())).append('\n');
            }
            return csv.toString();
        });
        Arbitrary<byte[]> bytes = Combinators.combine(text, Arbitraries.of(false, true)).as((csv, shiftJis) -> shiftJis
                ? shiftJis(csv) : csv.getBytes(StandardCharsets.UTF_8));
        return Combinators.combine(bytes.flatMap(ImportFuzzTest::damaged), options(), Arbitraries.of("shelters.csv", "shelters.CSV",
                        "x".repeat(300) + ".csv", "施設一覧.txt", "../../etc/shelters.csv"))
                .as((content, fields, name) -> new Upload("facilities", name, content, fields));
    }

    @Provide
    Arbitrary<Upload> geoJson() {
        Arbitrary<String> feature = Combinators.combine(facilityRow(), Arbitraries.of("Point", "LineString", "Polygon", "Nothing"),
                Arbitraries.of(false, true)).as((row, type, nested) -> {
                    String coordinates = "[" + row.get(2) + ", " + row.get(3) + "]";
                    String geometry = type.equals("Point") ? coordinates : type.equals("LineString") ? "[" + coordinates + "]"
                            : type.equals("Polygon") ? "[[" + coordinates + ", " + coordinates + "]]" : "null";
                    return "{\"type\": \"Feature\", \"properties\": {\"name\": " + json(row.get(0)) + ", \"kind\": " + json(row.get(1))
                            + ", \"capacity\": " + (row.get(4).matches("-?[0-9][0-9.eE+-]*") ? row.get(4) : json(row.get(4)))
                            + ", \"address\": " + (nested ? "{\"a\": [" .repeat(200) + "1" + "]}".repeat(200) : json(row.get(5)))
                            + "}, \"geometry\": {\"type\": \"" + type + "\", \"coordinates\": " + geometry + "}}";
                });
        Arbitrary<byte[]> bytes = feature.list().ofMinSize(1).ofMaxSize(4).map(features ->
                ("{\"type\": \"FeatureCollection\", \"features\": [" + String.join(", ", features) + "]}").getBytes(StandardCharsets.UTF_8));
        return Combinators.combine(bytes.flatMap(ImportFuzzTest::damaged), options())
                .as((content, fields) -> new Upload("facilities", "shelters.geojson", content, fields));
    }

    @Provide
    Arbitrary<Upload> shapefileZip() {
        Arbitrary<Map<String, byte[]>> parts = Combinators.combine(Arbitraries.of(SHAPEFILES), Arbitraries.of("shp", "dbf", "shx", "prj", "cpg"),
                Arbitraries.of("keep", "truncate", "flip", "nul-in-text", "drop", "big-number"), Arbitraries.longs())
                .as((shapefile, part, damage, seed) -> mutated(shapefile, part, damage, new Random(seed)));
        return Combinators.combine(parts, options(), Arbitraries.of(false, true)).as((files, fields, truncatedZip) -> {
            byte[] zip = zip(files);
            return new Upload("facilities", "shelters.zip", truncatedZip ? java.util.Arrays.copyOf(zip, zip.length / 2) : zip, fields);
        });
    }

    private static Map<String, byte[]> mutated(Map<String, byte[]> shapefile, String part, String damage, Random random) {
        Map<String, byte[]> files = new LinkedHashMap<>(shapefile);
        byte[] bytes = files.get(part).clone();
        switch (damage) {
            case "truncate" -> files.put(part, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            case "flip" -> {
                for (int i = 0; i < 3; i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                files.put(part, bytes);
            }
            case "drop" -> files.remove(part);
            case "nul-in-text", "big-number" -> {
                byte[] dbf = files.get("dbf").clone();
                int headerLength = (dbf[8] & 0xFF) | (dbf[9] & 0xFF) << 8;
                int at = Math.min(dbf.length - 1, headerLength + 2 + random.nextInt(Math.max(1, dbf.length - headerLength - 2)));
                byte[] patch = damage.equals("big-number") ? "99999999999".getBytes(StandardCharsets.US_ASCII) : new byte[] {'a', 0, 'b'};
                System.arraycopy(patch, 0, dbf, at, Math.min(patch.length, dbf.length - at));
                files.put("dbf", dbf);
            }
            default -> {
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry("shelters/shelters." + file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The bytes as they are, cut short, with bytes no encoding has, or with a NUL byte. */
    private static Arbitrary<byte[]> damaged(byte[] bytes) {
        return Combinators.combine(Arbitraries.of("none", "none", "truncate", "invalid-bytes", "nul"),
                Arbitraries.integers().between(0, Math.max(0, bytes.length - 1))).as((damage, at) -> switch (damage) {
                    case "truncate" -> java.util.Arrays.copyOf(bytes, at);
                    case "invalid-bytes" -> spliced(bytes, at, new byte[] {(byte) 0x85, (byte) 0xFF, (byte) 0xA0});
                    case "nul" -> spliced(bytes, at, new byte[] {0});
                    default -> bytes;
                });
    }

    private static byte[] spliced(byte[] bytes, int at, byte[] inserted) {
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static byte[] shiftJis(String text) {
        try {
            ByteBuffer encoded = TextEncoding.SHIFT_JIS.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .onMalformedInput(CodingErrorAction.REPLACE).encode(java.nio.CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csvValue(String value) {
        return value.matches("[^,\"\\r\\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String json(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
