package org.chizu.counters;

import java.time.LocalTime;
import java.util.List;

import org.chizu.platform.Label;

/**
 * A stop of the van's round: where it parks (a facility of the facilities layer, usually a hamlet's
 * 公民館), from when to when, and the services it offers there. Residents reserve its slots of
 * {@code slotMinutes} through booking ({@code bookingUnitId}).
 *
 * @param name the stop's name as residents know it (匹見下公民館), else the facility's
 */
public record VanStop(long id, String route, int position, Label name, Office.Place place, LocalTime arrives, LocalTime departs,
                      int slotMinutes, List<CounterService> services, Long bookingUnitId) {

    public VanStop {
        services = List.copyOf(services);
    }

    public boolean offers(String serviceCode) {
        return services.stream().anyMatch(service -> service.code().equals(serviceCode));
    }
}
