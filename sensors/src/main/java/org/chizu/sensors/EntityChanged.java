package org.chizu.sensors;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Published by the SensorThings API when a request created or changed an entity (Observations have
 * {@link ObservationsAppended}); with {@code @TransactionalEventListener} it is heard once the change
 * committed. It is what the MQTT extension's subscriptions are told.
 *
 * @param address     the entity's own address, such as {@code Datastreams(5)}
 * @param entity      the entity as the API shows it
 * @param collections on creation, the collections it joined ({@code Datastreams}, {@code Things(1)/Datastreams}); else empty
 * @param properties  on change, the properties the request gave; else empty
 */
public record EntityChanged(String address, JsonNode entity, List<String> collections, List<String> properties) {
}
