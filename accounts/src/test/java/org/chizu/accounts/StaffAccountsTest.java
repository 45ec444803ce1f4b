package org.chizu.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

class StaffAccountsTest {

    static JdbcTemplate jdbc;
    static PasswordEncoder passwords;
    static StaffAccounts accounts;
    static ApiTokens tokens;
    static SignIns signIns;

    @BeforeAll
    static void migrate() {
        jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        passwords = new PasswordHashing().passwordEncoder();
        accounts = new StaffAccounts(jdbc, passwords, new AuditLog(jdbc));
        tokens = new ApiTokens(jdbc);
        signIns = new SignIns(jdbc);
    }

    @Test
    void aNewAccountSignsInWithItsGeneratedPasswordAndUsesItsToken() {
        NewAccount created = accounts.create("tanaka.k", "田中 健", Role.STAFF);

        assertThat(created.account()).extracting(StaffAccount::name, StaffAccount::displayName, StaffAccount::role)
                .containsExactly("tanaka.k", "田中 健", Role.STAFF);
        UserDetails signIn = signIns.loadUserByUsername("tanaka.k");
        assertThat(passwords.matches(created.password(), signIn.getPassword())).isTrue();
        assertThat(signIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
        assertThat(created.token().token()).startsWith("chizu_").hasSize("chizu_".length() + 43);
        assertThat(tokens.authenticate(created.token().token())).map(Identity::name).hasValue("tanaka.k");
    }

    @Test
    void passwordsAreBcryptHashedAndTokensStoredOnlyAsTheirSha256() {
        NewAccount created = accounts.create("suzuki", Role.ADMIN);

        String passwordHash = jdbc.queryForObject("select password_hash from account where name = 'suzuki'", String.class);
        assertThat(passwordHash).startsWith("{bcrypt}$2").doesNotContain(created.password());
        String everyStoredValue = jdbc.queryForObject("""
                select string_agg(t::text, ' ') from api_token t
                join account a on a.id = t.account_id where a.name = 'suzuki'""", String.class);
        assertThat(everyStoredValue).doesNotContain(created.token().token())
                .contains(Secrets.tokenHash(created.token().token()));
    }

    @Test
    void aNameThatIsTakenIsRefused() {
        accounts.create("sato", Role.STAFF);

        assertThatThrownBy(() -> accounts.create("sato", Role.ADMIN))
                .isInstanceOf(AccountExistsException.class)
                .hasMessage("an account named 'sato' already exists");
        assertThat(accounts.find("sato")).map(StaffAccount::role).hasValue(Role.STAFF);
    }

    @Test
    void namesThatAreNotPlainLowerCaseUserNamesAreRefused() {
        for (String name : new String[] {"Tanaka", "k", "1st", "yamada taro", "a;drop table", "山田", "-x", ""}) {
            assertThatThrownBy(() -> accounts.create(name, Role.STAFF))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a valid user name");
        }
        assertThat(accounts.list()).extracting(StaffAccount::name).doesNotContain("Tanaka", "k", "1st");
    }

    @Test
    void anUnknownOrMalformedTokenAuthenticatesNobody() {
        accounts.create("ito", Role.STAFF);

        assertThat(tokens.authenticate("chizu_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void aDisabledAccountCanNeitherUseItsTokenNorSignIn() {
        NewAccount created = accounts.create("kobayashi", Role.STAFF);

        jdbc.update("update account set disabled = true where name = 'kobayashi'");

        assertThat(tokens.authenticate(created.token().token())).isEmpty();
        assertThat(signIns.loadUserByUsername("kobayashi").isEnabled()).isFalse();
    }

    @Test
    void everyIssuedTokenWorksAndRecordsWhenItWasLastUsed() {
        NewAccount created = accounts.create("watanabe", Role.STAFF);
        NewToken qgis = accounts.issueToken("watanabe", "QGIS");

        assertThat(lastUsed("QGIS")).isNull();
        assertThat(tokens.authenticate(qgis.token())).map(Identity::name).hasValue("watanabe");
        assertThat(tokens.authenticate(created.token().token())).map(Identity::name).hasValue("watanabe");
        assertThat(lastUsed("QGIS")).isNotNull();
    }

    @Test
    void noTokenIsIssuedForAnAccountThatDoesNotExist() {
        assertThatThrownBy(() -> accounts.issueToken("nobody", "cli"))
                .isInstanceOf(UnknownAccountException.class)
                .hasMessage("there is no account named 'nobody'");
    }

    private static Object lastUsed(String label) {
        return jdbc.queryForObject("select last_used_at from api_token where label = ?", Object.class, label);
    }
}
