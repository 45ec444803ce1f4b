package org.chizu.gis.municipalities;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/** {@code ./chizu town add CODE --boundary FILE [--name-en NAME]}: serve another municipality. */
@Component
class TownAddCommand implements ChizuCommand {

    private final MunicipalityBoundaries boundaries;

    TownAddCommand(MunicipalityBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    @Override
    public List<String> words() {
        return List.of("town", "add");
    }

    @Override
    public String usage() {
        return "town add CODE --boundary N03_FILE [--name-en NAME]   (CODE: 5 digits, or 6 with the check digit)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        CommandArguments args = new CommandArguments(arguments, Set.of("boundary", "name-en"), Set.of());
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("give exactly one municipality code");
        }
        Path file = Path.of(args.required("boundary")).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        AddedMunicipality added = boundaries.add(args.positional().get(0), file, file.getFileName().toString(),
                args.option("name-en").orElse(null));
        out.println(added.summary());
        return 0;
    }
}
