package org.chizu.sensors.mqtt;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A subscription of the SensorThings MQTT extension with {@code $select}, such as
 * {@code v1.1/Datastreams(1)/Observations?$select=result,phenomenonTime}: the topic Chizu announces
 * on ({@code base}) and the properties its subscribers get of each entity ({@code id} is
 * {@code @iot.id}).
 *
 * @param topic      the whole topic, which the announcements go to
 * @param base       the topic without its query
 * @param properties the selected properties, as the entity names them
 */
record TopicSelection(String topic, String base, List<String> properties) {

    private static final String SELECT = "?$select=";

    /** The selection a topic filter names, or empty for a filter without one (or with wildcards, which $select cannot have). */
    static Optional<TopicSelection> of(String filter) {
        int query = filter.indexOf(SELECT);
        if (query < 1 || filter.contains("+") || filter.contains("#")) {
            return Optional.empty();
        }
        List<String> properties = List.of(filter.substring(query + SELECT.length()).split(",")).stream().map(String::strip)
                .filter(name -> !name.isEmpty()).map(name -> name.equals("id") ? "@iot.id" : name).distinct().toList();
        return properties.isEmpty() ? Optional.empty() : Optional.of(new TopicSelection(filter, filter.substring(0, query), properties));
    }

    /** The entity with only the selected properties it has. */
    ObjectNode of(JsonNode entity) {
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        properties.stream().filter(entity::has).forEach(name -> selected.set(name, entity.get(name)));
        return selected;
    }
}
