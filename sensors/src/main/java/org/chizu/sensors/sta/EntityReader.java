package org.chizu.sensors.sta;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.SensorsProblem;
import org.chizu.sensors.SensorsProperties;
import org.chizu.sensors.internal.StoredValues;
import org.chizu.sensors.sta.FilterCompiler.Sql;
import org.chizu.sensors.sta.Navigation.ManyToMany;
import org.chizu.sensors.sta.Navigation.ToMany;
import org.chizu.sensors.sta.Navigation.ToOne;
import org.chizu.sensors.sta.QueryOptions.Expand;
import org.chizu.sensors.sta.ResourcePath.Segment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads entities as SensorThings JSON: one SQL query for a page of a collection (path, $filter,
 * $orderby, $top, $skip), one more for $count, and one per expanded navigation property for all
 * entities of the page at once (a lateral join, so $top within an expansion reads only the newest
 * rows of each datastream from the index).
 */
@Component
class EntityReader {

    /** A page holds this many entities unless $top says otherwise. */
    static final int PAGE_SIZE = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The order of {@code $orderby=phenomenonTime desc} within an expansion, ties broken by id as always. */
    private static final String NEWEST_FIRST = "t.phenomenon_time_start desc, t.id desc";

    /** Where a dataArray's observation keeps its Datastream's or MultiDatastream's link and its name until it is grouped. */
    private static final String STREAM_LINK = "stream@link";
    private static final String STREAM_NAME = "stream@name";

    private final JdbcTemplate jdbc;

    EntityReader(JdbcTemplate jdbc, SensorsProperties properties) {
        // A reading query of its own template, so that a costly $filter is cancelled after the timeout.
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout((int) Math.max(1, properties.queryTimeout().toSeconds()));
    }

    /** A collection page: {@code @iot.count} when asked, {@code value}, and {@code @iot.nextLink} while more follow. */
    ObjectNode collection(ResourcePath path, String pathText, QueryOptions options, Links links) {
        EntityType type = path.type();
        String source = source(path, options);
        List<Object> parameters = new ArrayList<>();
        String where = pathCondition(path.segments(), path.segments().size() - 1, "e", parameters) + filter(options, type, "e", parameters);
        int top = options.top() == null ? PAGE_SIZE : options.top();
        ObjectNode page = NODES.objectNode();
        if (options.count()) {
            page.put("@iot.count", jdbc.queryForObject("select count(*) from " + source + " e where " + where, Long.class,
                    parameters.toArray()));
        }
        List<Object> pageParameters = new ArrayList<>(parameters);
        String order = options.aggregate() != null && options.orderBy().isEmpty() ? "e.phenomenon_time_start, e.id"
                : options.orderBy().isEmpty() && orderedLinks(path) != null ? linkOrder(path, pageParameters)
                : order(options, type, "e", pageParameters);
        pageParameters.add(top + 1);
        pageParameters.add(options.skip());
        boolean dataArray = options.dataArray();
        if (dataArray && (type != EntityType.OBSERVATION || path.ref() || !options.expand().isEmpty())) {
            throw SensorsProblem.badRequest("$resultFormat=dataArray lists Observations, without $expand.", Map.of("parameter", "$resultFormat"));
        }
        // $top=0 asks for no entities (with $count, for the count alone), and no next page that would repeat it.
        List<ObjectNode> entities = top == 0 ? List.of()
                : jdbc.query("select " + columns(type, "e", options.select()) + (dataArray ? ", e.datastream_id, e.multi_datastream_id" : "")
                        + " from " + source + " e where " + where + " order by " + order + " limit ? offset ?", (row, n) -> {
                            ObjectNode entity = entity(type, row, 1);
                            return dataArray ? stream(entity, row, links) : entity;
                        }, pageParameters.toArray());
        boolean more = entities.size() > top;
        if (more) {
            entities = entities.subList(0, top);
        }
        expand(type, entities, options.expand(), links);
        ArrayNode value = page.putArray("value");
        if (dataArray) {
            value.addAll(dataArray(entities, options, links));
        } else {
            entities.forEach(entity -> value.add(path.ref() ? reference(type, entity, links)
                    : options.aggregate() != null ? unaddressable(present(type, entity, options, links)) : present(type, entity, options, links)));
        }
        if (more) {
            page.put("@iot.nextLink", links.withOptions(pathText, options.withSkip(options.skip() + top)));
        }
        return page;
    }

    /** The ordered link table a path's last step goes through, such as a MultiDatastream's ObservedProperties, or null. */
    private static ManyToMany orderedLinks(ResourcePath path) {
        Segment last = path.last();
        boolean fromOne = path.segments().size() > 1 && path.segments().get(path.segments().size() - 2).id() != null;
        return fromOne && last.via().link() instanceof ManyToMany both && both.ordersTargets() ? both : null;
    }

    /** The order of the links themselves (the values of a MultiDatastream's results), when no $orderby is given. */
    private static String linkOrder(ResourcePath path, List<Object> parameters) {
        ManyToMany both = orderedLinks(path);
        parameters.add(path.segments().get(path.segments().size() - 2).id());
        return "(select o." + both.position() + " from " + both.table() + " o where o." + both.targetColumn() + " = e.id and o."
                + both.sourceColumn() + " = ?), e.id";
    }

    /** Notes the Datastream or MultiDatastream of an observation for its dataArray group. */
    private static ObjectNode stream(ObjectNode observation, ResultSet row, Links links) throws SQLException {
        long datastream = row.getLong("datastream_id");
        return row.wasNull()
                ? observation.put(STREAM_NAME, "MultiDatastream").put(STREAM_LINK, links.entity(EntityType.MULTI_DATASTREAM, row.getLong("multi_datastream_id")))
                : observation.put(STREAM_NAME, "Datastream").put(STREAM_LINK, links.entity(EntityType.DATASTREAM, datastream));
    }

    /**
     * What a collection reads from: the entity type's table, or for {@code $aggregate} the aggregates
     * of one period as Observations. Aggregates are a datastream's, so they are read as
     * {@code Datastreams(id)/Observations} or across datastreams as {@code Observations}, without $expand.
     */
    private static String source(ResourcePath path, QueryOptions options) {
        if (options.aggregate() == null) {
            return path.type().table();
        }
        List<Segment> segments = path.segments();
        boolean ofDatastream = segments.size() == 2 && segments.getFirst().type() == EntityType.DATASTREAM;
        if (path.type() != EntityType.OBSERVATION || segments.getLast().id() != null || path.ref() || !options.expand().isEmpty()
                || !(ofDatastream || segments.size() == 1)) {
            throw SensorsProblem.badRequest("$aggregate lists a datastream's aggregates: Datastreams(id)/Observations?$aggregate=hour "
                    + "or Observations?$aggregate=day, without $expand.", Map.of("parameter", "$aggregate"));
        }
        // The period is one of two literals QueryOptions allows, never the client's text.
        return "(select * from sta_aggregate_observation where period = '" + options.aggregate() + "')";
    }

    /** An aggregate cannot be read, changed or navigated on its own, so it carries no links. */
    private static ObjectNode unaddressable(ObjectNode aggregate) {
        List<String> links = new ArrayList<>();
        aggregate.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("@iot.selfLink") || name.endsWith("@iot.navigationLink")) {
                links.add(name);
            }
        });
        return aggregate.without(links);
    }

    /**
     * Observations as SensorThings' dataArray: one object per Datastream or MultiDatastream (in the
     * page's order) with the components, $select's or all, and an array of values per observation.
     */
    private static List<ObjectNode> dataArray(List<ObjectNode> observations, QueryOptions options, Links links) {
        List<String> components = new ArrayList<>(List.of("id"));
        EntityType.OBSERVATION.properties().forEach(property -> components.add(property.name()));
        if (!options.select().isEmpty()) {
            options.select().stream().filter(name -> !components.contains(name) && !name.equals("@iot.id")).findFirst().ifPresent(name -> {
                throw SensorsProblem.badRequest("$select: an Observation in a dataArray has no component '" + name + "'.", Map.of("parameter", "$select"));
            });
            components.removeIf(name -> !options.select().contains(name) && !(name.equals("id") && options.select().contains("@iot.id")));
        }
        Map<String, ArrayNode> rows = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ObjectNode observation : observations) {
            String stream = observation.get(STREAM_LINK).asText();
            names.put(stream, observation.get(STREAM_NAME).asText());
            ArrayNode row = rows.computeIfAbsent(stream, link -> NODES.arrayNode()).addArray();
            components.forEach(component -> row.add(observation.get(component.equals("id") ? "@iot.id" : component)));
        }
        List<ObjectNode> groups = new ArrayList<>();
        rows.forEach((stream, values) -> {
            ObjectNode group = NODES.objectNode().put(names.get(stream) + "@iot.navigationLink", stream);
            components.forEach(group.putArray("components")::add);
            group.put("dataArray@iot.count", values.size()).set("dataArray", values);
            groups.add(group);
        });
        return groups;
    }

    /** One entity, or a 404 naming the path. */
    ObjectNode entity(ResourcePath path, String pathText, QueryOptions options, Links links) {
        EntityType type = path.type();
        source(path, options); // refuses $aggregate of one entity
        List<Object> parameters = new ArrayList<>();
        String where = pathCondition(path.segments(), path.segments().size() - 1, "e", parameters);
        List<ObjectNode> found = jdbc.query("select " + columns(type, "e") + " from " + type.table() + " e where " + where,
                (row, n) -> entity(type, row, 1), parameters.toArray());
        if (found.isEmpty()) {
            throw new SensorsProblem(404, "sensors-not-found", "Not found", pathText + " does not exist.", Map.of("path", pathText));
        }
        expand(type, found, options.expand(), links);
        return path.ref() ? reference(type, found.getFirst(), links) : present(type, found.getFirst(), options, links);
    }

    /**
     * The condition on the entity at {@code index} of the path, aliased {@code alias}: its id if
     * given, and that it is reached from the entity before it.
     */
    private String pathCondition(List<Segment> segments, int index, String alias, List<Object> parameters) {
        Segment segment = segments.get(index);
        List<String> parts = new ArrayList<>();
        if (segment.id() != null) {
            parts.add(alias + ".id = ?");
            parameters.add(segment.id());
        }
        if (index == 1 && segments.getFirst().id() != null && segment.via().link() instanceof ToMany many) {
            // Datastreams(1)/Observations: straight to the index on the foreign key.
            parts.add(alias + "." + many.column() + " = ?");
            parameters.add(segments.getFirst().id());
        } else if (index > 0) {
            Segment source = segments.get(index - 1);
            String sourceAlias = "s" + index;
            List<Object> sourceParameters = new ArrayList<>();
            String sourceIds = "select " + sourceAlias + ".id from " + source.type().table() + " " + sourceAlias + " where "
                    + pathCondition(segments, index - 1, sourceAlias, sourceParameters);
            parts.add(switch (segment.via().link()) {
                case ToOne one -> alias + ".id in (select " + sourceAlias + "." + one.column() + " from " + source.type().table() + " "
                        + sourceAlias + " where " + pathCondition(segments, index - 1, sourceAlias, new ArrayList<>()) + ")";
                case ToMany many -> alias + "." + many.column() + " in (" + sourceIds + ")";
                case ManyToMany both -> alias + ".id in (select l" + index + "." + both.targetColumn() + " from " + both.table() + " l" + index
                        + " where l" + index + "." + both.sourceColumn() + " in (" + sourceIds + "))";
            });
            parameters.addAll(sourceParameters);
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    private String filter(QueryOptions options, EntityType type, String alias, List<Object> parameters) {
        if (options.filter() == null) {
            return "";
        }
        Sql condition = new FilterCompiler("$filter", options.given().getOrDefault("$filter", ""), this::readableWkt)
                .condition(options.filter(), type, alias);
        parameters.addAll(condition.parameters());
        return " and " + condition.text();
    }

    private String order(QueryOptions options, EntityType type, String alias, List<Object> parameters) {
        List<String> keys = new ArrayList<>();
        FilterCompiler compiler = new FilterCompiler("$orderby", options.given().getOrDefault("$orderby", ""), this::readableWkt);
        for (FilterParser.OrderBy order : options.orderBy()) {
            for (Sql key : compiler.orderKey(order.expr(), type, alias)) {
                // PostgreSQL's default null order, which the indexes share, so that a $top reads only the first rows of an index.
                keys.add(key.text() + (order.descending() ? " desc" : " asc"));
                parameters.addAll(key.parameters());
            }
        }
        keys.add(alias + ".id" + (options.orderBy().isEmpty() || !options.orderBy().getLast().descending() ? "" : " desc"));
        return String.join(", ", keys);
    }

    private boolean readableWkt(String wkt) {
        try {
            return Boolean.TRUE.equals(jdbc.queryForObject("select st_geomfromewkt(?) is not null", Boolean.class, wkt));
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** Expands the navigation properties of these entities of one type, each with its own options, recursively. */
    private void expand(EntityType type, List<ObjectNode> parents, List<Expand> expands, Links links) {
        if (parents.isEmpty()) {
            return;
        }
        Long[] ids = parents.stream().map(parent -> parent.get("@iot.id").asLong()).toArray(Long[]::new);
        for (Expand expand : expands) {
            Navigation navigation = type.navigation(expand.navigation()).orElseThrow(() -> SensorsProblem.badRequest(
                    "$expand: " + type.singular() + " has no navigation property '" + expand.navigation() + "'; it has "
                            + type.navigations().stream().map(Navigation::name).toList() + ".", Map.of("parameter", "$expand")));
            EntityType target = navigation.target();
            QueryOptions options = expand.options();
            List<Object> parameters = new ArrayList<>();
            String where = navigation.sourceId() + " = src.id" + filter(options, target, "t", parameters);
            String order = options.orderBy().isEmpty() && navigation.link() instanceof ManyToMany both && both.ordersTargets()
                    ? "l." + both.position() : order(options, target, "t", parameters);
            int top = options.top() == null ? PAGE_SIZE : options.top();
            String sql;
            if (type == EntityType.DATASTREAM && target == EntityType.OBSERVATION && top == 1 && options.skip() == 0 && order.equals(NEWEST_FIRST)) {
                sql = newestOfEachDatastream(columns(target, "t", options.select()), where, order);
                parameters.addAll(List.copyOf(parameters));
            } else {
                parameters.add(navigation.toMany() ? top : 1);
                parameters.add(options.skip());
                sql = "select src.id, x.* from unnest(?::bigint[]) src(id) cross join lateral (select " + columns(target, "t", options.select())
                        + " from " + navigation.fromWithSourceId(type) + " where " + where + " order by " + order + " limit ? offset ?) x";
            }
            Map<Long, List<ObjectNode>> children = new LinkedHashMap<>();
            List<ObjectNode> all = new ArrayList<>();
            queryWithIds(sql, ids, parameters, row -> {
                ObjectNode child = entity(target, row, 2);
                children.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(child);
                all.add(child);
            });
            expand(target, all, options.expand(), links);
            Map<Long, Long> counts = options.count() ? counts(type, navigation, options, ids) : Map.of();
            for (ObjectNode parent : parents) {
                long id = parent.get("@iot.id").asLong();
                List<ObjectNode> mine = children.getOrDefault(id, List.of());
                if (navigation.toMany()) {
                    if (options.count()) {
                        parent.put(navigation.name() + "@iot.count", counts.getOrDefault(id, 0L));
                    }
                    ArrayNode array = parent.putArray(navigation.name());
                    mine.forEach(child -> array.add(present(target, child, options, links)));
                } else {
                    parent.set(navigation.name(), mine.isEmpty() ? NODES.nullNode() : present(target, mine.getFirst(), options, links));
                }
            }
        }
    }

    /**
     * The newest observation of each datastream ({@code $expand=Observations($orderby=phenomenonTime desc;$top=1)},
     * the latest value clients ask for), looked for first from the datastream's kept latest valid
     * reading on: the newest observation, flagged or not, is never older than that one, so when any
     * observation (that passes the $filter) is found there it is the answer, and PostgreSQL leaves out
     * every month's partition before it. Only when none is found is the datastream read whole. The
     * where and order parameters are given twice, once for each branch.
     */
    private static String newestOfEachDatastream(String columns, String where, String order) {
        String newest = "select " + columns + " from sta_observation t where " + where;
        return "select src.id, x.* from unnest(?::bigint[]) src(id)"
                + " left join sta_latest_observation kept_latest on kept_latest.datastream_id = src.id"
                + " cross join lateral (select * from ((" + newest + " and t.phenomenon_time_start >= kept_latest.phenomenon_time_start order by "
                + order + " limit 1) union all (" + newest + " order by " + order + " limit 1)) newest limit 1) x";
    }

    private Map<Long, Long> counts(EntityType type, Navigation navigation, QueryOptions options, Long[] ids) {
        List<Object> parameters = new ArrayList<>();
        String where = navigation.sourceId() + " = src.id" + filter(options, navigation.target(), "t", parameters);
        Map<Long, Long> counts = new LinkedHashMap<>();
        queryWithIds("select src.id, (select count(*) from " + navigation.fromWithSourceId(type) + " where " + where
                + ") from unnest(?::bigint[]) src(id)", ids, parameters, row -> counts.put(row.getLong(1), row.getLong(2)));
        return counts;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs a query whose first parameter is an array of ids, followed by the others. */
    private void queryWithIds(String sql, Long[] ids, List<Object> parameters, RowReader reader) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array array = connection.createArrayOf("int8", ids);
            List<Object> all = new ArrayList<>();
            all.add(array);
            all.addAll(parameters);
            jdbc.query(sql, row -> {
                reader.read(row);
            }, all.toArray());
            return null;
        });
    }

    /** The select list of an entity type: its id, then each property's one or two columns. */
    static String columns(EntityType type, String alias) {
        return columns(type, alias, Set.of());
    }

    /**
     * The select list, each property that a non-empty $select leaves out read as null in its place:
     * nothing is made of it (no GeoJSON written, no JSON parsed) only to be left out of the answer.
     */
    static String columns(EntityType type, String alias, Set<String> select) {
        List<String> columns = new ArrayList<>(List.of(alias + ".id"));
        for (Property property : type.properties()) {
            String column = alias + "." + property.column();
            if (!select.isEmpty() && !select.contains(property.name())) {
                boolean twoColumns = property.kind() == Property.Kind.INTERVAL || property.kind() == Property.Kind.RESULT;
                columns.addAll(twoColumns ? List.of("null", "null") : List.of("null"));
                continue;
            }
            switch (property.kind()) {
                case JSON -> columns.add(column + "::text");
                case GEOMETRY -> columns.add("st_asgeojson(" + column + ")");
                case INTERVAL -> {
                    columns.add(column);
                    columns.add(alias + "." + property.column2());
                }
                case RESULT -> {
                    columns.add(column);
                    columns.add(alias + "." + property.column2() + "::text");
                }
                default -> columns.add(column);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            columns.set(i, columns.get(i) + " as c" + i);
        }
        return String.join(", ", columns);
    }

    /** Reads an entity's id and properties from the columns {@link #columns} made, starting at {@code first}. */
    static ObjectNode entity(EntityType type, ResultSet row, int first) throws SQLException {
        ObjectNode entity = NODES.objectNode();
        entity.put("@iot.id", row.getLong(first));
        int column = first + 1;
        for (Property property : type.properties()) {
            switch (property.kind()) {
                case TEXT -> entity.put(property.name(), row.getString(column++));
                case JSON, GEOMETRY -> entity.set(property.name(), StoredValues.json(row.getString(column++)));
                case TIME -> entity.set(property.name(), time(StoredValues.instant(row, column++), null));
                case INTERVAL -> {
                    entity.set(property.name(), time(StoredValues.instant(row, column), StoredValues.instant(row, column + 1)));
                    column += 2;
                }
                case RESULT -> {
                    entity.set(property.name(), StoredValues.result(row, column, column + 1));
                    column += 2;
                }
                default -> throw new IllegalStateException("unexpected property " + property);
            }
        }
        return entity;
    }

    private static JsonNode time(Instant start, Instant end) {
        return start == null ? NODES.nullNode() : NODES.textNode(end == null ? start.toString() : start + "/" + end);
    }

    /** The entity as the client sees it: links added, and only what $select names when it names anything. */
    private static ObjectNode present(EntityType type, ObjectNode entity, QueryOptions options, Links links) {
        long id = entity.get("@iot.id").asLong();
        ObjectNode shown = NODES.objectNode();
        shown.put("@iot.selfLink", links.entity(type, id));
        shown.setAll(entity);
        for (Navigation navigation : type.navigations()) {
            if (!entity.has(navigation.name())) {
                shown.put(navigation.name() + "@iot.navigationLink", links.navigation(type, id, navigation));
            }
        }
        if (options.select().isEmpty()) {
            return shown;
        }
        for (String name : options.select()) {
            boolean known = name.equals("id") || name.equals("@iot.id") || name.equals("@iot.selfLink") || type.property(name).isPresent()
                    || type.navigation(name).isPresent();
            if (!known) {
                throw SensorsProblem.badRequest("$select: " + type.singular() + " has no property '" + name + "'.", Map.of("parameter", "$select"));
            }
        }
        ObjectNode selected = NODES.objectNode();
        shown.properties().forEach(field -> {
            String key = field.getKey();
            String name = key.equals("@iot.id") ? "id" : key.endsWith("@iot.navigationLink") ? key.substring(0, key.indexOf('@')) : key;
            if (options.select().contains(name) || options.select().contains(key) || entity.has(key) && type.navigation(key).isPresent()
                    || key.endsWith("@iot.count")) {
                selected.set(key, field.getValue());
            }
        });
        return selected;
    }

    private static ObjectNode reference(EntityType type, ObjectNode entity, Links links) {
        return NODES.objectNode().put("@iot.selfLink", links.entity(type, entity.get("@iot.id").asLong()));
    }
}
