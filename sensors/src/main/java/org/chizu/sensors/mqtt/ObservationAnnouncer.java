package org.chizu.sensors.mqtt;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.NewObservation;
import org.chizu.sensors.ObservationsAppended;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces committed observations to {@code v1.1/Datastreams(ID)/Observations} at QoS 1 on a thread
 * of its own, through a connection of its own: whoever committed them (the bridge storing the next
 * batch, an HTTP request) hands them over and goes on. An announcement that finds the broker away,
 * or a backlog that stays full for {@link #WAIT_NANOS}, is counted, not retried: the observations
 * are stored, and a subscriber reads what it missed through the API.
 */
final class ObservationAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ObservationAnnouncer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_NANOS = 5_000_000_000L;
    /** Committed batches waiting to be announced. */
    private static final int BACKLOG = 1000;

    private final BlockingQueue<ObservationsAppended> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final AtomicLong unannounced = new AtomicLong();
    private final MqttAsyncClient client;
    private final Thread worker;

    /** Starts announcing through this connected client. */
    ObservationAnnouncer(MqttAsyncClient client) {
        this.client = client;
        this.worker = Thread.ofPlatform().name("mqtt-announcer").daemon().start(this::work);
    }

    /** Hands these committed observations over to be announced. */
    void announce(ObservationsAppended appended) {
        try {
            if (!backlog.offer(appended, WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                unannounced.addAndGet(appended.observations().size());
            }
        } catch (InterruptedException e) {
            unannounced.addAndGet(appended.observations().size());
            Thread.currentThread().interrupt();
        }
    }

    /** Observations not announced (broker away, or the backlog full) since start. */
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
        backlog.forEach(appended -> unannounced.addAndGet(appended.observations().size()));
        backlog.clear();
    }

    private void work() {
        try {
            while (true) {
                ObservationsAppended appended = backlog.take();
                for (ObservationsAppended.Stored stored : appended.observations()) {
                    NewObservation observation = stored.observation();
                    MqttMessage message = new MqttMessage(entity(stored.id(), observation));
                    message.setQos(1);
                    if (!publish("v1.1/Datastreams(" + observation.datastreamId() + ")/Observations", message)) {
                        unannounced.incrementAndGet();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean publish(String topic, MqttMessage message) throws InterruptedException {
        if (!client.isConnected()) {
            return false;
        }
        long until = System.nanoTime() + WAIT_NANOS;
        while (true) {
            try {
                client.publish(topic, message);
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > until) {
                    log.debug("MQTT: cannot announce on {}: {}", topic, e.getMessage());
                    return false;
                }
                // The window of unacknowledged messages is full: wait for the broker to catch up.
                Thread.sleep(1);
            }
        }
    }

    /** The Observation as the SensorThings API shows it, without links. */
    private static byte[] entity(long id, NewObservation observation) {
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
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always writes", e);
        }
    }
}
