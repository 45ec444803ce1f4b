package org.chizu.catalog.quality;

import java.time.Instant;

/**
 * The outcome of requesting one URL.
 *
 * @param url       the URL requested
 * @param status    the HTTP status it answered with; 0 when it did not answer
 * @param error     why it did not answer; null when it did
 * @param checkedAt when the answer (or the failure) came
 */
public record UrlCheck(String url, int status, String error, Instant checkedAt) {

    /** MQA counts a URL as accessible when it answers with a status from 200 to 399. */
    public boolean answered() {
        return status >= 200 && status < 400;
    }
}
