package org.chizu.platform.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code ./chizu} that runs inside the application (with its database and
 * registry) but without the web server: {@code ./chizu import …}, {@code ./chizu user add …}.
 * Any module may contribute one as a Spring bean.
 */
public interface ChizuCommand {

    /** The words that select the command, such as ["import"] or ["user", "add"]. */
    List<String> words();

    /** One line of usage, shown when the arguments are wrong. */
    String usage();

    /**
     * Runs the command.
     *
     * @param arguments the arguments after the command's words
     * @param out       where to report what was done
     * @return the process exit code: 0 for success
     * @throws IllegalArgumentException when the arguments are wrong; its message is shown with the usage
     */
    int run(List<String> arguments, PrintStream out) throws Exception;
}
