package org.chizu.forestry.laser;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;

/**
 * {@code ./chizu laser ingest DIR --survey NAME --body NAME [--zone III]}: archives and indexes every
 * LAS/LAZ file of a directory. Each file is taken or refused on its own; the command fails if any was refused.
 */
@Component
class LaserIngestCommand implements ChizuCommand {

    private final LaserArchive archive;

    LaserIngestCommand(LaserArchive archive) {
        this.archive = archive;
    }

    @Override
    public List<String> words() {
        return List.of("laser", "ingest");
    }

    @Override
    public String usage() {
        return "laser ingest DIR_OR_FILE --survey NAME --body SURVEYING_BODY [--zone I..XIX | --epsg CODE]"
                + "   (for files that declare no coordinate system: their JGD2011 plane rectangular zone, or any EPSG code)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        CommandArguments args = new CommandArguments(arguments, Set.of("survey", "body", "zone", "epsg"), Set.of());
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("give one directory or file");
        }
        Path source = Path.of(args.positional().get(0)).toAbsolutePath();
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("no such file or directory: " + source);
        }
        OptionalInt declared = DeclaredSrid.of(args.option("zone"), args.option("epsg"));
        long survey = archive.survey(args.required("survey"), args.required("body"));
        List<Path> files = LaserArchive.pointClouds(source);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .las or .laz file in " + source);
        }
        int refused = 0;
        for (Path file : files) {
            try {
                out.println(archive.ingest(survey, file, declared).summary());
            } catch (LaserProblem problem) {
                out.println(file.getFileName() + ": refused — " + problem.getMessage());
                refused++;
            }
        }
        out.printf("%d of %d files archived or already there%s%n", files.size() - refused, files.size(),
                refused == 0 ? "" : "; " + refused + " refused");
        return refused == 0 ? 0 : 1;
    }
}
