package org.chizu.opendata.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class Cql2ParsersTest {

    @Test
    void andBindsTighterThanOrAndKeywordsIgnoreCase() {
        Cql2.Predicate p = Cql2TextParser.parse("a = 1 or b = 'x' and not c is null");
        assertThat(p).isInstanceOf(Cql2.Or.class);
        Cql2.Or or = (Cql2.Or) p;
        assertThat(or.args().get(1)).isInstanceOf(Cql2.And.class);
        assertThat(((Cql2.And) or.args().get(1)).args().get(1)).isInstanceOf(Cql2.Not.class);
    }

    @Test
    void textAndJsonGiveTheSameTree() {
        Cql2.Predicate text = Cql2TextParser.parse("width_m BETWEEN 4 AND 7.5 AND T_AFTER(designated_on, DATE('2020-01-01'))");
        Cql2.Predicate json = Cql2JsonParser.parse("""
                {"op":"and","args":[{"op":"between","args":[{"property":"width_m"},4,7.5]},
                  {"op":"t_after","args":[{"property":"designated_on"},{"date":"2020-01-01"}]}]}""");
        assertThat(shape(text)).isEqualTo(shape(json));
        Cql2.Temporal after = (Cql2.Temporal) ((Cql2.And) text).args().get(1);
        assertThat(((Cql2.DateLiteral) after.right()).date()).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void wktAndBboxLiteralsAreRead() {
        Cql2.Spatial s = (Cql2.Spatial) Cql2TextParser.parse("S_INTERSECTS(geometry, POINT(131.8 34.6))");
        assertThat(((Cql2.Geometry) s.right()).wkt()).isEqualTo("POINT(131.8 34.6)");
        Cql2.Spatial b = (Cql2.Spatial) Cql2TextParser.parse("s_within(geometry, bbox(1, 2, 3, 4))");
        assertThat(((Cql2.Geometry) b.right()).wkt()).startsWith("POLYGON((1.0 2.0, 3.0 2.0");
    }

    @Test
    void datesAndTimestampsBeyondTheYear9999AreRefusedSayingWhereBeforeTheDatabaseSeesThem() {
        assertThatThrownBy(() -> Cql2TextParser.parse("T_AFTER(designated_on, TIMESTAMP('+294277-01-01T00:00:00Z'))"))
                .isInstanceOfSatisfying(InvalidFilterException.class,
                        e -> assertThat(e.getMessage()).contains("is outside the years 1 to 9999"));
        assertThatThrownBy(() -> Cql2JsonParser.parse("{\"op\":\"=\",\"args\":[{\"property\":\"x\"},{\"date\":\"+10000-01-01\"}]}"))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.at()).isEqualTo("/args/1"));
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> Cql2TextParser.parse("name = 'unclosed")).isInstanceOfSatisfying(InvalidFilterException.class,
                e -> assertThat(e.at()).isEqualTo("character 7"));
        assertThatThrownBy(() -> Cql2TextParser.parse("name LIKE")).isInstanceOfSatisfying(InvalidFilterException.class,
                e -> assertThat(e.at()).isEqualTo("character 9"));
        assertThatThrownBy(() -> Cql2TextParser.parse("S_INTERSECTS(geometry, POLYGON((1 2, 3 4))")).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> Cql2TextParser.parse("A_CONTAINS(tags, ('a'))")).hasMessageContaining("A_CONTAINS");
        assertThatThrownBy(() -> Cql2JsonParser.parse("{\"op\":\"in\",\"args\":[{\"property\":\"x\"},[]]}"))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.at()).isEqualTo("/args/1"));
        assertThatThrownBy(() -> Cql2JsonParser.parse("{\"op\":\"=\",\"args\":[{\"property\":\"x\"},{\"date\":\"June\"}]}"))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.at()).isEqualTo("/args/1/date"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWhereItGoesTooDeep() {
        String deep = "(".repeat(Cql2.MAX_DEPTH) + "a = 1" + ")".repeat(Cql2.MAX_DEPTH);
        assertThat(Cql2TextParser.parse(deep)).isInstanceOf(Cql2.Comparison.class);
        assertThatThrownBy(() -> Cql2TextParser.parse("(" + deep + ")")).isInstanceOfSatisfying(InvalidFilterException.class,
                e -> assertThat(e.at()).isEqualTo("character " + Cql2.MAX_DEPTH));
        assertThatThrownBy(() -> Cql2TextParser.parse("NOT ".repeat(1000) + "a = 1")).hasMessageContaining("100 deep");
        String json = "{\"op\":\"not\",\"args\":[".repeat(1000) + "{\"op\":\"isnull\",\"args\":[{\"property\":\"a\"}]}"
                + "]}".repeat(1000);
        assertThatThrownBy(() -> Cql2JsonParser.parse(json)).isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void geometriesPostgisWouldRefuseAreRefusedWhileReading() {
        assertThatThrownBy(() -> Cql2TextParser.parse("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 0 0)))")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> Cql2TextParser.parse("S_INTERSECTS(geometry, POINT(Infinity 0))")).hasMessageContaining("finite");
        assertThatThrownBy(() -> Cql2JsonParser.parse("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}]}"))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.at()).isEqualTo("/args/1"));
    }

    /** The tree without positions, which differ between the encodings. */
    private static String shape(Object node) {
        return node.toString().replaceAll("at=[^,\\]]*", "");
    }
}
