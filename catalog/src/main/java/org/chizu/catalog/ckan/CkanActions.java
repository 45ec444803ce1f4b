package org.chizu.catalog.ckan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chizu.catalog.CatalogEntries;
import org.chizu.catalog.CatalogSearch;
import org.chizu.catalog.ContributedDataset;
import org.chizu.catalog.ContributedDatasets;
import org.chizu.catalog.SearchField;
import org.chizu.gis.layer.DataTheme;
import org.chizu.gis.layer.LayersChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The read-only actions of CKAN's Action API v3, answered from the same catalog entries the DCAT
 * catalog is built from. Knows no HTTP: an action name and its parameters in, a result out.
 */
@Service
class CkanActions {

    /** CKAN's ceiling for {@code package_list}'s limit. */
    private static final int MAX_LIST = 1000;

    private final CatalogEntries entries;
    private final ContributedDatasets contributed;
    private final CatalogSearch search;
    private final CkanPackages packages;
    private final PackageSearch packageSearch;
    /** Package and resource UUIDs to layer ids, built again after the registry reloads. */
    private volatile Map<String, String> layerByUuid;

    CkanActions(CatalogEntries entries, ContributedDatasets contributed, CatalogSearch search, CkanPackages packages,
            PackageSearch packageSearch) {
        this.entries = entries;
        this.contributed = contributed;
        this.search = search;
        this.packages = packages;
        this.packageSearch = packageSearch;
    }

    /**
     * Runs an action.
     *
     * @throws CkanException for an unknown action (400), a missing package, resource or
     *                       organization (404) or an unusable parameter (409)
     */
    Object run(String action, ActionParameters parameters) {
        return switch (action) {
            case "status_show" -> status();
            case "package_list" -> java.util.stream.Stream.concat(entries.ids().stream(), contributed.all().stream().map(ContributedDataset::id))
                    .skip(parameters.integer("offset", 0, Integer.MAX_VALUE))
                    .limit(parameters.integer("limit", MAX_LIST, MAX_LIST)).toList();
            case "package_show" -> packageShow(parameters.required("id"));
            case "package_search" -> packageSearch.run(parameters);
            case "organization_list" -> parameters.flag("all_fields") ? List.of(organization(false)) : List.of(packages.organizationName());
            case "organization_show" -> organizationShow(parameters);
            case "group_list" -> groupList(parameters);
            case "group_show" -> groupShow(parameters);
            case "tag_list" -> tags();
            case "resource_show" -> resourceShow(parameters.required("id"));
            default -> throw CkanException.badRequest("Bad request - Action name not known: " + action);
        };
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("ckan_version", "2.10.0");
        status.put("site_title", packages.organization().get("title") + " オープンデータカタログ");
        status.put("site_description", "Chizu 地図");
        status.put("locale_default", "ja");
        status.put("extensions", List.of("dcat", "spatial"));
        return status;
    }

    private List<Map<String, Object>> allPackages() {
        return entries.all().stream().map(packages::toPackage).toList();
    }

    @EventListener
    void forget(LayersChanged change) {
        layerByUuid = null;
    }

    /** By name (the layer id) or by the package's UUID; ids are matched without reading any data. */
    private Map<String, Object> packageShow(String idOrName) {
        if (!entries.contains(idOrName)) {
            Optional<ContributedDataset> other = contributed.all().stream()
                    .filter(dataset -> dataset.id().equals(idOrName) || packages.packageId(dataset.id()).equals(idOrName)).findFirst();
            if (other.isPresent()) {
                return packages.toPackage(other.get());
            }
        }
        String name = entries.contains(idOrName) ? idOrName : Optional.ofNullable(layerByUuid().get(idOrName))
                .filter(layer -> packages.packageId(layer).equals(idOrName))
                .orElseThrow(() -> CkanException.notFound("Not found"));
        return packages.toPackage(entries.get(name));
    }

    /**
     * The layer of each package and resource UUID, built on first use: a UUID is a hash of a URI,
     * so finding one by trying every dataset would hash the whole catalog on each call.
     */
    private Map<String, String> layerByUuid() {
        Map<String, String> index = layerByUuid;
        if (index == null) {
            Map<String, String> built = new HashMap<>();
            for (String layerId : entries.ids()) {
                built.put(packages.packageId(layerId), layerId);
                packages.resourceIds(layerId).forEach(resource -> built.put(resource, layerId));
            }
            index = Map.copyOf(built);
            layerByUuid = index;
        }
        return index;
    }

    private Map<String, Object> organizationShow(ActionParameters parameters) {
        String id = parameters.required("id");
        if (!id.equals(packages.organizationName()) && !id.equals(packages.organizationId())) {
            throw CkanException.notFound("Organization not found");
        }
        return organization(parameters.flag("include_datasets"));
    }

    private Map<String, Object> organization(boolean withDatasets) {
        Map<String, Object> organization = packages.organization();
        organization.put("package_count", entries.count());
        if (withDatasets) {
            organization.put("packages", allPackages());
        }
        return organization;
    }

    /** The themes at least one public layer declares, by name, or in full with {@code all_fields}. */
    private List<Object> groupList(ActionParameters parameters) {
        boolean allFields = parameters.flag("all_fields");
        return packageCounts().entrySet().stream()
                .<Object>map(used -> allFields ? withCount(used.getKey(), used.getValue()) : CatalogSearch.groupName(used.getKey()))
                .toList();
    }

    private Map<String, Object> groupShow(ActionParameters parameters) {
        Map<DataTheme, Long> counts = packageCounts();
        DataTheme theme = CkanGroups.find(parameters.required("id")).filter(counts::containsKey)
                .orElseThrow(() -> CkanException.notFound("Group not found"));
        Map<String, Object> group = withCount(theme, counts.get(theme));
        if (parameters.flag("include_datasets")) {
            group.put("packages", entries.all().stream().filter(entry -> entry.layer().themes().contains(theme))
                    .map(packages::toPackage).toList());
        }
        return group;
    }

    private static Map<String, Object> withCount(DataTheme theme, long packageCount) {
        Map<String, Object> group = CkanGroups.group(theme);
        group.put("package_count", packageCount);
        return group;
    }

    /**
     * How many public packages declare each theme, counted in one pass over the entries; only
     * themes some layer declares are keys, in the order they first appear.
     */
    private Map<DataTheme, Long> packageCounts() {
        Map<DataTheme, Long> counts = new LinkedHashMap<>();
        entries.all().forEach(entry -> entry.layer().themes().forEach(theme -> counts.merge(theme, 1L, Long::sum)));
        return counts;
    }

    private List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        entries.all().forEach(entry -> tags.addAll(search.values(entry, SearchField.TAGS)));
        return List.copyOf(tags);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resourceShow(String id) {
        String layerId = Optional.ofNullable(layerByUuid().get(id)).filter(layer -> packages.resourceIds(layer).contains(id))
                .orElseThrow(() -> CkanException.notFound("Resource was not found."));
        return ((List<Map<String, Object>>) packages.toPackage(entries.get(layerId)).get("resources")).stream()
                .filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    }
}
