package org.chizu.catalog.ckan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.opendata.StandardLayouts;
import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.CatalogProperties;
import org.chizu.catalog.CatalogSearch;
import org.chizu.catalog.CatalogUris;
import org.chizu.catalog.ContributedDataset;
import org.chizu.catalog.Extent;
import org.chizu.catalog.FileFormat;
import org.chizu.catalog.SearchField;
import org.chizu.catalog.dcat.Vocabulary;
import org.chizu.catalog.quality.DatasetQuality;
import org.chizu.platform.Label;
import org.chizu.gis.layer.DataTheme;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.BuiltFile;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.OpenDataApi;
import org.chizu.opendata.StandardDataset;
import org.springframework.stereotype.Component;

/**
 * Catalog entries as CKAN packages, resources and the one organization (the publishing
 * municipality). Ids are name-based UUIDs of the DCAT URIs, so they are stable across restarts
 * and the same for the same base URL; a package's {@code name} is the layer id.
 */
@Component
class CkanPackages {

    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final CatalogUris uris;
    private final CatalogSearch search;
    private final CatalogProperties properties;
    private final LayerRegistry registry;
    private final DatasetQuality quality;
    private final OpenDataApi openData;

    CkanPackages(CatalogUris uris, CatalogSearch search, CatalogProperties properties, LayerRegistry registry, DatasetQuality quality,
            OpenDataApi openData) {
        this.uris = uris;
        this.search = search;
        this.properties = properties;
        this.registry = registry;
        this.quality = quality;
        this.openData = openData;
    }

    String organizationId() {
        return CatalogUris.uuid(uris.publisher());
    }

    /** The organization's name: its local-government code, which CKAN's name rules accept. */
    String organizationName() {
        return properties.publisher().code();
    }

    Map<String, Object> organization() {
        CatalogProperties.Publisher publisher = properties.publisher();
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", organizationId());
        organization.put("name", organizationName());
        organization.put("title", publisher.nameJa());
        organization.put("title_translated", Map.of("ja", publisher.nameJa(), "en", publisher.nameEn()));
        organization.put("description", publisher.nameJa() + "（" + publisher.nameEn() + "）、地方公共団体コード " + publisher.code());
        organization.put("type", "organization");
        organization.put("is_organization", true);
        organization.put("state", "active");
        organization.put("approval_status", "approved");
        return organization;
    }

    String packageId(String layerId) {
        return uris.packageId(layerId);
    }

    /** The ids of a package's resources, without reading its data. */
    List<String> resourceIds(String layerId) {
        List<String> ids = new ArrayList<>();
        for (DownloadFormat download : DownloadFormat.values()) {
            ids.add(CatalogUris.uuid(uris.distribution(layerId, download)));
        }
        registry.find(layerId).ifPresent(layer -> StandardLayouts.of(layer)
                .forEach(standard -> ids.add(CatalogUris.uuid(uris.standardDistribution(layerId, standard.id())))));
        ids.add(CatalogUris.uuid(uris.apiDistribution(layerId)));
        return ids;
    }

    Map<String, Object> toPackage(CatalogEntry entry) {
        Layer layer = entry.layer();
        Map<String, Object> pkg = common(layer.id(), layer.title(), new Label(entry.description("ja"), entry.description("en")),
                uris.ogcCollection(layer.id()), layer.licence().id(), layer.licence().title().ja(), layer.licence().url(), layer.themes(),
                search.values(entry, SearchField.TAGS));
        finish(pkg, resources(entry), entry.issued(), entry.modified(), extras(entry));
        pkg.put("quality", quality.of(entry).toJson());
        return pkg;
    }

    /**
     * A contributed dataset as a package: its creator is CKAN's {@code author}, its access rights and
     * period the extras ckanext-dcat names {@code access_rights}, {@code temporal_start} and
     * {@code temporal_end}; it has no quality score (the score measures layers' distributions).
     */
    Map<String, Object> toPackage(ContributedDataset dataset) {
        String packageId = packageId(dataset.id());
        Map<String, Object> pkg = common(dataset.id(), dataset.title(), dataset.description(), uris.resolve(dataset.landingPage()),
                CatalogSearch.licenceId(dataset), dataset.terms().title().ja(), uris.resolve(dataset.terms().uri()), dataset.themes(),
                search.values(dataset, SearchField.TAGS));
        pkg.put("author", dataset.creator().ja());
        List<Map<String, Object>> resources = new ArrayList<>();
        for (ContributedDataset.Distribution way : dataset.distributions()) {
            Map<String, Object> resource = resource(uris.dataset(dataset.id()) + "/distribution/" + way.key(), packageId,
                    resources.size(), way.title().ja(), uris.resolve(way.path()), way.format(), way.mediaType());
            resource.put("size", way.byteSize().orElse(null));
            resources.add(resource);
        }
        List<Map<String, String>> extras = new ArrayList<>();
        extras.add(Map.of("key", "uri", "value", uris.dataset(dataset.id())));
        extras.add(Map.of("key", "access_rights", "value", dataset.access().uri()));
        dataset.extent().map(CkanPackages::geoJson).ifPresent(json -> extras.add(Map.of("key", "spatial", "value", json)));
        dataset.temporal().ifPresent(period -> {
            extras.add(Map.of("key", "temporal_start", "value", period.start().toString()));
            extras.add(Map.of("key", "temporal_end", "value", period.end().toString()));
        });
        dataset.partOf().ifPresent(whole -> extras.add(Map.of("key", "is_part_of", "value", uris.dataset(whole))));
        // Listed for anyone (not CKAN's private): using the data is what the access rights restrict.
        finish(pkg, resources, dataset.issued(), dataset.modified(), extras);
        return pkg;
    }

    /** What every package states first, a layer's or a contributed dataset's. */
    private Map<String, Object> common(String name, Label title, Label notes, String url, String licenceId, String licenceTitle,
            String licenceUrl, List<DataTheme> themes, List<String> tagNames) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("id", packageId(name));
        pkg.put("name", name);
        pkg.put("title", title.ja());
        pkg.put("title_translated", translated(title));
        pkg.put("notes", notes.ja());
        pkg.put("notes_translated", translated(notes));
        pkg.put("url", url);
        pkg.put("license_id", licenceId);
        pkg.put("license_title", licenceTitle);
        pkg.put("license_url", licenceUrl);
        pkg.put("owner_org", organizationId());
        pkg.put("organization", organization());
        pkg.put("groups", themes.stream().map(CkanGroups::group).toList());
        pkg.put("maintainer", properties.publisher().nameJa() + " " + properties.contact().nameJa());
        pkg.put("maintainer_email", properties.contact().email());
        List<Map<String, Object>> tags = tagNames.stream().map(tag -> Map.<String, Object>of("name", tag, "display_name", tag)).toList();
        pkg.put("tags", tags);
        pkg.put("num_tags", tags.size());
        return pkg;
    }

    private static void finish(Map<String, Object> pkg, List<Map<String, Object>> resources, Optional<Instant> issued,
            Optional<Instant> modified, List<Map<String, String>> extras) {
        pkg.put("resources", resources);
        pkg.put("num_resources", resources.size());
        pkg.put("metadata_created", issued.map(CKAN_TIME::format).orElse(null));
        pkg.put("metadata_modified", modified.map(CKAN_TIME::format).orElse(null));
        pkg.put("state", "active");
        pkg.put("type", "dataset");
        pkg.put("private", false);
        pkg.put("extras", extras);
    }

    private List<Map<String, Object>> resources(CatalogEntry entry) {
        Layer layer = entry.layer();
        String packageId = packageId(layer.id());
        List<Map<String, Object>> resources = new ArrayList<>();
        for (DownloadFormat download : DownloadFormat.values()) {
            FileFormat format = FileFormat.of(download);
            Map<String, Object> resource = resource(uris.distribution(layer.id(), download), packageId, resources.size(),
                    layer.title().ja() + "（" + format.label() + "）", uris.download(layer.id(), download),
                    format.label(), format.mediaType());
            Optional<BuiltFile> built = entry.modified().flatMap(version -> openData.builtFile(layer, version, download));
            // CKAN's own fields for an unknown size and hash are null and "".
            resource.put("size", built.map(BuiltFile::size).orElse(null));
            resource.put("hash", built.map(BuiltFile::sha256).orElse(""));
            // ckanext-dcat names the hash's algorithm by SPDX's term, as the DCAT checksum does.
            built.ifPresent(file -> resource.put("hash_algorithm", Vocabulary.SHA_256));
            resources.add(resource);
        }
        FileFormat csv = FileFormat.of(DownloadFormat.CSV);
        for (StandardDataset standard : StandardLayouts.of(layer)) {
            Map<String, Object> resource = resource(uris.standardDistribution(layer.id(), standard.id()), packageId, resources.size(),
                    standard.title().ja() + "（" + csv.label() + "）", uris.standardDownload(layer.id(), standard.id()),
                    csv.label(), csv.mediaType());
            resource.put("conforms_to", standard.spec());
            resources.add(resource);
        }
        resources.add(resource(uris.apiDistribution(layer.id()), packageId, resources.size(),
                layer.title().ja() + "（OGC API - Features）", uris.ogcItems(layer.id()), "OGC API - Features", "application/geo+json"));
        return resources;
    }

    private static Map<String, Object> resource(String distributionUri, String packageId, int position, String name,
            String url, String format, String mimetype) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", CatalogUris.uuid(distributionUri));
        resource.put("package_id", packageId);
        resource.put("position", position);
        resource.put("name", name);
        resource.put("url", url);
        resource.put("format", format);
        resource.put("mimetype", mimetype);
        resource.put("uri", distributionUri);
        resource.put("state", "active");
        return resource;
    }

    /** ckanext-spatial reads the extent from the {@code spatial} extra as GeoJSON. */
    private List<Map<String, String>> extras(CatalogEntry entry) {
        List<Map<String, String>> extras = new ArrayList<>();
        extras.add(Map.of("key", "uri", "value", uris.dataset(entry.id())));
        entry.extent().map(CkanPackages::geoJson).ifPresent(json -> extras.add(Map.of("key", "spatial", "value", json)));
        String provenance = entry.provenance("ja");
        if (!provenance.isEmpty()) {
            extras.add(Map.of("key", "provenance", "value", provenance));
        }
        return extras;
    }

    private static String geoJson(Extent e) {
        return String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}",
                e.minLon(), e.minLat(), e.maxLon(), e.maxLat());
    }

    private static Map<String, String> translated(Label label) {
        return Map.of("ja", label.ja(), "en", label.en());
    }
}
