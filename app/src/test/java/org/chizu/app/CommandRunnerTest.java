package org.chizu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.chizu.platform.cli.ChizuCommand;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @Test
    void theLongestMatchingCommandRunsSoASubcommandIsNotTakenForAnArgument() {
        List<String> ran = new ArrayList<>();
        CommandRunner runner = new CommandRunner(List.of(recording(ran, "user", "token"), recording(ran, "user", "token", "list")));

        runner.run(List.of("user", "token", "list", "tanaka"));
        runner.run(List.of("user", "token", "tanaka", "--label", "QGIS"));

        assertThat(ran).containsExactly("user token list [tanaka]", "user token [tanaka, --label, QGIS]");
    }

    /** A command that notes its words and arguments when run. */
    private static ChizuCommand recording(List<String> ran, String... words) {
        return new ChizuCommand() {
            @Override
            public List<String> words() {
                return List.of(words);
            }

            @Override
            public String usage() {
                return String.join(" ", words);
            }

            @Override
            public int run(List<String> arguments, PrintStream out) {
                ran.add(usage() + " " + arguments);
                return 0;
            }
        };
    }
}
