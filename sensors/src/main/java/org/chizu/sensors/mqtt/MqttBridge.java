package org.chizu.sensors.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;


import org.chizu.platform.BackgroundWork;
import org.chizu.sensors.EntityChanged;
import org.chizu.sensors.MultiObservationsAppended;
import org.chizu.sensors.ObservationsAppended;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The SensorThings MQTT extension on the broker: stores what devices publish and announces every
 * stored observation, however it came in, to {@code v1.1/Datastreams(ID)/Observations}, and every
 * entity created or changed through the API to its entity, property and collection topics.
 * <p>
 * Nothing a device published is lost once the broker acknowledged it: the bridge has a persistent
 * session (clean session off) at QoS 1, so the broker keeps messages while Chizu is away, and it
 * acknowledges each message only after the transaction holding it committed. Messages are stored in
 * batches (up to {@code batch-size}, or what came within {@code batch-wait} of the first); a message
 * that cannot be stored is logged, counted and acknowledged, so it never holds up the others.
 */
@Component
@BackgroundWork
@ConditionalOnExpression("'${chizu.mqtt.url:}' != ''")
class MqttBridge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);
    private static final long RETRY_MILLIS = 1000;

    private final MqttProperties settings;
    private final ObservationBatches batches;
    private final BrokerSubscriptions subscriptions;
    private final ApplicationEventPublisher events;
    private final BlockingQueue<ReceivedMessage> arrived;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** The persistent session that devices' messages come through. */
    private volatile MqttAsyncClient client;
    /**
     * Announcements go out through a connection of their own: the client hands their completion to
     * the same thread as arriving messages, which waits while the bridge is not ready to take more.
     */
    private volatile TopicAnnouncer announcer;
    private volatile MqttAsyncClient announcerClient;
    private volatile boolean running;
    private Thread worker;

    MqttBridge(MqttProperties settings, ObservationBatches batches, BrokerSubscriptions subscriptions, ApplicationEventPublisher events) {
        this.settings = settings;
        this.batches = batches;
        this.subscriptions = subscriptions;
        this.events = events;
        this.arrived = new ArrayBlockingQueue<>(settings.batchSize() * 4);
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name("mqtt-bridge").daemon().start(this::work);
    }

    /** Stops taking messages; those not yet stored stay unacknowledged, and the broker sends them again. */
    @Override
    public synchronized void stop() {
        running = false;
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(client);
        long unannounced = 0;
        if (announcer != null) {
            announcer.stop();
            unannounced = announcer.unannounced();
        }
        close(announcerClient);
        client = null;
        announcer = null;
        announcerClient = null;
        arrived.clear();
        log.info("MQTT bridge stopped: {} observations stored, {} redeliveries left out, {} refused, {} announcements not made (broker unreachable or behind)",
                stored, redelivered, refused, unannounced);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Observations stored, redeliveries left out and messages refused since start-up. */
    long[] counts() {
        return new long[] {stored.get(), redelivered.get(), refused.get()};
    }

    private void work() {
        while (running && !connect()) {
            pause();
        }
        while (running) {
            try {
                List<ReceivedMessage> batch = nextBatch();
                if (!batch.isEmpty()) {
                    storeAndAcknowledge(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean connect() {
        try {
            if (announcer == null) {
                announcerClient = open(settings.clientId() + "-announcer", false);
                announcer = new TopicAnnouncer(announcerClient, subscriptions);
            }
            MqttAsyncClient session = open(settings.clientId(), true);
            // Before anything else: the broker keeps for the session only what its subscriptions match.
            session.subscribe(deviceTopics(), new int[] {1, 1}).waitForCompletion(10_000);
            client = session;
            log.info("MQTT bridge connected to {}", settings.url());
            events.publishEvent(new Connected());
            return true;
        } catch (MqttException e) {
            log.warn("MQTT: cannot connect to {} yet: {}", settings.url(), e.getMessage());
            return false;
        }
    }

    /** Published when the bridge's session connected and subscribed, as Chizu starts or the bridge starts again. */
    record Connected() {
    }

    private String[] deviceTopics() {
        String devices = settings.ingestPrefix() + "v1.1/";
        return new String[] {devices + "+/Observations", devices + "Observations"};
    }

    /** Whether the bridge is connected and subscribed, so that the broker keeps devices' messages for it. */
    boolean connected() {
        MqttAsyncClient session = client;
        return session != null && session.isConnected();
    }

    /** A connected client; the one with the devices' session acknowledges by hand. */
    private MqttAsyncClient open(String clientId, boolean devicesSession) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(!devicesSession);
        options.setAutomaticReconnect(true);
        options.setMaxInflight(10_000);
        options.setSocketFactory(new BufferedSockets());
        options.setUserName(settings.user());
        options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        MqttAsyncClient opening = new MqttAsyncClient(settings.url(), clientId, new MemoryPersistence());
        if (devicesSession) {
            opening.setManualAcks(true);
            opening.setCallback(new Session(opening));
        }
        try {
            opening.connect(options).waitForCompletion(10_000);
        } catch (MqttException e) {
            opening.close(true);
            throw e;
        }
        return opening;
    }

    /** Ends the connection without waiting for work in progress; null is nothing to close. */
    static void close(MqttAsyncClient closing) {
        if (closing == null) {
            return;
        }
        try {
            // Without waiting for work in progress: what was not acknowledged stays with the broker.
            closing.disconnect(0).waitForCompletion(1000);
        } catch (MqttException e) {
            log.debug("MQTT: disconnecting: {}", e.getMessage());
        }
        try {
            closing.close(true);
        } catch (MqttException e) {
            log.debug("MQTT: closing the connection: {}", e.getMessage());
        }
    }

    /** What one client hears from the broker; its messages are acknowledged through it alone. */
    private final class Session implements MqttCallbackExtended {

        private final MqttAsyncClient owner;

        Session(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            try {
                owner.subscribe(deviceTopics(), new int[] {1, 1});
                log.info("MQTT bridge reconnected to {}", serverUri);
            } catch (MqttException e) {
                log.warn("MQTT: cannot subscribe to the devices' observations: {}", e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.warn("MQTT: lost the connection to the broker ({}); reconnecting", cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            String unprefixed = topic.startsWith(settings.ingestPrefix()) ? topic.substring(settings.ingestPrefix().length()) : topic;
            // A full queue holds up the broker's connection, which is the back-pressure wanted.
            arrived.put(ReceivedMessage.read(unprefixed, message.getPayload(), owner, message.getId(), message.getQos()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    private List<ReceivedMessage> nextBatch() throws InterruptedException {
        List<ReceivedMessage> batch = new ArrayList<>();
        ReceivedMessage first = arrived.poll(1, TimeUnit.SECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long until = System.nanoTime() + settings.batchWait().toNanos();
        while (batch.size() < settings.batchSize()) {
            if (arrived.drainTo(batch, settings.batchSize() - batch.size()) == 0) {
                ReceivedMessage next = arrived.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
            }
        }
        return batch;
    }

    /** Tries until the batch is committed, then acknowledges its messages; a stop leaves them to the broker. */
    private void storeAndAcknowledge(List<ReceivedMessage> batch) throws InterruptedException {
        while (running) {
            try {
                ObservationBatches.Outcome outcome = batches.store(batch);
                stored.addAndGet(outcome.stored());
                redelivered.addAndGet(outcome.redelivered());
                refused.addAndGet(outcome.refused());
                acknowledge(batch);
                return;
            } catch (DataAccessException e) {
                log.warn("MQTT: cannot store {} observations yet, trying again: {}", batch.size(), e.getMostSpecificCause().getMessage());
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    /**
     * Acknowledges through the client that received each message. One received by a client since
     * replaced (the bridge stopped and started) is left: its packet id may name another message now,
     * and the broker sends it again to the new client, which recognises it as stored.
     */
    private void acknowledge(List<ReceivedMessage> batch) {
        MqttAsyncClient connected = client;
        for (ReceivedMessage message : batch) {
            if (message.qos() > 0 && message.receiver() == connected) {
                try {
                    connected.messageArrivedComplete(message.messageId(), message.qos());
                } catch (MqttException e) {
                    // The broker sends it again after reconnecting; it is then recognised as stored.
                    log.debug("MQTT: cannot acknowledge message {}: {}", message.messageId(), e.getMessage());
                }
            }
        }
    }

    /** Every committed observation, from MQTT or HTTP, to its datastream's topic (at QoS 0, see {@link TopicAnnouncer}). */
    @TransactionalEventListener
    void announce(ObservationsAppended appended) {
        TopicAnnouncer announcing = announcer;
        if (announcing != null) {
            announcing.announce(appended);
        }
    }

    /** Every committed observation of a MultiDatastream to its topic, as for a Datastream's. */
    @TransactionalEventListener
    void announce(MultiObservationsAppended appended) {
        TopicAnnouncer announcing = announcer;
        if (announcing != null) {
            announcing.announce(appended);
        }
    }

    /**
     * Every committed creation or change of another entity, to the topics of the MQTT extension's
     * subscriptions it concerns. Heard at once when no transaction is open around the request (its
     * writing has committed), else after the surrounding one (a batch's atomicity group) commits.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void announce(EntityChanged changed) {
        TopicAnnouncer announcing = announcer;
        if (announcing != null) {
            announcing.announce(changed);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
