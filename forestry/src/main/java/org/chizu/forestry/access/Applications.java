package org.chizu.forestry.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.accounts.Identity;
import org.chizu.platform.Label;
import org.chizu.platform.audit.AuditLog;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Firms' applications to use the laser-survey data: a member of an approved organisation applies for an
 * area, products and a purpose under the current terms; staff approve it, recording the surveying
 * body's approval reference (測量法), or refuse it with a reason.
 */
@Service
public class Applications {

    /** A right an approved organisation's member or administrator holds ({@code org:12:member}). */
    private static final Pattern ORGANISATION_RIGHT = Pattern.compile("org:(\\d+):(member|admin)");
    private static final String COLUMNS = """
            id, organisation_id, ST_AsGeoJSON(area, 7) as area, compartment_ids, products, purpose, terms_version, status,
            applied_at, decided_at, survey_approval_ref, reason""";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public Applications(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The approved organisations the caller belongs to, from the rights their sign-in carries. */
    public static Set<Long> organisationsOf(Identity caller) {
        Set<Long> organisations = new LinkedHashSet<>();
        for (String right : caller.rights()) {
            Matcher matcher = ORGANISATION_RIGHT.matcher(right);
            if (matcher.matches()) {
                organisations.add(Long.parseLong(matcher.group(1)));
            }
        }
        return organisations;
    }

    /**
     * Records a pending application.
     *
     * @return its id
     * @throws AccessProblem 403 when the caller is no member of the approved organisation; 400 naming the
     *                       field when the area, products, purpose or terms are missing or wrong
     */
    @Transactional
    public long apply(Identity firm, NewApplication application) {
        if (application.organisation() == null) {
            throw AccessProblem.badField("organisation", "申請する団体を指定してください。", "Name the organisation that applies.");
        }
        if (!organisationsOf(firm).contains(application.organisation())) {
            throw AccessProblem.notAMember(application.organisation());
        }
        String[] products = products(application.products());
        String purpose = application.purpose() == null ? "" : application.purpose().strip();
        if (purpose.isEmpty() || purpose.length() > 2000) {
            throw AccessProblem.badField("purpose", "利用目的を 2000 字以内で書いてください。", "Give the purpose in up to 2,000 characters.");
        }
        if (!ForestryTerms.VERSION.equals(application.termsVersion())) {
            throw new AccessProblem(400, "terms-not-accepted", "Terms not accepted", new Label(
                    "利用規約（版 " + ForestryTerms.VERSION + "）に同意してください。",
                    "Accept the terms of use (version " + ForestryTerms.VERSION + ")."),
                    Map.of("field", "termsVersion", "currentTerms", ForestryTerms.VERSION));
        }
        Long[] compartments = compartments(application);
        String area = compartments.length > 0 ? compartmentArea(compartments) : drawnArea(application);
        long id = jdbc.queryForObject("""
                insert into forestry_application (organisation_id, applied_by, area, compartment_ids, products, purpose, terms_version)
                values (?, ?, ST_GeomFromEWKT(?), ?, ?, ?, ?) returning id""", Long.class, application.organisation(), firm.id(),
                area, compartments, products, purpose, ForestryTerms.VERSION);
        audit.record("forestry.apply", "forestry application " + id, Map.of("organisation", application.organisation()));
        return id;
    }

    /** The applications of these organisations, newest first. */
    public List<Application> of(Set<Long> organisations) {
        return jdbc.query("select " + COLUMNS + " from forestry_application where organisation_id = any(?) order by id desc",
                Applications::application, (Object) organisations.toArray(Long[]::new));
    }

    /** Applications with this status (all when null), oldest first, for staff to decide on. */
    public List<Application> withStatus(String status) {
        return jdbc.query("select " + COLUMNS + " from forestry_application where ?::text is null or status = ? order by id",
                Applications::application, status, status);
    }

    /**
     * Approves (with the surveying body's approval reference) or refuses (with a reason) a pending application.
     *
     * @throws AccessProblem 400 when the decision, reference or reason is missing; 404 for an unknown
     *                       application; 409 when it was decided already
     */
    @Transactional
    public void decide(long id, Decision decision, Identity staff) {
        String status = decision.decision() == null ? "" : decision.decision();
        String reference = blankToNull(decision.surveyApproval());
        String reason = blankToNull(decision.reason());
        if (!status.equals("approved") && !status.equals("refused")) {
            throw AccessProblem.badField("decision", "decision は approved か refused です。", "The decision is approved or refused.");
        }
        if (status.equals("approved") && reference == null) {
            throw AccessProblem.badField("surveyApproval", "測量計画機関の承認番号（測量法）を記録してください。",
                    "Record the surveying body's approval reference (Survey Act).");
        }
        if (status.equals("refused") && reason == null) {
            throw AccessProblem.badField("reason", "不承認の理由を書いてください。", "Give the reason for refusing.");
        }
        int decided = jdbc.update("""
                update forestry_application set status = ?, survey_approval_ref = ?, reason = ?, decided_by = ?, decided_at = now()
                where id = ? and status = 'pending'""", status, reference, reason, staff.id(), id);
        if (decided == 0) {
            if (!jdbc.queryForObject("select exists (select from forestry_application where id = ?)", Boolean.class, id)) {
                throw AccessProblem.unknownApplication(id);
            }
            throw new AccessProblem(409, "already-decided", "Already decided", new Label(
                    "申請 " + id + " はすでに処理されています。", "Application " + id + " was decided already."), Map.of("application", id));
        }
        audit.record("forestry.decide", "forestry application " + id, Map.of("decision", status));
    }

    private static String[] products(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw AccessProblem.badField("products", "利用するデータを 1 つ以上選んでください。", "Choose at least one product.");
        }
        List<String> unknown = requested.stream().filter(product -> DataProduct.of(product).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new AccessProblem(400, "unknown-product", "Unknown product", new Label(
                    "不明なデータ: " + String.join(", ", unknown), "Unknown products: " + String.join(", ", unknown)),
                    Map.of("field", "products", "unknown", unknown,
                            "known", Arrays.stream(DataProduct.values()).map(product -> product.id).toList()));
        }
        return requested.stream().distinct().toArray(String[]::new);
    }

    private static Long[] compartments(NewApplication application) {
        boolean byCompartment = application.compartments() != null && !application.compartments().isEmpty();
        boolean drawn = application.area() != null && !application.area().isNull();
        if (byCompartment == drawn) {
            throw AccessProblem.badField("area", "区域は小班（compartments）か描いた範囲（area）のどちらか一方で指定してください。",
                    "Give the area either as compartments or as a drawn polygon (area), not both or neither.");
        }
        return byCompartment ? application.compartments().stream().distinct().toArray(Long[]::new) : new Long[0];
    }

    /** The union of the forests layer's sub-compartments, as EWKT; every id must exist. */
    private String compartmentArea(Long[] ids) {
        List<Long> found = jdbc.queryForList("select id from forests where id = any(?)", Long.class, (Object) ids);
        List<Long> missing = new ArrayList<>(Arrays.asList(ids));
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new AccessProblem(400, "unknown-compartment", "Unknown compartment", new Label(
                    "森林簿にない小班です: " + missing, "No such sub-compartment in the forests layer: " + missing),
                    Map.of("field", "compartments", "unknown", missing));
        }
        return jdbc.queryForObject("select ST_AsEWKT(ST_Multi(ST_Union(geom))) from forests where id = any(?)", String.class, (Object) ids);
    }

    /** The drawn polygon, as EWKT: valid GeoJSON, a (multi)polygon, valid, in longitude/latitude around Japan. */
    private String drawnArea(NewApplication application) {
        Map<String, Object> area;
        try {
            area = jdbc.queryForMap("""
                    select ST_AsEWKT(ST_Multi(g)) as ewkt, GeometryType(g) as type, ST_IsValid(g) as valid,
                           ST_XMin(g) between 122 and 154 and ST_XMax(g) between 122 and 154
                           and ST_YMin(g) between 20 and 46 and ST_YMax(g) between 20 and 46 as in_japan
                    from (select ST_SetSRID(ST_GeomFromGeoJSON(?), 6668) as g) drawn""", application.area().toString());
        } catch (DataAccessException e) {
            throw AccessProblem.badField("area", "area が GeoJSON のジオメトリとして読めません。", "The area is not a GeoJSON geometry.");
        }
        if (!List.of("POLYGON", "MULTIPOLYGON").contains(area.get("type"))) {
            throw AccessProblem.badField("area", "area はポリゴンで描いてください。", "The area must be a Polygon or MultiPolygon.");
        }
        if (!Boolean.TRUE.equals(area.get("valid"))) {
            throw AccessProblem.badField("area", "area の輪郭が自己交差しています。", "The area's outline is not valid (it crosses itself).");
        }
        if (!Boolean.TRUE.equals(area.get("in_japan"))) {
            throw AccessProblem.badField("area", "area は日本国内の経緯度（経度, 緯度）で描いてください。",
                    "The area must be in longitude/latitude within Japan.");
        }
        return (String) area.get("ewkt");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Application application(ResultSet row, int n) throws SQLException {
        return new Application(row.getLong("id"), row.getLong("organisation_id"), row.getString("area"),
                List.of((Long[]) array(row.getArray("compartment_ids"))), List.of((String[]) array(row.getArray("products"))),
                row.getString("purpose"), row.getString("terms_version"), row.getString("status"),
                row.getTimestamp("applied_at").toInstant(),
                row.getTimestamp("decided_at") == null ? null : row.getTimestamp("decided_at").toInstant(),
                row.getString("survey_approval_ref"), row.getString("reason"));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
