package org.chizu.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes fees from the rules as data: each minute of the booking at its hour band's rate for the
 * fee class (tables {@code booking_fee_band}), extras per hour ({@code booking_fee_extra}), then
 * a reduction or exemption ({@code booking_reduction}). Yen are rounded down line by line. A reduction
 * the rules mark {@code needs_approval} is quoted as pending: its yen are shown but not taken off
 * until staff approve it ({@link ReductionApprovals}).
 */
@Service
public class Fees {

    private final JdbcTemplate jdbc;
    private final BookingProperties properties;

    public Fees(JdbcTemplate jdbc, BookingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * What booking the unit from start to end costs.
     *
     * @param extras    extra codes asked for; each must be the unit's
     * @param reduction a reduction code, or null
     * @param forGroup  whether the booking is made for a verified group (group reductions need it)
     * @throws BookingProblem 422 for an unknown extra or reduction, or a group reduction without a group
     */
    public Quote quote(BookableUnit unit, Instant start, Instant end, FeeClass feeClass, Set<String> extras,
                       String reduction, boolean forGroup) {
        return quote(unit, start, end, feeClass, extras, reduction, forGroup ? GroupStanding.GROUP : GroupStanding.PERSON);
    }

    /**
     * {@link #quote(BookableUnit, Instant, Instant, FeeClass, Set, String, boolean)} for whom the request is made.
     *
     * @throws BookingProblem also 403 "group-not-verified" for a group reduction claimed by an unverified group
     */
    public Quote quote(BookableUnit unit, Instant start, Instant end, FeeClass feeClass, Set<String> extras,
                       String reduction, GroupStanding standing) {
        LocalDateTime from = LocalDateTime.ofInstant(start, properties.zone());
        LocalDateTime to = LocalDateTime.ofInstant(end, properties.zone());
        int minutes = (int) Duration.between(start, end).toMinutes();
        List<Quote.Line> lines = new ArrayList<>(jdbc.query("""
                select starts, ends, yen_per_hour from booking_fee_band
                where unit_id = ? and fee_class = ? and starts < ? and ends > ? order by starts""",
                (rs, n) -> use(rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class),
                        rs.getInt("yen_per_hour"), from.toLocalTime(), to.toLocalTime()),
                unit.id(), feeClass.id(), to.toLocalTime(), from.toLocalTime()));
        for (String code : new TreeSet<>(extras)) {
            lines.add(jdbc.query("select name_ja, name_en, yen_per_hour from booking_fee_extra where unit_id = ? and code = ?",
                    (rs, n) -> new Quote.Line(code, new Label(rs.getString("name_ja"), rs.getString("name_en")), minutes,
                            rs.getInt("yen_per_hour"), rs.getInt("yen_per_hour") * minutes / 60),
                    unit.id(), code).stream().findFirst().orElseThrow(() -> BookingProblem.unknownExtra(unit.id(), code)));
        }
        Quote.Reduction taken = reduction == null || reduction.isBlank() ? null : reduce(reduction, lines, standing);
        int total = lines.stream().mapToInt(Quote.Line::yen).sum() - (taken == null || !taken.takenOff() ? 0 : taken.yen());
        return new Quote(unit.id(), start.atZone(properties.zone()).toOffsetDateTime(), end.atZone(properties.zone()).toOffsetDateTime(),
                feeClass, lines, taken, total);
    }

    /** An extra a unit offers (冷暖房・照明 …) and what it costs per hour. */
    public record Extra(String code, Label name, int yenPerHour) {
    }

    /** The unit's extras, for the forms that let a resident pick what they (will) use. */
    public List<Extra> extras(long unitId) {
        return jdbc.query("select code, name_ja, name_en, yen_per_hour from booking_fee_extra where unit_id = ? order by code",
                (rs, n) -> new Extra(rs.getString("code"), new Label(rs.getString("name_ja"), rs.getString("name_en")),
                        rs.getInt("yen_per_hour")), unitId);
    }

    /**
     * A reduction on offer.
     *
     * @param forGroups     whether only a booking or entry for a verified group may claim it
     * @param needsApproval whether staff decide on it before it comes off the fee
     */
    public record Offered(String code, Label name, int percent, boolean forGroups, boolean needsApproval) {
    }

    /** The reductions on offer, for the page that lets a resident pick one. */
    public List<Offered> reductions() {
        return jdbc.query("""
                select code, name_ja, name_en, percent, basis = 'group' as for_groups, needs_approval
                from booking_reduction order by basis desc, code""",
                (rs, n) -> new Offered(rs.getString("code"), new Label(rs.getString("name_ja"), rs.getString("name_en")),
                        rs.getInt("percent"), rs.getBoolean("for_groups"), rs.getBoolean("needs_approval")));
    }

    private Quote.Reduction reduce(String code, List<Quote.Line> lines, GroupStanding standing) {
        return jdbc.query("""
                select basis, name_ja, name_en, percent, covers_extras, needs_approval from booking_reduction where code = ?""", rs -> {
            if (!rs.next()) {
                throw BookingProblem.unknownReduction(code);
            }
            if (rs.getString("basis").equals("group")) {
                standing.requireGroup(BookingProblem.reductionNeedsGroup(code));
            }
            boolean coversExtras = rs.getBoolean("covers_extras");
            int reducible = lines.stream().filter(line -> line.isUse() || coversExtras).mapToInt(Quote.Line::yen).sum();
            int percent = rs.getInt("percent");
            return new Quote.Reduction(code, new Label(rs.getString("name_ja"), rs.getString("name_en")), percent,
                    reducible * percent / 100, rs.getBoolean("needs_approval") ? Quote.Reduction.PENDING : null);
        }, code);
    }

    private static Quote.Line use(LocalTime bandStart, LocalTime bandEnd, int yenPerHour, LocalTime from, LocalTime to) {
        LocalTime start = from.isAfter(bandStart) ? from : bandStart;
        LocalTime end = to.isBefore(bandEnd) ? to : bandEnd;
        int minutes = (int) Duration.between(start, end).toMinutes();
        return new Quote.Line(Quote.USE, new Label("使用料 " + bandStart + "〜" + bandEnd, "Use " + bandStart + "–" + bandEnd),
                minutes, yenPerHour, yenPerHour * minutes / 60);
    }
}
