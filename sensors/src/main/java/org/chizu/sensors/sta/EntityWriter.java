package org.chizu.sensors.sta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.MultiObservations;
import org.chizu.sensors.NewMultiObservation;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.Observations;
import org.chizu.sensors.Reading;
import org.chizu.sensors.SensorsProblem;
import org.chizu.sensors.TimeInterval;
import org.chizu.sensors.alerts.AlertDeclarations;
import org.chizu.sensors.sta.Navigation.ManyToMany;
import org.chizu.sensors.sta.Navigation.ToMany;
import org.chizu.sensors.sta.Navigation.ToOne;
import org.chizu.sensors.sta.ResourcePath.Segment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes entities from SensorThings JSON, all or nothing. A new entity may
 * carry related ones (deep insert): an object with only {@code @iot.id} links an existing entity,
 * any other object is created. Linking a Thing to Locations records a HistoricalLocation, and
 * Observations are appended through the storage API ({@link Observations}).
 */
@Component
class EntityWriter {

    private final JdbcTemplate jdbc;
    private final Observations observations;
    private final MultiObservations multiObservations;
    private final AlertDeclarations declarations;
    private final MultiDatastreamRules multiDatastreams;

    EntityWriter(JdbcTemplate jdbc, Observations observations, MultiObservations multiObservations, AlertDeclarations declarations,
                 MultiDatastreamRules multiDatastreams) {
        this.jdbc = jdbc;
        this.observations = observations;
        this.multiObservations = multiObservations;
        this.declarations = declarations;
        this.multiDatastreams = multiDatastreams;
    }

    /** POST to a collection path, such as {@code Things} or {@code Datastreams(1)/Observations}; returns the new id. */
    @Transactional
    public long create(ResourcePath path, JsonNode body) {
        if (path.single() || path.property() != null || path.ref()) {
            throw SensorsProblem.badRequest("POST creates an entity in a collection, such as /Things or /Datastreams(1)/Observations.",
                    Map.of());
        }
        Segment last = path.last();
        Map<String, Long> implied = new LinkedHashMap<>();
        Long parent = null;
        if (last.via() != null) {
            Segment source = path.segments().get(path.segments().size() - 2);
            parent = source.id();
            if (parent == null) {
                throw SensorsProblem.badRequest("POST below an entity needs its id, as in /Datastreams(1)/Observations.", Map.of());
            }
            requireExists(source.type(), parent);
            if (last.via().link() instanceof ToMany many) {
                implied.put(reverse(last.type(), many).name(), parent);
            }
        }
        long id = create(last.type(), body, implied, "");
        if (last.via() != null && last.via().link() instanceof ManyToMany both) {
            Segment source = path.segments().get(path.segments().size() - 2);
            link(source.type(), parent, last.via(), both, List.of(id));
            checkMultiDatastreams(both, parent, List.of(id), "");
        }
        return id;
    }

    /** Appends the observations of a dataArray request (one transaction); returns their ids in order. */
    @Transactional
    public List<Long> createObservations(List<JsonNode> observations, List<Map<String, Long>> implied) {
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            batch.add(observation(observations.get(i), implied.get(i), "[" + i + "]"));
        }
        return append(batch);
    }

    /** Appends readings of Datastreams and of MultiDatastreams, each kind through its storage API; their ids in the batch's order. */
    private List<Long> append(List<Reading> batch) {
        Iterator<Long> single = observations.append(batch.stream().filter(NewObservation.class::isInstance).map(NewObservation.class::cast)
                .toList()).iterator();
        Iterator<Long> multi = multiObservations.append(batch.stream().filter(NewMultiObservation.class::isInstance)
                .map(NewMultiObservation.class::cast).toList()).iterator();
        return batch.stream().map(reading -> reading instanceof NewObservation ? single.next() : multi.next()).toList();
    }

    private long create(EntityType type, JsonNode json, Map<String, Long> implied, String where) {
        if (json == null || !json.isObject()) {
            throw bad(where, type.singular() + " must be a JSON object");
        }
        if (json.hasNonNull("@iot.id")) {
            long id = json.get("@iot.id").asLong();
            requireExists(type, id);
            return id;
        }
        if (type == EntityType.OBSERVATION) {
            return append(List.of(observation(json, implied, where))).getFirst();
        }
        checkNames(type, json, where);
        checkDeclarations(type, json, where);
        if (type == EntityType.MULTI_DATASTREAM) {
            MultiDatastreamRules.checkObservationType(json, where);
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Property property : type.properties()) {
            JsonNode value = json.get(property.name());
            if (value == null || value.isNull()) {
                if (property.required()) {
                    throw bad(where, type.singular() + " needs its " + property.name());
                }
                continue;
            }
            columns.add(property.column());
            values.add(placeholder(property));
            parameters.add(parameter(type, property, value, where));
        }
        for (Navigation navigation : type.navigations()) {
            if (navigation.link() instanceof ToOne one) {
                Long target = implied.get(navigation.name());
                if (target == null && json.hasNonNull(navigation.name())) {
                    target = create(navigation.target(), json.get(navigation.name()), Map.of(), where + "/" + navigation.name());
                }
                if (target == null) {
                    throw bad(where, type.singular() + " needs its " + navigation.name());
                }
                columns.add(one.column());
                values.add("?");
                parameters.add(target);
            }
        }
        long id = jdbc.queryForObject("insert into " + type.table() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", values) + ") returning id", Long.class, parameters.toArray());
        for (Navigation navigation : type.navigations()) {
            JsonNode related = json.get(navigation.name());
            if (related == null || related.isNull() || navigation.link() instanceof ToOne) {
                continue;
            }
            if (!related.isArray()) {
                throw bad(where, navigation.name() + " must be an array");
            }
            String at = where + "/" + navigation.name();
            if (navigation.link() instanceof ToMany many) {
                String back = reverse(navigation.target(), many).name();
                for (int i = 0; i < related.size(); i++) {
                    create(navigation.target(), related.get(i), Map.of(back, id), at + "[" + i + "]");
                }
            } else if (navigation.link() instanceof ManyToMany both) {
                List<Long> targets = new ArrayList<>();
                for (int i = 0; i < related.size(); i++) {
                    targets.add(create(navigation.target(), related.get(i), Map.of(), at + "[" + i + "]"));
                }
                link(type, id, navigation, both, targets);
                checkMultiDatastreams(both, id, targets, at);
            }
        }
        if (type == EntityType.MULTI_DATASTREAM) {
            multiDatastreams.checkLists(List.of(id), where);
        }
        return id;
    }

    /** After links through the MultiDatastreams' ordered table changed, each MultiDatastream concerned must still agree with itself. */
    private void checkMultiDatastreams(ManyToMany both, long source, List<Long> targets, String where) {
        if (both.position() != null) {
            multiDatastreams.checkLists(both.ordersTargets() ? List.of(source) : targets, where);
        }
    }

    /** Links an entity to others through a link table; a Thing at new Locations gets a HistoricalLocation. */
    private void link(EntityType type, long id, Navigation navigation, ManyToMany both, List<Long> targets) {
        for (long target : targets) {
            if (both.position() == null) {
                jdbc.update("insert into " + both.table() + " (" + both.sourceColumn() + ", " + both.targetColumn() + ") values (?, ?) on conflict do nothing",
                        id, target);
            } else {
                // Each new link comes after the others of its ordering side (a MultiDatastream's ObservedProperties, in the order given).
                jdbc.update("insert into " + both.table() + " (" + both.sourceColumn() + ", " + both.targetColumn() + ", " + both.position()
                        + ") values (?, ?, (select coalesce(max(" + both.position() + ") + 1, 0) from " + both.table() + " where "
                        + both.orderedWithin() + " = ?)) on conflict do nothing", id, target, both.ordersTargets() ? id : target);
            }
        }
        if (type == EntityType.THING && navigation.name().equals("Locations")) {
            recordHistory(id, targets);
        } else if (type == EntityType.LOCATION && navigation.name().equals("Things")) {
            targets.forEach(thing -> recordHistory(thing, List.of(id)));
        }
    }

    private void recordHistory(long thing, List<Long> locations) {
        long historical = jdbc.queryForObject("insert into sta_historical_location (thing_id, time) values (?, now()) returning id",
                Long.class, thing);
        locations.forEach(location -> jdbc.update("insert into sta_historical_location_location values (?, ?)", historical, location));
    }

    private Reading observation(JsonNode json, Map<String, Long> implied, String where) {
        if (json == null || !json.isObject()) {
            throw bad(where, "an Observation must be a JSON object");
        }
        checkNames(EntityType.OBSERVATION, json, where);
        Long datastream = implied.get("Datastream");
        if (datastream == null && json.hasNonNull("Datastream")) {
            datastream = create(EntityType.DATASTREAM, json.get("Datastream"), Map.of(), where + "/Datastream");
        }
        Long multiDatastream = implied.get("MultiDatastream");
        if (multiDatastream == null && json.hasNonNull("MultiDatastream")) {
            multiDatastream = create(EntityType.MULTI_DATASTREAM, json.get("MultiDatastream"), Map.of(), where + "/MultiDatastream");
        }
        if (datastream == null && multiDatastream == null) {
            throw bad(where, "an Observation needs its Datastream or MultiDatastream");
        }
        if (datastream != null && multiDatastream != null) {
            throw bad(where, "an Observation belongs to one Datastream or one MultiDatastream, not both");
        }
        Long feature = implied.get("FeatureOfInterest");
        if (feature == null && json.hasNonNull("FeatureOfInterest")) {
            feature = create(EntityType.FEATURE_OF_INTEREST, json.get("FeatureOfInterest"), Map.of(), where + "/FeatureOfInterest");
        }
        if (!json.has("result")) {
            throw bad(where, "an Observation needs its result");
        }
        // Without a phenomenonTime the server's time is taken, as SensorThings says.
        TimeInterval phenomenon = json.hasNonNull("phenomenonTime") ? interval(json.get("phenomenonTime"), where + "/phenomenonTime")
                : TimeInterval.at(Instant.now());
        Instant resultTime = json.hasNonNull("resultTime") ? instant(json.get("resultTime"), where + "/resultTime") : null;
        TimeInterval valid = json.hasNonNull("validTime") ? interval(json.get("validTime"), where + "/validTime") : null;
        if (multiDatastream == null) {
            return new NewObservation(datastream, phenomenon, resultTime, json.get("result"), feature, nonNull(json.get("resultQuality")), valid,
                    nonNull(json.get("parameters")));
        }
        if (!json.get("result").isArray()) {
            throw SensorsProblem.badRequest(where + (where.isEmpty() ? "" : ": ") + "the result of a MultiDatastream's Observation is an array, "
                    + "one value per ObservedProperty in their order.", Map.of("field", "result"));
        }
        return new NewMultiObservation(multiDatastream, phenomenon, resultTime, json.get("result"), feature, nonNull(json.get("resultQuality")),
                valid, nonNull(json.get("parameters")));
    }

    /**
     * PUT of one entity: it becomes what the body says, as SensorThings 1.1 has it. A property left out
     * (or null) returns to its default, so a required one must be given (an Observation's phenomenonTime
     * becomes the server's time, as on creation); what the server keeps stays its own. Navigation links
     * are not properties: those given move as with PATCH, those left out stay.
     */
    @Transactional
    public void replace(ResourcePath path, JsonNode body) {
        Segment entity = existing(path);
        EntityType type = entity.type();
        if (body == null || !body.isObject()) {
            throw bad("", type.singular() + " must be a JSON object");
        }
        ObjectNode replacement = body.deepCopy();
        List<Property> reset = new ArrayList<>();
        for (Property property : type.properties()) {
            if (property.readOnly() || body.hasNonNull(property.name())) {
                continue;
            }
            replacement.remove(property.name());
            if (type == EntityType.OBSERVATION && property.name().equals("phenomenonTime")) {
                replacement.put(property.name(), Instant.now().toString());
            } else if (property.required()) {
                throw bad("", "PUT replaces the whole " + type.singular() + " and needs its " + property.name()
                        + "; PATCH changes only what is given");
            } else {
                reset.add(property);
            }
        }
        change(type, entity.id(), replacement, reset);
    }

    /** PATCH of one entity: the properties given change, and to-one links given as {"@iot.id": n} move. */
    @Transactional
    public void update(ResourcePath path, JsonNode body) {
        Segment entity = existing(path);
        if (body == null || !body.isObject()) {
            throw bad("", entity.type().singular() + " must be a JSON object");
        }
        change(entity.type(), entity.id(), body, List.of());
    }

    /** The one entity that PUT or PATCH changes, which exists. */
    private Segment existing(ResourcePath path) {
        Segment last = path.last();
        if (last.id() == null || path.property() != null || path.ref()) {
            throw SensorsProblem.badRequest("PUT and PATCH change one entity named by its id, such as /Things(1).", Map.of());
        }
        requireExists(last.type(), last.id());
        return last;
    }

    /** Changes the properties and links given, and returns those in {@code reset} to their columns' defaults. */
    private void change(EntityType type, long id, JsonNode body, List<Property> reset) {
        checkNames(type, body, "");
        checkDeclarations(type, body, "");
        if (type == EntityType.MULTI_DATASTREAM) {
            MultiDatastreamRules.checkObservationType(body, "");
        }
        List<String> assignments = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Property property : reset) {
            assignments.add(property.column() + " = default");
            if (property.column2() != null) {
                assignments.add(property.column2() + " = default");
            }
        }
        for (Property property : type.properties()) {
            JsonNode value = body.get(property.name());
            if (value == null) {
                continue;
            }
            if (value.isNull() && property.required()) {
                throw bad("", property.name() + " cannot be removed from a " + type.singular());
            }
            switch (property.kind()) {
                case INTERVAL -> {
                    TimeInterval interval = value.isNull() ? null : interval(value, property.name());
                    assignments.add(property.column() + " = ?");
                    assignments.add(property.column2() + " = ?");
                    parameters.add(interval == null ? null : utc(interval.start()));
                    parameters.add(interval == null ? null : utc(interval.end()));
                }
                case RESULT -> {
                    assignments.add(property.column() + " = ?");
                    assignments.add(property.column2() + " = ?::jsonb");
                    parameters.add(value.isNumber() ? value.doubleValue() : null);
                    parameters.add(value.isNumber() ? null : value.toString());
                }
                default -> {
                    assignments.add(property.column() + " = " + placeholder(property));
                    parameters.add(value.isNull() ? null : parameter(type, property, value, property.name()));
                }
            }
        }
        for (Navigation navigation : type.navigations()) {
            JsonNode related = body.get(navigation.name());
            if (related == null || related.isNull()) {
                continue;
            }
            switch (navigation.link()) {
                case ToOne one -> {
                    assignments.add(one.column() + " = ?");
                    parameters.add(create(navigation.target(), related, Map.of(), "/" + navigation.name()));
                }
                case ManyToMany both when related.isArray() && (both.position() == null || both.ordersTargets()) -> {
                    List<Long> targets = new ArrayList<>();
                    for (int i = 0; i < related.size(); i++) {
                        targets.add(create(navigation.target(), related.get(i), Map.of(), "/" + navigation.name() + "[" + i + "]"));
                    }
                    jdbc.update("delete from " + both.table() + " where " + both.sourceColumn() + " = ?", id);
                    link(type, id, navigation, both, targets);
                }
                default -> throw bad("", navigation.name() + " cannot be changed here; change each of them instead");
            }
        }
        if (type == EntityType.LOCATION && body.has("location")) {
            // Readings taken after a move are of a new feature, made from the moved location when first needed.
            assignments.add("feature_of_interest_id = null");
        }
        if (!assignments.isEmpty()) {
            parameters.add(id);
            jdbc.update("update " + type.table() + " set " + String.join(", ", assignments) + " where id = ?", parameters.toArray());
        }
        if (type == EntityType.OBSERVATION) {
            jdbc.queryForList("select datastream_id from sta_observation where id = ? and datastream_id is not null", Long.class, id)
                    .forEach(observations::refreshLatest);
            multiDatastreams.checkResult(id);
        } else if (type == EntityType.MULTI_DATASTREAM) {
            multiDatastreams.checkLists(List.of(id), "");
        }
    }

    /**
     * POST to {@code …/$ref}: links the entity whose {@code @iot.id} or {@code @iot.selfLink} the body
     * gives, as in {@code POST Things(1)/Locations/$ref} (a Thing at a further Location records a
     * HistoricalLocation) or {@code POST Things(1)/Datastreams/$ref} (the Datastream moves to the Thing).
     */
    @Transactional
    public void link(ResourcePath path, JsonNode body) {
        Segment last = path.last();
        Segment source = path.segments().size() > 1 ? path.segments().get(path.segments().size() - 2) : null;
        if (source == null || source.id() == null || last.id() != null) {
            throw SensorsProblem.badRequest("A link is posted to an entity's navigation property, as in /Things(1)/Locations/$ref.", Map.of());
        }
        requireExists(source.type(), source.id());
        long target = referenced(last.type(), body);
        switch (last.via().link()) {
            case ManyToMany both -> {
                link(source.type(), source.id(), last.via(), both, List.of(target));
                checkMultiDatastreams(both, source.id(), List.of(target), "");
            }
            case ToMany many -> jdbc.update("update " + last.type().table() + " set " + many.column() + " = ? where id = ?", source.id(), target);
            case ToOne one -> jdbc.update("update " + source.type().table() + " set " + one.column() + " = ? where id = ?", target, source.id());
        }
    }

    /** DELETE of {@code Things(1)/Locations/$ref?$id=…/Locations(3)}: unlinks one of many that are not required. */
    @Transactional
    public void unlink(ResourcePath path, String id) {
        Segment last = path.last();
        Segment source = path.segments().size() > 1 ? path.segments().get(path.segments().size() - 2) : null;
        if (source == null || source.id() == null || !(last.via().link() instanceof ManyToMany both)) {
            throw SensorsProblem.badRequest("Only links between many and many can be removed (such as /Things(1)/Locations/$ref?$id=…); "
                    + "others are required and change by PATCH.", Map.of());
        }
        if (id == null) {
            throw SensorsProblem.badRequest("Name the entity to unlink with $id, as in $ref?$id=Locations(3).", Map.of("parameter", "$id"));
        }
        long target = referenced(last.type(), JsonNodeFactory.instance.objectNode().put("@iot.selfLink", id));
        if (jdbc.update("delete from " + both.table() + " where " + both.sourceColumn() + " = ? and " + both.targetColumn() + " = ?",
                source.id(), target) == 0) {
            throw SensorsProblem.notFound(last.type().setName(), target);
        }
        checkMultiDatastreams(both, source.id(), List.of(target), "");
    }

    /** The id in {"@iot.id": 3} or {"@iot.selfLink": "…/Locations(3)"}, of an entity of this type that exists. */
    private long referenced(EntityType type, JsonNode body) {
        long id;
        if (body != null && body.path("@iot.id").canConvertToLong()) {
            id = body.get("@iot.id").asLong();
        } else {
            Matcher link = Pattern.compile("(?:^|/)" + type.setName() + "\\((\\d+)\\)$")
                    .matcher(body == null ? "" : body.path("@iot.selfLink").asText());
            if (!link.find()) {
                throw SensorsProblem.badRequest("Name the " + type.singular() + " as {\"@iot.id\": n} or {\"@iot.selfLink\": \"…/"
                        + type.setName() + "(n)\"}.", Map.of());
            }
            id = Long.parseLong(link.group(1));
        }
        requireExists(type, id);
        return id;
    }

    /** DELETE of one entity; what depends on it goes with it (a Thing's Datastreams and their Observations). */
    @Transactional
    public void delete(ResourcePath path) {
        Segment last = path.last();
        if (last.id() == null || path.property() != null || path.ref()) {
            throw SensorsProblem.badRequest("DELETE removes one entity named by its id, such as /Things(1).", Map.of());
        }
        if (last.type() == EntityType.OBSERVED_PROPERTY) {
            // As its Datastreams go with it, so do the MultiDatastreams that observe it (each would lack a value's meaning).
            jdbc.update("delete from sta_multi_datastream where id in (select multi_datastream_id from sta_multi_datastream_observed_property "
                    + "where observed_property_id = ?)", last.id());
        }
        boolean deleted = last.type() == EntityType.OBSERVATION ? observations.delete(last.id())
                : jdbc.update("delete from " + last.type().table() + " where id = ?", last.id()) > 0;
        if (!deleted) {
            throw SensorsProblem.notFound(last.type().setName(), last.id());
        }
    }

    private void requireExists(EntityType type, long id) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + type.table() + " where id = ?)", Boolean.class, id))) {
            throw SensorsProblem.notFound(type.setName(), id);
        }
    }

    /** The to-one navigation of the target that a to-many one leads back through (Datastream's Thing for Thing's Datastreams). */
    private static Navigation reverse(EntityType target, ToMany many) {
        return target.navigations().stream().filter(n -> n.link() instanceof ToOne one && one.column().equals(many.column())).findFirst()
                .orElseThrow();
    }

    private static void checkNames(EntityType type, JsonNode json, String where) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (json.get(name).isNull() || name.startsWith("@iot.") || name.endsWith("@iot.navigationLink")) {
                continue;
            }
            var property = type.property(name);
            if (property.isPresent() && property.get().readOnly()) {
                throw bad(where, name + " of a " + type.singular() + " is kept by the server and cannot be written");
            }
            if (property.isEmpty() && type.navigation(name).isEmpty()) {
                throw bad(where, type.singular() + " has no property '" + name + "'; it has "
                        + type.properties().stream().map(Property::name).toList() + " and " + type.navigations().stream().map(Navigation::name).toList());
            }
        }
    }

    /** What a Thing or Datastream declares in its properties for quality control and alerts must be readable. */
    private void checkDeclarations(EntityType type, JsonNode json, String where) {
        try {
            if (type == EntityType.DATASTREAM) {
                declarations.checkDatastream(json.get("properties"));
            } else if (type == EntityType.THING) {
                declarations.checkThing(json.get("properties"));
            }
        } catch (IllegalArgumentException e) {
            throw bad(where, "properties." + e.getMessage());
        }
    }

    private static String placeholder(Property property) {
        return switch (property.kind()) {
            case JSON -> "?::jsonb";
            case GEOMETRY -> "st_setsrid(st_geomfromgeojson(?), 4326)";
            default -> "?";
        };
    }

    private static Object parameter(EntityType type, Property property, JsonNode value, String where) {
        String at = where + "/" + property.name();
        return switch (property.kind()) {
            case TEXT -> {
                if (!value.isTextual()) {
                    throw bad(at, property.name() + " of a " + type.singular() + " must be text");
                }
                yield value.asText();
            }
            case JSON -> value.toString();
            case GEOMETRY -> geometry(value, at);
            case TIME -> utc(instant(value, at));
            default -> throw bad(at, property.name() + " cannot be written here");
        };
    }

    /** GeoJSON geometry text; a Feature gives its geometry. */
    private static String geometry(JsonNode value, String at) {
        JsonNode geometry = value.path("type").asText().equals("Feature") ? value.get("geometry") : value;
        if (geometry == null || !geometry.isObject() || !geometry.has("type") || !(geometry.has("coordinates") || geometry.has("geometries"))) {
            throw bad(at, "expected a GeoJSON geometry such as {\"type\": \"Point\", \"coordinates\": [131.84, 34.67]}");
        }
        checkPositions(geometry.has("coordinates") ? geometry.get("coordinates") : geometry.get("geometries"), at);
        return geometry.toString();
    }

    /** PostGIS reads text where a number should be as 0, so positions are checked here: longitude, latitude in WGS 84. */
    private static void checkPositions(JsonNode node, String at) {
        if (node.isObject()) {
            JsonNode inner = node.has("coordinates") ? node.get("coordinates") : node.get("geometries");
            if (inner != null) {
                checkPositions(inner, at);
            }
            return;
        }
        if (!node.isArray()) {
            throw bad(at, "GeoJSON coordinates are arrays of numbers, not " + node);
        }
        if (node.size() > 0 && !node.get(0).isArray() && !node.get(0).isObject()) {
            boolean numbers = node.size() >= 2 && node.size() <= 3 && java.util.stream.StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isNumber);
            if (!numbers || Math.abs(node.get(0).asDouble()) > 180 || Math.abs(node.get(1).asDouble()) > 90) {
                throw bad(at, "the position " + node + " is not longitude, latitude in WGS 84 degrees");
            }
            return;
        }
        node.forEach(child -> checkPositions(child, at));
    }

    private static TimeInterval interval(JsonNode value, String at) {
        try {
            return TimeInterval.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw bad(at, e.getMessage());
        }
    }

    private static Instant instant(JsonNode value, String at) {
        try {
            return TimeInterval.instant(value.asText());
        } catch (IllegalArgumentException e) {
            throw bad(at, e.getMessage());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static JsonNode nonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static SensorsProblem bad(String where, String message) {
        return SensorsProblem.badRequest((where.isEmpty() ? "" : where + ": ") + message + ".", where.isEmpty() ? Map.of() : Map.of("at", where));
    }
}
