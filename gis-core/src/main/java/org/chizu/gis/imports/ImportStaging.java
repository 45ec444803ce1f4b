package org.chizu.gis.imports;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import org.chizu.gis.crs.Crs;
import org.chizu.gis.crs.CrsCode;
import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.GeometryKind;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.TransactionStatus;

/**
 * A temporary table that holds an import's features, numbered as in the file, until all of them
 * have passed PostGIS's checks; only then are they moved into the layer's table in one statement.
 * Must be used inside a transaction, which drops the table when it ends (or the next import in it
 * does). Identifiers come from the layer registry, which checked them against the database, and are quoted.
 */
final class ImportStaging {

    private static final int BATCH_SIZE = 1000;
    /** How many of the features outside every served municipality a refusal names. */
    private static final int OUTSIDE_NAMED = 5;

    /** Japan's extent in JGD2011 longitude/latitude, generously: Yonaguni to Minamitorishima, Okinotorishima to Etorofu. */
    private static final double JAPAN_WEST = 122, JAPAN_SOUTH = 20, JAPAN_EAST = 154, JAPAN_NORTH = 46;

    private final JdbcTemplate jdbc;
    private final Layer layer;
    private final String insertSql;
    private final String moveSql;
    private final String invalidGeometriesSql;
    private final String outsideLongitudeLatitudeSql;
    private final String swappedAxesSql;
    private final String outsideMunicipalitiesSql;
    private final String previewSql;
    // Two dimensions: the layers store none, and a file's heights would not fit their columns.
    private final WKBWriter wkb = new WKBWriter(2);
    private final List<Object[]> batch = new ArrayList<>();
    private final TransactionStatus transaction;
    private final ImportProblems problems;
    private int staged;

    /**
     * @param problems where a row the staging table refuses (a value no check foresaw) and features
     *                 outside every served municipality are reported
     */
    ImportStaging(JdbcTemplate jdbc, Layer layer, TransactionStatus transaction, ImportProblems problems) {
        this.jdbc = jdbc;
        this.layer = layer;
        this.transaction = transaction;
        this.problems = problems;
        String columns = layer.attributes().stream().map(a -> quote(a.name())).collect(Collectors.joining(", "));
        String commaColumns = columns.isEmpty() ? "" : ", " + columns;
        String placeholders = ", ?".repeat(layer.attributes().size());
        // An import may run inside a caller's longer transaction, which still holds the table of the one before.
        jdbc.execute("drop table if exists pg_temp.chizu_import");
        jdbc.execute("""
                create temp table chizu_import on commit drop as
                select %s from %s with no data""".formatted(columns, quote(layer.table())));
        jdbc.execute("""
                alter table chizu_import
                    add column source_number integer primary key,
                    add column source_line integer,
                    add column source_geom geometry not null""");
        insertSql = """
                insert into chizu_import (source_number, source_line, source_geom%s)
                values (?, ?, ST_GeomFromWKB(?)%s)""".formatted(commaColumns, placeholders);
        invalidGeometriesSql = """
                select source_number, source_line, ST_IsValidReason(source_geom) as reason
                from chizu_import
                where not ST_IsValid(source_geom)
                order by source_number""";
        outsideLongitudeLatitudeSql = """
                select source_number, source_line
                from chizu_import
                where ST_XMin(source_geom) < -180 or ST_XMax(source_geom) > 180
                   or ST_YMin(source_geom) < -90 or ST_YMax(source_geom) > 90
                order by source_number""";
        swappedAxesSql = """
                with placed as (
                    select source_number, source_line,
                           ST_Transform(ST_SetSRID(source_geom, ?), %1$d) as as_read,
                           ST_Transform(ST_SetSRID(ST_FlipCoordinates(source_geom), ?), %1$d) as swapped
                    from chizu_import),
                japan as (
                    select ST_MakeEnvelope(?, ?, ?, ?, %1$d) as box)
                select source_number, source_line, ST_X(as_read) as lon, ST_Y(as_read) as lat,
                       ST_X(swapped) as swapped_lon, ST_Y(swapped) as swapped_lat
                from placed, japan
                where not ST_Intersects(as_read, box) and ST_Intersects(swapped, box)
                order by source_number""".formatted(CrsCode.JGD2011);
        outsideMunicipalitiesSql = """
                select count(*) over () as outside, source_number, source_line
                from chizu_import s
                where exists (select 1 from municipalities)
                  and not exists (select 1 from municipalities m
                                  where ST_Intersects(m.geom, ST_Transform(ST_SetSRID(s.source_geom, ?), %d)))
                order by source_number
                limit ?""".formatted(CrsCode.JGD2011);
        previewSql = """
                select %s%sST_AsText(ST_Transform(ST_SetSRID(source_geom, ?), ?), 7) as geometry
                from chizu_import
                order by source_number
                limit ?""".formatted(columns, columns.isEmpty() ? "" : ", ");
        String transformed = "ST_Transform(ST_SetSRID(source_geom, ?), ?)";
        moveSql = """
                with moved as (
                    insert into %1$s (%2$s%3$s)
                    select %4$s%3$s
                    from chizu_import
                    where cast(? as integer) is null or source_number = ?
                    order by source_number
                    returning %2$s as geom),
                extent as (
                    select count(*) as moved, ST_Extent(ST_Transform(geom, %5$d)) as box from moved)
                select moved, ST_XMin(box) as min_lon, ST_YMin(box) as min_lat, ST_XMax(box) as max_lon, ST_YMax(box) as max_lat
                from extent""".formatted(quote(layer.table()), quote(layer.geometry().column()), commaColumns,
                layer.geometry().kind() == GeometryKind.POINT ? transformed : "ST_Multi(" + transformed + ")",
                CrsCode.JGD2011);
    }

    /** Stages a feature whose geometry fits the layer, with its attribute values in the layer's order. */
    void add(SourceFeature feature, List<Object> values) {
        Object[] row = new Object[3 + values.size()];
        row[0] = feature.number();
        row[1] = new SqlParameterValue(Types.INTEGER, feature.line());
        row[2] = wkb.write(feature.geometry());
        for (int i = 0; i < values.size(); i++) {
            row[3 + i] = new SqlParameterValue(sqlType(layer.attributes().get(i)), values.get(i));
        }
        batch.add(row);
        staged++;
        if (batch.size() >= BATCH_SIZE) {
            flush();
        }
    }

    /**
     * Writes the features added since the last flush. Should the database refuse a value that the
     * checks before let through, each row is written alone to report the ones refused, at their
     * line or feature, and those are left out: the import is refused anyway.
     */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Object beforeBatch = transaction.createSavepoint();
        try {
            jdbc.batchUpdate(insertSql, batch);
            transaction.releaseSavepoint(beforeBatch);
        } catch (DataAccessException refused) {
            transaction.rollbackToSavepoint(beforeBatch);
            batch.forEach(this::insertAlone);
        }
        batch.clear();
    }

    private void insertAlone(Object[] row) {
        Object beforeRow = transaction.createSavepoint();
        try {
            jdbc.update(insertSql, row);
            transaction.releaseSavepoint(beforeRow);
        } catch (DataAccessException refused) {
            transaction.rollbackToSavepoint(beforeRow);
            staged--;
            RefusalReason reason = RefusalReason.of(refused, jdbc, layer);
            problems.add(SourceFeature.problemAt((Integer) row[0], (Integer) ((SqlParameterValue) row[1]).getValue(),
                    reason.field(), reason.message()));
        }
    }

    /** How many features were staged. */
    int count() {
        return staged;
    }

    /**
     * The first staged rows as they would be stored: each attribute's value (dates as ISO text) and
     * the geometry as WKT in the layer's coordinate system.
     */
    List<Map<String, Object>> preview(int sourceSrid, int rows) {
        return jdbc.query(previewSql, (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Attribute attribute : layer.attributes()) {
                Object value = rs.getObject(attribute.name());
                row.put(attribute.name(), value instanceof java.sql.Date date ? date.toLocalDate().toString() : value);
            }
            row.put(FeatureCheck.GEOMETRY_FIELD, rs.getString("geometry"));
            return row;
        }, sourceSrid, layer.geometry().srid(), rows);
    }

    /** Reports every staged geometry that PostGIS finds invalid, with its reason. */
    void reportInvalidGeometries(ImportProblems problems) {
        jdbc.query(invalidGeometriesSql, rs -> {
            problems.add(SourceFeature.problemAt(rs.getInt("source_number"), (Integer) rs.getObject("source_line"), FeatureCheck.GEOMETRY_FIELD,
                    "is not valid: " + rs.getString("reason")));
        });
    }

    /** Reports every staged geometry with coordinates no longitude/latitude system has. */
    void reportOutsideLongitudeLatitude(Crs crs, ImportProblems problems) {
        jdbc.query(outsideLongitudeLatitudeSql, rs -> {
            problems.add(SourceFeature.problemAt(rs.getInt("source_number"), (Integer) rs.getObject("source_line"), FeatureCheck.GEOMETRY_FIELD,
                    "has coordinates beyond longitude ±180° or latitude ±90° of " + crs.name() + " (EPSG:" + crs.srid()
                            + "): are they projected (then give their coordinate system) or latitude first?"));
        });
    }

    /**
     * Reports every staged point that lies outside Japan as read but inside it with its two
     * coordinates swapped: an x/y pair read in the wrong order. Within one plane rectangular zone
     * the mirror image usually stays inside Japan too, so this catches only the far-off cases
     * (UTM, a zone's outskirts). Points PostGIS cannot transform are left to the move to report.
     *
     * @param order the order the staged points were read in
     */
    void reportSwappedAxes(Crs projected, ImportRequest.AxisOrder order, TransactionStatus transaction, ImportProblems problems) {
        Object beforeCheck = transaction.createSavepoint();
        try {
            jdbc.query(swappedAxesSql, rs -> {
                problems.add(SourceFeature.problemAt(rs.getInt("source_number"), (Integer) rs.getObject("source_line"),
                        FeatureCheck.GEOMETRY_FIELD, "read " + order + " in " + projected.name() + " (EPSG:" + projected.srid()
                                + ") it lies outside Japan, at " + longitudeLatitude(rs.getDouble("lon"), rs.getDouble("lat"))
                                + "; read the other way round it lies at "
                                + longitudeLatitude(rs.getDouble("swapped_lon"), rs.getDouble("swapped_lat"))
                                + ": if so, " + order.howToSwap()));
            }, projected.srid(), projected.srid(), JAPAN_WEST, JAPAN_SOUTH, JAPAN_EAST, JAPAN_NORTH);
            transaction.releaseSavepoint(beforeCheck);
        } catch (DataAccessException untransformable) {
            transaction.rollbackToSavepoint(beforeCheck);
        }
    }

    /**
     * Reports, as one problem of the file, how many staged features lie wholly outside every
     * municipality the platform serves, naming the first few, when any boundary is loaded at all (a
     * platform without them serves everywhere). Features PostGIS cannot transform are left to the
     * move to report.
     */
    void reportOutsideMunicipalities(int sourceSrid) {
        Object beforeCheck = transaction.createSavepoint();
        try {
            List<String> first = new ArrayList<>();
            int[] outside = {0};
            jdbc.query(outsideMunicipalitiesSql, rs -> {
                outside[0] = rs.getInt("outside");
                first.add(SourceFeature.problemAt(rs.getInt("source_number"), (Integer) rs.getObject("source_line"), null, "").where());
            }, sourceSrid, OUTSIDE_NAMED);
            transaction.releaseSavepoint(beforeCheck);
            if (outside[0] > 0) {
                problems.add(InputProblem.ofFile(outside[0] + " of " + staged + " feature" + (staged == 1 ? "" : "s")
                        + " lie outside every municipality this platform serves (" + String.join(", ", first)
                        + (outside[0] > first.size() ? ", …" : "") + "): check their coordinates and coordinate system, "
                        + "or, if they belong in the layer all the same, import with --allow-outside (allow-outside=true over HTTP)"));
            }
        } catch (DataAccessException untransformable) {
            transaction.rollbackToSavepoint(beforeCheck);
        }
    }

    private static String longitudeLatitude(double longitude, double latitude) {
        return String.format(Locale.ROOT, "%.4f°%s %.4f°%s", Math.abs(longitude), longitude < 0 ? "W" : "E",
                Math.abs(latitude), latitude < 0 ? "S" : "N");
    }

    /**
     * Moves the staged features into the layer's table, transformed from {@code sourceSrid} into
     * the layer's. When the database refuses the move (one of its own rules, or a coordinate it
     * cannot transform), each feature is tried alone to report every one refused, and nothing is
     * moved.
     *
     * @param replace whether to delete the layer's features first
     * @return how many features were moved and, in JGD2011, where they lie
     */
    MovedFeatures moveIntoLayer(int sourceSrid, boolean replace, TransactionStatus transaction, ImportProblems problems) {
        if (replace) {
            jdbc.update("delete from " + quote(layer.table()));
        }
        Object beforeMove = transaction.createSavepoint();
        try {
            return move(sourceSrid, null);
        } catch (DataAccessException whole) {
            transaction.rollbackToSavepoint(beforeMove);
            int before = problems.count();
            reportRefusedFeatures(sourceSrid, transaction, problems);
            if (problems.count() == before) {
                problems.add(InputProblem.ofFile("the database refused the features: " + RefusalReason.of(whole, jdbc, layer).message()));
            }
            return new MovedFeatures(0, null);
        }
    }

    private void reportRefusedFeatures(int sourceSrid, TransactionStatus transaction, ImportProblems problems) {
        List<StagedFeature> staged = jdbc.query("select source_number, source_line from chizu_import order by source_number",
                (rs, i) -> new StagedFeature(rs.getInt("source_number"), (Integer) rs.getObject("source_line")));
        for (StagedFeature feature : staged) {
            Object beforeFeature = transaction.createSavepoint();
            try {
                move(sourceSrid, feature.number());
            } catch (DataAccessException refused) {
                transaction.rollbackToSavepoint(beforeFeature);
                RefusalReason reason = RefusalReason.of(refused, jdbc, layer);
                problems.add(SourceFeature.problemAt(feature.number(), feature.line(), reason.field(), reason.message()));
            }
            // Only the answer was wanted: the feature is moved with all the others or not at all.
            transaction.rollbackToSavepoint(beforeFeature);
            transaction.releaseSavepoint(beforeFeature);
        }
    }

    private MovedFeatures move(int sourceSrid, Integer onlyNumber) {
        SqlParameterValue only = new SqlParameterValue(Types.INTEGER, onlyNumber);
        return jdbc.queryForObject(moveSql, (rs, i) -> new MovedFeatures(rs.getInt("moved"),
                        rs.getObject("min_lon") == null ? null : new LayerDataChanged.Bounds(
                                rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"))),
                sourceSrid, layer.geometry().srid(), only, only);
    }

    private record StagedFeature(int number, Integer line) {
    }

    private static int sqlType(Attribute attribute) {
        return switch (attribute.type()) {
            case TEXT -> Types.VARCHAR;
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
        };
    }

    /**
     * Features moved into a layer.
     *
     * @param count  how many
     * @param bounds their extent in JGD2011 longitude/latitude, or null when none were moved
     */
    record MovedFeatures(int count, LayerDataChanged.Bounds bounds) {
    }
}
