package org.chizu.gis.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chizu.gis.crs.Crs;
import org.chizu.gis.crs.PostgisCrs;
import org.chizu.gis.imports.FeatureReader.SourceDescription;
import org.chizu.gis.imports.ImportRequest.Mode;
import org.chizu.gis.imports.ImportStaging.MovedFeatures;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.SqlIdentifiers;
import org.chizu.gis.layer.UnknownLayerException;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a GeoJSON, GeoPackage, CSV or Shapefile into a layer, all or nothing. Every feature is read,
 * checked against the layer's declaration and staged in one transaction; PostGIS then checks the
 * geometries and transforms them into the layer's coordinate system. Any problem rolls the whole
 * transaction back and is reported with its line or feature number and field, so a rejected file
 * leaves the layer exactly as it was. A commit is announced as a {@link LayerDataChanged} to every
 * Chizu process on the database ({@link LayerChanges}). A file in a known layout ({@link SourceLayouts}:
 * the GSI shelter lists, 国土数値情報 A33 and A31a …) is mapped as the layout declares; a dry run
 * does everything but commit and shows the first rows as they would be stored. Once municipal
 * boundaries are loaded, a file with features outside all of them is refused unless the request
 * allows it. An import that commits is recorded in the {@link AuditLog}, from HTTP and the command
 * line alike.
 */
@Service
public class LayerImporter {

    private final LayerRegistry registry;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PostgisCrs crs;
    private final LayerChanges changes;
    private final SourceLayouts layouts;
    private final AuditLog audit;

    /** How many rows a dry run shows. */
    static final int PREVIEW_ROWS = 5;

    public LayerImporter(LayerRegistry registry, JdbcTemplate jdbc, TransactionTemplate transactions, PostgisCrs crs,
                         LayerChanges changes, SourceLayouts layouts, AuditLog audit) {
        this.layouts = layouts;
        this.audit = audit;
        this.registry = registry;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.crs = crs;
        this.changes = changes;
    }

    /**
     * Imports the file into the request's layer. The caller decides who may: this service checks
     * only that the layer exists.
     *
     * @throws ImportRejectedException  when anything in the file is wrong; nothing was imported
     * @throws UnknownLayerException    when the layer does not exist
     * @throws IllegalArgumentException when the format cannot be told from the file name, or the layout asked for is unknown
     * @throws IOException              when the file cannot be read
     */
    public ImportResult importFile(ImportRequest request, Path file) throws IOException {
        return importFile(request, file, notice -> {
        });
    }

    /**
     * Imports the file as {@link #importFile(ImportRequest, Path)} does, and before writing anything
     * into the layer says which layout it recognised and which columns it drops that an attribute
     * could hold or the layout does not account for, one sentence at a time.
     */
    public ImportResult importFile(ImportRequest request, Path file, Consumer<String> beforeWriting) throws IOException {
        Layer layer = registry.find(request.layerId()).orElseThrow(() -> new UnknownLayerException(request.layerId()));
        if (isView(layer)) {
            throw new LayerNotImportableException(layer.id(), layer.table());
        }
        FeatureReader reader = readerFor(request.effectiveFormat());
        SourceLayout requested = request.layout() == null ? null : layouts.named(request.layout());
        try {
            return transactions.execute(transaction -> importInTransaction(layer, request, reader, file, requested,
                    beforeWriting, transaction));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean isView(Layer layer) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_class where oid = to_regclass(?) and relkind in ('v', 'm'))",
                Boolean.class, SqlIdentifiers.quote(layer.table())));
    }

    private ImportResult importInTransaction(Layer layer, ImportRequest request, FeatureReader reader, Path file,
                                             SourceLayout requested, Consumer<String> beforeWriting,
                                             TransactionStatus transaction) {
        ImportProblems problems = new ImportProblems(layer.id());
        AttributeMapping mapping = new AttributeMapping(layer, layouts, requested);
        FeatureCheck check = new FeatureCheck(layer, mapping, new ColumnLimits(jdbc, layer));
        ImportStaging staging = new ImportStaging(jdbc, layer, transaction, problems);
        SourceDescription source;
        try {
            source = reader.read(file, request, problems,
                    feature -> check.check(feature, problems).ifPresent(values -> staging.add(feature, values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staging.flush();
        if (request.axisOrder() != null && request.effectiveFormat() != ImportRequest.Format.CSV) {
            problems.add(InputProblem.ofFile("axis order " + request.axisOrder() + " is only for a CSV file's x/y columns; "
                    + "GeoJSON, GeoPackage and Shapefile coordinates are easting (longitude) first by their format"));
        }
        mapping.problems().forEach(problem -> problems.add(InputProblem.ofFile(problem)));
        if (staging.count() == 0 && !problems.any()) {
            problems.add(InputProblem.ofFile("the file holds no features"));
        }
        Integer srid = request.sourceSrid() != null ? request.sourceSrid() : source.srid();
        Optional<Crs> sourceCrs = srid == null ? Optional.empty() : crs.find(srid);
        if (srid == null) {
            reportUnknownCrs(source, problems);
        } else if (sourceCrs.isEmpty()) {
            problems.add(InputProblem.ofFile("EPSG:" + srid + " is not a coordinate system PostGIS knows"));
        }
        staging.reportInvalidGeometries(problems);
        sourceCrs.filter(Crs::geographic).ifPresent(geographic -> staging.reportOutsideLongitudeLatitude(geographic, problems));
        if (source.xyOrder() != null) {
            sourceCrs.filter(projected -> !projected.geographic())
                    .ifPresent(projected -> staging.reportSwappedAxes(projected, source.xyOrder(), transaction, problems));
        }
        if (!request.allowOutside() && !problems.any() && srid != null) {
            staging.reportOutsideMunicipalities(srid);
        }
        ImportRejectedException.Context context = hintAtLayout(layer, mapping, problems);
        problems.rejectIfAny(check.checked(), context);
        mapping.layout().ifPresent(layout -> beforeWriting.accept("read as layout " + layout.id() + ": "
                + layout.title().bilingual() + (mapping.detected() ? ", recognised from its columns" : "")));
        List<String> warnings = mapping.droppedColumnWarnings();
        warnings.forEach(beforeWriting);
        List<Map<String, Object>> preview = request.dryRun() ? staging.preview(srid, PREVIEW_ROWS) : List.of();
        MovedFeatures moved = staging.moveIntoLayer(srid, request.mode() == Mode.REPLACE, transaction, problems);
        problems.rejectIfAny(check.checked(), context);
        if (request.dryRun()) {
            transaction.setRollbackOnly();
        } else {
            changes.publishOnCommit(request.mode() == Mode.REPLACE ? LayerDataChanged.wholeLayer(layer.id())
                    : new LayerDataChanged(layer.id(), moved.bounds()));
            audit.record("layer.import", "layer " + layer.id(), Map.of("file", request.fileName(), "features", moved.count(),
                    "mode", request.mode().name().toLowerCase(Locale.ROOT)));
        }
        return new ImportResult(layer.id(), request.dryRun() ? 0 : moved.count(), srid, source.encoding(), mapping.ignoredFields(),
                source.assumedAxisOrder(),
                mapping.layout().map(l -> new ImportResult.LayoutUsed(l.id(), l.title(), l.spec(), mapping.detected())).orElse(null),
                mapping.columnUses(), warnings, request.dryRun(), check.checked(), preview);
    }

    /**
     * When no layout was used but the file resembles one of the layer's, says so at each attribute
     * the file leaves empty that the layout would fill, naming the column it would take.
     */
    private ImportRejectedException.Context hintAtLayout(Layer layer, AttributeMapping mapping, ImportProblems problems) {
        Optional<SourceLayout> closest = mapping.layout().isPresent() ? Optional.empty()
                : layouts.closest(layer.id(), mapping.columns());
        closest.ifPresent(layout -> {
            String question = " — is this " + layout.title().ja() + " (" + layout.title().en() + ")? Import it with --layout "
                    + layout.id() + " (layout=" + layout.id() + " over HTTP)";
            mapping.columns().forEach(column -> layout.column(column).ifPresent(c ->
                    problems.hint(c.attribute(), "the file has " + column + question)));
            layout.constants().keySet().forEach(attribute ->
                    problems.hint(attribute, "layout " + layout.id() + " sets it" + question));
        });
        return new ImportRejectedException.Context(mapping.layout().map(SourceLayout::id).orElse(null),
                closest.map(SourceLayout::id).orElse(null), mapping.ignoredFields());
    }

    /** Says that the file's coordinate system must be given, unless the file could not be read far enough to tell. */
    private static void reportUnknownCrs(SourceDescription source, ImportProblems problems) {
        if (source.unrecognisedCrs() != null) {
            problems.add(InputProblem.ofFile("the .prj file names a coordinate system Chizu does not recognise ("
                    + source.unrecognisedCrs() + "): give its EPSG code with --srs (srs= over HTTP), "
                    + "for example EPSG:6671 for JGD2011 plane rectangular zone III"));
        } else if (source != SourceDescription.UNREAD) {
            problems.add(InputProblem.ofFile("the file does not say which coordinate system its coordinates are in: "
                    + "give it (srs), for example EPSG:6671 for plane rectangular zone III"));
        }
    }

    static FeatureReader readerFor(ImportRequest.Format format) {
        return switch (format) {
            case GEOJSON -> new GeoJsonFeatureReader();
            case GEOPACKAGE -> new GeoPackageFeatureReader();
            case CSV -> new CsvFeatureReader();
            case SHAPEFILE -> new ShapefileFeatureReader();
        };
    }
}
