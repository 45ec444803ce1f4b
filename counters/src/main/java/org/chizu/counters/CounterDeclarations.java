package org.chizu.counters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.SqlIdentifiers;
import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Declares services, offices and the van's routes from a YAML file such as {@code counters/sample-counters.yml}. What is
 * there already is kept; an office whose facility (by the facilities layer's {@code source_id}) the
 * database lacks is skipped.
 */
@Component
public class CounterDeclarations {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private final JdbcTemplate jdbc;
    private final LayerRegistry registry;
    private final VanRoutes vanRoutes;
    private final VanRouteEdits vanEdits;
    private final FacilityPlaces places;

    public CounterDeclarations(JdbcTemplate jdbc, LayerRegistry registry, VanRoutes vanRoutes, VanRouteEdits vanEdits,
                               FacilityPlaces places) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.vanRoutes = vanRoutes;
        this.vanEdits = vanEdits;
        this.places = places;
    }

    record Declared(List<ServiceDeclaration> services, List<OfficeDeclaration> offices, List<VanRouteDeclaration> vanRoutes) {
    }

    /** A van route; its stops name their facility by the layer's source_id, as offices do. */
    record VanRouteDeclaration(String code, Label name, List<String> weekdays, boolean closedOnHolidays,
                               List<VanStopDeclaration> stops) {
    }

    record VanStopDeclaration(String facility, Label name, String arrives, String departs, int slotMinutes, List<String> services) {
    }

    record ServiceDeclaration(String code, String prefix, Label name, int typicalMinutes, List<Label> documents) {
    }

    record OfficeDeclaration(String code, String facility, Label name, boolean remoteTickets, boolean closedOnHolidays,
                             Map<String, String> hours, List<String> services) {
    }

    /** Declares what the resource holds; returns the number of offices added. */
    @Transactional
    public int declare(String resource) {
        Declared declared = read(resource);
        for (ServiceDeclaration service : declared.services()) {
            List<Long> added = jdbc.queryForList("""
                    insert into counter_service (code, prefix, name_ja, name_en, typical_minutes) values (?, ?, ?, ?, ?)
                    on conflict do nothing returning id""", Long.class, service.code(), service.prefix(), service.name().ja(),
                    service.name().en(), service.typicalMinutes());
            for (long id : added) {
                for (int i = 0; i < service.documents().size(); i++) {
                    Label document = service.documents().get(i);
                    jdbc.update("insert into counter_service_document (service_id, position, name_ja, name_en) values (?, ?, ?, ?)",
                            id, i + 1, document.ja(), document.en());
                }
            }
        }
        Layer facilities = registry.find(Offices.FACILITIES)
                .orElseThrow(() -> new IllegalStateException("counters need the layer " + Offices.FACILITIES));
        String facilityBySource = "select f.%s from %s f where f.%s = ? order by f.%s limit 1".formatted(
                SqlIdentifiers.quote(facilities.idColumn()), SqlIdentifiers.quote(facilities.table()),
                SqlIdentifiers.quote("source_id"), SqlIdentifiers.quote(facilities.idColumn()));
        int offices = 0;
        for (OfficeDeclaration office : declared.offices()) {
            List<Long> facility = jdbc.queryForList(facilityBySource, Long.class, office.facility());
            if (facility.isEmpty()) {
                continue;
            }
            List<Long> added = jdbc.queryForList("""
                    insert into counter_office (code, facility_id, name_ja, name_en, remote_tickets, closed_on_holidays)
                    values (?, ?, ?, ?, ?, ?) on conflict (code) do nothing returning id""", Long.class, office.code(),
                    facility.getFirst(), office.name().ja(), office.name().en(), office.remoteTickets(), office.closedOnHolidays());
            for (long id : added) {
                office.hours().forEach((day, hours) -> {
                    String[] span = hours.split("-");
                    jdbc.update("insert into counter_office_hours (office_id, weekday, opens, closes) values (?, ?, ?, ?)",
                            id, WEEKDAYS.get(day).getValue(), LocalTime.parse(span[0]), LocalTime.parse(span[1]));
                });
                for (String service : office.services()) {
                    jdbc.update("""
                            insert into counter_office_service (office_id, service_id)
                            select ?, id from counter_service where code = ?""", id, service);
                }
                offices++;
            }
        }
        declareVanRoutes(declared.vanRoutes() == null ? List.of() : declared.vanRoutes());
        return offices;
    }

    /** Adds the routes not there yet, with those of their stops whose facility the database has. */
    private void declareVanRoutes(List<VanRouteDeclaration> routes) {
        for (VanRouteDeclaration route : routes) {
            if (vanRoutes.all().stream().anyMatch(known -> known.code().equals(route.code()))) {
                continue;
            }
            vanEdits.save(route.code(), new VanRouteEdits.RouteEdit(route.name(), route.weekdays(), route.closedOnHolidays()));
            for (VanStopDeclaration stop : route.stops()) {
                Long facility = places.bySourceId(stop.facility());
                if (facility != null) {
                    vanEdits.addStop(route.code(), new VanRouteEdits.StopEdit(facility, stop.name(), null, stop.arrives(), stop.departs(),
                            stop.slotMinutes(), stop.services()));
                }
            }
        }
    }

    private static Declared read(String resource) {
        try (InputStream in = CounterDeclarations.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Declared.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
