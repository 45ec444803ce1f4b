package org.chizu.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.chizu.catalog.RunningCatalog;
import org.junit.jupiter.api.Test;

/**
 * The generated catalog checked with the official DCAT-AP 3.0.1 shapes, read from the shared data
 * folder (never copied into the project). The mandatory and range shapes must pass; the
 * recommended, vocabulary and GeoDCAT-AP shapes are reported for the README, not enforced.
 */
class DcatApShapesTest extends RunningCatalog {

    @Test
    void theCatalogConformsToTheMandatoryRangeAndDeprecationShapesOfDcatAp301() throws Exception {
        ValidationReport report = validate(catalogAndDatasets(), "dcat-ap-3.0.1-shapes.ttl",
                "dcat-ap-3.0.1-range.ttl", "dcat-ap-3.0.1-deprecateduris.ttl");
        assertThat(violations(report)).as(describe(report)).isEmpty();
    }

    @Test
    void recommendedVocabularyAndGeoDcatFindingsAreReported() throws Exception {
        Model data = catalogAndDatasets();
        for (String shapes : List.of("dcat-ap-3.0.1-shapes_recommended.ttl", "dcat-ap-3.0.1-mdr-vocabularies.shape.ttl",
                "geodcat-ap-2.0.0.shacl.ttl")) {
            ValidationReport report = validate(data, shapes);
            System.out.println("DCAT-AP " + shapes + ": " + report.getEntries().size() + " findings\n" + describe(report));
        }
        assertThat(data.size()).isPositive();
    }

    @Test
    void theExtentIsLeftToDcatBboxAndTheChecksumAlgorithmIsAnSpdxChecksumAlgorithm() throws Exception {
        // The vocabulary shapes also want the algorithm's IRI to match "^https://spdx.org/rdf/terms", which no
        // SPDX term does (SPDX's namespace is http://spdx.org/rdf/terms#), so they are reported, not enforced.
        Model data = catalogAndDatasets();
        assertThat(data.listStatements(null, ResourceFactory.createProperty("http://www.w3.org/ns/locn#", "geometry"), (RDFNode) null).toList())
                .as("no geometry literal on a dct:Location").isEmpty();
        assertThat(data.listObjectsOfProperty(Vocabulary.BBOX).toList()).isNotEmpty()
                .allMatch(box -> box.asLiteral().getDatatypeURI().equals("http://www.opengis.net/ont/geosparql#wktLiteral"));
        List<RDFNode> algorithms = data.listObjectsOfProperty(Vocabulary.ALGORITHM).toList();
        assertThat(algorithms).isNotEmpty().allMatch(algorithm -> algorithm.asResource()
                .hasProperty(RDF.type, ResourceFactory.createResource("http://spdx.org/rdf/terms#ChecksumAlgorithm")));
    }

    /**
     * A catalog page, the whole streamed catalog and every dataset's own document, as a harvester would
     * read them, once a GeoPackage was built so that its distribution states a size and checksum.
     */
    private Model catalogAndDatasets() throws Exception {
        assertThat(get("/data/facilities.gpkg").statusCode()).isEqualTo(200);
        Model model = turtle(get("/catalog.ttl?page=1").body());
        model.add(turtle(get("/catalog.ttl").body()));
        for (String id : List.of("roads", "facilities", "hazard_zones", "forests")) {
            model.add(turtle(get("/dataset/" + id + ".ttl").body()));
        }
        return model;
    }

    private static ValidationReport validate(Model data, String... shapeFiles) {
        Model shapes = ModelFactory.createDefaultModel();
        for (String file : shapeFiles) {
            Path path = sharedData().resolve("dcat-ap").resolve(file);
            assertThat(path).as("the DCAT-AP shapes (set CHIZU_SHARED_DATA or run through ./chizu test)").isRegularFile();
            RDFDataMgr.read(shapes, path.toUri().toString());
        }
        Shapes parsed = Shapes.parse(shapes.getGraph());
        assertThat(parsed.numShapes()).as("shapes in " + List.of(shapeFiles)).isPositive();
        return ShaclValidator.get().validate(parsed, data.getGraph());
    }

    private static List<ReportEntry> violations(ValidationReport report) {
        return report.getEntries().stream()
                .filter(e -> e.severity().level().getURI().endsWith("Violation")).toList();
    }

    /** Findings grouped by severity, path and message, with how often each occurs. */
    private static String describe(ValidationReport report) {
        Map<String, Long> grouped = report.getEntries().stream().collect(Collectors.groupingBy(
                e -> e.severity().level().getLocalName() + " " + e.resultPath() + ": " + e.message(), TreeMap::new, Collectors.counting()));
        return grouped.entrySet().stream().map(e -> "  " + e.getValue() + "× " + e.getKey()).collect(Collectors.joining("\n"));
    }

    private static Path sharedData() {
        String configured = System.getenv("CHIZU_SHARED_DATA");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data"); // from the module folder
    }
}
