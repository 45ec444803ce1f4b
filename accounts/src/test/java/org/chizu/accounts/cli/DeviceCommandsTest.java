package org.chizu.accounts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;

import org.chizu.accounts.AccountKind;
import org.chizu.accounts.ApiClients;
import org.chizu.accounts.ApiTokens;
import org.chizu.accounts.ClientScopes;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.cli.ChizuCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class DeviceCommandsTest {

    static ApiTokens tokens;
    static ApiClients clients;

    @BeforeAll
    static void migrate() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        tokens = new ApiTokens(jdbc);
        clients = new ApiClients(jdbc, tokens, new ClientScopes(List.of()), new AuditLog(jdbc), event -> { });
    }

    @Test
    void deviceAddPrintsATokenOnceThatCarriesOnlyItsScope() throws Exception {
        String printed = run(new DeviceAddCommand(clients), "水位計 高津川 1", "--scope", "sensors:observe");

        Matcher token = UserCommandsTest.TOKEN.matcher(printed);
        assertThat(token.find()).isTrue();
        assertThat(printed).contains("水位計 高津川 1", "sensors:observe", "shown only once");
        assertThat(tokens.authenticate(token.group())).hasValueSatisfying(device -> {
            assertThat(device.kind()).isEqualTo(AccountKind.CLIENT);
            assertThat(device.rights()).containsExactly("sensors:observe");
        });
        assertThat(run(new DeviceListCommand(clients))).contains("水位計 高津川 1  sensors:observe");
    }

    @Test
    void deviceAddRefusesAnUnknownScopeNamingTheKnownOnes() {
        assertThatThrownBy(() -> run(new DeviceAddCommand(clients), "camera", "--scope", "staff:everything"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scope 'staff:everything'")
                .hasMessageContaining("sensors:observe");
        assertThatThrownBy(() -> run(new DeviceAddCommand(clients), "camera"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--scope is required");
        assertThat(run(new DeviceListCommand(clients))).doesNotContain("camera");
    }

    private static String run(ChizuCommand command, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

}
