package org.chizu.opendata.cql2;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.util.Optional;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.AttributeType;
import org.chizu.gis.layer.Layer;

/**
 * What a filter may name for one layer, all from the registry: the declared attributes, {@code id},
 * and the geometry as {@code geometry} (or its column name). The time of a feature, for
 * {@code datetime}, is the layer's one {@code date} attribute when it declares exactly one.
 */
public record Queryables(Layer layer) {

    /** The name filters and the queryables document give the geometry. */
    public static final String GEOMETRY = "geometry";
    public static final String ID = "id";

    /**
     * A property as SQL sees it.
     *
     * @param sql      the quoted column, as {@code f."name"}
     * @param type     its value type; null for the geometry
     */
    record Column(String sql, AttributeType type) {
        boolean isGeometry() {
            return type == null;
        }
    }

    Optional<Column> column(String name) {
        if (name.equals(GEOMETRY) || name.equals(layer.geometry().column())) {
            return Optional.of(new Column("f." + quote(layer.geometry().column()), null));
        }
        if (name.equals(ID)) {
            return Optional.of(new Column("f." + quote(layer.idColumn()), AttributeType.INTEGER));
        }
        return layer.attribute(name).map(a -> new Column("f." + quote(a.name()), a.type()));
    }

    /** The attribute {@code datetime} filters on, if the layer has exactly one date attribute. */
    public Optional<Attribute> temporal() {
        var dates = layer.attributes().stream().filter(a -> a.type() == AttributeType.DATE).toList();
        return dates.size() == 1 ? Optional.of(dates.getFirst()) : Optional.empty();
    }
}
