package org.chizu.catalog;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the catalog. The defaults run out of the box for the sample town (益田市).
 *
 * @param baseUrl   the public address of this server; every URI in the catalog (datasets, pages,
 *                  downloads) is built from it, never from the request's host, so that the
 *                  identifiers stay the same behind a proxy
 * @param publisher the municipality that publishes the data
 * @param contact   where users of the data write to
 * @param pageSize  datasets per catalog page (at least 1)
 */
@ConfigurationProperties("chizu.catalog")
public record CatalogProperties(URI baseUrl, Publisher publisher, Contact contact, Integer pageSize) {

    public CatalogProperties {
        baseUrl = baseUrl == null ? URI.create("http://localhost:8080") : baseUrl;
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("chizu.catalog.base-url must be an absolute URL: " + baseUrl);
        }
        publisher = publisher == null ? new Publisher(null, null, null) : publisher;
        contact = contact == null ? new Contact(null, null, null) : contact;
        pageSize = pageSize == null ? 100 : pageSize;
        if (pageSize < 1) {
            throw new IllegalArgumentException("chizu.catalog.page-size must be at least 1");
        }
    }

    /** The base URL without a trailing slash, ready to have paths appended. */
    public String base() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The publishing municipality.
     *
     * @param nameJa Japanese name (益田市)
     * @param nameEn English name (Masuda City)
     * @param code   the 6-digit local-government code (全国地方公共団体コード, with check digit)
     */
    public record Publisher(String nameJa, String nameEn, String code) {

        public Publisher {
            nameJa = nameJa == null ? "益田市" : nameJa;
            nameEn = nameEn == null ? "Masuda City" : nameEn;
            code = code == null ? "322041" : code;
            if (!code.matches("\\d{6}")) {
                throw new IllegalArgumentException("chizu.catalog.publisher.code must be the 6-digit local-government code: " + code);
            }
        }
    }

    /**
     * The contact point of the catalog.
     *
     * @param nameJa the office in Japanese; defaults to the publisher's open-data desk
     * @param nameEn the office in English
     * @param email  an e-mail address, or none; the catalog's base URL is given as the contact page either way
     */
    public record Contact(String nameJa, String nameEn, String email) {

        public Contact {
            nameJa = nameJa == null ? "オープンデータ担当" : nameJa;
            nameEn = nameEn == null ? "Open data desk" : nameEn;
        }
    }
}
