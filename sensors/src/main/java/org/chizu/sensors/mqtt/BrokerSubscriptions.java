package org.chizu.sensors.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.platform.BackgroundWork;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which topics below {@code v1.1/} clients subscribe to, as the broker says in its log: Mosquitto
 * publishes every subscribe and unsubscribe ({@code log_type subscribe, unsubscribe}) and its notices
 * ({@code log_dest topic}) to {@code $SYS/broker/log/…}, which Chizu follows through a persistent
 * session of its own, so that the broker keeps what it logged while Chizu was away. An MQTT broker
 * otherwise tells nobody what others subscribe to, and a {@code $select} topic
 * ({@code v1.1/Datastreams(1)/Observations?$select=result}) is only delivered when Chizu publishes to
 * that very topic. A client's subscriptions end when it unsubscribes, or when a client with a clean
 * session connects again or goes; they are kept in {@code mqtt_subscription} across Chizu's restarts.
 */
@Component
@BackgroundWork
@ConditionalOnExpression("'${chizu.mqtt.url:}' != ''")
class BrokerSubscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BrokerSubscriptions.class);
    private static final String LOG_TOPICS = "$SYS/broker/log/";
    /** Mosquitto's log lines start with the time in seconds. */
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d+: ");
    private static final Pattern SUBSCRIBED = Pattern.compile("^(.+) [0-2] (v1\\.1/.+)$");
    private static final Pattern UNSUBSCRIBED = Pattern.compile("^(.+?) (v1\\.1/.+)$");
    private static final Pattern CONNECTED = Pattern.compile("^New client connected from \\S+ as (.+) \\(p\\d+, c([01]), k\\d+.*\\)\\.$");
    private static final Pattern GONE = Pattern.compile(
            "^(?:Client (.+) (?:closed its connection|disconnected|has exceeded timeout, disconnecting)|Socket error on client (.+), disconnecting)\\.$");
    private static final long RETRY_MILLIS = 1000;

    /** What readers look at: replaced whole on every change. */
    private record Known(List<String> filters, Map<String, List<TopicSelection>> selections) {
    }

    private final JdbcTemplate jdbc;
    private final MqttProperties settings;
    private final Map<String, Set<String>> filtersByClient = new HashMap<>();
    private final Map<String, Boolean> cleanSession = new HashMap<>();
    /** Whether anyone listens on a topic, as last worked out. */
    private final Map<String, Boolean> wanted = new ConcurrentHashMap<>();
    private volatile Known known = new Known(List.of(), Map.of());
    private volatile MqttAsyncClient client;
    private volatile boolean running;
    private Thread connecting;

    BrokerSubscriptions(JdbcTemplate jdbc, MqttProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        jdbc.query("select client_id, topic_filter from mqtt_subscription", row -> {
            filtersByClient.computeIfAbsent(row.getString(1), id -> new LinkedHashSet<>()).add(row.getString(2));
        });
        publish();
    }

    /** The {@code $select} subscriptions of this topic. */
    List<TopicSelection> selections(String topic) {
        return known.selections().getOrDefault(topic, List.of());
    }

    /** Whether some client holds a subscription (other than a {@code $select} one) that this topic matches. */
    boolean wanted(String topic) {
        Known now = known;
        if (now.filters().isEmpty()) {
            return false;
        }
        if (wanted.size() > 100_000) {
            wanted.clear();
        }
        return wanted.computeIfAbsent(topic, name -> now.filters().stream().anyMatch(filter -> MqttTopic.isMatched(filter, name)));
    }

    /** Follows one line of the broker's log. */
    synchronized void heard(String topic, String line) {
        String text = TIMESTAMP.matcher(line).replaceFirst("");
        Matcher match;
        if (topic.endsWith("/subscribe") && (match = SUBSCRIBED.matcher(text)).matches()) {
            if (filtersByClient.computeIfAbsent(match.group(1), id -> new LinkedHashSet<>()).add(match.group(2))) {
                store("insert into mqtt_subscription (client_id, topic_filter) values (?, ?) on conflict do nothing", match.group(1), match.group(2));
            }
        } else if (topic.endsWith("/unsubscribe") && (match = UNSUBSCRIBED.matcher(text)).matches()) {
            Set<String> filters = filtersByClient.get(match.group(1));
            if (filters == null || !filters.remove(match.group(2))) {
                return;
            }
            store("delete from mqtt_subscription where client_id = ? and topic_filter = ?", match.group(1), match.group(2));
        } else if ((match = CONNECTED.matcher(text)).matches()) {
            boolean clean = match.group(2).equals("1");
            cleanSession.put(match.group(1), clean);
            if (!clean) {
                return;
            }
            forget(match.group(1));
        } else if ((match = GONE.matcher(text)).matches()) {
            String id = match.group(1) != null ? match.group(1) : match.group(2);
            if (!Boolean.TRUE.equals(cleanSession.remove(id))) {
                return;
            }
            forget(id);
        } else {
            return;
        }
        publish();
    }

    /** A clean session's subscriptions end with it. */
    private void forget(String clientId) {
        if (filtersByClient.remove(clientId) != null) {
            store("delete from mqtt_subscription where client_id = ?", clientId);
        }
    }

    private void store(String sql, Object... parameters) {
        try {
            jdbc.update(sql, parameters);
        } catch (DataAccessException e) {
            log.warn("MQTT: cannot keep the broker's subscriptions: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private void publish() {
        Set<String> filters = new LinkedHashSet<>();
        filtersByClient.values().forEach(filters::addAll);
        List<String> plain = new ArrayList<>();
        Map<String, List<TopicSelection>> selections = new HashMap<>();
        for (String filter : filters) {
            TopicSelection.of(filter).ifPresentOrElse(selection -> selections.computeIfAbsent(selection.base(), base -> new ArrayList<>()).add(selection),
                    () -> plain.add(filter));
        }
        known = new Known(List.copyOf(plain), Map.copyOf(selections));
        wanted.clear();
    }

    @Override
    public synchronized void start() {
        running = true;
        connecting = Thread.ofPlatform().name("mqtt-subscriptions").daemon().start(() -> {
            while (running && !connect()) {
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private boolean connect() {
        MqttConnectOptions options = new MqttConnectOptions();
        // Persistent: the broker keeps what it logs while Chizu is away.
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setUserName(settings.user());
        options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        try {
            MqttAsyncClient opening = new MqttAsyncClient(settings.url(), settings.clientId() + "-subscriptions", new MemoryPersistence());
            opening.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    heard(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            try {
                opening.connect(options).waitForCompletion(10_000);
                opening.subscribe(new String[] {LOG_TOPICS + "M/#", LOG_TOPICS + "N"}, new int[] {1, 1}).waitForCompletion(10_000);
            } catch (MqttException e) {
                opening.close(true);
                throw e;
            }
            client = opening;
            return true;
        } catch (MqttException e) {
            log.debug("MQTT: cannot follow the broker's subscriptions yet: {}", e.getMessage());
            return false;
        }
    }

    /** Whether Chizu follows the broker's log now. */
    boolean following() {
        MqttAsyncClient following = client;
        return following != null && following.isConnected();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (connecting != null) {
            connecting.interrupt();
        }
        MqttAsyncClient closing = client;
        client = null;
        MqttBridge.close(closing);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
