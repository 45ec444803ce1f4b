package org.chizu.forestry.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chizu.catalog.AccessRights;
import org.chizu.catalog.CatalogContributor;
import org.chizu.catalog.ContributedDataset;
import org.chizu.catalog.ContributedDataset.Distribution;
import org.chizu.catalog.Extent;
import org.chizu.catalog.Period;
import org.chizu.forestry.access.ForestryTerms;
import org.chizu.forestry.products.ProductKind;
import org.chizu.gis.layer.DataTheme;
import org.chizu.platform.Label;
import org.springframework.stereotype.Component;

/**
 * Each laser survey, and each product made from it, as a dataset of the catalog: restricted (using
 * it needs an approved application and the surveying body's approval under 測量法), created and
 * published by the surveying body, over the survey's extent and the days its files were made.
 * A survey's points are reached through its STAC collection (a tile per item); a product is one COG.
 */
@Component
class SurveyCatalog implements CatalogContributor {

    static final String GEOTIFF = "image/tiff; application=geotiff; profile=cloud-optimized";
    private static final String IANA_TIFF = "http://www.iana.org/assignments/media-types/image/tiff";
    private static final String IANA_JSON = "http://www.iana.org/assignments/media-types/application/json";
    private static final String EU_GEOTIFF = "http://publications.europa.eu/resource/authority/file-type/GEOTIFF";
    private static final String EU_JSON = "http://publications.europa.eu/resource/authority/file-type/JSON";
    private static final List<Label> KEYWORDS = List.of(new Label("航空レーザ計測", "airborne laser scanning"),
            new Label("点群", "point cloud"), new Label("森林", "forest"));
    private static final List<DataTheme> THEMES = List.of(DataTheme.AGRI, DataTheme.ENVI);
    private static final ContributedDataset.Terms TERMS = new ContributedDataset.Terms(ArchiveAddresses.terms(),
            new Label("航空レーザ計測データの利用条件（" + ForestryTerms.VERSION + "）", "Terms of use of the laser-survey data (" + ForestryTerms.VERSION + ")"),
            ForestryTerms.TEXT);

    private final ArchiveListing listing;

    SurveyCatalog(ArchiveListing listing) {
        this.listing = listing;
    }

    @Override
    public List<ContributedDataset> datasets() {
        List<ContributedDataset> datasets = new ArrayList<>();
        for (ArchiveListing.Survey survey : listing.surveys()) {
            datasets.add(survey(survey));
            for (ArchiveListing.Product product : listing.products(survey.id())) {
                datasets.add(product(survey, product));
            }
        }
        return datasets;
    }

    static String surveyDatasetId(long surveyId) {
        return ArchiveAddresses.collectionId(surveyId);
    }

    private static ContributedDataset survey(ArchiveListing.Survey survey) {
        Label description = new Label(String.format(
                "%sの航空レーザ計測の点群（LAS/LAZ、%,dタイル、%,d点）。測量計画機関：%s。利用には申請と承認が必要です（測量法）。タイルごとの所在はSTACで確認できます。",
                survey.name(), survey.tiles(), survey.points(), survey.surveyingBody()), String.format(
                "Airborne laser point cloud of %s (LAS/LAZ, %,d tiles, %,d points). Surveying body: %s. Use needs an approved "
                        + "application and the body's approval under the Survey Act. Its tiles are listed through STAC.",
                survey.name(), survey.tiles(), survey.points(), survey.surveyingBody()));
        Distribution stac = new Distribution("stac", new Label(survey.name() + "（STACコレクション）", survey.name() + " (STAC collection)"),
                ArchiveAddresses.collection(survey.id()), "application/json", Optional.of(IANA_JSON), "STAC", EU_JSON, Optional.empty());
        return new ContributedDataset(surveyDatasetId(survey.id()), new Label("航空レーザ計測 " + survey.name(), "Airborne laser survey " + survey.name()),
                description, KEYWORDS, THEMES, body(survey), AccessRights.RESTRICTED, TERMS, Optional.of(extent(survey)),
                period(survey), Optional.of(survey.created()), Optional.of(survey.modified()), ArchiveAddresses.landingPage(survey.id()),
                Optional.empty(), List.of(stac));
    }

    private static ContributedDataset product(ArchiveListing.Survey survey, ArchiveListing.Product product) {
        ProductKind kind = product.kind();
        Label title = new Label(kind.label.ja() + "（" + survey.name() + "）", kind.label.en() + " (" + survey.name() + ")");
        Label description = new Label(String.format(
                "%sの点群から作成した%s。%.1f mメッシュ、Cloud-Optimized GeoTIFF（EPSG:%d）。利用には申請と測量計画機関（%s）の承認が必要です。",
                survey.name(), kind.label.ja(), product.cellMetres(), product.srid(), survey.surveyingBody()), String.format(
                "%s made from the points of %s, %.1f m cells, Cloud-Optimized GeoTIFF (EPSG:%d). Use needs an approved application "
                        + "and the surveying body's (%s) approval.",
                kind.label.en(), survey.name(), product.cellMetres(), product.srid(), survey.surveyingBody()));
        Distribution cog = new Distribution("cog", new Label(title.ja() + "（COG）", title.en() + " (COG)"),
                ArchiveAddresses.product(survey.id(), kind), GEOTIFF, Optional.of(IANA_TIFF), "GeoTIFF", EU_GEOTIFF,
                Optional.of(product.byteSize()));
        List<Label> keywords = new ArrayList<>(KEYWORDS);
        keywords.add(kind.label);
        ArchiveListing.LonLat box = product.extent();
        return new ContributedDataset(surveyDatasetId(survey.id()) + "-" + kind.id, title, description, keywords, THEMES, body(survey),
                AccessRights.RESTRICTED, TERMS, Optional.of(new Extent(box.west(), box.south(), box.east(), box.north())),
                period(survey), Optional.of(product.made()), Optional.of(product.made()), ArchiveAddresses.landingPage(survey.id()),
                Optional.of(surveyDatasetId(survey.id())), List.of(cog));
    }

    /** The surveying body's name is one text, the same in both languages. */
    private static Label body(ArchiveListing.Survey survey) {
        return new Label(survey.surveyingBody(), survey.surveyingBody());
    }

    private static Extent extent(ArchiveListing.Survey survey) {
        ArchiveListing.LonLat box = survey.extent();
        return new Extent(box.west(), box.south(), box.east(), box.north());
    }

    /** The days its files were made; empty when no header tells. */
    private static Optional<Period> period(ArchiveListing.Survey survey) {
        return survey.firstDay().map(first -> new Period(first, survey.lastDay().orElse(first)));
    }
}
