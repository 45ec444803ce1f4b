import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Devices publishing observations at QoS 1 as fast as the broker acknowledges them: COUNT readings of
 * one datastream (or to one TOPIC) over CONNECTIONS connections, each reading a millisecond after the one
 * before, its value its number. Prints when it started (epoch ms), how long until the broker had
 * acknowledged all, and the CPU time this process spent meanwhile.
 * <p>
 * It speaks MQTT 3.1.1 itself (CONNECT, PUBLISH at QoS 1, PUBACK, DISCONNECT) and writes a window of
 * messages at a time: a general client spends more of the machine's two cores per message than the
 * broker does, and every core it takes is one the broker and Chizu do not get. The devices it stands
 * for are elsewhere.
 *   java bench/SensorsLoad.java DEVICE_URL NAME TOKEN DATASTREAM|TOPIC COUNT CONNECTIONS
 */
public class SensorsLoad {

    /** Messages in flight per connection: the broker's window, waited on rather than spun on (the machine has two cores). */
    static final int IN_FLIGHT = 1000;
    /** Messages written before the buffer goes to the socket, unless the window fills first. */
    static final int WRITE_BURST = 100;
    static final int CONNACK_REFUSED_CREDENTIALS = 4;
    static final int CONNACK_NOT_AUTHORIZED = 5;

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // Printed here: the source launcher of JDK 25 fails on an exception leaving main and hides it.
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** A broker that refused the device's sign-in, with the CONNACK return code. */
    static final class Refused extends IOException {
        final int code;

        Refused(int code) {
            super("the broker refused the connection: CONNACK return code " + code);
            this.code = code;
        }
    }

    /** One signed-in MQTT connection publishing at QoS 1 with a window of unacknowledged messages. */
    static final class Connection {
        final Socket socket;
        final DataOutputStream out;
        final DataInputStream in;
        final Semaphore window = new Semaphore(IN_FLIGHT);
        int nextPacketId = 1;

        Connection(URI broker, String name, String token) throws IOException {
            socket = new Socket(broker.getHost(), broker.getPort());
            socket.setTcpNoDelay(true);
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            try {
                connect(name, token);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        private void connect(String name, String token) throws IOException {
            byte[] clientId = utf8("bench-" + UUID.randomUUID());
            byte[] user = utf8(name);
            byte[] password = utf8(token);
            int length = 10 + 2 + clientId.length + 2 + user.length + 2 + password.length;
            out.writeByte(0x10);
            writeLength(length);
            out.writeShort(4);
            out.write(utf8("MQTT"));
            out.writeByte(4);                 // MQTT 3.1.1
            out.writeByte(0x80 | 0x40 | 0x02); // user name, password, clean session
            out.writeShort(60);               // keep alive, seconds
            writeString(clientId);
            writeString(user);
            writeString(password);
            out.flush();
            if (in.readUnsignedByte() != 0x20 || in.readUnsignedByte() != 2) {
                throw new IOException("the broker did not answer with a CONNACK");
            }
            in.readUnsignedByte();
            int code = in.readUnsignedByte();
            if (code != 0) {
                throw new Refused(code);
            }
        }

        /** Writes a PUBLISH at QoS 1 once the window has room; the buffer goes out in bursts, or before waiting. */
        void publish(byte[] topic, byte[] payload, boolean lastOfBurst) throws IOException, InterruptedException {
            if (!window.tryAcquire()) {
                out.flush();
                window.acquire();
            }
            int packetId = nextPacketId;
            nextPacketId = nextPacketId == 65535 ? 1 : nextPacketId + 1;
            out.writeByte(0x32);
            writeLength(2 + topic.length + 2 + payload.length);
            writeString(topic);
            out.writeShort(packetId);
            out.write(payload);
            if (lastOfBurst) {
                out.flush();
            }
        }

        /** Reads the broker's PUBACKs until COUNT arrived, opening the window for each. */
        void readAcknowledgements(int count, CountDownLatch acknowledged) throws IOException {
            for (int i = 0; i < count; i++) {
                int type = in.readUnsignedByte();
                int length = in.readUnsignedByte();
                if (type != 0x40 || length != 2) {
                    throw new IOException("expected a PUBACK, not packet type " + (type >> 4));
                }
                in.readUnsignedShort();
                window.release();
                acknowledged.countDown();
            }
        }

        void disconnect() throws IOException {
            out.writeByte(0xE0);
            out.writeByte(0);
            out.flush();
            socket.close();
        }

        private void writeString(byte[] text) throws IOException {
            out.writeShort(text.length);
            out.write(text);
        }

        private void writeLength(int length) throws IOException {
            do {
                int digit = length % 128;
                length /= 128;
                out.writeByte(length > 0 ? digit | 0x80 : digit);
            } while (length > 0);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A connection once the broker lets the device in: Chizu tells it about new devices every 10 s, so
     * a refused sign-in is tried again, for up to three minutes.
     */
    static Connection awaitAccess(URI broker, String name, String token) throws Exception {
        long until = System.nanoTime() + 180_000_000_000L;
        while (true) {
            try {
                return new Connection(broker, name, token);
            } catch (Refused e) {
                if (e.code != CONNACK_REFUSED_CREDENTIALS && e.code != CONNACK_NOT_AUTHORIZED || System.nanoTime() > until) {
                    throw e;
                }
            }
            Thread.sleep(2_000);
        }
    }

    static void run(String[] args) throws Exception {
        URI broker = URI.create(args[0]);
        String name = args[1], token = args[2];
        int count = Integer.parseInt(args[4]), connections = Integer.parseInt(args[5]);
        // A datastream's id, or a whole topic (the broker alone: one that nobody subscribes to).
        byte[] topic = utf8(args[3].matches("\\d+") ? "v1.1/Datastreams(" + args[3] + ")/Observations" : args[3]);
        Instant base = Instant.parse("2026-12-10T00:00:00Z");
        CountDownLatch acknowledged = new CountDownLatch(count);
        List<Connection> opened = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            opened.add(c == 0 ? awaitAccess(broker, name, token) : new Connection(broker, name, token));
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = os.getProcessCpuTime();
        long start = System.currentTimeMillis();
        System.out.println("start " + start);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection connection = opened.get(c);
            int first = c;
            int mine = (count - first + connections - 1) / connections;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    connection.readAcknowledgements(mine, acknowledged);
                } catch (EOFException e) {
                    System.err.println("the broker closed the connection");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = first, n = 1; i < count; i += connections, n++) {
                        byte[] payload = utf8("{\"phenomenonTime\":\"" + base.plusMillis(i) + "\",\"result\":" + i + "}");
                        connection.publish(topic, payload, n % WRITE_BURST == 0 || i + connections >= count);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        if (!acknowledged.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException(acknowledged.getCount() + " not acknowledged");
        }
        System.out.println("acknowledged " + (System.currentTimeMillis() - start) + " ms");
        System.out.println("cpu " + (os.getProcessCpuTime() - cpuAtStart) / 1_000_000 + " ms");
        for (Thread thread : threads) {
            thread.join();
        }
        for (Connection connection : opened) {
            connection.disconnect();
        }
    }
}
