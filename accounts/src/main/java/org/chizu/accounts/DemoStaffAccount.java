package org.chizu.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sample run's staff account. Chizu has no built-in password, so {@code ./chizu run} creates
 * {@value #NAME} on its first start, prints its password and token once and keeps them in
 * {@code ${chizu.home}/demo-staff.txt}, readable only by its owner; later starts just say where
 * that file is.
 */
@Component
@ConditionalOnProperty(name = "chizu.sample-town.enabled", havingValue = "true")
class DemoStaffAccount {

    static final String NAME = "demo-staff";

    private final StaffAccounts accounts;
    private final Path credentialsFile;

    DemoStaffAccount(StaffAccounts accounts, @Value("${chizu.home:.chizu}") Path home) {
        this.accounts = accounts;
        this.credentialsFile = home.resolve("demo-staff.txt");
    }

    /** After start-up, so the block is not lost among start-up logs and the server's port is known. */
    @EventListener
    void onReady(ApplicationReadyEvent event) throws IOException {
        String server = "http://localhost:" + event.getApplicationContext().getEnvironment()
                .getProperty("local.server.port", "8080");
        ensureExists(server);
    }

    void ensureExists(String server) throws IOException {
        if (accounts.find(NAME).isPresent()) {
            System.out.println("demo staff account / デモ職員アカウント: " + NAME + ", credentials in " + credentialsFile
                    + " (another token: ./chizu user token " + NAME + ")");
            return;
        }
        NewAccount created = accounts.create(NAME, "デモ職員 (Demo staff)", Role.STAFF);
        String credentials = created.credentials() + "sign in / サインイン:      " + server + "/login\n";
        writeOwnerOnly(credentials);
        // Straight to the console, not the log: the log file must never hold a password.
        System.out.print("""

                ==== デモ職員アカウント / Demo staff account ===========================
                %s
                try / 例: curl -H 'Authorization: Bearer %s' %s/api/me
                saved to / 保存先: %s
                ========================================================================

                """.formatted(credentials, created.token().token(), server, credentialsFile.toAbsolutePath()));
    }

    /** Created with owner-only permissions, so the secrets are never readable by others, not even briefly. */
    private void writeOwnerOnly(String credentials) throws IOException {
        Files.createDirectories(credentialsFile.toAbsolutePath().getParent());
        Files.deleteIfExists(credentialsFile);
        Files.createFile(credentialsFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(credentialsFile, credentials, StandardCharsets.UTF_8);
    }
}
