package org.chizu.catalog.dcat;

import static org.chizu.catalog.dcat.Vocabulary.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.chizu.opendata.StandardLayouts;
import org.chizu.catalog.AccessRights;
import org.chizu.catalog.CatalogEntries;
import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.CatalogProperties;
import org.chizu.catalog.CatalogQuery;
import org.chizu.catalog.CatalogSearch;
import org.chizu.catalog.CatalogUris;
import org.chizu.catalog.ContributedDataset;
import org.chizu.catalog.ContributedDatasets;
import org.chizu.catalog.Extent;
import org.chizu.catalog.Period;
import org.chizu.catalog.FileFormat;
import org.chizu.catalog.quality.QualityAssessment;
import org.chizu.catalog.quality.QualityMeasurements;
import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.DataTheme;
import org.chizu.platform.Label;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.Licence;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.gis.municipalities.Municipality;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.OpenDataApi;
import org.chizu.opendata.StandardDataset;
import org.springframework.stereotype.Service;

/**
 * The catalog as DCAT-AP 3 RDF: one {@code dcat:Catalog}, one {@code dcat:Dataset} per public
 * layer with a {@code dcat:Distribution} per download format and one for the OGC API, and the
 * OGC API itself as a {@code dcat:DataService}; the catalog's {@code dct:spatial} names each
 * municipality served (a {@code dct:Location} with its six-digit code). Built from {@link CatalogEntries} on each call,
 * as pages or, for the whole catalog, as a stream.
 * Nodes are typed with the classes DCAT-AP's range shapes expect (a publisher is a
 * {@code foaf:Agent}, a licence a {@code dct:LicenseDocument} …), so the output validates.
 * A distribution states {@code dcat:byteSize} and an {@code spdx:checksum} only for a file built
 * ahead whose current version has been built (see {@link OpenDataApi#builtFile}); a streamed
 * file, or one not downloaded yet, states neither: its bytes are not known without making it.
 */
@Service
public class CatalogModel {

    private final CatalogEntries entries;
    private final CatalogSearch search;
    private final CatalogUris uris;
    private final CatalogProperties properties;
    private final QualityMeasurements quality;
    private final OpenDataApi openData;
    private final Municipalities municipalities;
    private final ContributedDatasets contributed;
    private final ContributedDcat contributedDcat;

    public CatalogModel(CatalogEntries entries, CatalogSearch search, CatalogUris uris, CatalogProperties properties,
            QualityMeasurements quality, OpenDataApi openData, Municipalities municipalities, ContributedDatasets contributed,
            ContributedDcat contributedDcat) {
        this.contributed = contributed;
        this.contributedDcat = contributedDcat;
        this.entries = entries;
        this.search = search;
        this.uris = uris;
        this.properties = properties;
        this.quality = quality;
        this.openData = openData;
        this.municipalities = municipalities;
    }

    /**
     * One page of the datasets a search selects: the catalog, the page's datasets in full, and
     * Hydra paging links that repeat the search.
     *
     * @param page 1-based
     * @throws IllegalArgumentException when the page does not exist
     */
    public Model catalogPage(CatalogQuery query, int page) {
        List<CatalogEntry> matching = search.matching(query);
        List<ContributedDataset> matchingContributed = search.matchingContributed(query);
        int total = matching.size() + matchingContributed.size();
        int size = properties.pageSize();
        int pages = Math.max(1, (total + size - 1) / size); // an empty result still has its first page
        if (page < 1 || page > pages) {
            throw new IllegalArgumentException("page must be between 1 and " + pages + ": " + page);
        }
        Model model = newModel();
        Resource catalog = catalog(model);
        Resource service = dataService(model);
        // The layers come first, then the contributed datasets, as if one list.
        int from = (page - 1) * size, to = Math.min(total, page * size);
        for (CatalogEntry entry : matching.subList(Math.min(from, matching.size()), Math.min(to, matching.size()))) {
            catalog.addProperty(DATASET_LINK, dataset(model, entry, service));
        }
        for (ContributedDataset dataset : matchingContributed.subList(Math.max(0, from - matching.size()), Math.max(0, to - matching.size()))) {
            catalog.addProperty(DATASET_LINK, contributedDcat.describe(model, dataset, contactPoint(model)));
        }
        paging(model, query, total, page, pages);
        return model;
    }

    /**
     * Every dataset a search selects, written to the stream one dataset at a time, so memory stays
     * bounded whatever the catalog's size: the catalog, its publisher, contact point, data service,
     * licences and formats are written once first, then each dataset's own statements. No paging
     * links: this is the whole catalog.
     */
    public void writeCatalog(CatalogQuery query, StreamRDF out) {
        List<CatalogEntry> matching = search.matching(query);
        Model shared = newModel();
        Resource catalog = catalog(shared);
        Resource service = dataService(shared);
        matching.stream().map(entry -> entry.layer().licence()).distinct().forEach(licence -> licence(shared, licence));
        for (DownloadFormat format : DownloadFormat.values()) {
            format(shared, FileFormat.of(format));
        }
        out.start();
        shared.getNsPrefixMap().forEach(out::prefix);
        shared.getGraph().find().forEachRemaining(out::triple);
        for (CatalogEntry entry : matching) {
            Model model = newModel();
            Resource dataset = dataset(model, entry, model.createResource(service.getURI()));
            model.add(catalog, DATASET_LINK, dataset);
            // What every dataset repeats (its publisher, licence …) was written with the catalog.
            model.getGraph().find().filterDrop(shared.getGraph()::contains).forEachRemaining(out::triple);
        }
        for (ContributedDataset dataset : search.matchingContributed(query)) {
            Model model = newModel();
            model.add(catalog, DATASET_LINK, contributedDcat.describe(model, dataset, contactPoint(model)));
            model.getGraph().find().filterDrop(shared.getGraph()::contains).forEachRemaining(out::triple);
        }
        out.finish();
    }

    /**
     * One dataset with its distributions, publisher and the data service that serves it.
     *
     * @throws org.chizu.gis.layer.UnknownLayerException when there is no public layer or contributed dataset with this id
     */
    public Model dataset(String id) {
        if (!entries.contains(id)) {
            Optional<ContributedDataset> other = contributed.find(id);
            if (other.isPresent()) {
                Model model = newModel();
                contributedDcat.describe(model, other.get(), contactPoint(model));
                return model;
            }
        }
        return dataset(entries.get(id));
    }

    /** One dataset as {@link #dataset(String)} describes it, from an entry already read. */
    public Model dataset(CatalogEntry entry) {
        Model model = newModel();
        Resource service = model.createResource(uris.ogcApi());
        dataset(model, entry, service);
        return model;
    }

    /** One dataset's quality, assessed on its description, or as kept since it was last described. */
    public QualityAssessment quality(CatalogEntry entry) {
        Model model = newModel();
        return quality.describe(entry, () -> describe(model, entry, model.createResource(uris.ogcApi())));
    }

    private Model newModel() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT).setNsPrefix("dct", DCT).setNsPrefix("foaf", FOAF).setNsPrefix("vcard", VCARD)
                .setNsPrefix("gsp", GSP).setNsPrefix("adms", ADMS)
                .setNsPrefix("hydra", HYDRA).setNsPrefix("rdfs", RDFS).setNsPrefix("xsd", XSD)
                .setNsPrefix("skos", SKOS).setNsPrefix("spdx", SPDX);
        return model;
    }

    private Resource catalog(Model model) {
        CatalogProperties.Publisher publisher = properties.publisher();
        Resource catalog = model.createResource(uris.catalog(), CATALOG)
                .addProperty(TITLE, publisher.nameJa() + " オープンデータカタログ", "ja")
                .addProperty(TITLE, publisher.nameEn() + " open data catalogue", "en")
                .addProperty(DESCRIPTION, publisher.nameJa() + "が公開する地理空間データの一覧です。", "ja")
                .addProperty(DESCRIPTION, "The spatial datasets published by " + publisher.nameEn() + ".", "en")
                .addProperty(PUBLISHER, publisher(model))
                .addProperty(HOMEPAGE, model.createResource(uris.home(), DOCUMENT))
                .addProperty(LANGUAGE, model.createResource(JAPANESE, LINGUISTIC_SYSTEM))
                .addProperty(LANGUAGE, model.createResource(ENGLISH, LINGUISTIC_SYSTEM))
                .addProperty(SERVICE, model.createResource(uris.ogcApi()))
                .addProperty(SERVICE, sparqlService(model))
                .addProperty(THEME_TAXONOMY, model.createResource(DataTheme.SCHEME, CONCEPT_SCHEME)
                        .addProperty(TITLE, "データテーマ（EU）", "ja")
                        .addProperty(TITLE, "Data theme (EU)", "en"));
        entries.all().stream().flatMap(e -> e.modified().stream()).max(Instant::compareTo)
                .ifPresent(latest -> catalog.addLiteral(MODIFIED, dateTime(model, latest)));
        // The municipalities served, read on each call so that one added while running appears at once.
        for (Municipality town : municipalities.all()) {
            catalog.addProperty(SPATIAL, model.createResource(LOCATION)
                    .addProperty(PREF_LABEL, town.prefecture() + town.name().ja(), "ja")
                    .addProperty(PREF_LABEL, town.name().en(), "en")
                    .addProperty(IDENTIFIER, town.fullCode()));
        }
        return catalog;
    }

    private Resource publisher(Model model) {
        CatalogProperties.Publisher publisher = properties.publisher();
        return model.createResource(uris.publisher(), AGENT)
                .addProperty(FOAF_NAME, publisher.nameJa(), "ja")
                .addProperty(FOAF_NAME, publisher.nameEn(), "en")
                .addProperty(IDENTIFIER, publisher.code())
                .addProperty(DCT_TYPE, model.createResource(LOCAL_AUTHORITY, CONCEPT)
                        .addProperty(PREF_LABEL, "地方公共団体", "ja")
                        .addProperty(PREF_LABEL, "Local Authority", "en"));
    }

    private Resource contactPoint(Model model) {
        CatalogProperties.Contact contact = properties.contact();
        Resource point = model.createResource(uris.contactPoint(), ORGANIZATION)
                .addProperty(RDF.type, KIND)
                .addProperty(FN, properties.publisher().nameJa() + " " + contact.nameJa(), "ja")
                .addProperty(FN, properties.publisher().nameEn() + ", " + contact.nameEn(), "en")
                .addProperty(HAS_URL, model.createResource(uris.home()));
        if (contact.email() != null && !contact.email().isBlank()) {
            point.addProperty(HAS_EMAIL, model.createResource("mailto:" + contact.email()));
        }
        return point;
    }

    private Resource dataService(Model model) {
        return model.createResource(uris.ogcApi(), DATA_SERVICE)
                .addProperty(TITLE, "OGC API - Features", "en")
                .addProperty(TITLE, "OGC API - Features（地物の取得API）", "ja")
                .addProperty(ENDPOINT_URL, model.createResource(uris.ogcApi()))
                .addProperty(ENDPOINT_DESCRIPTION, model.createResource(uris.ogcApi() + "/api"))
                .addProperty(CONFORMS_TO, model.createResource(OGC_API_FEATURES, STANDARD))
                .addProperty(PUBLISHER, publisher(model))
                .addProperty(CONTACT_POINT, contactPoint(model));
    }

    /** The SPARQL endpoint over this catalog and the public point and polygon layers' features. */
    private Resource sparqlService(Model model) {
        return model.createResource(uris.sparql(), DATA_SERVICE)
                .addProperty(TITLE, "SPARQL endpoint (GeoSPARQL)", "en")
                .addProperty(TITLE, "SPARQLエンドポイント（GeoSPARQL）", "ja")
                .addProperty(DESCRIPTION, "Read-only SPARQL 1.1 queries over this catalogue and the features of the public point and polygon layers.", "en")
                .addProperty(DESCRIPTION, "このカタログと公開している点・面レイヤの地物に対する読み取り専用のSPARQL 1.1問い合わせ。", "ja")
                .addProperty(ENDPOINT_URL, model.createResource(uris.sparql()))
                .addProperty(CONFORMS_TO, model.createResource(SPARQL_PROTOCOL, STANDARD))
                .addProperty(CONFORMS_TO, model.createResource(GEOSPARQL, STANDARD))
                .addProperty(PUBLISHER, publisher(model))
                .addProperty(CONTACT_POINT, contactPoint(model));
    }

    private Resource dataset(Model model, CatalogEntry entry, Resource service) {
        quality.describe(entry, () -> describe(model, entry, service));
        return model.getResource(uris.dataset(entry.id()));
    }

    /** A dataset's DCAT statements, all but its quality measurements. */
    private Resource describe(Model model, CatalogEntry entry, Resource service) {
        Layer layer = entry.layer();
        Resource dataset = model.createResource(uris.dataset(layer.id()), DATASET)
                .addProperty(IDENTIFIER, layer.id())
                .addProperty(TITLE, layer.title().ja(), "ja")
                .addProperty(TITLE, layer.title().en(), "en")
                .addProperty(DESCRIPTION, entry.description("ja"), "ja")
                .addProperty(DESCRIPTION, entry.description("en"), "en")
                .addProperty(PUBLISHER, publisher(model))
                .addProperty(CONTACT_POINT, contactPoint(model))
                .addProperty(LANDING_PAGE, model.createResource(uris.datasetPage(layer.id()), DOCUMENT));
        for (Label keyword : layer.keywords()) {
            dataset.addProperty(KEYWORD, keyword.ja(), "ja").addProperty(KEYWORD, keyword.en(), "en");
        }
        whereWhenAndWho(dataset, entry.extent(), entry.temporal(), entry.issued(), entry.modified(), layer.themes(),
                // Only public layers are catalogued, so every dataset is open to anyone.
                AccessRights.PUBLIC);
        if (!entry.sources().isEmpty()) {
            dataset.addProperty(PROVENANCE, model.createResource(PROVENANCE_STATEMENT)
                    .addProperty(LABEL, entry.provenance("ja"), "ja")
                    .addProperty(LABEL, entry.provenance("en"), "en"));
        }
        Resource licence = licence(model, layer.licence());
        Resource rights = rights(model, entry);
        for (DownloadFormat format : DownloadFormat.values()) {
            dataset.addProperty(DISTRIBUTION_LINK, download(model, entry, FileFormat.of(format), licence).addProperty(RIGHTS, rights));
        }
        for (StandardDataset standard : StandardLayouts.of(layer)) {
            dataset.addProperty(DISTRIBUTION_LINK, standardDownload(model, layer, standard, licence).addProperty(RIGHTS, rights));
        }
        dataset.addProperty(DISTRIBUTION_LINK, apiAccess(model, layer, licence, service).addProperty(RIGHTS, rights));
        service.addProperty(SERVES_DATASET, dataset);
        return dataset;
    }

    /**
     * What every dataset, a layer's or a contributed one, says alike: its extent, period, dates, themes
     * and access rights.
     */
    static void whereWhenAndWho(Resource dataset, Optional<Extent> extent, Optional<Period> temporal, Optional<Instant> issued,
            Optional<Instant> modified, List<DataTheme> themes, AccessRights access) {
        Model model = dataset.getModel();
        extent.ifPresent(box -> {
            Literal wkt = model.createTypedLiteral(box.wkt(), TypeMapper.getInstance().getSafeTypeByName(WKT_LITERAL));
            // The extent is a box, so dcat:bbox says all of it. No locn:geometry: GeoDCAT-AP would have it a
            // locn:Geometry node, which DCAT-AP 3.0.1's own shapes refuse (they want a literal there).
            dataset.addProperty(SPATIAL, model.createResource(LOCATION).addLiteral(BBOX, wkt));
        });
        issued.ifPresent(time -> dataset.addLiteral(ISSUED, dateTime(model, time)));
        modified.ifPresent(time -> dataset.addLiteral(MODIFIED, dateTime(model, time)));
        temporal.ifPresent(period -> dataset.addProperty(TEMPORAL, model.createResource(PERIOD_OF_TIME)
                .addLiteral(START_DATE, date(model, period.start()))
                .addLiteral(END_DATE, date(model, period.end()))));
        for (DataTheme theme : themes) {
            dataset.addProperty(THEME, model.createResource(theme.uri(), CONCEPT)
                    .addProperty(PREF_LABEL, theme.label().ja(), "ja")
                    .addProperty(PREF_LABEL, theme.label().en(), "en")
                    .addProperty(IN_SCHEME, model.createResource(DataTheme.SCHEME)));
        }
        dataset.addProperty(ACCESS_RIGHTS, model.createResource(access.uri(), RIGHTS_STATEMENT)
                .addProperty(RDF.type, CONCEPT)
                .addProperty(PREF_LABEL, access.label.ja(), "ja")
                .addProperty(PREF_LABEL, access.label.en(), "en")
                .addProperty(IN_SCHEME, model.createResource(AccessRights.SCHEME)));
    }

    private static Resource licence(Model model, Licence licence) {
        return model.createResource(licence.url(), LICENSE_DOCUMENT)
                .addProperty(TITLE, licence.title().ja(), "ja")
                .addProperty(TITLE, licence.title().en(), "en");
    }

    /** The format's node, and its IANA media type's node where the type is registered. */
    private static Resource format(Model model, FileFormat format) {
        format.ianaUri().ifPresent(iana -> model.createResource(iana, MEDIA_TYPE));
        return model.createResource(format.formatUri(), MEDIA_TYPE_OR_EXTENT);
    }

    private Resource download(Model model, CatalogEntry entry, FileFormat format, Resource licence) {
        Layer layer = entry.layer();
        Resource file = model.createResource(uris.download(layer.id(), format.download()));
        Resource distribution = model.createResource(uris.distribution(layer.id(), format.download()), DISTRIBUTION)
                .addProperty(TITLE, layer.title().ja() + "（" + format.label() + "）", "ja")
                .addProperty(TITLE, layer.title().en() + " (" + format.label() + ")", "en")
                .addProperty(DESCRIPTION, layer.title().ja() + "の全地物を" + format.label() + "形式で一括ダウンロードできます。", "ja")
                .addProperty(DESCRIPTION, "All features of " + layer.title().en() + " as one " + format.label() + " file.", "en")
                .addProperty(ACCESS_URL, file)
                .addProperty(DOWNLOAD_URL, file)
                .addProperty(FORMAT, format(model, format))
                .addProperty(LICENSE, licence);
        format.ianaUri().ifPresent(iana -> distribution.addProperty(MEDIA_TYPE_LINK, model.createResource(iana, MEDIA_TYPE)));
        entry.modified().flatMap(version -> openData.builtFile(layer, version, format.download())).ifPresent(built -> distribution
                .addLiteral(BYTE_SIZE, model.createTypedLiteral(Long.toString(built.size()), XSDDatatype.XSDnonNegativeInteger))
                // Named, not blank: a harvester merging the catalog page and the dataset's document must see one checksum.
                .addProperty(CHECKSUM_LINK, model.createResource(distribution.getURI() + "#checksum", CHECKSUM)
                        .addProperty(ALGORITHM, model.createResource(SHA_256, CHECKSUM_ALGORITHM))
                        .addLiteral(CHECKSUM_VALUE, model.createTypedLiteral(built.sha256(), XSDDatatype.XSDhexBinary))));
        return distribution;
    }

    /**
     * What reusing the data requires, shared by a dataset's distributions: its licence, and the
     * credit to give (the publisher and title, and the attributions its sources ask for).
     */
    private Resource rights(Model model, CatalogEntry entry) {
        Layer layer = entry.layer();
        CatalogProperties.Publisher publisher = properties.publisher();
        List<String> attributions = entry.sources().stream().map(DataSource::attribution).filter(Objects::nonNull).toList();
        String creditJa = publisher.nameJa() + "「" + layer.title().ja() + "」" + attributions.stream().map(a -> "、" + a).collect(Collectors.joining());
        String creditEn = publisher.nameEn() + ", " + layer.title().en() + attributions.stream().map(a -> "; " + a).collect(Collectors.joining());
        return model.createResource(uris.dataset(layer.id()) + "#rights", RIGHTS_STATEMENT)
                .addProperty(LABEL, layer.licence().title().ja() + "の条件で利用できます。出典の記載例：" + creditJa, "ja")
                .addProperty(LABEL, "Reusable under " + layer.licence().title().en() + ". Suggested credit: " + creditEn, "en");
    }

    /** A standard layout as CSV, conforming to the standard's specification. */
    private Resource standardDownload(Model model, Layer layer, StandardDataset standard, Resource licence) {
        FileFormat csv = FileFormat.of(DownloadFormat.CSV);
        Resource file = model.createResource(uris.standardDownload(layer.id(), standard.id()));
        Resource spec = model.createResource(standard.spec(), STANDARD)
                .addProperty(TITLE, standard.title().ja(), "ja")
                .addProperty(TITLE, standard.title().en(), "en");
        Resource distribution = model.createResource(uris.standardDistribution(layer.id(), standard.id()), DISTRIBUTION)
                .addProperty(TITLE, standard.title().ja() + "（CSV）", "ja")
                .addProperty(TITLE, standard.title().en() + " (CSV)", "en")
                .addProperty(DESCRIPTION, layer.title().ja() + "を自治体標準オープンデータセット「" + standard.title().ja()
                        + "」の項目と順序で出力したCSVです。", "ja")
                .addProperty(DESCRIPTION, layer.title().en() + " in the columns and order of the Japanese municipal standard dataset "
                        + standard.title().en() + ".", "en")
                .addProperty(ACCESS_URL, file)
                .addProperty(DOWNLOAD_URL, file)
                .addProperty(FORMAT, format(model, csv))
                .addProperty(CONFORMS_TO, spec)
                .addProperty(LICENSE, licence);
        csv.ianaUri().ifPresent(iana -> distribution.addProperty(MEDIA_TYPE_LINK, model.createResource(iana, MEDIA_TYPE)));
        return distribution;
    }

    private Resource apiAccess(Model model, Layer layer, Resource licence, Resource service) {
        return model.createResource(uris.apiDistribution(layer.id()), DISTRIBUTION)
                .addProperty(TITLE, layer.title().ja() + "（OGC API - Features）", "ja")
                .addProperty(TITLE, layer.title().en() + " (OGC API - Features)", "en")
                .addProperty(DESCRIPTION, layer.title().ja() + "の地物を範囲や属性で絞り込んで取得できるAPIです。", "ja")
                .addProperty(DESCRIPTION, "An API to fetch features of " + layer.title().en() + " by area or attribute.", "en")
                .addProperty(ACCESS_URL, model.createResource(uris.ogcItems(layer.id())))
                .addProperty(ACCESS_SERVICE, service)
                .addProperty(LICENSE, licence);
    }

    private void paging(Model model, CatalogQuery query, int total, int page, int pages) {
        Resource collection = model.createResource(uris.catalogPage(query, page), PAGED_COLLECTION)
                .addLiteral(TOTAL_ITEMS, (long) total)
                .addLiteral(ITEMS_PER_PAGE, (long) properties.pageSize())
                .addProperty(FIRST_PAGE, model.createResource(uris.catalogPage(query, 1)))
                .addProperty(LAST_PAGE, model.createResource(uris.catalogPage(query, pages)));
        if (page > 1) {
            collection.addProperty(PREVIOUS_PAGE, model.createResource(uris.catalogPage(query, page - 1)));
        }
        if (page < pages) {
            collection.addProperty(NEXT_PAGE, model.createResource(uris.catalogPage(query, page + 1)));
        }
    }

    static Literal date(Model model, LocalDate day) {
        return model.createTypedLiteral(day.toString(), XSDDatatype.XSDdate);
    }

    static Literal dateTime(Model model, Instant time) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(time.toEpochMilli());
        return model.createTypedLiteral(calendar);
    }
}
