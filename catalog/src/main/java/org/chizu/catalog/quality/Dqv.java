package org.chizu.catalog.quality;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the W3C Data Quality Vocabulary (and PROV's generation time) that the score is written in. */
final class Dqv {

    static final String NS = "http://www.w3.org/ns/dqv#";
    static final String PROV = "http://www.w3.org/ns/prov#";

    static final Resource QUALITY_MEASUREMENT = ResourceFactory.createResource(NS + "QualityMeasurement");
    static final Resource METRIC = ResourceFactory.createResource(NS + "Metric");
    static final Resource DIMENSION = ResourceFactory.createResource(NS + "Dimension");
    static final Property HAS_QUALITY_MEASUREMENT = ResourceFactory.createProperty(NS, "hasQualityMeasurement");
    static final Property IS_MEASUREMENT_OF = ResourceFactory.createProperty(NS, "isMeasurementOf");
    static final Property COMPUTED_ON = ResourceFactory.createProperty(NS, "computedOn");
    static final Property VALUE = ResourceFactory.createProperty(NS, "value");
    static final Property IN_DIMENSION = ResourceFactory.createProperty(NS, "inDimension");
    static final Property EXPECTED_DATA_TYPE = ResourceFactory.createProperty(NS, "expectedDataType");
    static final Property GENERATED_AT_TIME = ResourceFactory.createProperty(PROV, "generatedAtTime");

    private Dqv() {
    }
}
