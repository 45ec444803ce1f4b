package org.chizu.reports;

import java.util.UUID;

import org.chizu.platform.Label;

/**
 * What the resident is told once a report is durably stored ("received"): its number, the token to
 * follow it with, and who will handle it.
 *
 * @param id            the report's number (the Open311 service_request_id once it is public)
 * @param token         the Open311 token
 * @param category      the category code
 * @param body          the responsible body
 * @param bodyContact   how to reach the body, or null
 * @param routeNo       the route number of the road the pin was snapped to, or null
 * @param roadName      that road's name, or null
 * @param photos        how many photos were stored
 * @param alreadyFiled  true when this answers a retried submission that had been stored before
 */
public record Receipt(long id, UUID token, String category, Label body, String bodyContact, String routeNo,
        String roadName, int photos, boolean alreadyFiled) {
}
