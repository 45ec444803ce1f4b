package org.chizu.accounts;

/**
 * Published in the transaction of {@link ApiClients#issue}: the one moment the clear token exists
 * on the server. A module that must let another program check the token (the sensors module writes
 * the MQTT broker's password file) derives its own salted hash from it here and keeps only that.
 *
 * @param clientName the device or API client
 * @param token      the token in clear text; never store or log it
 * @param tokenHash  how {@link ApiClients#tokens()} names this token later
 */
public record ClientTokenIssued(String clientName, String token, String tokenHash) {

    @Override
    public String toString() {
        return "ClientTokenIssued[" + clientName + "]";
    }
}
