package org.chizu.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields a catalog search may filter, facet and sort on, named as CKAN names them so that
 * CKAN clients and the DCAT catalog take the same {@code q} and {@code fq}.
 */
public enum SearchField {
    /** The layer id, CKAN's package name. */
    NAME("name"),
    /** CKAN's package id, a name-based UUID of the dataset URI. */
    ID("id"),
    /** The title in Japanese or in English. */
    TITLE("title"),
    /** The keywords in Japanese and in English. */
    TAGS("tags"),
    /** The download and API formats ("GeoJSON", "SHP", "OGC API - Features"). */
    RES_FORMAT("res_format"),
    /** The publisher's local-government code. */
    ORGANIZATION("organization"),
    /** The EU data themes, as CKAN group names ("envi"). */
    GROUPS("groups"),
    LICENSE_ID("license_id"),
    /** Always "dataset", as harvesters filter on it. */
    TYPE("type"),
    /** The current version's time; searched by range ({@code [2026-01-01 TO *]}). */
    METADATA_MODIFIED("metadata_modified"),
    /** The oldest recorded version's time; searched by range. */
    METADATA_CREATED("metadata_created");

    private final String fieldName;

    SearchField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }

    public boolean isTime() {
        return this == METADATA_MODIFIED || this == METADATA_CREATED;
    }

    public static Optional<SearchField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
    }

    /** The field names, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(SearchField::fieldName).toList().toString();
    }
}
