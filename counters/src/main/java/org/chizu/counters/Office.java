package org.chizu.counters;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.platform.Label;

/**
 * An office or branch with counters (本庁・支所), at a feature of the facilities layer.
 *
 * @param code             its identifier in addresses ({@code honcho})
 * @param place            the facility it is in
 * @param remoteTickets    whether residents may take a ticket from their phone, away from the office
 * @param closedOnHolidays whether it closes on public holidays (and 年末年始, 29 December – 3 January)
 * @param hours            opening hours per weekday; a weekday without hours is a closed day
 * @param services         the services it handles
 */
public record Office(long id, String code, Label name, Place place, boolean remoteTickets, boolean closedOnHolidays,
                     Map<DayOfWeek, OpeningHours> hours, List<CounterService> services) {

    /** The facility an office is in, as the facilities layer has it; lon/lat in JGD2011. */
    public record Place(long facilityId, String name, String address, double lon, double lat) {
    }

    public Optional<CounterService> service(String serviceCode) {
        return services.stream().filter(service -> service.code().equals(serviceCode)).findFirst();
    }

    /** The topic of live events that announces every change of this office's queue. */
    public String topic() {
        return "counters.office." + code;
    }
}
