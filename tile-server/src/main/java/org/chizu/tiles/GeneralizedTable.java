package org.chizu.tiles;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.TileSettings.Generalization;
import org.chizu.gis.layer.SqlIdentifiers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One generalisation of a layer as a table in schema {@value #SCHEMA}, named {@code <layer>_upto<z>},
 * with an {@value #ID_COLUMN} and a GiST-indexed {@value #GEOMETRY_COLUMN}: one row per group of
 * equal {@code groupBy} values with the group's lines merged and simplified, or, without
 * {@code groupBy}, one row per feature (its id and attributes) with its geometry simplified.
 *
 * <p>A build fills a new table and swaps it in by renaming, in one transaction, so readers see the
 * previous table or the new one, never a half-built one. Builds of the same table by several
 * processes take turns on an advisory lock. The table's comment holds a fingerprint of the SQL that
 * built it, so a changed declaration is noticed at start-up.
 */
final class GeneralizedTable {

    static final String SCHEMA = "chizu_generalized";
    static final String ID_COLUMN = "id";
    static final String GEOMETRY_COLUMN = "geom_3857";

    private static final String MERGED = """
            select (row_number() over ())::bigint as "id", {groupBy},
                   st_multi(st_simplifypreservetopology(st_linemerge(st_collect(part.geom)), {tolerance})) as "geom_3857"
            from {table}, lateral st_dump({geometryColumn}) as part
            group by {groupBy}""";

    /** The same simplification as a tile's own at run time, so a tile reads the same from either. */
    private static final String SIMPLIFIED = """
            select {idColumn} as "id",{attributes}
                   st_simplify({geometryColumn}, {tolerance}, true) as "geom_3857"
            from {table}""";

    private static final String FINGERPRINT = """
            select obj_description(to_regclass(?), 'pg_class')""";

    private final Layer layer;
    private final Generalization generalization;
    private final String name;
    private final String select;
    private final String fingerprint;

    GeneralizedTable(Layer layer, Generalization generalization) {
        this.layer = layer;
        this.generalization = generalization;
        this.name = layer.id() + "_upto" + generalization.upTo();
        String groupBy = generalization.groupBy().stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
        String attributes = layer.attributes().stream().map(a -> " " + quote(a.name()) + ",").collect(Collectors.joining());
        this.select = (generalization.merges() ? MERGED : SIMPLIFIED)
                .replace("{groupBy}", groupBy)
                .replace("{attributes}", attributes)
                .replace("{idColumn}", quote(layer.idColumn()))
                .replace("{tolerance}", String.format(Locale.ROOT, "%.3f", generalization.tolerance()))
                .replace("{table}", quote(layer.table()))
                .replace("{geometryColumn}", quote(layer.tiles().geometryColumn()));
        this.fingerprint = sha256(select);
    }

    Layer layer() {
        return layer;
    }

    Generalization generalization() {
        return generalization;
    }

    /** The schema-qualified, quoted name for SQL. */
    String qualifiedName() {
        return SCHEMA + "." + quote(name);
    }

    /** True when the table exists and was built by this declaration. */
    boolean isCurrent(JdbcTemplate jdbc) {
        String built = jdbc.queryForObject(FINGERPRINT, String.class, SCHEMA + "." + name);
        return fingerprint.equals(built);
    }

    /** Builds the table afresh from the layer's rows and swaps it in. */
    void build(JdbcTemplate jdbc, TransactionTemplate transaction) {
        String next = quote(name + "_next");
        String index = quote(name + "_geom");
        String nextIndex = quote(name + "_next_geom");
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, SCHEMA + "." + name);
            jdbc.execute("drop table if exists " + SCHEMA + "." + next);
            jdbc.execute("create table " + SCHEMA + "." + next + " as\n" + select);
            jdbc.execute("create index " + nextIndex + " on " + SCHEMA + "." + next + " using gist (\"" + GEOMETRY_COLUMN + "\")");
            jdbc.execute("comment on table " + SCHEMA + "." + next + " is '" + fingerprint + "'");
            jdbc.execute("drop table if exists " + qualifiedName());
            jdbc.execute("alter table " + SCHEMA + "." + next + " rename to " + quote(name));
            jdbc.execute("alter index " + SCHEMA + "." + nextIndex + " rename to " + index);
            jdbc.execute("analyze " + qualifiedName());
        });
    }

    /** Drops the table, when its layer no longer declares it. */
    void drop(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists " + qualifiedName());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
