package org.chizu.counters;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chizu.platform.Label;

/**
 * A round of the mobile counter van (移動窓口車): the stops it makes, in order, on each of its weekdays.
 *
 * @param weekdays         the days of the week it runs
 * @param closedOnHolidays whether it stays home on public holidays and 年末年始, as offices do
 */
public record VanRoute(long id, String code, Label name, Set<DayOfWeek> weekdays, boolean closedOnHolidays, List<VanStop> stops) {

    public VanRoute {
        weekdays = Set.copyOf(weekdays);
        stops = List.copyOf(stops);
    }

    /** The van's working hours on each of its weekdays: from its first arrival to its last departure. */
    public Map<DayOfWeek, OpeningHours> weekly() {
        Map<DayOfWeek, OpeningHours> weekly = new EnumMap<>(DayOfWeek.class);
        if (!stops.isEmpty()) {
            OpeningHours span = new OpeningHours(stops.getFirst().arrives(), stops.getLast().departs());
            weekdays.forEach(day -> weekly.put(day, span));
        }
        return weekly;
    }

    /** The topic of live events that announces the van's position and next stop. */
    public String topic() {
        return "counters.van." + code;
    }
}
