package org.chizu.booking;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The month's use of each facility (施設利用状況), as towns report it to their department: how much
 * of the open time was booked, by how many people, in how many bookings, and how many of those were
 * applied for online rather than made by staff, how many people came and how many bookings nobody
 * came to (as confirmed after use), and the money: fees taken, 減免 given, refunds and extras owed after
 * use. Bookings count in the month they start.
 */
@Service
public class MonthlyUsage {

    private static final String USE = """
            select u.facility_id,
                   sum(extract(epoch from upper(b.period) - lower(b.period))) filter (where o.booking_id is null) / 3600.0 as booked_hours,
                   sum(extract(epoch from upper(b.period) - lower(b.period))) filter (where o.booking_id is not null) / 3600.0 as official_hours,
                   count(*) filter (where o.booking_id is null) as bookings,
                   count(distinct b.account_id) filter (where o.booking_id is null) as users,
                   count(*) filter (where o.booking_id is null and s.booking_id is null) as digital,
                   coalesce(sum(a.headcount) filter (where o.booking_id is null), 0) as headcount,
                   count(*) filter (where o.booking_id is null and a.no_show) as no_shows
            from booking b join booking_unit u on u.id = b.unit_id
            left join booking_after_use a on a.booking_id = b.id
            left join booking_official_use o on o.booking_id = b.id
            left join booking_by_staff s on s.booking_id = b.id
            where b.state = 'confirmed' and lower(b.period) >= ? and lower(b.period) < ?
            group by grouping sets ((u.facility_id), ())
            """;
    /**
     * The money of the bookings starting in the month: a cancelled booking's payment counts (what was
     * taken, and what the cancellation rules handed back); reductions count for bookings that stood.
     */
    private static final String FEES = """
            select u.facility_id,
                   coalesce(sum(p.amount_yen) filter (where p.state in ('paid', 'refunded', 'partially-refunded')), 0) as charged,
                   coalesce(sum(cast(b.quote -> 'reduction' ->> 'yen' as integer)) filter (where b.state = 'confirmed'), 0) as reduced,
                   coalesce(sum(p.refunded_yen), 0) as refunded,
                   coalesce(sum(a.extra_yen), 0) as extras
            from booking b join booking_unit u on u.id = b.unit_id
            left join booking_payment p on p.booking_id = b.id
            left join booking_after_use a on a.booking_id = b.id
            where b.state in ('confirmed', 'cancelled', 'expired') and lower(b.period) >= ? and lower(b.period) < ?
            group by grouping sets ((u.facility_id), ())
            """;

    private final JdbcTemplate jdbc;
    private final BookableUnits units;
    private final Availability availability;
    private final BookingProperties properties;

    public MonthlyUsage(JdbcTemplate jdbc, BookableUnits units, Availability availability, BookingProperties properties) {
        this.jdbc = jdbc;
        this.units = units;
        this.availability = availability;
        this.properties = properties;
    }

    /**
     * One facility's month, or the town's total (then {@code facilityId} is null).
     *
     * @param openHours     the hours its units were open for booking, holidays and closed days left out
     * @param bookedHours   the hours residents booked (confirmed bookings)
     * @param officialHours the hours the town blocked for its own use (公用)
     * @param users         distinct people or groups who booked (in the total, each once)
     * @param digital       bookings residents applied for online, not made by staff
     * @param headcount     people who came (利用人数), as confirmed after use
     * @param noShows       bookings nobody came to (無断キャンセル), as staff recorded after use
     * @param fees          the money of the month's bookings
     */
    public record FacilityUse(Long facilityId, String facilityName, int units, double openHours, double bookedHours,
                              double officialHours, long bookings, long users, long digital, long headcount, long noShows,
                              Fees fees) {

        /** Booked and official hours over open hours, 0–1 (0 when it was never open). */
        @JsonProperty
        public double occupancy() {
            return openHours == 0 ? 0 : (bookedHours + officialHours) / openHours;
        }

        /** Online applications over bookings, 0–1 (0 without bookings). */
        @JsonProperty
        public double digitalRate() {
            return bookings == 0 ? 0 : (double) digital / bookings;
        }
    }

    /**
     * The money of a facility's month, in yen.
     *
     * @param chargedYen  fees taken, at the counter or online (also of bookings since cancelled)
     * @param reducedYen  taken off by reductions and exemptions (減免) on bookings that stood
     * @param refundedYen handed back by the cancellation rules (還付)
     * @param extrasYen   owed on top after use (利用後追加料金), paid or not yet
     */
    public record Fees(long chargedYen, long reducedYen, long refundedYen, long extrasYen) {

        static final Fees NONE = new Fees(0, 0, 0, 0);
    }

    public record Report(YearMonth month, List<FacilityUse> facilities, FacilityUse total) {
    }

    public Report of(YearMonth month) {
        Map<Long, List<BookableUnit>> byFacility = new LinkedHashMap<>();
        units.list(UnitFilter.all()).forEach(unit -> byFacility.computeIfAbsent(unit.facility().id(), id -> new ArrayList<>()).add(unit));
        LocalDate first = month.atDay(1);
        Timestamp from = Timestamp.from(first.atStartOfDay(properties.zone()).toInstant());
        Timestamp until = Timestamp.from(first.plusMonths(1).atStartOfDay(properties.zone()).toInstant());
        Map<Long, Fees> money = new LinkedHashMap<>();
        jdbc.query(FEES, rs -> {
            money.put(key(rs.getObject("facility_id", Long.class)), new Fees(rs.getLong("charged"), rs.getLong("reduced"),
                    rs.getLong("refunded"), rs.getLong("extras")));
        }, from, until);
        Map<Long, FacilityUse> used = new LinkedHashMap<>();
        jdbc.query(USE, rs -> {
            Long facility = rs.getObject("facility_id", Long.class);
            used.put(key(facility), new FacilityUse(facility, null, 0, 0, rs.getDouble("booked_hours"),
                    rs.getDouble("official_hours"), rs.getLong("bookings"), rs.getLong("users"), rs.getLong("digital"),
                    rs.getLong("headcount"), rs.getLong("no_shows"), null));
        }, from, until);
        List<FacilityUse> facilities = new ArrayList<>();
        double openTotal = 0;
        int unitsTotal = 0;
        for (List<BookableUnit> ofFacility : byFacility.values()) {
            BookableUnit.Facility facility = ofFacility.getFirst().facility();
            double open = ofFacility.stream().mapToDouble(unit -> openHours(unit, month)).sum();
            facilities.add(row(facility.id(), facility.name(), ofFacility.size(), open, used, money));
            openTotal += open;
            unitsTotal += ofFacility.size();
        }
        return new Report(month, facilities, row(null, "合計", unitsTotal, openTotal, used, money));
    }

    /** The grouping-sets row's key: the facility, or -1 for the total. */
    private static long key(Long facilityId) {
        return facilityId == null ? -1L : facilityId;
    }

    private static FacilityUse row(Long facilityId, String name, int units, double open, Map<Long, FacilityUse> used,
                                   Map<Long, Fees> money) {
        FacilityUse use = used.getOrDefault(key(facilityId), new FacilityUse(facilityId, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
        return new FacilityUse(facilityId, name, units, open, use.bookedHours(), use.officialHours(), use.bookings(),
                use.users(), use.digital(), use.headcount(), use.noShows(), money.getOrDefault(key(facilityId), Fees.NONE));
    }

    /** The unit's slots on its open days of the month, in hours. */
    private double openHours(BookableUnit unit, YearMonth month) {
        long slots = availability.of(unit.id(), month).days().stream().mapToLong(day -> day.slots().size()).sum();
        return unit.slot().multipliedBy(slots).toMinutes() / 60.0;
    }
}
