package org.chizu.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What a resident looks for: units by kind, capacity and day, free at a time of that day, nearest
 * first to a place they chose. The units are few (a town has tens), so distance and the time are
 * checked here on the filtered list rather than in a query of their own.
 */
@Service
public class UnitSearch {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final BookableUnits units;
    private final Availability availability;

    public UnitSearch(BookableUnits units, Availability availability) {
        this.units = units;
        this.availability = availability;
    }

    /** A longitude and latitude (WGS 84). */
    public record Place(double lon, double lat) {
    }

    /**
     * A unit found.
     *
     * @param metres    how far its facility is from the place, when a place was given; else null
     * @param freeSlots the free slots of the day asked for (from the time asked for, when given); null without a day
     */
    public record Found(BookableUnit unit, Long metres, List<Availability.Slot> freeSlots) {
    }

    /**
     * @param filter kind, capacity and day ({@link UnitFilter#openOn()})
     * @param from   only units with a free slot starting at or after this time of the day; null for any
     * @param place  sort nearest first from here; null keeps the units' order
     */
    public List<Found> search(UnitFilter filter, LocalTime from, Place place) {
        LocalDate day = filter.openOn();
        List<Found> found = units.list(filter).stream().map(unit -> new Found(unit,
                        place == null ? null : Math.round(metres(place, unit.facility())),
                        day == null ? null : freeSlots(unit, day, from)))
                .filter(result -> result.freeSlots() == null || !result.freeSlots().isEmpty()).toList();
        return place == null ? found : found.stream().sorted(Comparator.comparingLong(Found::metres)).toList();
    }

    private List<Availability.Slot> freeSlots(BookableUnit unit, LocalDate day, LocalTime from) {
        return availability.of(unit.id(), YearMonth.from(day)).days().get(day.getDayOfMonth() - 1).slots().stream()
                .filter(slot -> slot.state() == Availability.SlotState.FREE)
                .filter(slot -> from == null || !slot.start().toLocalTime().isBefore(from)).toList();
    }

    /** Great-circle distance (haversine on the mean Earth radius): metres' precision is plenty for "how far". */
    static double metres(Place place, BookableUnit.Facility facility) {
        double dLat = Math.toRadians(facility.lat() - place.lat());
        double dLon = Math.toRadians(facility.lon() - place.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(place.lat())) * Math.cos(Math.toRadians(facility.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(a));
    }
}
