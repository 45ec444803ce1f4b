import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
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
 * one datastream (or to one TOPIC) over CONNECTIONS connections, each reading a millisecond after the one before, its
 * value its number. Prints when it started (epoch ms), how long until the broker had acknowledged all, and
 * the CPU time this process spent meanwhile.
 *   java -cp paho.jar bench/SensorsLoad.java DEVICE_URL NAME TOKEN DATASTREAM|TOPIC COUNT CONNECTIONS
 */
public class SensorsLoad {

    /** Messages in flight per connection: the broker's window, waited on rather than spun on (the machine has two cores). */
    static final int IN_FLIGHT = 1000;

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // Printed here: the source launcher of JDK 25 fails on an exception leaving main and hides it.
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Waits up to three minutes until the broker lets the device in (Chizu tells it about new devices
     * every 10 s), each try on a fresh connection that is closed again.
     */
    static void awaitAccess(String url, MqttConnectOptions options) throws Exception {
        long until = System.nanoTime() + 180_000_000_000L;
        while (true) {
            MqttAsyncClient probe = new MqttAsyncClient(url, "bench-probe-" + UUID.randomUUID(), new MemoryPersistence());
            try {
                probe.connect(options).waitForCompletion(10_000);
                probe.disconnect().waitForCompletion(5_000);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_NOT_AUTHORIZED && e.getReasonCode() != MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || System.nanoTime() > until) {
                    throw e;
                }
            } finally {
                probe.close(true);
            }
            Thread.sleep(2_000);
        }
    }

    static void run(String[] args) throws Exception {
        String url = args[0], name = args[1], token = args[2];
        int count = Integer.parseInt(args[4]), connections = Integer.parseInt(args[5]);
        // A datastream's id, or a whole topic (the broker alone: one that nobody subscribes to).
        String topic = args[3].matches("\\d+") ? "v1.1/Datastreams(" + args[3] + ")/Observations" : args[3];
        Instant base = Instant.parse("2026-12-10T00:00:00Z");
        CountDownLatch acknowledged = new CountDownLatch(count);
        List<MqttAsyncClient> clients = new ArrayList<>();
        List<Semaphore> windows = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = new MqttAsyncClient(url, "bench-" + UUID.randomUUID(), new MemoryPersistence());
            Semaphore window = new Semaphore(IN_FLIGHT);
            windows.add(window);
            client.setCallback(new MqttCallback() {
                public void connectionLost(Throwable cause) {
                    System.err.println("connection lost: " + cause);
                }
                public void messageArrived(String t, MqttMessage m) {
                }
                public void deliveryComplete(IMqttDeliveryToken delivered) {
                    window.release();
                    acknowledged.countDown();
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(name);
            options.setPassword(token.toCharArray());
            options.setMaxInflight(IN_FLIGHT);
            if (c == 0) {
                awaitAccess(url, options);
            }
            client.connect(options).waitForCompletion(10_000);
            clients.add(client);
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = os.getProcessCpuTime();
        long start = System.currentTimeMillis();
        System.out.println("start " + start);
        List<Thread> publishers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            MqttAsyncClient client = clients.get(c);
            Semaphore window = windows.get(c);
            int first = c;
            publishers.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < count; i += connections) {
                    byte[] payload = ("{\"phenomenonTime\":\"" + base.plusMillis(i) + "\",\"result\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                    try {
                        window.acquire();
                        client.publish(topic, payload, 1, false);
                    } catch (MqttException | InterruptedException e) {
                        throw new IllegalStateException(e);
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
        System.out.println("cpu " + (os.getProcessCpuTime() - cpuAtStart) / 1_000_000 + " ms");
        for (MqttAsyncClient client : clients) {
            client.disconnect().waitForCompletion(5000);
            client.close();
        }
    }
}
