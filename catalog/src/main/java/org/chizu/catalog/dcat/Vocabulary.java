package org.chizu.catalog.dcat;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of DCAT, Dublin Core, FOAF, vCard, GeoSPARQL, ADMS, SKOS, SPDX and Hydra that the catalog writes. */
public final class Vocabulary {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String GSP = "http://www.opengis.net/ont/geosparql#";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String SPDX = "http://spdx.org/rdf/terms#";

    static final Resource CATALOG = type(DCAT, "Catalog");
    static final Resource DATASET = type(DCAT, "Dataset");
    static final Resource DISTRIBUTION = type(DCAT, "Distribution");
    static final Resource DATA_SERVICE = type(DCAT, "DataService");
    static final Resource AGENT = type(FOAF, "Agent");
    static final Resource ORGANIZATION = type(VCARD, "Organization");
    static final Resource KIND = type(VCARD, "Kind");
    static final Resource DOCUMENT = type(FOAF, "Document");
    static final Resource STANDARD = type(DCT, "Standard");
    static final Resource CONCEPT = type(SKOS, "Concept");
    static final Resource CONCEPT_SCHEME = type(SKOS, "ConceptScheme");
    static final Resource LOCATION = type(DCT, "Location");
    static final Resource MEDIA_TYPE = type(DCT, "MediaType");
    static final Resource MEDIA_TYPE_OR_EXTENT = type(DCT, "MediaTypeOrExtent");
    static final Resource LICENSE_DOCUMENT = type(DCT, "LicenseDocument");
    static final Resource PROVENANCE_STATEMENT = type(DCT, "ProvenanceStatement");
    static final Resource RIGHTS_STATEMENT = type(DCT, "RightsStatement");
    static final Resource PERIOD_OF_TIME = type(DCT, "PeriodOfTime");
    static final Resource CHECKSUM = type(SPDX, "Checksum");
    static final Resource CHECKSUM_ALGORITHM = type(SPDX, "ChecksumAlgorithm");
    static final Resource LINGUISTIC_SYSTEM = type(DCT, "LinguisticSystem");
    static final Resource PAGED_COLLECTION = type(HYDRA, "PagedCollection");

    static final Property TITLE = property(DCT, "title");
    static final Property DESCRIPTION = property(DCT, "description");
    static final Property IDENTIFIER = property(DCT, "identifier");
    static final Property PUBLISHER = property(DCT, "publisher");
    static final Property CREATOR = property(DCT, "creator");
    static final Property IS_PART_OF = property(DCT, "isPartOf");
    static final Property HAS_PART = property(DCT, "hasPart");
    static final Property LICENSE = property(DCT, "license");
    static final Property FORMAT = property(DCT, "format");
    static final Property SPATIAL = property(DCT, "spatial");
    static final Property ISSUED = property(DCT, "issued");
    static final Property MODIFIED = property(DCT, "modified");
    static final Property PROVENANCE = property(DCT, "provenance");
    static final Property TEMPORAL = property(DCT, "temporal");
    static final Property ACCESS_RIGHTS = property(DCT, "accessRights");
    static final Property RIGHTS = property(DCT, "rights");
    static final Property LANGUAGE = property(DCT, "language");
    static final Property CONFORMS_TO = property(DCT, "conformsTo");
    static final Property DCT_TYPE = property(DCT, "type");
    static final Property KEYWORD = property(DCAT, "keyword");
    static final Property THEME = property(DCAT, "theme");
    static final Property THEME_TAXONOMY = property(DCAT, "themeTaxonomy");
    static final Property START_DATE = property(DCAT, "startDate");
    static final Property END_DATE = property(DCAT, "endDate");
    static final Property BYTE_SIZE = property(DCAT, "byteSize");
    static final Property CHECKSUM_LINK = property(SPDX, "checksum");
    static final Property ALGORITHM = property(SPDX, "algorithm");
    static final Property CHECKSUM_VALUE = property(SPDX, "checksumValue");
    static final Property CONTACT_POINT = property(DCAT, "contactPoint");
    static final Property DATASET_LINK = property(DCAT, "dataset");
    static final Property SERVICE = property(DCAT, "service");
    static final Property DISTRIBUTION_LINK = property(DCAT, "distribution");
    static final Property ACCESS_URL = property(DCAT, "accessURL");
    static final Property DOWNLOAD_URL = property(DCAT, "downloadURL");
    static final Property MEDIA_TYPE_LINK = property(DCAT, "mediaType");
    static final Property ACCESS_SERVICE = property(DCAT, "accessService");
    static final Property ENDPOINT_URL = property(DCAT, "endpointURL");
    static final Property ENDPOINT_DESCRIPTION = property(DCAT, "endpointDescription");
    static final Property SERVES_DATASET = property(DCAT, "servesDataset");
    static final Property LANDING_PAGE = property(DCAT, "landingPage");
    static final Property BBOX = property(DCAT, "bbox");
    static final Property FOAF_NAME = property(FOAF, "name");
    static final Property HOMEPAGE = property(FOAF, "homepage");
    static final Property FN = property(VCARD, "fn");
    static final Property HAS_EMAIL = property(VCARD, "hasEmail");
    static final Property HAS_URL = property(VCARD, "hasURL");
    static final Property LABEL = property(RDFS, "label");
    static final Property PREF_LABEL = property(SKOS, "prefLabel");
    static final Property IN_SCHEME = property(SKOS, "inScheme");
    static final Property TOTAL_ITEMS = property(HYDRA, "totalItems");
    static final Property ITEMS_PER_PAGE = property(HYDRA, "itemsPerPage");
    static final Property FIRST_PAGE = property(HYDRA, "firstPage");
    static final Property LAST_PAGE = property(HYDRA, "lastPage");
    static final Property NEXT_PAGE = property(HYDRA, "nextPage");
    static final Property PREVIOUS_PAGE = property(HYDRA, "previousPage");

    /** ADMS publisher type of a municipality. */
    static final String LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority";
    static final String WKT_LITERAL = GSP + "wktLiteral";
    static final String JAPANESE = "http://publications.europa.eu/resource/authority/language/JPN";
    static final String ENGLISH = "http://publications.europa.eu/resource/authority/language/ENG";
    /** The EU access-right authority table and its entry for data anyone may use. */
    public static final String SHA_256 = SPDX + "checksumAlgorithm_sha256";
    static final String OGC_API_FEATURES = "http://www.opengis.net/spec/ogcapi-features-1/1.0";
    static final String SPARQL_PROTOCOL = "http://www.w3.org/TR/sparql11-protocol/";
    static final String GEOSPARQL = "http://www.opengis.net/spec/geosparql/1.1";

    private Vocabulary() {
    }

    private static Resource type(String namespace, String name) {
        return ResourceFactory.createResource(namespace + name);
    }

    private static Property property(String namespace, String name) {
        return ResourceFactory.createProperty(namespace, name);
    }
}
