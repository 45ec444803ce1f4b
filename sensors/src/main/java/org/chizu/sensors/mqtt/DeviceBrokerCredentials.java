package org.chizu.sensors.mqtt;

import java.util.HashMap;
import java.util.Map;

import org.chizu.accounts.ClientTokenIssued;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The broker's hash of every device token, made when the token is issued ({@code ./chizu device
 * add} included: it is no background work) in the same transaction, so that a device logs in to
 * the broker with the same token it sends over HTTP.
 */
@Component
class DeviceBrokerCredentials {

    private final JdbcTemplate jdbc;

    DeviceBrokerCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void keep(ClientTokenIssued issued) {
        jdbc.update("insert into mqtt_device_credential (token_hash, client_name, broker_hash) values (?, ?, ?) on conflict do nothing",
                issued.tokenHash(), issued.clientName(), MosquittoPasswordHash.of(issued.token()));
    }

    /** The broker's hash of each token that has one, by the token's platform hash. */
    Map<String, String> byTokenHash() {
        Map<String, String> hashes = new HashMap<>();
        jdbc.query("select token_hash, broker_hash from mqtt_device_credential", row -> {
            hashes.put(row.getString(1), row.getString(2));
        });
        return hashes;
    }
}
