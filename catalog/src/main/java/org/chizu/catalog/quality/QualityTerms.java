package org.chizu.catalog.quality;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chizu.catalog.CatalogUris;
import org.chizu.platform.Label;
import org.springframework.stereotype.Component;

/**
 * The IRIs of the score's metrics and dimensions, fragments of {@code /catalog/quality-metrics}
 * under the public base URL, and the document describing them there.
 */
@Component
public class QualityTerms {

    private final CatalogUris uris;

    QualityTerms(CatalogUris uris) {
        this.uris = uris;
    }

    public String metric(QualityMetric metric) {
        return uris.qualityMetrics() + "#" + metric.id();
    }

    public String dimension(QualityDimension dimension) {
        return uris.qualityMetrics() + "#" + dimension.id();
    }

    /** Every metric as a {@code dqv:Metric} in its {@code dqv:Dimension}, labelled in Japanese and English. */
    public Model description() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dqv", Dqv.NS).setNsPrefix("skos", SKOS.uri).setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("", uris.qualityMetrics() + "#");
        for (QualityDimension dimension : QualityDimension.values()) {
            Resource node = labelled(model.createResource(dimension(dimension), Dqv.DIMENSION), dimension.label());
            for (QualityMetric metric : QualityMetric.in(dimension)) {
                labelled(model.createResource(metric(metric), Dqv.METRIC), metric.label())
                        .addProperty(Dqv.IN_DIMENSION, node)
                        .addProperty(Dqv.EXPECTED_DATA_TYPE, model.createResource(XSDDatatype.XSDboolean.getURI()))
                        .addProperty(RDFS.comment, "満たすと" + metric.points() + "点", "ja")
                        .addProperty(RDFS.comment, "Worth " + metric.points() + " points when passed", "en");
            }
        }
        return model;
    }

    private static Resource labelled(Resource resource, Label label) {
        return resource.addProperty(SKOS.prefLabel, label.ja(), "ja").addProperty(SKOS.prefLabel, label.en(), "en");
    }
}
