package org.chizu.catalog.quality;

import static org.chizu.catalog.quality.QualityMetric.*;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.chizu.catalog.quality.QualityAssessment.Measurement;
import org.springframework.stereotype.Component;

/**
 * Scores a dataset on what its DCAT description says, as a harvester reads it, and on the last
 * checks of the URLs in it. Distribution metrics follow MQA: interoperability is taken from the
 * dataset's best distribution (they hold the same data); the URL, licence and rights metrics
 * pass only when every distribution passes, since one broken link is broken for whoever follows it.
 */
@Component
public class QualityAssessor {

    private final LinkChecker links;

    QualityAssessor(LinkChecker links) {
        this.links = links;
    }

    /** Assesses a {@code dcat:Dataset} in its model, and has the URLs it links to checked. */
    public QualityAssessment assess(Resource dataset) {
        List<Resource> distributions = dataset.listProperties(DCAT.distribution).mapWith(Statement::getResource).toList();
        Set<String> accessUrls = iris(distributions, DCAT.accessURL);
        Set<String> downloadUrls = iris(distributions, DCAT.downloadURL);
        Set<String> urls = new LinkedHashSet<>(accessUrls);
        urls.addAll(downloadUrls);
        links.watch(dataset.getURI(), urls);

        Map<QualityMetric, Measurement> results = new EnumMap<>(QualityMetric.class);
        put(results, KEYWORDS, dataset.hasProperty(DCAT.keyword));
        put(results, CATEGORIES, dataset.hasProperty(DCAT.theme));
        put(results, SPATIAL, dataset.hasProperty(DCTerms.spatial));
        put(results, TEMPORAL, dataset.hasProperty(DCTerms.temporal));
        results.put(ACCESS_URL_STATUS, answered(ACCESS_URL_STATUS, accessUrls));
        put(results, DOWNLOAD_URL, !downloadUrls.isEmpty());
        results.put(DOWNLOAD_URL_STATUS, answered(DOWNLOAD_URL_STATUS, downloadUrls));
        interoperability(distributions).forEach((metric, passed) -> put(results, metric, passed));
        put(results, LICENCE, every(distributions, d -> d.hasProperty(DCTerms.license)));
        put(results, LICENCE_VOCABULARY, every(distributions, d -> d.hasProperty(DCTerms.license)
                && iris(List.of(d), DCTerms.license).stream().allMatch(KnownVocabularies::licence)));
        put(results, ACCESS_RIGHTS, dataset.hasProperty(DCTerms.accessRights));
        put(results, ACCESS_RIGHTS_VOCABULARY, dataset.hasProperty(DCTerms.accessRights)
                && iris(List.of(dataset), DCTerms.accessRights).stream().allMatch(KnownVocabularies::accessRight));
        put(results, CONTACT_POINT, dataset.hasProperty(DCAT.contactPoint));
        put(results, PUBLISHER, dataset.hasProperty(DCTerms.publisher));
        put(results, RIGHTS, every(distributions, d -> d.hasProperty(DCTerms.rights)));
        put(results, BYTE_SIZE, every(distributions.stream().filter(d -> d.hasProperty(DCAT.downloadURL)).toList(),
                d -> d.hasProperty(DCAT.byteSize)));
        put(results, ISSUED, dataset.hasProperty(DCTerms.issued));
        put(results, MODIFIED, dataset.hasProperty(DCTerms.modified));
        return new QualityAssessment(List.copyOf(results.values()));
    }

    /** Passed when every URL answered at its last check; not measured while any is unchecked. */
    private Measurement answered(QualityMetric metric, Set<String> urls) {
        if (urls.isEmpty()) {
            return new Measurement(metric, false, Optional.empty());
        }
        List<Optional<UrlCheck>> checks = urls.stream().map(links::lastCheck).toList();
        if (checks.stream().anyMatch(Optional::isEmpty)) {
            return new Measurement(metric, null, Optional.empty());
        }
        List<UrlCheck> done = checks.stream().map(Optional::get).toList();
        Optional<Instant> oldest = done.stream().map(UrlCheck::checkedAt).min(Comparator.naturalOrder());
        return new Measurement(metric, done.stream().allMatch(UrlCheck::answered), oldest);
    }

    /** The five format metrics of the distribution that earns most of them; all failed without distributions. */
    private static Map<QualityMetric, Boolean> interoperability(List<Resource> distributions) {
        return distributions.stream().map(QualityAssessor::formatMetrics)
                .max(Comparator.comparingInt(QualityAssessor::points))
                .orElseGet(() -> formatMetrics(List.of(), List.of()));
    }

    private static Map<QualityMetric, Boolean> formatMetrics(Resource distribution) {
        return formatMetrics(distribution.listProperties(DCTerms.format).mapWith(Statement::getObject).toList(),
                distribution.listProperties(DCAT.mediaType).mapWith(Statement::getObject).toList());
    }

    private static Map<QualityMetric, Boolean> formatMetrics(List<RDFNode> formats, List<RDFNode> mediaTypes) {
        Map<QualityMetric, Boolean> metrics = new EnumMap<>(QualityMetric.class);
        metrics.put(FORMAT, !formats.isEmpty());
        metrics.put(MEDIA_TYPE, !mediaTypes.isEmpty());
        metrics.put(FORMAT_VOCABULARY, !(formats.isEmpty() && mediaTypes.isEmpty())
                && formats.stream().allMatch(f -> KnownVocabularies.fileType(iri(f)))
                && mediaTypes.stream().allMatch(m -> KnownVocabularies.mediaType(iri(m))));
        metrics.put(NON_PROPRIETARY, formats.stream().anyMatch(f -> KnownVocabularies.nonProprietary(iri(f))));
        metrics.put(MACHINE_READABLE, formats.stream().anyMatch(f -> KnownVocabularies.machineReadable(iri(f))));
        return metrics;
    }

    private static String iri(RDFNode node) {
        return node.isURIResource() ? node.asResource().getURI() : null;
    }

    private static int points(Map<QualityMetric, Boolean> metrics) {
        return metrics.entrySet().stream().filter(Map.Entry::getValue).mapToInt(e -> e.getKey().points()).sum();
    }

    private static boolean every(List<Resource> resources, Predicate<Resource> test) {
        return !resources.isEmpty() && resources.stream().allMatch(test);
    }

    /** The IRIs the resources link to by a property; literals (a format written as text) are not IRIs. */
    private static Set<String> iris(List<Resource> resources, Property property) {
        Set<String> iris = new LinkedHashSet<>();
        for (Resource resource : resources) {
            resource.listProperties(property).mapWith(Statement::getObject).filterKeep(RDFNode::isURIResource)
                    .forEachRemaining(node -> iris.add(node.asResource().getURI()));
        }
        return iris;
    }

    private static void put(Map<QualityMetric, Measurement> results, QualityMetric metric, boolean passed) {
        results.put(metric, new Measurement(metric, passed, Optional.empty()));
    }
}
