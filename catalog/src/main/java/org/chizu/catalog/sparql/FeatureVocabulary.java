package org.chizu.catalog.sparql;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.chizu.catalog.CatalogProperties;
import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.AttributeType;
import org.chizu.gis.layer.Layer;
import org.springframework.stereotype.Component;

/**
 * The vocabulary of the layers' features, derived from the layer registry: each layer has its own
 * namespace {@code <base-url>/def/<layer>#}, holding the class {@code Feature} (a subclass of
 * {@code geo:Feature}) and one property per declared attribute, named as the attribute
 * ({@code …/def/facilities#for_landslide}). Labels are the registry's, in Japanese and English.
 */
@Component
class FeatureVocabulary {

    static final String GEO = "http://www.opengis.net/ont/geosparql#";
    static final Resource GEO_FEATURE = ResourceFactory.createResource(GEO + "Feature");
    static final Resource GEO_GEOMETRY = ResourceFactory.createResource(GEO + "Geometry");
    static final Property HAS_GEOMETRY = ResourceFactory.createProperty(GEO, "hasGeometry");
    static final Property DEFAULT_GEOMETRY = ResourceFactory.createProperty(GEO, "hasDefaultGeometry");
    static final Property AS_WKT = ResourceFactory.createProperty(GEO, "asWKT");
    static final String WKT_LITERAL = GEO + "wktLiteral";

    private final String base;

    FeatureVocabulary(CatalogProperties properties) {
        this.base = properties.base();
    }

    /** The namespace of a layer's terms, ending in '#'. */
    String namespace(Layer layer) {
        return base + "/def/" + layer.id() + "#";
    }

    Resource featureClass(Layer layer) {
        return ResourceFactory.createResource(namespace(layer) + "Feature");
    }

    Property property(Layer layer, Attribute attribute) {
        return ResourceFactory.createProperty(namespace(layer), attribute.name());
    }

    /** Adds the layer's class and properties, with their labels, ranges and domain. */
    void describe(Model model, Layer layer) {
        Resource type = model.createResource(featureClass(layer).getURI(), OWL.Class)
                .addProperty(RDFS.subClassOf, GEO_FEATURE)
                .addProperty(RDFS.label, layer.title().ja(), "ja")
                .addProperty(RDFS.label, layer.title().en(), "en");
        for (Attribute attribute : layer.attributes()) {
            model.createResource(property(layer, attribute).getURI(), OWL.DatatypeProperty)
                    .addProperty(RDF.type, RDF.Property)
                    .addProperty(RDFS.label, attribute.label().ja(), "ja")
                    .addProperty(RDFS.label, attribute.label().en(), "en")
                    .addProperty(RDFS.domain, type)
                    .addProperty(RDFS.range, model.createResource(datatype(attribute.type()).getURI()));
        }
    }

    /** The XSD type an attribute's values are written with. */
    static RDFDatatype datatype(AttributeType type) {
        return switch (type) {
            case TEXT -> XSDDatatype.XSDstring;
            case INTEGER -> XSDDatatype.XSDinteger;
            case DECIMAL -> XSDDatatype.XSDdecimal;
            case BOOLEAN -> XSDDatatype.XSDboolean;
            case DATE -> XSDDatatype.XSDdate;
        };
    }
}
