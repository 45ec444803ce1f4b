package org.chizu.accounts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.accounts.AccountExistsException;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccount;
import org.chizu.accounts.StaffAccounts;
import org.chizu.gis.cli.ChizuCommand;
import org.chizu.gis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class UserCommandsTest {

    static final Pattern TOKEN = Pattern.compile("chizu_[A-Za-z0-9_-]{43}");

    static StaffAccounts accounts;

    @BeforeAll
    static void migrate() {
        accounts = new StaffAccounts(new JdbcTemplate(TestDatabase.migrated().dataSource()),
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Test
    void userAddPrintsTheNewPasswordAndAWorkingTokenSayingTheyAreShownOnce() throws Exception {
        String printed = run(new UserAddCommand(accounts), "yamada", "--role", "staff", "--display-name", "山田 花子");

        assertThat(printed).contains("created the account 'yamada'", "password", "shown only once");
        assertThat(accounts.authenticateToken(tokenIn(printed)))
                .map(StaffAccount::displayName).hasValue("山田 花子");
    }

    @Test
    void userAddRefusesANameThatIsTaken() throws Exception {
        run(new UserAddCommand(accounts), "nakamura", "--role", "admin");

        assertThatThrownBy(() -> run(new UserAddCommand(accounts), "nakamura", "--role", "staff"))
                .isInstanceOf(AccountExistsException.class);
        assertThat(accounts.find("nakamura")).map(StaffAccount::role).hasValue(Role.ADMIN);
    }

    @Test
    void userAddNeedsAKnownRole() {
        assertThatThrownBy(() -> run(new UserAddCommand(accounts), "kato"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--role is required");
        assertThatThrownBy(() -> run(new UserAddCommand(accounts), "kato", "--role", "mayor"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown role 'mayor': use staff or admin");
        assertThat(accounts.find("kato")).isEmpty();
    }

    @Test
    void userTokenIssuesAnotherWorkingToken() throws Exception {
        run(new UserAddCommand(accounts), "yoshida", "--role", "staff");

        String printed = run(new UserTokenCommand(accounts), "yoshida", "--label", "QGIS");

        assertThat(printed).contains("yoshida (QGIS)");
        assertThat(accounts.authenticateToken(tokenIn(printed))).map(StaffAccount::name).hasValue("yoshida");
    }

    @Test
    void userListShowsTheAccountsButNoSecrets() throws Exception {
        String created = run(new UserAddCommand(accounts), "matsumoto", "--role", "admin");

        String listed = run(new UserListCommand(accounts));

        assertThat(listed).containsPattern("matsumoto\\s+admin").doesNotContain(tokenIn(created));
    }

    private static String run(ChizuCommand command, String... arguments) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = command.run(List.of(arguments), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exitCode).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String tokenIn(String printed) {
        Matcher token = TOKEN.matcher(printed);
        assertThat(token.find()).as("a token in %s", printed).isTrue();
        return token.group();
    }
}
