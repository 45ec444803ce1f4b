package org.chizu.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class DemoStaffAccountTest {

    @TempDir
    Path home;

    @Test
    void theFirstSampleRunCreatesDemoStaffAndHandsOverItsCredentialsOnceAndPrivately(CapturedOutput output) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        StaffAccounts accounts = new StaffAccounts(jdbc, new PasswordHashing().passwordEncoder(), new AuditLog(jdbc));
        DemoStaffAccount demo = new DemoStaffAccount(accounts, home);

        demo.ensureExists("http://localhost:8080");

        Path file = home.resolve("demo-staff.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String saved = Files.readString(file);
        String token = saved.lines().filter(line -> line.startsWith("API token")).findFirst().orElseThrow()
                .replaceAll(".*\\s", "");
        assertThat(new ApiTokens(jdbc).authenticate(token)).map(Identity::role).hasValue(Role.STAFF);
        assertThat(saved).contains("demo-staff", "password", "http://localhost:8080/login");
        assertThat(output).contains("Demo staff account", token, file.toAbsolutePath().toString());

        int printedBefore = output.length();
        demo.ensureExists("http://localhost:8080");

        String secondRun = output.toString().substring(printedBefore);
        assertThat(secondRun).contains("credentials in " + file).doesNotContain(token);
        assertThat(Files.readString(file)).isEqualTo(saved);
        assertThat(accounts.list()).extracting(StaffAccount::name).containsExactly("demo-staff");
    }
}
