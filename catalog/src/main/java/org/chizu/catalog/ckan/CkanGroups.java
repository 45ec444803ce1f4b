package org.chizu.catalog.ckan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.chizu.catalog.CatalogSearch;
import org.chizu.catalog.CatalogUris;
import org.chizu.gis.layer.DataTheme;

/**
 * CKAN's groups are the EU data themes the layers declare ({@code themes:}), the same
 * classification the DCAT catalog states as {@code dcat:theme}: a harvester that maps groups to
 * themes, as ckanext-dcat does, finds the two in step. A group's name is
 * {@link CatalogSearch#groupName}; its id a name-based UUID of the theme's URI.
 */
final class CkanGroups {

    private CkanGroups() {
    }

    /** The theme a group name or id stands for. */
    static Optional<DataTheme> find(String nameOrId) {
        for (DataTheme theme : DataTheme.values()) {
            if (CatalogSearch.groupName(theme).equals(nameOrId) || CatalogUris.uuid(theme.uri()).equals(nameOrId)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }

    /** The group as a package lists it; {@code group_show} adds its counts and packages. */
    static Map<String, Object> group(DataTheme theme) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", CatalogUris.uuid(theme.uri()));
        group.put("name", CatalogSearch.groupName(theme));
        group.put("title", theme.label().ja());
        group.put("title_translated", Map.of("ja", theme.label().ja(), "en", theme.label().en()));
        group.put("display_name", theme.label().ja());
        group.put("description", theme.label().ja() + "（" + theme.label().en() + "）: " + theme.uri());
        group.put("image_display_url", "");
        group.put("type", "group");
        group.put("is_organization", false);
        group.put("state", "active");
        group.put("approval_status", "approved");
        return group;
    }
}
