package org.chizu.sensors.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.EntityChanged;
import org.chizu.sensors.MultiObservationsAppended;
import org.chizu.sensors.ObservationsAppended;
import org.chizu.sensors.Reading;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces what was committed at QoS 0 on a thread of its own, through a connection of its own:
 * observations to {@code v1.1/Datastreams(ID)/Observations} (or {@code v1.1/MultiDatastreams(ID)/Observations})
 * and, when someone subscribed there, to
 * {@code v1.1/Observations} and {@code v1.1/FeaturesOfInterest(ID)/Observations}; a created or changed
 * entity to the topics of the SensorThings MQTT extension that it concerns (the collections it joined,
 * its own address, and {@code address/property} for each property changed). Each topic with
 * {@code $select} that a client subscribed to ({@link BrokerSubscriptions}) gets the same entity
 * with only the properties it selects. Whoever committed (the bridge
 * storing the next batch, an HTTP request) hands them over and goes on. An announcement that finds
 * the broker away, or a backlog that stays full for {@link #WAIT_NANOS}, is counted, not retried:
 * what it tells is stored, and a subscriber reads what it missed through the API.
 * <p>
 * QoS 0, because the SensorThings MQTT extension asks for none in particular and a notice is
 * at most once anyway (one that finds the broker away is not retried): QoS 1 would only make the
 * broker acknowledge every notice, which at ingest rates costs the broker and Chizu about as much as
 * the devices' messages do. A subscriber therefore hears notices while it is connected; its
 * persistent session does not keep them while it is away.
 */
final class TopicAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(TopicAnnouncer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_NANOS = 5_000_000_000L;
    /** Committed batches waiting to be announced. */
    private static final int BACKLOG = 1000;

    /** A message to a topic. */
    private record Announcement(String topic, byte[] payload) {
    }

    /** Committed work to announce: how many messages it makes, and (on the announcing thread) those messages. */
    private record Pending(int count, Supplier<List<Announcement>> messages) {
    }

    private final BlockingQueue<Pending> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final AtomicLong unannounced = new AtomicLong();
    private final MqttAsyncClient client;
    private final BrokerSubscriptions subscriptions;
    private final Thread worker;

    /** Starts announcing through this connected client to the topics these subscriptions ask for. */
    TopicAnnouncer(MqttAsyncClient client, BrokerSubscriptions subscriptions) {
        this.client = client;
        this.subscriptions = subscriptions;
        this.worker = Thread.ofPlatform().name("mqtt-announcer").daemon().start(this::work);
    }

    /** Hands these committed observations over to be announced. */
    void announce(ObservationsAppended appended) {
        enqueue(new Pending(appended.observations().size(), () -> announcements(appended.observations().stream()
                .map(stored -> new Stored(stored.id(), stored.featureOfInterestId(), stored.observation())).toList())));
    }

    /** Hands these committed observations of MultiDatastreams over to be announced. */
    void announce(MultiObservationsAppended appended) {
        enqueue(new Pending(appended.observations().size(), () -> announcements(appended.observations().stream()
                .map(stored -> new Stored(stored.id(), stored.featureOfInterestId(), stored.observation())).toList())));
    }

    /** A stored reading of either kind of stream. */
    private record Stored(long id, long featureOfInterestId, Reading observation) {
    }

    private List<Announcement> announcements(List<Stored> observations) {
        List<Announcement> messages = new ArrayList<>(observations.size());
        for (Stored stored : observations) {
            ObjectNode whole = entity(stored.id(), stored.observation());
            byte[] bytes = bytes(whole);
            add(messages, "v1.1/" + stored.observation().stream().address(stored.observation().streamId()) + "/Observations", whole, bytes);
            // Few listen on these, and every reading would cost the broker two more messages for nobody.
            for (String topic : List.of("v1.1/Observations", "v1.1/FeaturesOfInterest(" + stored.featureOfInterestId() + ")/Observations")) {
                if (subscriptions.wanted(topic)) {
                    add(messages, topic, whole, bytes);
                } else {
                    selected(messages, topic, whole);
                }
            }
        }
        return messages;
    }

    /** The entity to the topic, and to each of its {@code $select} topics what they select of it. */
    private void add(List<Announcement> messages, String topic, JsonNode whole, byte[] bytes) {
        messages.add(new Announcement(topic, bytes));
        selected(messages, topic, whole);
    }

    private void selected(List<Announcement> messages, String topic, JsonNode whole) {
        for (TopicSelection selection : subscriptions.selections(topic)) {
            messages.add(new Announcement(selection.topic(), bytes(selection.of(whole))));
        }
    }

    /** Hands this committed change of an entity over to be announced. */
    void announce(EntityChanged changed) {
        enqueue(new Pending(changed.collections().size() + (changed.properties().isEmpty() ? 0 : 1 + changed.properties().size()),
                () -> messages(changed)));
    }

    private void enqueue(Pending pending) {
        try {
            if (!backlog.offer(pending, WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                unannounced.addAndGet(pending.count());
            }
        } catch (InterruptedException e) {
            unannounced.addAndGet(pending.count());
            Thread.currentThread().interrupt();
        }
    }

    /** A new entity goes whole to the collections it joined; a changed one whole to its address, and each property given to its own topic. */
    private List<Announcement> messages(EntityChanged changed) {
        List<Announcement> messages = new ArrayList<>();
        byte[] whole = bytes(changed.entity());
        changed.collections().forEach(collection -> add(messages, "v1.1/" + collection, changed.entity(), whole));
        if (!changed.properties().isEmpty()) {
            add(messages, "v1.1/" + changed.address(), changed.entity(), whole);
        }
        for (String property : changed.properties()) {
            messages.add(new Announcement("v1.1/" + changed.address() + "/" + property,
                    bytes(JSON.createObjectNode().set(property, changed.entity().get(property)))));
        }
        return messages;
    }

    /** Messages not announced (broker away, or the backlog full) since start. */
    long unannounced() {
        return unannounced.get();
    }

    /** Stops; what is still waiting goes unannounced. */
    void stop() {
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backlog.forEach(pending -> unannounced.addAndGet(pending.count()));
        backlog.clear();
    }

    private void work() {
        try {
            while (true) {
                IMqttDeliveryToken last = null;
                for (Announcement announcement : backlog.take().messages().get()) {
                    MqttMessage message = new MqttMessage(announcement.payload());
                    message.setQos(0);
                    IMqttDeliveryToken sent = publish(announcement.topic(), message);
                    if (sent == null) {
                        unannounced.incrementAndGet();
                    } else {
                        last = sent;
                    }
                }
                awaitSent(last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the client has written a batch's last notice: at QoS 0 nothing else limits what
     * it queues, and a slow broker would otherwise let that queue grow without end.
     */
    private static void awaitSent(IMqttDeliveryToken last) {
        if (last == null) {
            return;
        }
        try {
            last.waitForCompletion(WAIT_NANOS / 1_000_000);
        } catch (MqttException e) {
            log.debug("MQTT: announcements not written yet: {}", e.getMessage());
        }
    }

    /** The token of the message handed to the client, or null when it could not be. */
    private IMqttDeliveryToken publish(String topic, MqttMessage message) throws InterruptedException {
        if (!client.isConnected()) {
            return null;
        }
        long until = System.nanoTime() + WAIT_NANOS;
        while (true) {
            try {
                return client.publish(topic, message);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > until) {
                    log.debug("MQTT: cannot announce on {}: {}", topic, e.getMessage());
                    return null;
                }
                // The window of unacknowledged messages is full: wait for the broker to catch up.
                Thread.sleep(1);
            }
        }
    }

    /** The Observation as the SensorThings API shows it, without links. */
    private static ObjectNode entity(long id, Reading observation) {
        ObjectNode json = JSON.createObjectNode();
        json.put("@iot.id", id);
        json.put("phenomenonTime", observation.phenomenonTime().toString());
        json.put("resultTime", observation.resultTime() == null ? null : observation.resultTime().toString());
        json.set("result", observation.result());
        if (observation.resultQuality() != null) {
            json.set("resultQuality", observation.resultQuality());
        }
        if (observation.validTime() != null) {
            json.put("validTime", observation.validTime().toString());
        }
        if (observation.parameters() != null) {
            json.set("parameters", observation.parameters());
        }
        return json;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always writes", e);
        }
    }
}
