package org.chizu.gis.municipalities;

import java.io.PrintStream;
import java.util.List;

import org.chizu.platform.cli.ChizuCommand;
import org.springframework.stereotype.Component;

/** {@code ./chizu town list}: the municipalities served, one a line. */
@Component
class TownListCommand implements ChizuCommand {

    private final Municipalities municipalities;

    TownListCommand(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public List<String> words() {
        return List.of("town", "list");
    }

    @Override
    public String usage() {
        return "town list";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("town list takes no arguments");
        }
        List<Municipality> all = municipalities.all();
        if (all.isEmpty()) {
            out.println("no municipalities yet: add one with ./chizu town add");
        }
        all.forEach(m -> out.println(m.fullCode() + "  " + m.prefecture() + m.name().ja() + "  " + m.name().en()));
        return 0;
    }
}
