package org.chizu.forestry.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who may download what of a survey, and the log of every download: whatever serves the data (a whole
 * product file now, clip jobs later) asks {@link #grant} first and calls {@link #log} as it serves.
 * The town's KPI (organisations using the data, downloads per month) is read from the log.
 */
@Service
public class Downloads {

    /** An approved application that lets an organisation have a survey's product. */
    public record Grant(long applicationId, long organisationId) {
    }

    private final JdbcTemplate jdbc;

    public Downloads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest approved application of one of these organisations that names the product and whose
     * area overlaps one of the survey's tiles; empty when there is none.
     */
    public Optional<Grant> grant(Set<Long> organisations, long surveyId, DataProduct product) {
        return jdbc.query("""
                select a.id, a.organisation_id from forestry_application a
                where a.organisation_id = any(?) and a.status = 'approved' and ? = any(a.products)
                  and exists (select from laser_tile t where t.survey_id = ? and ST_Intersects(t.footprint, a.area))
                order by a.id limit 1""", (row, n) -> new Grant(row.getLong("id"), row.getLong("organisation_id")),
                organisations.toArray(Long[]::new), product.id, surveyId).stream().findFirst();
    }

    /** Records one download by an organisation's member under an approved application. */
    public void log(Grant grant, long accountId, long surveyId, DataProduct product, long byteSize) {
        jdbc.update("""
                insert into forestry_download (application_id, organisation_id, account_id, survey_id, product, byte_size)
                values (?, ?, ?, ?, ?, ?)""", grant.applicationId(), grant.organisationId(), accountId, surveyId, product.id, byteSize);
    }

    /**
     * The town's KPI: organisations that downloaded data, organisations approved, pending applications,
     * and per month (Japan time) the downloads, the organisations downloading and the bytes.
     */
    public Map<String, Object> kpis() {
        Map<String, Object> kpis = new LinkedHashMap<>(jdbc.queryForMap("""
                select (select count(distinct organisation_id) from forestry_download) as "organisationsUsing",
                       (select count(distinct organisation_id) from forestry_application where status = 'approved') as "organisationsApproved",
                       (select count(*) from forestry_application where status = 'pending') as "applicationsPending",
                       (select count(*) from forestry_download) as "downloads\""""));
        kpis.put("downloadsPerMonth", perMonth());
        return kpis;
    }

    /** Per month (Japan time), oldest first: the downloads, the organisations downloading and the bytes. */
    public List<Map<String, Object>> perMonth() {
        return jdbc.queryForList("""
                select to_char(downloaded_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month, count(*) as downloads,
                       count(distinct organisation_id) as organisations, sum(byte_size) as bytes
                from forestry_download group by 1 order by 1""");
    }
}
