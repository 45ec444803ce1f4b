package org.chizu.app.forestry;

import java.util.Set;

import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.accounts.NewAccount;
import org.chizu.accounts.OrganisationApplication;
import org.chizu.accounts.OrganisationStatus;
import org.chizu.accounts.Organisations;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The forestry tests' people: 山田林業株式会社, an approved organisation administered by the resident
 * {@value #EMAIL}, and the staff member tanaka who approved it (with a password and an API token).
 */
public record ForestryFirm(long organisation, NewAccount staff) {

    public static final String EMAIL = "yamada@example.jp";
    public static final String PASSWORD = "sugi-no-ki-2026";

    public static ForestryFirm approved(JdbcTemplate jdbc, PasswordEncoder passwords, Organisations organisations, StaffAccounts staff) {
        long yamada = resident(jdbc, passwords, EMAIL);
        NewAccount tanaka = staff.create("tanaka", "田中 一郎", Role.STAFF);
        long firm = organisations.apply(new Identity(yamada, AccountKind.RESIDENT, EMAIL, "山田", null, Set.of()),
                new OrganisationApplication("山田林業株式会社", "安来市広瀬町", "山田 太郎", "0854-00-0000"));
        organisations.decide(firm, OrganisationStatus.APPROVED,
                new Identity(tanaka.account().id(), AccountKind.STAFF, "tanaka", "田中 一郎", Role.STAFF, Set.of()));
        return new ForestryFirm(firm, tanaka);
    }

    /** A resident whose address is verified, signing in with {@link #PASSWORD}. */
    public static long resident(JdbcTemplate jdbc, PasswordEncoder passwords, String email) {
        return jdbc.queryForObject("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', ?, ?, ?, now()) returning id""", Long.class, email, passwords.encode(PASSWORD), email);
    }
}
