package org.chizu.gis.imports;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.chizu.gis.crs.CrsCode;
import org.chizu.gis.imports.ImportRequest.AxisOrder;
import org.chizu.gis.imports.ImportRequest.Format;
import org.chizu.gis.imports.ImportRequest.Mode;
import org.springframework.stereotype.Component;

/** {@code ./chizu import FILE --layer ID …}: a file into a layer, from the command line. */
@Component
class ImportCommand implements ChizuCommand {

    private final LayerImporter importer;

    ImportCommand(LayerImporter importer) {
        this.importer = importer;
    }

    @Override
    public List<String> words() {
        return List.of("import");
    }

    @Override
    public String usage() {
        return "import FILE --layer ID [--srs EPSG:N] [--encoding UTF-8|Shift_JIS] [--replace] "
                + "[--format geojson|gpkg|csv|shp] [--table GPKG_TABLE|SHAPEFILE_IN_ZIP] [--axis-order north-east|east-north] "
                + "[--layout ID] [--dry-run] [--allow-outside]";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        CommandArguments args = new CommandArguments(arguments, Set.of("layer", "srs", "encoding", "format", "table", "axis-order",
                "layout"), Set.of("replace", "dry-run", "allow-outside"));
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("give exactly one file to import");
        }
        Path file = Path.of(args.positional().get(0)).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        ImportRequest request = ImportRequest.of(args.required("layer"), file.getFileName().toString())
                .withFormat(args.option("format").map(Format::named).orElse(null))
                .withSourceSrid(args.option("srs").map(CrsCode::parse).orElse(null))
                .withEncoding(args.option("encoding").map(TextEncoding::named).orElse(null))
                .withMode(args.flag("replace") ? Mode.REPLACE : Mode.APPEND)
                .withTable(args.option("table").orElse(null))
                .withAxisOrder(args.option("axis-order").map(AxisOrder::named).orElse(null))
                .withLayout(args.option("layout").orElse(null))
                .withDryRun(args.flag("dry-run"))
                .withAllowOutside(args.flag("allow-outside"));
        ImportResult result = importer.importFile(request, file, out::println);
        if (result.dryRun()) {
            printDryRun(result, out);
            return 0;
        }
        out.println("imported " + result.imported() + " feature" + (result.imported() == 1 ? "" : "s") + " into "
                + result.layerId() + " (from EPSG:" + result.sourceSrid()
                + (result.encoding() == null ? "" : ", read as " + result.encoding()) + ")"
                + (request.mode() == Mode.REPLACE ? ", replacing its features" : ""));
        if (result.assumedAxisOrder() != null) {
            out.println(result.assumedAxisOrder());
        }
        if (!result.ignoredFields().isEmpty()) {
            out.println("ignored fields that match no attribute: " + String.join(", ", result.ignoredFields()));
        }
        return 0;
    }

    private static void printDryRun(ImportResult result, PrintStream out) {
        out.println("dry run: " + result.features() + " feature" + (result.features() == 1 ? "" : "s") + " would go into "
                + result.layerId() + " (from EPSG:" + result.sourceSrid()
                + (result.encoding() == null ? "" : ", read as " + result.encoding()) + "); nothing was written");
        out.println("columns:");
        for (ImportResult.ColumnUse use : result.columns()) {
            out.println("  " + (use.column() == null ? "(layout)" : use.column()) + " → "
                    + (use.attribute() == null ? "not imported" : use.attribute())
                    + (use.note() == null ? "" : " (" + use.note() + ")"));
        }
        out.println("first rows as they would be stored:");
        result.preview().forEach(row -> out.println("  " + row));
    }
}
