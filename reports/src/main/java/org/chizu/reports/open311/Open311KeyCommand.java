package org.chizu.reports.open311;

import java.io.PrintStream;
import java.util.List;

import org.chizu.platform.cli.ChizuCommand;
import org.springframework.stereotype.Component;

/** {@code ./chizu open311 key add CLIENT}: issues an API key for an Open311 client and prints it once. */
@Component
class Open311KeyCommand implements ChizuCommand {

    private final Open311ApiKeys keys;

    Open311KeyCommand(Open311ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<String> words() {
        return List.of("open311", "key", "add");
    }

    @Override
    public String usage() {
        return "open311 key add CLIENT   issue an API key that lets CLIENT post Open311 requests";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("name the client, in quotes if it has spaces");
        }
        out.println("API key for " + arguments.getFirst() + " (shown only now): " + keys.issue(arguments.getFirst()));
        return 0;
    }
}
