package org.chizu.app.booking;

import org.chizu.accounts.testing.SignInBrowser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The residents that the booking tests book as: accounts with a verified e-mail address and the one
 * password {@value #PASSWORD}, signed in over HTTP as their browsers would be.
 */
final class TownResidents {

    static final String PASSWORD = "kaki-no-ki-2026";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final int port;

    TownResidents(JdbcTemplate jdbc, PasswordEncoder passwords, int port) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.port = port;
    }

    /** A resident who has signed up and verified their address; the account's id. */
    long add(String email, String name) {
        return insert(email, name, null);
    }

    /** A group (団体) whose representative signs up for it and books in its name; the account's id. */
    long addGroup(String email, String representative, String group) {
        return insert(email, representative, group);
    }

    /** A resident whose address in the town the office has checked, so resident's fees apply; the account's id. */
    long addVerifiedInTown(String email, String name) {
        long account = add(email, name);
        jdbc.update("insert into booking_user (account_id, residency, verified_at) values (?, 'resident', now())", account);
        return account;
    }

    /** An HTTP client signed in as the resident. */
    SignInBrowser signedIn(String email) throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn(email, PASSWORD);
        return browser;
    }

    private long insert(String email, String name, String group) {
        return jdbc.queryForObject("""
                insert into account (kind, display_name, password_hash, email, email_verified_at, group_name, representative)
                values ('resident', ?, ?, ?, now(), ?, ?) returning id""", Long.class,
                name, passwords.encode(PASSWORD), email, group, group == null ? null : name);
    }
}
