package org.chizu.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/** What the HTTP requests that start jobs share, so that a job takes what the synchronous request takes. */
public final class JobRequests {

    private JobRequests() {
    }

    /**
     * A member of a job's JSON request as the text the query parameter of the same name would hold:
     * an array joined with commas ({@code [131.7, 34.6, …]} as {@code 131.7,34.6,…}), null when absent.
     */
    public static String asParameter(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(part -> joined.append(joined.isEmpty() ? "" : ",").append(part.asText()));
            return joined.toString();
        }
        return value.asText();
    }
}
