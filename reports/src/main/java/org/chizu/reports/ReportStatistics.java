package org.chizu.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A month of reports in numbers for the road department: how many came in, how many were closed and
 * the median days from report to its last close (reports closed now, so a reopened one waits for its
 * next close), in all, by category and by town. Months are Japan's; spam
 * (rejected reports) does not count.
 */
@Repository
public class ReportStatistics {

    private final NamedParameterJdbcTemplate jdbc;

    public ReportStatistics(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param key                 a category code or a five-digit town code; null for the whole month
     * @param medianDaysToClose   over the reports closed in the month; null when none was
     */
    public record Group(String key, long received, long closed, Double medianDaysToClose) {
    }

    public record Month(YearMonth month, Group total, List<Group> byCategory, List<Group> byTown) {
    }

    public Month of(YearMonth month) {
        List<Group> byCategory = new ArrayList<>();
        List<Group> byTown = new ArrayList<>();
        Group[] total = {new Group(null, 0, 0, null)};
        jdbc.query("""
                with bounds as (
                    select cast(:first as date) at time zone 'Asia/Tokyo' as start,
                           (cast(:first as date) + interval '1 month') at time zone 'Asia/Tokyo' as stop),
                received as (
                    select r.category, coalesce(r.municipality_code, '') as town, 1 as received, 0 as closed,
                           null::double precision as days
                    from report r, bounds b
                    where r.moderation <> 'rejected' and r.reported_at >= b.start and r.reported_at < b.stop),
                closed as (
                    select r.category, coalesce(r.municipality_code, '') as town, 0, 1,
                           extract(epoch from c.closed_at - r.reported_at) / 86400
                    from report r
                    join lateral (select max(u.changed_at) as closed_at from report_update u
                                  where u.report_id = r.id and u.status = 'closed') c on true, bounds b
                    where r.status = 'closed' and r.moderation <> 'rejected'
                      and c.closed_at >= b.start and c.closed_at < b.stop),
                counted as (select * from received union all select * from closed)
                select grouping(category) as all_categories, grouping(town) as all_towns, category, town,
                       sum(received) as received, sum(closed) as closed,
                       percentile_cont(0.5) within group (order by days) as median_days
                from counted
                group by grouping sets ((), (category), (town))
                order by category nulls first, town nulls first""",
                new MapSqlParameterSource("first", month.atDay(1)), rs -> {
                    double median = rs.getDouble("median_days");
                    Double medianDays = rs.wasNull() ? null : Math.round(median * 10) / 10.0;
                    boolean allCategories = rs.getInt("all_categories") == 1;
                    boolean allTowns = rs.getInt("all_towns") == 1;
                    String key = allCategories ? (allTowns ? null : rs.getString("town")) : rs.getString("category");
                    Group group = new Group(key, rs.getLong("received"), rs.getLong("closed"), medianDays);
                    if (allCategories && allTowns) {
                        total[0] = group;
                    } else if (allTowns) {
                        byCategory.add(group);
                    } else {
                        byTown.add(group);
                    }
                });
        return new Month(month, total[0], byCategory, byTown);
    }
}
