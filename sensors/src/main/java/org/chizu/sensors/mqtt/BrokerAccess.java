package org.chizu.sensors.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.ClientScopes;
import org.chizu.accounts.ClientToken;
import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who may use the private broker: Chizu's own user, and every enabled device or API client with its
 * newest token (user name = the client's name, password = the token). The broker's password and ACL
 * files are written from the platform's devices at start-up and whenever they change (looked at every
 * {@code credentials-interval}, since {@code ./chizu device add} and {@code user token revoke} run in
 * processes of their own), and Mosquitto reloads them on SIGHUP, dropping clients that lost access;
 * only while the bridge's session is connected (see {@link #refresh}).
 * Everyone signed in may read {@code v1.1/#}; a client with {@code sensors:observe} may publish
 * observations, on the devices' listeners, only to {@code v1.1/Datastreams(ID)/Observations} and
 * {@code v1.1/MultiDatastreams(ID)/Observations} of the streams of the Things that name it in their properties ({@code "device": "NAME"} or a list of
 * names), so that a device cannot pass for another. {@code v1.1/Observations}, which names its
 * Datastream inside the message where the broker cannot see it, is left to Chizu's own user.
 */
@Component
@BackgroundWork
@EnableScheduling
@ConditionalOnExpression("'${chizu.mqtt.broker-directory:}' != ''")
class BrokerAccess {

    private static final Logger log = LoggerFactory.getLogger(BrokerAccess.class);

    private final ApiClients clients;
    private final DeviceBrokerCredentials credentials;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<MqttBridge> bridge;
    private final MqttProperties settings;
    /** Made once: a new salt each time would make every file differ from the last. */
    private final String serviceLine;
    private String written = "";

    BrokerAccess(ApiClients clients, DeviceBrokerCredentials credentials, JdbcTemplate jdbc, ObjectProvider<MqttBridge> bridge,
                 MqttProperties settings) {
        this.clients = clients;
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.bridge = bridge;
        this.settings = settings;
        this.serviceLine = serviceLine(settings);
    }

    /**
     * Chizu's own line of the password file: the one the file has when it still holds Chizu's password,
     * so that a restart of Chizu finds the files as it would write them and leaves the broker alone.
     */
    private static String serviceLine(MqttProperties settings) {
        String prefix = settings.user() + ":";
        Path passwd = settings.brokerDirectory().resolve("passwd");
        try {
            if (Files.isReadable(passwd)) {
                for (String line : Files.readAllLines(passwd)) {
                    if (line.startsWith(prefix) && MosquittoPasswordHash.matches(line.substring(prefix.length()), settings.password())) {
                        return line + "\n";
                    }
                }
            }
        } catch (IOException e) {
            log.debug("MQTT: cannot read the broker's password file: {}", e.getMessage());
        }
        return prefix + MosquittoPasswordHash.of(settings.password()) + "\n";
    }

    /** Rewrites the broker's files and has it reload them, when the devices changed since the last time. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${chizu.mqtt.credentials-interval:PT10S}")
    synchronized void refresh() {
        Map<String, String> hashes = credentials.byTokenHash();
        Map<String, ClientToken> newest = new LinkedHashMap<>();
        clients.tokens().stream().filter(token -> hashes.containsKey(token.tokenHash()))
                .sorted(Comparator.comparing(ClientToken::issuedAt)).forEach(token -> newest.put(token.clientName(), token));
        StringBuilder passwords = new StringBuilder(serviceLine);
        StringBuilder acl = new StringBuilder("""
                # Written by Chizu from the platform's devices; changes here are overwritten.
                pattern read v1.1/#

                user %s
                topic readwrite #
                topic read $SYS/broker/log/#
                """.formatted(settings.user()));
        Map<String, List<String>> streams = streamsOfDevices();
        newest.values().forEach(token -> {
            String name = token.clientName();
            if (name.contains(":") || name.equals(settings.user())) {
                log.warn("device '{}' cannot use MQTT: its name is {}", name, name.contains(":") ? "not a broker user name (':')" : "Chizu's own");
                return;
            }
            passwords.append(name).append(':').append(hashes.get(token.tokenHash())).append('\n');
            if (token.scopes().contains(ClientScopes.SENSORS_OBSERVE.id()) && streams.containsKey(name)) {
                acl.append("\nuser ").append(name).append('\n');
                streams.get(name).forEach(stream -> acl.append("topic write ").append(settings.ingestPrefix())
                        .append("v1.1/").append(stream).append("/Observations\n"));
            }
        });
        String files = passwords + "\0" + acl;
        Path directory = settings.brokerDirectory();
        if (files.equals(written) || written.isEmpty() && files.equals(onDisk(directory))) {
            // A reload is not free: Mosquitto 2.0 re-checks every session then, and one of Chizu's that is
            // away at that moment (Chizu restarting) may miss what devices publish until it subscribes again.
            written = files;
            return;
        }
        MqttBridge session = bridge.getIfAvailable();
        if (session != null && !session.connected()) {
            // Mosquitto 2.0.11 re-checks every session on a reload, and one restored from its persistence
            // file that is away then gets nothing more until it connects again: what devices publish
            // meanwhile is lost. So the broker reloads only while Chizu's own session is there.
            log.debug("MQTT: the broker's users change once the bridge is connected");
            return;
        }
        try {
            // In place, so that the files keep the owner the broker reads them as.
            Files.writeString(directory.resolve("passwd"), passwords);
            Files.writeString(directory.resolve("acl"), acl);
            reload(directory.resolve("mosquitto.pid"));
            written = files;
            log.info("MQTT broker: {} devices may sign in", newest.size());
        } catch (IOException e) {
            log.warn("cannot update the MQTT broker's users in {}: {}", directory, e.getMessage());
        }
    }

    /** Chizu starting: what changed while it was away reaches the broker as soon as its session is back. */
    @EventListener
    void bridgeConnected(MqttBridge.Connected connected) {
        refresh();
    }

    /** The Datastreams and MultiDatastreams of each device that a Thing names, as addressed ({@code Datastreams(5)}), in order. */
    private Map<String, List<String>> streamsOfDevices() {
        Map<String, List<String>> streams = new HashMap<>();
        jdbc.query("""
                with stream as (select 'Datastreams' as kind, id, thing_id from sta_datastream
                                union all select 'MultiDatastreams', id, thing_id from sta_multi_datastream)
                select device.name, stream.kind || '(' || stream.id || ')'
                from stream
                join sta_thing t on t.id = stream.thing_id
                cross join lateral jsonb_array_elements_text(case jsonb_typeof(t.properties -> 'device')
                    when 'array' then t.properties -> 'device' when 'string' then jsonb_build_array(t.properties -> 'device')
                    else '[]'::jsonb end) device(name)
                order by stream.kind, stream.id""", row -> {
            streams.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(row.getString(2));
        });
        return streams;
    }

    /** The broker's files as they are, in the form {@link #refresh} compares, or null when they cannot be read. */
    private static String onDisk(Path directory) {
        try {
            return Files.readString(directory.resolve("passwd")) + "\0" + Files.readString(directory.resolve("acl"));
        } catch (IOException e) {
            return null;
        }
    }

    private static void reload(Path pidFile) throws IOException {
        String pid = Files.readString(pidFile).strip();
        try {
            int exit = new ProcessBuilder("kill", "-HUP", pid).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IOException("kill -HUP " + pid + " failed (" + exit + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling the broker", e);
        }
    }
}
