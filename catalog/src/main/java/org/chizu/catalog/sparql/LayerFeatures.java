package org.chizu.catalog.sparql;

import static org.chizu.catalog.sparql.FeatureVocabulary.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.chizu.catalog.CatalogUris;
import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.opendata.OpenDataApi;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.stereotype.Component;

/**
 * Writes a layer's features as GeoSPARQL: each feature is a {@code geo:Feature} of its layer's class,
 * named by its OGC API item URL, part of ({@code dct:isPartOf}) the layer's {@code dcat:Dataset},
 * with its declared attributes as properties and a {@code geo:Geometry} whose {@code geo:asWKT} is
 * in CRS84 (longitude first, no CRS IRI; PostGIS transforms the stored JGD2011 coordinates).
 * Only the declared attributes are written, never other columns of the table.
 */
@Component
class LayerFeatures {

    private static final RDFDatatype WKT = TypeMapper.getInstance().getSafeTypeByName(WKT_LITERAL);

    private final OpenDataApi openData;
    private final FeatureVocabulary vocabulary;
    private final CatalogUris uris;

    LayerFeatures(OpenDataApi openData, FeatureVocabulary vocabulary, CatalogUris uris) {
        this.openData = openData;
        this.vocabulary = vocabulary;
        this.uris = uris;
    }

    /**
     * Adds the layer's vocabulary and every current feature of it to the model.
     *
     * @return how many features were added
     */
    long addTo(Model model, Layer layer) throws IOException {
        vocabulary.describe(model, layer);
        Resource type = vocabulary.featureClass(layer);
        Resource dataset = model.createResource(uris.dataset(layer.id()));
        List<Attribute> attributes = layer.attributes();
        List<Property> properties = attributes.stream().map(a -> vocabulary.property(layer, a)).toList();
        WKTWriter wkt = new WKTWriter();
        return openData.forEachFeature(layer, (id, values, shape) -> {
            String iri = uris.ogcItems(layer.id()) + "/" + id;
            Resource feature = model.createResource(iri, GEO_FEATURE)
                    .addProperty(RDF.type, type)
                    .addProperty(DCTerms.isPartOf, dataset)
                    .addProperty(DCTerms.identifier, Long.toString(id));
            for (int i = 0; i < attributes.size(); i++) {
                Object value = values.get(i);
                if (value != null) {
                    feature.addLiteral(properties.get(i), literal(model, attributes.get(i), value));
                }
            }
            if (shape != null) {
                Resource geometry = model.createResource(iri + "#geometry", GEO_GEOMETRY)
                        .addLiteral(AS_WKT, model.createTypedLiteral(wkt.write(shape), WKT));
                feature.addProperty(HAS_GEOMETRY, geometry).addProperty(DEFAULT_GEOMETRY, geometry);
            }
        });
    }

    /** Typed as the vocabulary declares, so that {@code fac:capacity 450} and {@code fac:for_flood true} match. */
    private static Literal literal(Model model, Attribute attribute, Object value) {
        String lexical = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        return model.createTypedLiteral(lexical, FeatureVocabulary.datatype(attribute.type()));
    }
}
