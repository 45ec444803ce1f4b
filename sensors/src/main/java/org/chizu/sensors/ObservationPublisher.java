package org.chizu.sensors;

import java.util.List;

/**
 * Publishes readings the way devices do: through the MQTT broker to
 * {@code v1.1/Datastreams(id)/Observations} or {@code v1.1/MultiDatastreams(id)/Observations}, from where the bridge stores them (quality control,
 * alerts and announcements follow as for any device). There is one only when Chizu has a broker
 * ({@code chizu.mqtt.url}).
 */
public interface ObservationPublisher {

    /**
     * Publishes each reading with QoS 1 and returns once the broker has acknowledged them all, so they
     * are stored even if Chizu is restarting at that moment.
     *
     * @throws IllegalStateException when the broker cannot be reached or does not acknowledge in time
     */
    void publish(List<? extends Reading> readings);
}
