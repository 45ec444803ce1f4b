package org.chizu.sensors.sta;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one request's writing made new, for the MQTT extension's subscriptions: the entities it
 * created, and for existing ones the collections they joined by a link ({@code Things(1)/Locations}
 * after {@code POST Things(1)/Locations/$ref}). An entity is named once however often it is met, so
 * each of its topics is told once.
 */
final class Joined {

    /** An entity of a type, by id. */
    record Entity(EntityType type, long id) {
    }

    private final Set<Entity> created = new LinkedHashSet<>();
    private final Map<Entity, Set<String>> linked = new LinkedHashMap<>();

    void created(EntityType type, long id) {
        created.add(new Entity(type, id));
    }

    /** The entity joined the collection at {@code source(sourceId)/navigation} through a new link. */
    void linked(EntityType type, long id, EntityType source, long sourceId, Navigation navigation) {
        linked.computeIfAbsent(new Entity(type, id), entity -> new LinkedHashSet<>())
                .add(source.setName() + "(" + sourceId + ")/" + navigation.name());
    }

    /** Entities created, in the order they were. */
    Set<Entity> created() {
        return created;
    }

    /** Existing entities with the collections they joined; created ones are left to their memberships whole. */
    Map<Entity, Set<String>> linked() {
        Map<Entity, Set<String>> existing = new LinkedHashMap<>(linked);
        existing.keySet().removeAll(created);
        return existing;
    }
}
