package org.chizu.accounts;

import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations with members: a signed-in resident applies, staff approve or reject, and the applicant,
 * the organisation's first administrator, adds members who are verified residents. Membership gives
 * rights scoped to the organisation ({@code org:<id>:admin}, {@code org:<id>:member}) once it is approved.
 */
@Service
public class Organisations {

    private final JdbcTemplate jdbc;
    private final Residents residents;
    private final AuditLog audit;

    Organisations(JdbcTemplate jdbc, Residents residents, AuditLog audit) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
    }

    /**
     * Records the application, pending, with the applicant as its administrator.
     *
     * @return the organisation's id
     * @throws AccountProblem (400) when a field is missing or too long
     */
    @Transactional
    public long apply(Identity applicant, OrganisationApplication application) {
        requireResident(applicant);
        long id = jdbc.queryForObject("""
                insert into organisation (name, address, representative, contact, applied_by)
                values (?, ?, ?, ?, ?) returning id""", Long.class,
                Residents.required(application.name(), "団体名", "organisation's name"),
                Residents.required(application.address(), "所在地", "address"),
                Residents.required(application.representative(), "代表者名", "representative"),
                Residents.required(application.contact(), "連絡先", "contact"), applicant.id());
        jdbc.update("insert into organisation_member (organisation_id, account_id, role) values (?, ?, 'admin')",
                id, applicant.id());
        return id;
    }

    /** Applications with this status, oldest first, for staff to decide on. */
    public List<Organisation> withStatus(OrganisationStatus status) {
        return jdbc.query("select * from organisation where status = ? order by id", (rs, i) -> new Organisation(
                rs.getLong("id"), rs.getString("name"), rs.getString("address"), rs.getString("representative"),
                rs.getString("contact"), OrganisationStatus.fromId(rs.getString("status")),
                rs.getTimestamp("applied_at").toInstant()), status.id());
    }

    /**
     * Approves or rejects a pending application.
     *
     * @throws AccountProblem when there is no such organisation (404) or it was decided already (409)
     */
    @Transactional
    public void decide(long id, OrganisationStatus decision, Identity staff) {
        if (!staff.isStaff() || decision == OrganisationStatus.PENDING) {
            throw new IllegalArgumentException("staff approve or reject an application");
        }
        int decided = jdbc.update("""
                update organisation set status = ?, decided_by = ?, decided_at = now()
                where id = ? and status = 'pending'""", decision.id(), staff.id(), id);
        if (decided == 0) {
            requireExists(id);
            throw new AccountProblem(409, "already-decided", "Already decided", new Label(
                    "団体 " + id + " の申請はすでに処理されています。", "The application of organisation " + id + " was decided already."));
        }
        audit.record("organisation.decide", "organisation " + id, Map.of("decision", decision.id()));
    }

    /**
     * Adds a verified resident as a member (or administrator) of an approved organisation the caller
     * administers.
     *
     * @throws AccountProblem when the organisation is unknown to the caller (404), the caller is not its
     *                        administrator or it is not approved (403), or no verified resident has the
     *                        address (422: they register first at /register)
     */
    @Transactional
    public void addMember(long organisationId, Identity administrator, String email, String role) {
        String memberRole = role == null || role.isBlank() ? "member" : role.strip();
        if (!memberRole.equals("member") && !memberRole.equals("admin")) {
            throw AccountProblem.badInput("役割は member か admin です。", "The role is member or admin.");
        }
        List<String> administered = jdbc.queryForList("""
                select o.status from organisation o join organisation_member m on m.organisation_id = o.id
                where o.id = ? and m.account_id = ? and m.role = 'admin'""", String.class, organisationId, administrator.id());
        if (administered.isEmpty()) {
            throw unknown(organisationId);
        }
        if (!administered.getFirst().equals("approved")) {
            throw new AccountProblem(403, "organisation-not-approved", "Not approved yet", new Label(
                    "団体の申請が承認されるまで、メンバーは追加できません。", "Members can be added once staff have approved the organisation."));
        }
        long member = residents.verifiedResident(email).orElseThrow(() -> new AccountProblem(422, "not-a-resident",
                "Not a registered resident", new Label(
                        "このメールアドレスで確認済みの利用者登録がありません。先に /register で登録してもらってください。",
                        "No verified resident has this e-mail address; ask them to register at /register first.")));
        try {
            jdbc.update("insert into organisation_member (organisation_id, account_id, role) values (?, ?, ?)",
                    organisationId, member, memberRole);
        } catch (DuplicateKeyException e) {
            jdbc.update("update organisation_member set role = ? where organisation_id = ? and account_id = ?",
                    memberRole, organisationId, member);
        }
    }

    /** The account's organisations, whatever their status, and its role in each. */
    public List<Membership> of(long accountId) {
        return jdbc.query("""
                select o.id, o.name, o.status, m.role from organisation_member m join organisation o on o.id = m.organisation_id
                where m.account_id = ? order by o.id""",
                (rs, i) -> new Membership(rs.getLong("id"), rs.getString("name"), OrganisationStatus.fromId(rs.getString("status")),
                        rs.getString("role"), "org:" + rs.getLong("id") + ":" + rs.getString("role")), accountId);
    }

    private static void requireResident(Identity identity) {
        if (identity.kind() != AccountKind.RESIDENT) {
            throw new AccountProblem(403, "residents-only", "Residents only", new Label(
                    "団体の申請は、利用者登録をした住民が行います。", "Organisations are applied for by registered residents."));
        }
    }

    private void requireExists(long id) {
        if (!jdbc.queryForObject("select exists (select from organisation where id = ?)", Boolean.class, id)) {
            throw unknown(id);
        }
    }

    private static AccountProblem unknown(long id) {
        return AccountProblem.notFound("団体 " + id + " は見つかりません。", "There is no organisation " + id + ".");
    }
}
