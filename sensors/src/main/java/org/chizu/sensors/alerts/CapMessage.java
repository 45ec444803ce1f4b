package org.chizu.sensors.alerts;

import java.util.List;

/**
 * One OASIS CAP 1.2 message (an alert's step), with CAP's element names: the CAP feed writes it as
 * XML, webhooks send it as JSON.
 *
 * @param sent       CAP time: seconds and Japan's offset
 * @param msgType    Alert (raised), Update (its level changed) or Cancel (cleared)
 * @param references the earlier messages of the alert (sender,identifier,sent …), or null for the first
 * @param info       in Japanese, then in English
 */
public record CapMessage(String identifier, String sender, String sent, String status, String msgType, String scope, String references,
                         List<Info> info) {

    /** One language's {@code info} block. */
    public record Info(String language, String category, String event, String responseType, String urgency, String severity,
                       String certainty, String senderName, String headline, String description, Area area) {
    }

    /** The watched zones, named, with their outlines as CAP polygons. */
    public record Area(String areaDesc, List<String> polygons) {
    }
}
