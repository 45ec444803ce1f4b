package org.chizu.catalog.dcat;

import static org.chizu.catalog.dcat.Vocabulary.*;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.chizu.catalog.CatalogUris;
import org.chizu.catalog.ContributedDataset;
import org.chizu.platform.Label;
import org.springframework.stereotype.Component;

/**
 * A contributed dataset as DCAT-AP: the dataset with its creator as {@code dct:creator} and
 * {@code dct:publisher} (a {@code foaf:Agent} named once per catalog by its name), its access
 * rights, terms as {@code dct:license} and {@code dct:rights}, {@code dct:isPartOf} the dataset it
 * belongs to (and that one {@code dct:hasPart} it), and a distribution per way to get it.
 */
@Component
class ContributedDcat {

    private final CatalogUris uris;

    ContributedDcat(CatalogUris uris) {
        this.uris = uris;
    }

    /** Adds the dataset's statements to the model, with the catalog's contact point, and returns it. */
    Resource describe(Model model, ContributedDataset contributed, Resource contactPoint) {
        Resource creator = agent(model, contributed.creator());
        Resource dataset = model.createResource(uris.dataset(contributed.id()), DATASET)
                .addProperty(IDENTIFIER, contributed.id())
                .addProperty(TITLE, contributed.title().ja(), "ja")
                .addProperty(TITLE, contributed.title().en(), "en")
                .addProperty(DESCRIPTION, contributed.description().ja(), "ja")
                .addProperty(DESCRIPTION, contributed.description().en(), "en")
                .addProperty(CREATOR, creator)
                .addProperty(PUBLISHER, creator)
                .addProperty(CONTACT_POINT, contactPoint)
                .addProperty(LANDING_PAGE, model.createResource(uris.resolve(contributed.landingPage()), DOCUMENT));
        for (Label keyword : contributed.keywords()) {
            dataset.addProperty(KEYWORD, keyword.ja(), "ja").addProperty(KEYWORD, keyword.en(), "en");
        }
        CatalogModel.whereWhenAndWho(dataset, contributed.extent(), contributed.temporal(), contributed.issued(),
                contributed.modified(), contributed.themes(), contributed.access());
        contributed.partOf().ifPresent(whole -> {
            Resource parent = model.createResource(uris.dataset(whole));
            dataset.addProperty(IS_PART_OF, parent);
            parent.addProperty(HAS_PART, dataset);
        });
        ContributedDataset.Terms terms = contributed.terms();
        Resource licence = model.createResource(uris.resolve(terms.uri()), LICENSE_DOCUMENT)
                .addProperty(TITLE, terms.title().ja(), "ja")
                .addProperty(TITLE, terms.title().en(), "en");
        Resource rights = model.createResource(uris.dataset(contributed.id()) + "#rights", RIGHTS_STATEMENT)
                .addProperty(LABEL, terms.statement().ja(), "ja")
                .addProperty(LABEL, terms.statement().en(), "en");
        for (ContributedDataset.Distribution way : contributed.distributions()) {
            dataset.addProperty(DISTRIBUTION_LINK, distribution(model, contributed, way).addProperty(LICENSE, licence).addProperty(RIGHTS, rights));
        }
        return dataset;
    }

    private Resource distribution(Model model, ContributedDataset contributed, ContributedDataset.Distribution way) {
        Resource file = model.createResource(uris.resolve(way.path()));
        Resource distribution = model.createResource(uris.dataset(contributed.id()) + "/distribution/" + way.key(), DISTRIBUTION)
                .addProperty(TITLE, way.title().ja(), "ja")
                .addProperty(TITLE, way.title().en(), "en")
                .addProperty(ACCESS_URL, file)
                .addProperty(DOWNLOAD_URL, file)
                .addProperty(FORMAT, model.createResource(way.formatUri(), MEDIA_TYPE_OR_EXTENT));
        way.mediaTypeUri().ifPresent(iana -> distribution.addProperty(MEDIA_TYPE_LINK, model.createResource(iana, MEDIA_TYPE)));
        way.byteSize().ifPresent(size -> distribution.addLiteral(BYTE_SIZE,
                model.createTypedLiteral(Long.toString(size), XSDDatatype.XSDnonNegativeInteger)));
        return distribution;
    }

    /** One node per body, however many datasets name it: a name-based URI under the catalog's. */
    private Resource agent(Model model, Label name) {
        return model.createResource(uris.catalog() + "#agent-" + CatalogUris.uuid(name.ja()), AGENT)
                .addProperty(FOAF_NAME, name.ja(), "ja")
                .addProperty(FOAF_NAME, name.en(), "en");
    }
}
