package org.chizu.catalog.quality;

import static org.chizu.catalog.quality.QualityDimension.*;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chizu.platform.Label;

/**
 * The metrics a dataset's metadata is scored on, with MQA's points. MQA's "DCAT-AP compliance"
 * (30 points of interoperability) is left out: the catalog cannot run the DCAT-AP SHACL shapes at
 * runtime, so it does not claim the points (the build checks compliance instead, see the README).
 */
public enum QualityMetric {
    KEYWORDS(FINDABILITY, 30, "キーワード", "Keyword usage"),
    CATEGORIES(FINDABILITY, 30, "分類（テーマ）", "Categories"),
    SPATIAL(FINDABILITY, 20, "空間範囲", "Geo search"),
    TEMPORAL(FINDABILITY, 20, "時間範囲", "Time-based search"),
    ACCESS_URL_STATUS(ACCESSIBILITY, 50, "アクセスURLの応答", "AccessURL accessibility"),
    DOWNLOAD_URL(ACCESSIBILITY, 20, "ダウンロードURL", "DownloadURL"),
    DOWNLOAD_URL_STATUS(ACCESSIBILITY, 30, "ダウンロードURLの応答", "DownloadURL accessibility"),
    FORMAT(INTEROPERABILITY, 20, "ファイル形式", "Format"),
    MEDIA_TYPE(INTEROPERABILITY, 10, "メディアタイプ", "Media type"),
    FORMAT_VOCABULARY(INTEROPERABILITY, 10, "語彙に基づく形式・メディアタイプ", "Format / media type from vocabulary"),
    NON_PROPRIETARY(INTEROPERABILITY, 20, "非独占的な形式", "Non-proprietary format"),
    MACHINE_READABLE(INTEROPERABILITY, 20, "機械判読可能な形式", "Machine-readable format"),
    LICENCE(REUSABILITY, 20, "ライセンス", "Licence information"),
    LICENCE_VOCABULARY(REUSABILITY, 10, "語彙に基づくライセンス", "Licence vocabulary"),
    ACCESS_RIGHTS(REUSABILITY, 10, "アクセス制限", "Access restrictions"),
    ACCESS_RIGHTS_VOCABULARY(REUSABILITY, 5, "語彙に基づくアクセス制限", "Access restrictions vocabulary"),
    CONTACT_POINT(REUSABILITY, 20, "問い合わせ先", "Contact point"),
    PUBLISHER(REUSABILITY, 10, "公開者", "Publisher"),
    RIGHTS(CONTEXTUALITY, 5, "権利情報", "Rights"),
    BYTE_SIZE(CONTEXTUALITY, 5, "ファイルサイズ", "File size"),
    ISSUED(CONTEXTUALITY, 5, "公開日", "Date of issue"),
    MODIFIED(CONTEXTUALITY, 5, "更新日", "Modification date");

    private final QualityDimension dimension;
    private final int points;
    private final Label label;

    QualityMetric(QualityDimension dimension, int points, String ja, String en) {
        this.dimension = dimension;
        this.points = points;
        this.label = new Label(ja, en);
    }

    /** The id used in JSON and in the metric's IRI ("access-url-status"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public QualityDimension dimension() {
        return dimension;
    }

    /** The points a dataset earns when it passes. */
    public int points() {
        return points;
    }

    public Label label() {
        return label;
    }

    public static List<QualityMetric> in(QualityDimension dimension) {
        return Arrays.stream(values()).filter(m -> m.dimension == dimension).toList();
    }
}
