package org.chizu.catalog.quality;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which IRIs come from the controlled vocabularies MQA recognises: the EU file-type, licence and
 * access-right authority lists and IANA's media types. The format lists name the EU file types a
 * spatial catalog offers; a format not named here counts as neither open nor machine-readable.
 */
final class KnownVocabularies {

    private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    private static final String LICENCE = "http://publications.europa.eu/resource/authority/licence/";
    private static final String ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/";
    private static final Pattern IANA = Pattern.compile("https?://www\\.iana\\.org/assignments/media-types/.+");
    /** Licence documents the EU licence list matches exactly (Creative Commons, Open Data Commons). */
    private static final Pattern MATCHED_LICENCE = Pattern.compile(
            "https?://(creativecommons\\.org/(licenses|publicdomain)|opendatacommons\\.org/licenses)/.+");

    private static final Set<String> MACHINE_READABLE = Set.of("CSV", "TSV", "JSON", "JSON_LD", "GEOJSON", "GPKG",
            "GML", "KML", "KMZ", "XML", "RDF_XML", "RDF_TURTLE", "RDF_N_TRIPLES", "ODS", "XLS", "XLSX", "SHP", "DBF", "NETCDF");
    /** Machine-readable types that are open specifications; Shapefile and Excel are not. */
    private static final Set<String> NON_PROPRIETARY = Set.of("CSV", "TSV", "JSON", "JSON_LD", "GEOJSON", "GPKG",
            "GML", "KML", "KMZ", "XML", "RDF_XML", "RDF_TURTLE", "RDF_N_TRIPLES", "ODS", "DBF", "NETCDF");

    private KnownVocabularies() {
    }

    static boolean fileType(String iri) {
        return iri != null && iri.startsWith(FILE_TYPE);
    }

    static boolean mediaType(String iri) {
        return iri != null && IANA.matcher(iri).matches();
    }

    static boolean machineReadable(String formatIri) {
        return fileType(formatIri) && MACHINE_READABLE.contains(formatIri.substring(FILE_TYPE.length()));
    }

    static boolean nonProprietary(String formatIri) {
        return fileType(formatIri) && NON_PROPRIETARY.contains(formatIri.substring(FILE_TYPE.length()));
    }

    static boolean licence(String iri) {
        return iri != null && (iri.startsWith(LICENCE) || MATCHED_LICENCE.matcher(iri).matches());
    }

    static boolean accessRight(String iri) {
        return iri != null && iri.startsWith(ACCESS_RIGHT);
    }
}
