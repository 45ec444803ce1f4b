import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Devices publishing observations at QoS 1 as fast as the broker acknowledges them: COUNT readings of
 * one datastream over CONNECTIONS connections, each reading a millisecond after the one before, its
 * value its number. Prints when it started (epoch ms) and how long until the broker had acknowledged all.
 *   java -cp paho.jar bench/SensorsLoad.java DEVICE_URL NAME TOKEN DATASTREAM COUNT CONNECTIONS
 */
public class SensorsLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0], name = args[1], token = args[2];
        long datastream = Long.parseLong(args[3]);
        int count = Integer.parseInt(args[4]), connections = Integer.parseInt(args[5]);
        String topic = "v1.1/Datastreams(" + datastream + ")/Observations";
        Instant base = Instant.parse("2026-12-10T00:00:00Z");
        CountDownLatch acknowledged = new CountDownLatch(count);
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = new MqttAsyncClient(url, "bench-" + UUID.randomUUID(), new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                public void connectionLost(Throwable cause) {
                    System.err.println("connection lost: " + cause);
                }
                public void messageArrived(String t, MqttMessage m) {
                }
                public void deliveryComplete(IMqttDeliveryToken delivered) {
                    acknowledged.countDown();
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(name);
            options.setPassword(token.toCharArray());
            options.setMaxInflight(1000);
            client.connect(options).waitForCompletion(10_000);
            clients.add(client);
        }
        long start = System.currentTimeMillis();
        System.out.println("start " + start);
        List<Thread> publishers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = clients.get(c);
            int first = c;
            publishers.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < count; i += connections) {
                    byte[] payload = ("{\"phenomenonTime\":\"" + base.plusMillis(i) + "\",\"result\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                    while (true) {
                        try {
                            client.publish(topic, payload, 1, false);
                            break;
                        } catch (MqttException e) {
                            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                                throw new IllegalStateException(e);
                            }
                            Thread.onSpinWait();
                        }
                    }
                }
            }));
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        if (!acknowledged.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException(acknowledged.getCount() + " not acknowledged");
        }
        System.out.println("acknowledged " + (System.currentTimeMillis() - start) + " ms");
        for (MqttAsyncClient client : clients) {
            client.disconnect().waitForCompletion(5000);
            client.close();
        }
    }
}
