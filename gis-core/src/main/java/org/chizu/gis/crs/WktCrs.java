package org.chizu.gis.crs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tells the EPSG code of a coordinate system written as WKT, as a Shapefile's .prj holds it: ESRI's
 * WKT as ArcGIS and QGIS write it ({@code PROJCS["JGD_2011_Japan_Zone_3",…]}), OGC WKT 1
 * ({@code PROJCS["JGD2011 / Japan Plane Rectangular CS III",…]}) or WKT 2. It knows the systems
 * Japanese municipal data comes in: JGD2011, JGD2000 and the Tokyo datum, each as longitude/latitude,
 * in the 19 plane rectangular zones (平面直角座標系) and in UTM zones 51–55, and WGS 84 likewise.
 * The text's own EPSG authority decides when it has one; else its name; else its datum and its
 * Transverse Mercator parameters (latitude of origin, central meridian, scale factor, false
 * easting and northing), so that a system named some other way is still recognised.
 */
public final class WktCrs {

    /** ESRI writes the central meridians to 12 decimals (132.166666666667). */
    private static final double DEGREE_TOLERANCE = 1e-6;
    private static final double PLANE_RECTANGULAR_SCALE = 0.9999, UTM_SCALE = 0.9996, UTM_FALSE_EASTING = 500_000;
    private static final int FIRST_UTM_ZONE = 51, LAST_UTM_ZONE = 55;
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX"};

    /** The origin of each plane rectangular zone, I to XIX, in degrees: latitude, then longitude. */
    private static final double[][] ZONE_ORIGINS = {
            {33, 129.5}, {33, 131}, {36, 132 + 10 / 60.0}, {33, 133.5}, {36, 134 + 20 / 60.0}, {36, 136},
            {36, 137 + 10 / 60.0}, {36, 138.5}, {36, 139 + 50 / 60.0}, {40, 140 + 50 / 60.0}, {44, 140.25},
            {44, 142.25}, {44, 144.25}, {26, 142}, {26, 127.5}, {26, 124}, {26, 131}, {20, 136}, {26, 154}};

    /**
     * A geodetic datum and the EPSG codes of its systems.
     *
     * @param firstZone  plane rectangular zone I, the others following; 0 when the datum has none
     * @param firstUtm   UTM zone 51N, up to 55N following
     */
    private enum Datum {
        JGD2011(6668, 6669, 6688, List.of("JGD2011", "GCS_JGD_2011"), "JGD_2011_", "jgd2011", "japanesegeodeticdatum2011"),
        JGD2000(4612, 2443, 3097, List.of("JGD2000", "GCS_JGD_2000"), "JGD_2000_", "jgd2000", "japanesegeodeticdatum2000"),
        TOKYO(4301, 30161, 3092, List.of("Tokyo", "GCS_Tokyo"), "", "tokyo"),
        WGS84(4326, 0, 32651, List.of("WGS 84", "GCS_WGS_1984"), "WGS_1984_", "wgs1984", "wgs84", "worldgeodeticsystem1984");

        final int geographic;
        final int firstZone;
        final int firstUtm;
        final List<String> geographicNames;
        final String esriPrefix;
        final List<String> datumNameParts;

        Datum(int geographic, int firstZone, int firstUtm, List<String> geographicNames, String esriPrefix, String... datumNameParts) {
            this.geographic = geographic;
            this.firstZone = firstZone;
            this.firstUtm = firstUtm;
            this.geographicNames = geographicNames;
            this.esriPrefix = esriPrefix;
            this.datumNameParts = List.of(datumNameParts);
        }

        /** Its EPSG name's first part: "JGD2011 / …". */
        String epsgPrefix() {
            return geographicNames.get(0) + " / ";
        }

        static Optional<Datum> named(String datumName) {
            String normalized = normalized(datumName);
            return Stream.of(values()).filter(d -> d.datumNameParts.stream().anyMatch(normalized::contains)).findFirst();
        }
    }

    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (Datum datum : Datum.values()) {
            datum.geographicNames.forEach(name -> BY_NAME.put(normalized(name), datum.geographic));
            for (int zone = 1; datum.firstZone > 0 && zone <= ROMAN.length; zone++) {
                BY_NAME.put(normalized(datum.epsgPrefix() + "Japan Plane Rectangular CS " + ROMAN[zone - 1]), datum.firstZone + zone - 1);
                BY_NAME.put(normalized(datum.esriPrefix + "Japan_Zone_" + zone), datum.firstZone + zone - 1);
            }
            for (int zone = FIRST_UTM_ZONE; zone <= LAST_UTM_ZONE; zone++) {
                String utm = (datum == Datum.TOKYO ? "Tokyo_" : datum.esriPrefix) + "UTM_Zone_" + zone + "N";
                BY_NAME.put(normalized(utm), datum.firstUtm + zone - FIRST_UTM_ZONE);
                BY_NAME.put(normalized(datum.epsgPrefix() + "UTM zone " + zone + "N"), datum.firstUtm + zone - FIRST_UTM_ZONE);
            }
        }
    }

    private WktCrs() {
    }

    /**
     * The EPSG code of the coordinate system this WKT describes, or empty when it is none of the
     * systems this class knows and carries no EPSG authority, or is not WKT at all.
     */
    public static Optional<Integer> epsgCode(String wkt) {
        Node parsed;
        try {
            parsed = new Parser(wkt).parse();
        } catch (IllegalArgumentException notWkt) {
            return Optional.empty();
        }
        Node root = horizontal(parsed);
        boolean projected = root.keyword.startsWith("PROJ");
        if (!projected && !root.keyword.startsWith("GEOG") && !root.keyword.startsWith("GEOD")) {
            return Optional.empty();
        }
        return authority(root)
                .or(() -> Optional.ofNullable(BY_NAME.get(normalized(root.text(0)))))
                .or(() -> Datum.named(root.find("DATUM").map(datum -> datum.text(0)).orElse(root.text(0)))
                        .flatMap(datum -> projected ? transverseMercator(root, datum) : Optional.of(datum.geographic)));
    }

    /**
     * The horizontal part of a compound system (a laser survey's JGD2011 plane zone + JGD2011 height,
     * COMPD_CS in WKT 1, COMPOUNDCRS in WKT 2): its first projected or geographic member.
     */
    private static Node horizontal(Node root) {
        if (!root.keyword.startsWith("COMPD") && !root.keyword.startsWith("COMPOUND")) {
            return root;
        }
        return root.children().filter(child -> child.keyword.startsWith("PROJ") || child.keyword.startsWith("GEOG")
                || child.keyword.startsWith("GEOD")).findFirst().orElse(root);
    }

    /** AUTHORITY["EPSG","6671"] (WKT 1) or ID["EPSG",6671] (WKT 2) on the system itself. */
    private static Optional<Integer> authority(Node root) {
        return root.children().filter(child -> child.keyword.equals("AUTHORITY") || child.keyword.equals("ID"))
                .filter(id -> "EPSG".equalsIgnoreCase(id.text(0)))
                .map(id -> id.text(1))
                .filter(code -> code.matches("[0-9]{4,6}"))
                .map(Integer::valueOf)
                .findFirst();
    }

    private static Optional<Integer> transverseMercator(Node root, Datum datum) {
        String method = root.find("PROJECTION").or(() -> root.find("METHOD")).map(node -> normalized(node.text(0))).orElse("");
        boolean metres = root.children().filter(child -> child.keyword.equals("UNIT")).allMatch(unit -> near(unit.number(1), 1));
        if (!method.contains("transversemercator") || !metres) {
            return Optional.empty();
        }
        Map<String, Double> parameters = new HashMap<>();
        root.findAll("PARAMETER").forEach(p -> parameters.put(normalized(p.text(0)), p.number(1)));
        double latitude = parameter(parameters, 0, "latitudeoforigin", "latitudeofnaturalorigin");
        double longitude = parameter(parameters, Double.NaN, "centralmeridian", "longitudeofnaturalorigin", "longitudeofcentralmeridian");
        double scale = parameter(parameters, 1, "scalefactor", "scalefactoratnaturalorigin");
        double falseEasting = parameter(parameters, 0, "falseeasting");
        double falseNorthing = parameter(parameters, 0, "falsenorthing");
        if (!near(falseNorthing, 0)) {
            return Optional.empty();
        }
        if (datum.firstZone > 0 && near(scale, PLANE_RECTANGULAR_SCALE) && near(falseEasting, 0)) {
            for (int zone = 1; zone <= ZONE_ORIGINS.length; zone++) {
                if (near(latitude, ZONE_ORIGINS[zone - 1][0]) && near(longitude, ZONE_ORIGINS[zone - 1][1])) {
                    return Optional.of(datum.firstZone + zone - 1);
                }
            }
        }
        if (near(scale, UTM_SCALE) && near(falseEasting, UTM_FALSE_EASTING) && near(latitude, 0)) {
            for (int zone = FIRST_UTM_ZONE; zone <= LAST_UTM_ZONE; zone++) {
                if (near(longitude, zone * 6 - 183)) {
                    return Optional.of(datum.firstUtm + zone - FIRST_UTM_ZONE);
                }
            }
        }
        return Optional.empty();
    }

    private static double parameter(Map<String, Double> parameters, double absent, String... names) {
        for (String name : names) {
            if (parameters.containsKey(name)) {
                return parameters.get(name);
            }
        }
        return absent;
    }

    private static boolean near(double value, double expected) {
        return Math.abs(value - expected) < DEGREE_TOLERANCE;
    }

    /** Letters and digits only, lower case: "JGD_2011_Japan_Zone_3" and "JGD2011 Japan zone 3" are the same name. */
    private static String normalized(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** KEYWORD["text", 1.5, NESTED[…], BARE_WORD]: a value is a String, a Double or a Node. */
    private record Node(String keyword, List<Object> values) {

        Stream<Node> children() {
            return values.stream().filter(Node.class::isInstance).map(Node.class::cast);
        }

        /** The first node of this keyword at any depth below this one. */
        Optional<Node> find(String keyword) {
            return findAll(keyword).findFirst();
        }

        Stream<Node> findAll(String keyword) {
            return children().flatMap(child -> Stream.concat(child.keyword.equals(keyword) ? Stream.of(child) : Stream.empty(),
                    child.findAll(keyword)));
        }

        String text(int index) {
            return index < values.size() && !(values.get(index) instanceof Node) ? values.get(index).toString() : null;
        }

        double number(int index) {
            return index < values.size() && values.get(index) instanceof Double number ? number : Double.NaN;
        }
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text.replace("\uFEFF", "");
        }

        Node parse() {
            skipBlanks();
            Node node = node();
            skipBlanks();
            if (at != text.length()) {
                throw new IllegalArgumentException("text after the WKT");
            }
            return node;
        }

        private Node node() {
            String keyword = word().toUpperCase(Locale.ROOT);
            skipBlanks();
            char open = next();
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("no [ after " + keyword);
            }
            List<Object> values = new ArrayList<>();
            while (true) {
                skipBlanks();
                values.add(value());
                skipBlanks();
                char separator = next();
                if (separator == ']' || separator == ')') {
                    return new Node(keyword, values);
                }
                if (separator != ',') {
                    throw new IllegalArgumentException("expected , or ] at " + at);
                }
            }
        }

        private Object value() {
            char first = peek();
            if (first == '"') {
                at++;
                StringBuilder quoted = new StringBuilder();
                while (true) {
                    char c = next();
                    if (c == '"' && peek() == '"') {
                        at++;
                    } else if (c == '"') {
                        return quoted.toString();
                    }
                    quoted.append(c);
                }
            }
            if (first == '-' || first == '+' || first == '.' || Character.isDigit(first)) {
                int start = at;
                while (at < text.length() && "+-.eE0123456789".indexOf(text.charAt(at)) >= 0) {
                    at++;
                }
                return Double.valueOf(text.substring(start, at));
            }
            int start = at;
            String word = word();
            skipBlanks();
            if (at < text.length() && (peek() == '[' || peek() == '(')) {
                at = start;
                return node();
            }
            return word;
        }

        private String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a keyword at " + at);
            }
            return text.substring(start, at);
        }

        private void skipBlanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("the WKT ends early");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }
    }
}
