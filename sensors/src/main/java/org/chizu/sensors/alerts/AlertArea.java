package org.chizu.sensors.alerts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where an alert applies: the hazard zones its sensor watches (declared on the sensor's Thing as
 * {@code properties.hazardZones}, ids of layer {@code hazard_zones}), the shelters that serve them and
 * the roads that cross them.
 */
public record AlertArea(List<Zone> zones, List<Shelter> shelters, List<Road> roads) {

    static final AlertArea NONE = new AlertArea(List.of(), List.of(), List.of());

    /** A watched zone, with its outline's rings as CAP polygons ("lat,lon lat,lon …", closed). */
    public record Zone(long id, String kind, String name, @JsonIgnore List<String> capPolygons) {
    }

    /** A shelter designated for the hazard of a watched zone, within the configured distance of it. */
    public record Shelter(long id, String name, String kind, String address, Integer capacity, double distanceMetres, double lon, double lat) {
    }

    /** A road (one route: its name, number and class) with the number of its segments that cross the zones. */
    public record Road(String name, String routeNo, String roadClass, int segments) {
    }
}
