package org.chizu.app.forestry;

import java.util.List;
import java.util.Set;

import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.accounts.OrganisationApplication;
import org.chizu.accounts.OrganisationStatus;
import org.chizu.accounts.Organisations;
import org.chizu.accounts.Role;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.access.Decision;
import org.chizu.forestry.access.ForestryTerms;
import org.chizu.forestry.access.NewApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A forestry firm for tests of what comes after approval: a resident administering an organisation the
 * town approved, whose applications staff approve at once (through the services, as the access tests
 * check the HTTP way there).
 */
public record ApprovedFirm(long organisation, Identity administrator, ApplicationContext context) {

    public static final String PASSWORD = "sugi-no-ki-2026";
    private static final Identity STAFF = new Identity(1, AccountKind.STAFF, "tanaka", "田中 一郎", Role.STAFF, Set.of());

    /** The resident (who signs in with {@link #PASSWORD}) and the approved organisation they administer. */
    public static ApprovedFirm of(ApplicationContext context, String email, String name) {
        long account = resident(context, email);
        Organisations organisations = context.getBean(Organisations.class);
        long organisation = organisations.apply(new Identity(account, AccountKind.RESIDENT, email, name, null, Set.of()),
                new OrganisationApplication(name, "安来市広瀬町", "山田 太郎", "0854-00-0000"));
        organisations.decide(organisation, OrganisationStatus.APPROVED, STAFF);
        return new ApprovedFirm(organisation, new Identity(account, AccountKind.RESIDENT, email, name, null,
                Set.of("org:" + organisation + ":admin")), context);
    }

    /** A resident who belongs to no organisation. */
    public static long resident(ApplicationContext context, String email) {
        return context.getBean(JdbcTemplate.class).queryForObject("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', ?, ?, ?, now()) returning id""", Long.class, email,
                context.getBean(PasswordEncoder.class).encode(PASSWORD), email);
    }

    /** An application for a drawn area (GeoJSON in longitude/latitude) and these products, approved by staff. */
    public long approvedApplication(String area, List<String> products) throws Exception {
        Applications applications = context.getBean(Applications.class);
        long id = applications.apply(administrator, new NewApplication(organisation, List.of(), new ObjectMapper().readTree(area),
                products, "間伐の選木と作業道の計画", ForestryTerms.VERSION));
        applications.decide(id, new Decision("approved", "国地達第 456 号", null), STAFF);
        return id;
    }

    public String email() {
        return administrator.name();
    }
}
