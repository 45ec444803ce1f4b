package org.chizu.booking;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A facility's month for staff: every live booking of each of its units, with whose it is and
 * whether it is the town's own use, so staff see at a glance what is booked, waiting or blocked.
 */
@Service
public class FacilityCalendar {

    private final JdbcTemplate jdbc;
    private final BookableUnits units;
    private final BookingProperties properties;

    public FacilityCalendar(JdbcTemplate jdbc, BookableUnits units, BookingProperties properties) {
        this.jdbc = jdbc;
        this.units = units;
        this.properties = properties;
    }

    /**
     * A live booking on the calendar.
     *
     * @param officialPurpose what the town uses the unit for, when this is an official-use block; else null
     */
    public record Entry(long bookingId, long unitId, Label unitName, long accountId, OffsetDateTime start,
                        OffsetDateTime end, BookingState state, String officialPurpose) {
    }

    public record Month(long facilityId, String facilityName, YearMonth month, List<BookableUnit> units, List<Entry> entries) {
    }

    /**
     * The facility's applied and confirmed bookings (and unlapsed holds) that start in the month.
     *
     * @throws BookingProblem 404 when the facility has no bookable unit
     */
    public Month of(long facilityId, YearMonth month) {
        List<BookableUnit> ofFacility = units.list(UnitFilter.all()).stream()
                .filter(unit -> unit.facility().id() == facilityId).toList();
        if (ofFacility.isEmpty()) {
            throw BookingProblem.unknownUnit(facilityId);
        }
        LocalDate first = month.atDay(1);
        List<Entry> entries = jdbc.query("""
                select b.id, b.unit_id, u.name_ja, u.name_en, b.account_id, lower(b.period) as starts, upper(b.period) as ends,
                       b.state, o.purpose
                from booking b join booking_unit u on u.id = b.unit_id
                left join booking_official_use o on o.booking_id = b.id
                where u.facility_id = ? and lower(b.period) >= ? and lower(b.period) < ?
                  and (b.state in ('applied', 'confirmed') or (b.state = 'held' and b.held_until > now()))
                order by lower(b.period), u.name_ja, b.id""",
                (rs, n) -> new Entry(rs.getLong("id"), rs.getLong("unit_id"), new Label(rs.getString("name_ja"), rs.getString("name_en")),
                        rs.getLong("account_id"), local(rs.getObject("starts", OffsetDateTime.class)),
                        local(rs.getObject("ends", OffsetDateTime.class)), BookingState.fromId(rs.getString("state")),
                        rs.getString("purpose")),
                facilityId, Timestamp.from(first.atStartOfDay(properties.zone()).toInstant()),
                Timestamp.from(first.plusMonths(1).atStartOfDay(properties.zone()).toInstant()));
        return new Month(facilityId, ofFacility.getFirst().facility().name(), month, ofFacility, entries);
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(properties.zone()).toOffsetDateTime();
    }
}
