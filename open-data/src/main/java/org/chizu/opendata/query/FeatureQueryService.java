package org.chizu.opendata.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.gis.municipalities.Municipality;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.postgresql.PGStatement;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Service;

/**
 * Runs feature queries against PostGIS. Knows no HTTP: the feature API and the downloads both
 * call it. PostGIS does the heavy work (reprojection, spatial filtering with the index on the
 * geometry column, GeoJSON); rows come through one cursor in batches of {@value #FETCH_SIZE}, so
 * memory stays constant whatever the size of the layer. A query limited to at most one batch is read
 * in one round trip without a cursor, which holds no more rows than one batch of the cursor would.
 */
@Service
public class FeatureQueryService {

    /** Rows per round trip: large enough to keep the connection busy, small enough to stay cheap in memory. */
    static final int FETCH_SIZE = 2000;

    private final DataSource dataSource;
    private final Municipalities municipalities;
    private final Map<FeatureSql.Shape, FeatureSql> statements = new ConcurrentHashMap<>();

    public FeatureQueryService(DataSource dataSource, Municipalities municipalities) {
        this.dataSource = dataSource;
        this.municipalities = municipalities;
    }

    /**
     * The query with what only the database knows filled in: a municipality named by its code
     * becomes its boundary, read now, so a municipality added or given a new boundary while running
     * cuts by that boundary (which is part of the query's canonical text, so built downloads and
     * ETags follow it).
     *
     * @throws IllegalArgumentException naming an unknown municipality code and the codes served
     */
    public FeatureQuery resolved(FeatureQuery query) {
        if (!(query.within() instanceof AreaFilter.Municipality municipality)) {
            return query;
        }
        Geometry boundary = municipalities.boundary(municipality.code()).orElseThrow(() -> new IllegalArgumentException(
                "there is no municipality with code " + municipality.code() + "; this service covers "
                        + municipalities.all().stream().map(Municipality::code).collect(Collectors.joining(", "))));
        return query.within(new AreaFilter.Polygon(boundary.toText(), OutputCrs.JGD2011));
    }

    /** The features as complete GeoJSON Feature objects (RFC 7946), UTF-8 encoded. */
    public FeatureStream<byte[]> geoJsonFeatures(FeatureQuery query) {
        return sink -> run(query, FeatureSql.Output.GEOJSON, rows -> sink.accept(rows.getBytes(1)));
    }

    /** A page of GeoJSON features and numberMatched, read with one statement on one connection. */
    public GeoJsonPage geoJsonPage(FeatureQuery query) {
        return reader -> {
            boolean[] matchedSent = {false};
            long returned = run(query, FeatureSql.Output.COUNTED_GEOJSON, rows -> {
                if (!matchedSent[0]) {
                    reader.matched(rows.getLong(1));
                    matchedSent[0] = true;
                }
                reader.feature(rows.getBytes(2));
            });
            if (!matchedSent[0]) {
                // An empty page has no row to carry the count: it is 0 unless the page lies beyond the last one.
                reader.matched(query.offset() == 0 ? 0 : count(query));
            }
            return returned;
        };
    }

    /** How many features the query matches, ignoring its limit and offset. */
    public long count(FeatureQuery query) {
        long[] count = {0};
        try {
            run(query, FeatureSql.Output.COUNT, rows -> count[0] = rows.getLong(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** The features as typed attribute values and JTS geometries. */
    public FeatureStream<FeatureRow> rows(FeatureQuery query) {
        List<Attribute> attributes = query.layer().attributes();
        int srid = query.crs().srid();
        WKBReader wkb = new WKBReader();
        return sink -> run(query, FeatureSql.Output.COLUMNS, rows -> {
            List<Object> values = new ArrayList<>(attributes.size());
            for (int i = 0; i < attributes.size(); i++) {
                values.add(typed(attributes.get(i), rows.getObject(i + 2)));
            }
            sink.accept(new FeatureRow(rows.getLong(1), values, geometry(wkb, rows.getBytes(attributes.size() + 2), srid)));
        });
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException, IOException;
    }

    private long run(FeatureQuery query, FeatureSql.Output output, RowHandler handler) throws IOException {
        FeatureSql sql = statement(query.layer(), FeatureSql.Shape.of(query, output));
        boolean cursor = query.limit() == null || query.limit() > FETCH_SIZE;
        try (Connection connection = dataSource.getConnection()) {
            if (cursor) {
                // A cursor needs a transaction: without one the driver reads every row at once.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                statement.setFetchSize(FETCH_SIZE);
                // Planned for each request's values: a generic plan cannot see a bbox is small, nor fold
                // its transformation into a constant, and is many times slower for it.
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                bind(statement, sql.values(query));
                long count = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        handler.handle(rows);
                        count++;
                    }
                }
                if (cursor) {
                    connection.commit();
                }
                return count;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            // As Spring's own JDBC calls would: the web layer tells a value the database refuses from an outage.
            String task = "reading layer " + query.layer().id();
            DataAccessException translated = new SQLExceptionSubclassTranslator().translate(task, null, e);
            throw translated != null ? translated : new UncategorizedSQLException(task, null, e);
        }
    }

    private FeatureSql statement(Layer layer, FeatureSql.Shape shape) {
        // Filters written by clients (CQL2) vary without end: only statements without one are kept.
        return shape.extraSql() == null ? statements.computeIfAbsent(shape, s -> FeatureSql.build(layer, s))
                : FeatureSql.build(layer, shape);
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            switch (value) {
                case null -> statement.setNull(i + 1, Types.BIGINT);
                case Instant instant -> statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                default -> statement.setObject(i + 1, value);
            }
        }
    }

    private static Object typed(Attribute attribute, Object value) {
        return switch (value) {
            case null -> null;
            case Date date -> date.toLocalDate();
            case Number number when attribute.type() == org.chizu.gis.layer.AttributeType.INTEGER -> number.longValue();
            case Number number when attribute.type() == org.chizu.gis.layer.AttributeType.DECIMAL ->
                    number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            default -> value;
        };
    }

    private static Geometry geometry(WKBReader reader, byte[] wkb, int srid) {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry geometry = reader.read(wkb);
            geometry.setSRID(srid);
            return geometry;
        } catch (ParseException e) {
            throw new UncheckedIOException(new IOException("PostGIS returned unreadable WKB", e));
        }
    }
}
