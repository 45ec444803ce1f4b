package org.chizu.accounts.cli;

import org.chizu.accounts.SignIns;
import org.chizu.accounts.Identity;
import org.chizu.accounts.ApiTokens;
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
import org.chizu.accounts.UnknownAccountException;
import org.chizu.accounts.UnknownTokenException;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserCommandsTest {

    static final Pattern TOKEN = Pattern.compile("chizu_[A-Za-z0-9_-]{43}");

    static final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    static StaffAccounts accounts;
    static ApiTokens tokens;
    static SignIns signIns;

    @BeforeAll
    static void migrate() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        accounts = new StaffAccounts(jdbc, passwords, new AuditLog(jdbc));
        tokens = new ApiTokens(jdbc);
        signIns = new SignIns(jdbc);
    }

    @Test
    void userAddPrintsTheNewPasswordAndAWorkingTokenSayingTheyAreShownOnce() throws Exception {
        String printed = run(new UserAddCommand(accounts), "yamada", "--role", "staff", "--display-name", "山田 花子");

        assertThat(printed).contains("created the account 'yamada'", "password", "shown only once");
        assertThat(tokens.authenticate(tokenIn(printed)))
                .map(Identity::displayName).hasValue("山田 花子");
    }

    @Test
    void userAddRefusesANameThatIsTaken() throws Exception {
        run(new UserAddCommand(accounts), "nakamura", "--role", "admin");

        assertThatThrownBy(() -> run(new UserAddCommand(accounts), "nakamura", "--role", "staff"))
                .isInstanceOf(AccountExistsException.class);
        assertThat(accounts.find("nakamura")).map(StaffAccount::role).hasValue(Role.ADMIN);
    }

    @Test
    void userAddRefusesANameThatIsAWordOfTheUserCommands() {
        List<ChizuCommand> userCommands = List.of(new UserAddCommand(accounts), new UserListCommand(accounts),
                new UserTokenCommand(accounts), new UserTokenListCommand(accounts), new UserTokenRevokeCommand(accounts),
                new UserDisableCommand(accounts), new UserEnableCommand(accounts), new UserPasswordCommand(accounts));
        List<String> words = userCommands.stream().flatMap(command -> command.words().stream().skip(1)).distinct().toList();

        assertThat(words).contains("add", "list", "token", "revoke", "disable", "enable", "password");
        for (String word : words) {
            assertThatThrownBy(() -> run(new UserAddCommand(accounts), word, "--role", "staff"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("「" + word + "」は ./chizu user のコマンド名なので、アカウント名には使えません / '" + word
                            + "' is a word of the ./chizu user commands and cannot be an account name");
            assertThat(accounts.find(word)).isEmpty();
        }
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
        assertThat(tokens.authenticate(tokenIn(printed))).map(Identity::name).hasValue("yoshida");
    }

    @Test
    void userListShowsTheAccountsButNoSecrets() throws Exception {
        String created = run(new UserAddCommand(accounts), "matsumoto", "--role", "admin");

        String listed = run(new UserListCommand(accounts));

        assertThat(listed).containsPattern("matsumoto\\s+admin").doesNotContain(tokenIn(created));
    }

    @Test
    void userDisableShutsTheAccountOutAndUserEnableLetsItBackIn() throws Exception {
        String created = run(new UserAddCommand(accounts), "hayashi", "--role", "staff");

        String disabled = run(new UserDisableCommand(accounts), "hayashi");

        assertThat(disabled).contains("無効にしました", "disabled the account 'hayashi'");
        assertThat(tokens.authenticate(tokenIn(created))).isEmpty();
        assertThat(run(new UserListCommand(accounts))).containsPattern("hayashi\\s+staff\\s+\\S+ \\S+\\s+disabled");

        assertThat(run(new UserEnableCommand(accounts), "hayashi")).contains("enabled the account 'hayashi'");
        assertThat(tokens.authenticate(tokenIn(created))).map(Identity::name).hasValue("hayashi");
        assertThat(run(new UserListCommand(accounts))).containsPattern("hayashi\\s+staff\\s+\\S+ \\S+\\s+active");
    }

    @Test
    void userPasswordPrintsANewPasswordOnceThatReplacesTheOldOne() throws Exception {
        String created = run(new UserAddCommand(accounts), "mori", "--role", "staff");

        String printed = run(new UserPasswordCommand(accounts), "mori");

        String newPassword = passwordIn(printed);
        assertThat(newPassword).isNotEqualTo(passwordIn(created));
        assertThat(printed).contains("shown only once", "sessions end");
        String hash = signIns.loadUserByUsername("mori").getPassword();
        assertThat(passwords.matches(newPassword, hash)).isTrue();
        assertThat(passwords.matches(passwordIn(created), hash)).isFalse();
    }

    @Test
    void userTokenListShowsEachTokensIdLabelAndUseButNeverTheToken() throws Exception {
        String created = run(new UserAddCommand(accounts), "ikeda", "--role", "staff");
        String qgis = tokenIn(run(new UserTokenCommand(accounts), "ikeda", "--label", "QGIS on the GIS office PC"));
        tokens.authenticate(qgis);

        String listed = run(new UserTokenListCommand(accounts), "ikeda");

        assertThat(listed).containsPattern("\\d+\\s+\\S+ \\S+\\s+never\\s+initial")
                .containsPattern("\\d+\\s+\\S+ \\S+\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+QGIS on the GIS office PC")
                .doesNotContain(tokenIn(created), qgis);
    }

    @Test
    void userTokenRevokeRefusesThatTokenAndKeepsTheOthers() throws Exception {
        String created = run(new UserAddCommand(accounts), "shimizu", "--role", "staff");
        String qgis = tokenIn(run(new UserTokenCommand(accounts), "shimizu", "--label", "QGIS"));
        String id = idOf("shimizu", "QGIS");

        assertThat(run(new UserTokenRevokeCommand(accounts), "shimizu", id)).contains("revoked API token " + id);

        assertThat(tokens.authenticate(qgis)).isEmpty();
        assertThat(tokens.authenticate(tokenIn(created))).isPresent();
        assertThat(run(new UserTokenListCommand(accounts), "shimizu")).doesNotContain("QGIS").contains("initial");
    }

    @Test
    void userTokenRevokeAllRefusesEveryTokenOfTheAccount() throws Exception {
        String created = run(new UserAddCommand(accounts), "yamaguchi", "--role", "staff");
        String script = tokenIn(run(new UserTokenCommand(accounts), "yamaguchi"));

        assertThat(run(new UserTokenRevokeCommand(accounts), "yamaguchi", "--all")).contains("revoked 2 API token(s)");

        assertThat(tokens.authenticate(tokenIn(created))).isEmpty();
        assertThat(tokens.authenticate(script)).isEmpty();
        assertThat(run(new UserTokenListCommand(accounts), "yamaguchi")).contains("has no API tokens");
    }

    @Test
    void aTokenOfAnotherAccountOrNoTokenAtAllCannotBeRevoked() throws Exception {
        run(new UserAddCommand(accounts), "abe", "--role", "staff");
        String othersToken = tokenIn(run(new UserAddCommand(accounts), "ogawa", "--role", "staff"));
        String othersId = idOf("ogawa", "initial");

        assertThatThrownBy(() -> run(new UserTokenRevokeCommand(accounts), "abe", othersId))
                .isInstanceOf(UnknownTokenException.class)
                .hasMessage("the account 'abe' has no API token " + othersId + " (see ./chizu user token list abe)");
        assertThatThrownBy(() -> run(new UserTokenRevokeCommand(accounts), "abe", "QGIS"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a token id");
        assertThatThrownBy(() -> run(new UserTokenRevokeCommand(accounts), "abe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("give an account name and either one token id or --all");
        assertThat(tokens.authenticate(othersToken)).isPresent();
    }

    @Test
    void everyCommandRefusesAnAccountThatDoesNotExist() {
        List<ChizuCommand> commands = List.of(new UserDisableCommand(accounts), new UserEnableCommand(accounts),
                new UserPasswordCommand(accounts), new UserTokenListCommand(accounts), new UserTokenRevokeCommand(accounts));
        for (ChizuCommand command : commands) {
            List<String> arguments = command instanceof UserTokenRevokeCommand ? List.of("nobody", "--all") : List.of("nobody");
            assertThatThrownBy(() -> command.run(arguments, System.out)).as(command.usage())
                    .isInstanceOf(UnknownAccountException.class).hasMessage("there is no account named 'nobody'");
        }
        assertThatThrownBy(() -> run(new UserTokenRevokeCommand(accounts), "nobody", "1"))
                .isInstanceOf(UnknownAccountException.class);
    }

    private static String idOf(String name, String label) {
        return accounts.tokens(name).stream().filter(token -> token.label().equals(label))
                .map(token -> String.valueOf(token.id())).findFirst().orElseThrow();
    }

    private static String passwordIn(String printed) {
        Matcher password = Pattern.compile("password / パスワード:\\s+(\\S+)").matcher(printed);
        assertThat(password.find()).as("a password in %s", printed).isTrue();
        return password.group(1);
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
