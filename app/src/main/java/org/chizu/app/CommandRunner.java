package org.chizu.app;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.gis.imports.ImportRejectedException;
import org.springframework.stereotype.Component;

/** Finds the command that the words name and runs it, turning its failures into exit codes. */
@Component
class CommandRunner {

    private final List<ChizuCommand> commands;

    CommandRunner(List<ChizuCommand> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(c -> String.join(" ", c.words()))).toList();
    }

    int run(List<String> words) {
        PrintStream out = System.out;
        // The longest match, so "user token list" is not taken for "user token" with the account "list".
        ChizuCommand command = commands.stream()
                .filter(c -> words.size() >= c.words().size() && words.subList(0, c.words().size()).equals(c.words()))
                .max(Comparator.comparingInt(c -> c.words().size())).orElse(null);
        if (command == null) {
            System.err.println("unknown command: " + String.join(" ", words) + "\ncommands:");
            commands.forEach(c -> System.err.println("  ./chizu " + c.usage()));
            return 2;
        }
        try {
            return command.run(words.subList(command.words().size(), words.size()), out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nusage: ./chizu " + command.usage());
            return 2;
        } catch (ImportRejectedException e) {
            System.err.println(e.getMessage().substring(0, e.getMessage().indexOf(':')) + ":");
            e.problems().forEach(p -> System.err.println("  " + p));
            if (e.problemCount() > e.problems().size()) {
                System.err.println("  … and " + (e.problemCount() - e.problems().size()) + " more");
            }
            return 1;
        } catch (Exception e) {
            System.err.println("failed: " + e.getMessage());
            return 1;
        }
    }
}
