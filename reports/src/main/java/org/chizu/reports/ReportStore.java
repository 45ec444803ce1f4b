package org.chizu.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chizu.platform.Label;
import org.chizu.reports.photos.ProcessedPhoto;
import org.chizu.reports.routing.Routing;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reports, their photos, history, followers and staff notes in PostgreSQL (tables {@code report},
 * {@code report_photo}, {@code report_update}, {@code report_follower}, {@code report_staff_note}). A report and its photos
 * are written in one transaction: both or neither.
 */
@Repository
public class ReportStore {

    /** Dates are shown in Japan's time, the municipality's. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private static final String SELECT_REPORTS = """
            select r.*, st_x(r.geom) as lon, st_y(r.geom) as lat,
                   (select count(*) from report_photo p where p.report_id = r.id) as photo_count
            from report r
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public ReportStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a checked report with its photos and its first history entry, or finds the report
     * stored earlier under the same submission key.
     */
    @Transactional
    public Receipt insert(CheckedReport report, Routing routing, List<ProcessedPhoto> photos) {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("key", report.submissionKey())
                .addValue("category", report.category().code())
                .addValue("description", report.description())
                .addValue("name", report.reporterName())
                .addValue("email", report.reporterEmail())
                .addValue("phone", report.reporterPhone())
                .addValue("channel", report.channel())
                .addValue("client", report.open311Client())
                .addValue("attributes", toJson(report.attributes()))
                .addValue("municipality", routing.municipalityCode())
                .addValue("roadId", routing.road() == null ? null : routing.road().id())
                .addValue("routeNo", routing.road() == null ? null : routing.road().routeNo())
                .addValue("roadName", routing.road() == null ? null : routing.road().name())
                .addValue("pipeId", routing.pipeId())
                .addValue("snapped", routing.snappedMetres())
                .addValue("bodyCode", routing.body().code())
                .addValue("bodyJa", routing.body().name().ja())
                .addValue("bodyEn", routing.body().name().en())
                .addValue("contact", routing.body().contact())
                .addValue("lon", routing.lon())
                .addValue("lat", routing.lat());
        List<Long> inserted = jdbc.queryForList("""
                insert into report (submission_key, category, description, reporter_name, reporter_email, reporter_phone,
                                    channel, open311_client, attributes, municipality_code, road_id, route_no, road_name,
                                    pipe_id, snapped_m, body_code, body_name_ja, body_name_en, body_contact, geom)
                values (:key, :category, :description, :name, :email, :phone, :channel, :client, cast(:attributes as jsonb),
                        :municipality, :roadId, :routeNo, :roadName, :pipeId, :snapped, :bodyCode, :bodyJa, :bodyEn,
                        :contact, st_setsrid(st_makepoint(:lon, :lat), 6668))
                on conflict (submission_key) do nothing
                returning id""", values, Long.class);
        if (inserted.isEmpty()) {
            return receiptFor(report.submissionKey(), true);
        }
        long id = inserted.getFirst();
        SqlParameterSource[] rows = new SqlParameterSource[photos.size()];
        for (int i = 0; i < photos.size(); i++) {
            ProcessedPhoto photo = photos.get(i);
            rows[i] = new MapSqlParameterSource().addValue("id", id).addValue("position", i + 1)
                    .addValue("jpeg", photo.jpeg()).addValue("thumbnail", photo.thumbnail())
                    .addValue("width", photo.width()).addValue("height", photo.height());
        }
        jdbc.batchUpdate("""
                insert into report_photo (report_id, position, jpeg, thumbnail, width, height)
                values (:id, :position, :jpeg, :thumbnail, :width, :height)""", rows);
        jdbc.update("insert into report_update (report_id, status, changed_by) values (:id, 'open', :channel)",
                new MapSqlParameterSource("id", id).addValue("channel", report.channel()));
        return receiptFor(report.submissionKey(), false);
    }

    private Receipt receiptFor(String submissionKey, boolean alreadyFiled) {
        return jdbc.queryForObject("""
                select r.id, r.token, r.category, r.body_name_ja, r.body_name_en, r.body_contact, r.route_no, r.road_name,
                       (select count(*) from report_photo p where p.report_id = r.id) as photo_count
                from report r where r.submission_key = :key""", new MapSqlParameterSource("key", submissionKey),
                (rs, i) -> new Receipt(rs.getLong("id"), rs.getObject("token", UUID.class), rs.getString("category"),
                        new Label(rs.getString("body_name_ja"), rs.getString("body_name_en")),
                        rs.getString("body_contact"), rs.getString("route_no"), rs.getString("road_name"),
                        rs.getInt("photo_count"), alreadyFiled));
    }

    public Optional<Report> find(long id) {
        return reports("where r.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    public Optional<Report> findByToken(UUID token) {
        return reports("where r.token = :token", new MapSqlParameterSource("token", token)).stream().findFirst();
    }

    /** One page (from 1) of the reports matching the staff's filters, in the order asked for. */
    public ReportPage search(ReportFilter filter, ReportSort sort, int page, int size) {
        MapSqlParameterSource parameters = filter.parameters().addValue("limit", size).addValue("offset", (page - 1L) * size);
        long total = jdbc.queryForObject("select count(*) from report r " + ReportFilter.CONDITION, parameters, Long.class);
        List<Report> found = reports(ReportFilter.CONDITION + "order by " + sort.orderBy + " limit :limit offset :offset",
                parameters);
        return new ReportPage(found, page, size, total);
    }

    /** Records who does a report's work, its priority and due day; false for an unknown report. */
    public boolean assign(long id, Report.Work work) {
        return jdbc.update("""
                update report set assignee = :assignee, priority = :priority, due_on = :due, updated_at = now()
                where id = :id""", new MapSqlParameterSource("id", id).addValue("assignee", work.assignee())
                .addValue("priority", work.priority().id()).addValue("due", work.dueOn())) > 0;
    }

    /**
     * Public (accepted) reports for Open311: by ids when any are given, else within the time range
     * and filters; newest first.
     */
    public List<Report> publicSearch(PublicQuery query) {
        return reports("""
                where r.moderation = 'accepted'
                  and (:anyIds = false or r.id in (:ids))
                  and (:anyIds or (r.reported_at >= :start and r.reported_at <= :end))
                  and (:anyCodes = false or r.category in (:codes))
                  and (:anyStatus = false or (case when r.status = 'closed' then 'closed' else 'open' end) in (:statuses))
                order by r.reported_at desc, r.id desc
                limit :limit offset :offset""", query.parameters());
    }

    /** Accepted reports of a category that are not closed, within a radius, nearest first, with their distance. */
    public List<Nearby> nearby(String category, Pin pin, double radiusMetres) {
        Map<Long, Long> metresById = new LinkedHashMap<>();
        jdbc.query("""
                with pin as (select st_transform(st_setsrid(st_makepoint(:lon, :lat), 4326), 6668) as geom)
                select r.id, st_distance(r.geom::geography, pin.geom::geography) as metres
                from report r, pin
                where r.moderation = 'accepted' and r.status <> 'closed' and r.category = :category
                  and r.geom && st_expand(pin.geom, :radius / 111320.0 / cos(radians(:lat)))
                  and st_dwithin(r.geom::geography, pin.geom::geography, :radius)
                order by metres limit 20""",
                new MapSqlParameterSource("lon", pin.lon()).addValue("lat", pin.lat()).addValue("category", category)
                        .addValue("radius", radiusMetres),
                rs -> {
                    metresById.put(rs.getLong("id"), Math.round(rs.getDouble("metres")));
                });
        if (metresById.isEmpty()) {
            return List.of();
        }
        Map<Long, Report> byId = new HashMap<>();
        reports("where r.id in (:ids)", new MapSqlParameterSource("ids", metresById.keySet()))
                .forEach(r -> byId.put(r.id(), r));
        return metresById.entrySet().stream()
                .map(e -> new Nearby(e.getValue(), byId.get(e.getKey()).publicView())).toList();
    }

    /** An accepted report near a pin, and how far it is from the pin in metres. */
    public record Nearby(long metres, Report.PublicReport report) {
    }

    /** A stored photo or its thumbnail (position 1 to 3), as served. */
    public Optional<byte[]> photo(long reportId, int position, boolean thumbnail) {
        return jdbc.queryForList("select " + (thumbnail ? "thumbnail" : "jpeg")
                        + " from report_photo where report_id = :id and position = :position",
                new MapSqlParameterSource("id", reportId).addValue("position", position), byte[].class)
                .stream().findFirst();
    }

    /** History entries of public reports changed within a time range, oldest first. */
    public List<ReportUpdate> publicUpdates(OffsetDateTime start, OffsetDateTime end, int limit) {
        return jdbc.query("""
                select u.* from report_update u join report r on r.id = u.report_id
                where r.moderation = 'accepted' and u.changed_at >= :start and u.changed_at <= :end
                order by u.changed_at, u.id limit :limit""",
                new MapSqlParameterSource("start", start).addValue("end", end).addValue("limit", limit),
                ReportStore::update);
    }

    /** Sets the moderation; true when it changed. */
    public boolean moderate(long id, Moderation moderation) {
        return jdbc.update("""
                update report set moderation = :moderation, updated_at = now()
                where id = :id and moderation <> :moderation""",
                new MapSqlParameterSource("id", id).addValue("moderation", moderation.id())) > 0;
    }

    /** Moves a report to a status and records the step with its public note. */
    public void changeStatus(long id, ReportStatus status, String note, String changedBy) {
        MapSqlParameterSource values = new MapSqlParameterSource("id", id).addValue("status", status.id())
                .addValue("note", note).addValue("by", changedBy);
        jdbc.update("update report set status = :status, updated_at = now() where id = :id", values);
        jdbc.update("insert into report_update (report_id, status, note, changed_by) values (:id, :status, :note, :by)", values);
    }

    /** The staff's notes on a report, oldest first. */
    public List<StaffNote> staffNotes(long reportId) {
        return jdbc.query("""
                select id, report_id, note, written_by, written_at from report_staff_note
                where report_id = :id order by written_at, id""", new MapSqlParameterSource("id", reportId),
                (rs, i) -> new StaffNote(rs.getLong("id"), rs.getLong("report_id"), rs.getString("note"),
                        rs.getString("written_by"), inJapan(rs, "written_at")));
    }

    /** Stores a staff note on a report; returns its number. */
    long addStaffNote(long reportId, String text, String writtenBy) {
        return jdbc.queryForObject("""
                insert into report_staff_note (report_id, note, written_by) values (:id, :note, :by)
                returning id""", new MapSqlParameterSource("id", reportId).addValue("note", text)
                .addValue("by", writtenBy), Long.class);
    }

    /** Adds a "+1"; the e-mail, if any, will get the report's updates. Returns the new count. */
    @Transactional
    public int addSupporter(long id, String email) {
        jdbc.update("insert into report_follower (report_id, email) values (:id, :email)",
                new MapSqlParameterSource("id", id).addValue("email", email));
        return jdbc.queryForObject("update report set supporters = supporters + 1 where id = :id returning supporters",
                new MapSqlParameterSource("id", id), Integer.class);
    }

    /** Everyone who asked to hear about a report: the reporter and followers who left an e-mail. */
    public List<String> emailsFollowing(long id) {
        return jdbc.queryForList("""
                select email from (select reporter_email as email from report where id = :id
                                   union select email from report_follower where report_id = :id) e
                where email is not null order by email""", new MapSqlParameterSource("id", id), String.class);
    }

    private List<Report> reports(String condition, SqlParameterSource parameters) {
        List<Report> found = jdbc.query(SELECT_REPORTS + condition, parameters, this::report);
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<ReportUpdate>> updates = new HashMap<>();
        jdbc.query("select * from report_update where report_id in (:ids) order by changed_at, id",
                new MapSqlParameterSource("ids", found.stream().map(Report::id).toList()),
                rs -> {
                    ReportUpdate update = update(rs, 0);
                    updates.computeIfAbsent(update.reportId(), k -> new ArrayList<>()).add(update);
                });
        return found.stream().map(r -> new Report(r.id(), r.token(), r.category(), r.description(), r.status(),
                r.moderation(), r.reporterName(), r.reporterEmail(), r.reporterPhone(), r.channel(), r.attributes(),
                r.routeNo(), r.roadName(), r.pipeId(), r.bodyCode(), r.body(), r.bodyContact(), r.supporters(),
                r.photos(), r.reportedAt(), r.updatedAt(), r.lon(), r.lat(), updates.getOrDefault(r.id(), List.of()),
                r.municipalityCode(), r.work()))
                .toList();
    }

    private Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), rs.getObject("token", UUID.class), rs.getString("category"),
                rs.getString("description"), ReportStatus.fromId(rs.getString("status")),
                Moderation.fromId(rs.getString("moderation")), rs.getString("reporter_name"),
                rs.getString("reporter_email"), rs.getString("reporter_phone"), rs.getString("channel"),
                fromJson(rs.getString("attributes")), rs.getString("route_no"), rs.getString("road_name"),
                rs.getString("pipe_id"), rs.getString("body_code"),
                new Label(rs.getString("body_name_ja"), rs.getString("body_name_en")), rs.getString("body_contact"),
                rs.getInt("supporters"), rs.getInt("photo_count"), inJapan(rs, "reported_at"), inJapan(rs, "updated_at"),
                rs.getDouble("lon"), rs.getDouble("lat"), List.of(), rs.getString("municipality_code"),
                new Report.Work(rs.getString("assignee"), Priority.fromId(rs.getString("priority")),
                        rs.getObject("due_on", LocalDate.class)));
    }

    private static ReportUpdate update(ResultSet rs, int row) throws SQLException {
        return new ReportUpdate(rs.getLong("id"), rs.getLong("report_id"), rs.getString("status"), rs.getString("note"),
                inJapan(rs, "changed_at"));
    }

    private static OffsetDateTime inJapan(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(JAPAN).toOffsetDateTime();
    }

    private String toJson(Map<String, List<String>> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<String>> fromJson(String attributes) {
        try {
            return json.readValue(attributes, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report attributes are not the JSON Chizu writes: " + attributes, e);
        }
    }
}
