package org.chizu.catalog.quality;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.quality.QualityAssessment.Measurement;
import org.chizu.opendata.OpenDataApi;
import org.springframework.stereotype.Component;

/**
 * Writes a dataset's score into its DCAT description with DQV: one {@code dqv:QualityMeasurement}
 * per measured metric, its boolean {@code dqv:value}, and for URL checks the time they were made.
 * Metrics not measured yet get no measurement. The metrics are described at
 * {@code /catalog/quality-metrics}; here each is only typed, as GeoDCAT-AP's shapes expect.
 *
 * <p>An entry's assessment is kept until what it rests on moves: the entry (its layer's data
 * changed), a link check's result or a built download's facts; so the catalog pages, the SPARQL
 * dataset and the CKAN API share one assessment instead of each making its own.
 */
@Component
public class QualityMeasurements {

    private final QualityAssessor assessor;
    private final QualityTerms terms;
    private final LinkChecker links;
    private final OpenDataApi openData;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(CatalogEntry entry, long checksDone, long filesBuilt, QualityAssessment assessment) {

        boolean isFor(CatalogEntry other, long checksNow, long filesNow) {
            return entry == other && checksDone == checksNow && filesBuilt == filesNow;
        }
    }

    QualityMeasurements(QualityAssessor assessor, QualityTerms terms, LinkChecker links, OpenDataApi openData) {
        this.assessor = assessor;
        this.terms = terms;
        this.links = links;
        this.openData = openData;
    }

    /** The assessment kept for an entry, while nothing it rests on has moved since it was made. */
    public Optional<QualityAssessment> kept(CatalogEntry entry) {
        Kept previous = kept.get(entry.id());
        return previous != null && previous.isFor(entry, links.checksDone(), openData.filesBuilt())
                ? Optional.of(previous.assessment())
                : Optional.empty();
    }

    /**
     * Describes an entry's {@code dcat:Dataset} with {@code description}, then adds the
     * measurements of its kept assessment, or of a new one (which is then kept).
     *
     * @param description adds the dataset's DCAT statements to its model and returns the dataset
     * @return the assessment the measurements state
     */
    public QualityAssessment describe(CatalogEntry entry, Supplier<Resource> description) {
        // Read before describing: a result that lands meanwhile leaves the kept assessment stale, never fresh-looking.
        long checksDone = links.checksDone();
        long filesBuilt = openData.filesBuilt();
        Resource dataset = description.get();
        Kept previous = kept.get(entry.id());
        QualityAssessment assessment;
        if (previous != null && previous.isFor(entry, checksDone, filesBuilt)) {
            assessment = previous.assessment();
        } else {
            assessment = assessor.assess(dataset);
            kept.put(entry.id(), new Kept(entry, checksDone, filesBuilt, assessment));
        }
        write(dataset, assessment);
        return assessment;
    }

    private void write(Resource dataset, QualityAssessment assessment) {
        Model model = dataset.getModel();
        model.setNsPrefix("dqv", Dqv.NS).setNsPrefix("prov", Dqv.PROV);
        for (Measurement measurement : assessment.measurements()) {
            if (!measurement.measured()) {
                continue;
            }
            Resource node = model.createResource(dataset.getURI() + "#quality-" + measurement.metric().id(), Dqv.QUALITY_MEASUREMENT)
                    .addProperty(Dqv.COMPUTED_ON, dataset)
                    .addProperty(Dqv.IS_MEASUREMENT_OF, model.createResource(terms.metric(measurement.metric()), Dqv.METRIC))
                    .addLiteral(Dqv.VALUE, model.createTypedLiteral(measurement.passed()));
            measurement.checkedAt().ifPresent(time ->
                    node.addLiteral(Dqv.GENERATED_AT_TIME, model.createTypedLiteral(time.toString(), XSDDatatype.XSDdateTime)));
            dataset.addProperty(Dqv.HAS_QUALITY_MEASUREMENT, node);
        }
    }
}
