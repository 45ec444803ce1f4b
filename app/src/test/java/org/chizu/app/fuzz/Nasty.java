package org.chizu.app.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Input that is plausible enough to get past the first check and wrong where it hurts: NUL and
 * control characters, quotes and escapes, numbers beyond every range, timestamps at and past the
 * ends of the calendar, geometries that are invalid, infinite or trailed by text, and the odd
 * very long value. Random noise alone rarely gets that far.
 */
final class Nasty {

    private Nasty() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("高津線", "", " ", "\0", "穴が\0あります", "'", "''", "\\", "%", "_", "\"", "\u202e逆",
                        "\uFEFF", "🚧", "𠮷野家", "\r\n", "\u0001\u001f", "a'b\\'c", "%00", "<script>", "${jndi:x}", "NULL", "null",
                        "x".repeat(10_000), "あ".repeat(3_000), "\u0301", "ｱｲｳ", "\uD800")),
                Tuple.of(2, number()),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\0', '\u007f').ofMaxLength(12)));
    }

    static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1", "5.5", "1e20", "1e308", "1e309", "-1e400", "1e-400", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775809", "2147483648", "99999999999999999999999999999999999999",
                        "NaN", "Infinity", "-Infinity", "0x10", "1_000", "１２", "3.4.5", "", " 1", "+1", ".5", "5.", "1e2147483648",
                        "1".repeat(400)),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf));
    }

    static Arbitrary<String> timestamp() {
        return Arbitraries.oneOf(
                Arbitraries.of("2026-12-09T10:00:00Z", "2026-12-09", "0000-01-01", "0001-01-01T00:00:00Z", "-infinity", "infinity",
                        "294277-01-01T00:00:00Z", "9999-12-31T23:59:60Z", "2026-13-40", "2026-02-30", "..", "../..", "2026-01-01/..",
                        "../2026-01-01T00:00:00Z", "2026-01-01T00:00:00+25:00", "+999999999-12-31", "-4714-11-24T00:00:00Z",
                        "1970-01-01T00:00:00.0000000001Z", "2026-01-01T00:00:00Z/2025-01-01T00:00:00Z", "now", "2026-12-09T10:00:00",
                        "5874898-01-01", "20261209"),
                text());
    }

    static Arbitrary<String> wkt() {
        return Arbitraries.oneOf(
                Arbitraries.of("POINT(131.84 34.67)", "POINT(Infinity 0)", "POINT(NaN NaN)", "POINT(1e308 1e308)", "POINT EMPTY",
                        "POLYGON((0 0,1 1,0 0))", "POLYGON((0 0,10 0,0 10,10 10,0 0))", "POLYGON((",
                        "POLYGON((131.8 34.6,131.9 34.6,131.9 34.7,131.8 34.7,131.8 34.6)) trailing",
                        "POLYGON((131.8 34.6,131.9 34.6,131.9 34.7,131.8 34.7,131.8 34.6))",
                        "MULTIPOLYGON(((131.8 34.6,131.9 34.6,131.9 34.7,131.8 34.6)))", "GEOMETRYCOLLECTION EMPTY",
                        "GEOMETRYCOLLECTION(POINT(1 2),GEOMETRYCOLLECTION(POINT(3 4)))", "LINESTRING(1e308 1e308,-1e308 -1e308)",
                        "SRID=4326;POINT(1 2)", "POINT Z (1 2 3)", "CIRCULARSTRING(0 0,1 1,2 0)", "POINT(1 2", "32204", "322041",
                        "99999", "POLYGON((-200 -100,200 -100,200 100,-200 100,-200 -100))",
                        "LINESTRING(" + "131.8 34.6,".repeat(3000) + "131.9 34.7)"),
                Combinators.combine(number(), number()).as((x, y) -> "POINT(" + x + " " + y + ")"),
                text());
    }

    static Arbitrary<String> bbox() {
        return Arbitraries.oneOf(
                Arbitraries.of("131.7,34.6,131.95,34.75", "-180,-90,180,90", "181,0,-181,1", "1e308,1e308,-1e308,-1e308",
                        "131.7,34.6,0,131.95,34.75,1000", "0,0,0,0", "131.95,34.6,131.7,34.75", ",,,", "1,2,3", "-100000,-100000,100000,100000"),
                number().list().ofMinSize(0).ofMaxSize(7).map(parts -> String.join(",", parts)));
    }

    static Arbitrary<String> crs() {
        return Arbitraries.oneOf(
                Arbitraries.of("EPSG:6669", "EPSG:6671", "EPSG:4326", "EPSG:3857", "EPSG:6668", "EPSG:99999", "EPSG:-1", "EPSG:",
                        "http://www.opengis.net/def/crs/EPSG/0/6671", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                        "[EPSG:6671]", "CRS84"),
                text());
    }

    /** A query string's value, percent-encoded; now and then raw bytes that are no UTF-8. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
