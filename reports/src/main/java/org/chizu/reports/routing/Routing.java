package org.chizu.reports.routing;

import org.chizu.platform.Label;

/**
 * Where a report goes: the point it is filed at, what it was snapped to and the body that handles it.
 *
 * @param lon              longitude of the filed point (JGD2011): on the road when snapped to one,
 *                         else the resident's pin (a pipe's position is never revealed)
 * @param lat              latitude of the filed point
 * @param municipalityCode the municipality containing the pin, or null while none is loaded
 * @param road             the road the pin was snapped to, or null
 * @param pipeId           the water pipe within tolerance, or null
 * @param snappedMetres    how far the pin was from the road or pipe, or null when nothing was snapped
 * @param body             the responsible body
 */
public record Routing(double lon, double lat, String municipalityCode, SnappedRoad road, String pipeId,
        Double snappedMetres, Body body) {

    /** The road segment a pin lies on (roads layer). */
    public record SnappedRoad(long id, String routeNo, String name, String roadClass, String administrator) {
    }

    /**
     * A body that handles reports.
     *
     * @param code    a stable id ("city_roads", "waterworks")
     * @param name    its name, shown to the resident
     * @param contact how residents reach it, or null
     */
    public record Body(String code, Label name, String contact) {
    }
}
