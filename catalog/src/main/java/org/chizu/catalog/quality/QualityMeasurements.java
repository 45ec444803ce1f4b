package org.chizu.catalog.quality;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.chizu.catalog.quality.QualityAssessment.Measurement;
import org.springframework.stereotype.Component;

/**
 * Writes a dataset's score into its DCAT description with DQV: one {@code dqv:QualityMeasurement}
 * per measured metric, its boolean {@code dqv:value}, and for URL checks the time they were made.
 * Metrics not measured yet get no measurement. The metrics are described at
 * {@code /catalog/quality-metrics}; here each is only typed, as GeoDCAT-AP's shapes expect.
 */
@Component
public class QualityMeasurements {

    private final QualityAssessor assessor;
    private final QualityTerms terms;

    QualityMeasurements(QualityAssessor assessor, QualityTerms terms) {
        this.assessor = assessor;
        this.terms = terms;
    }

    /** Adds the measurements of a {@code dcat:Dataset} already described in its model. */
    public void describe(Resource dataset) {
        Model model = dataset.getModel();
        model.setNsPrefix("dqv", Dqv.NS).setNsPrefix("prov", Dqv.PROV);
        for (Measurement measurement : assessor.assess(dataset).measurements()) {
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
