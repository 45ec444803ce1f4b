package org.chizu.opendata.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chizu.opendata.StandardLayouts;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.StandardDataset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The facilities layer in the layouts of デジタル庁's 自治体標準オープンデータセット. */
class StandardLayoutDownloadTest extends RunningServer {

    /** 指定緊急避難場所一覧 as the standard (推奨データセット layout) orders its columns. */
    private static final List<String> EMERGENCY_SITE_COLUMNS = List.of(
            "全国地方公共団体コード", "ID", "名称", "名称_カナ", "名称_英字",
            "所在地_全国地方公共団体コード", "町字ID", "所在地_連結表記",
            "所在地_都道府県", "所在地_市区町村", "所在地_町字", "所在地_番地以下",
            "建物名等(方書)", "緯度", "経度", "標高",
            "電話番号", "内線番号", "連絡先メールアドレス", "連絡先FormURL",
            "連絡先備考（その他、SNSなど）", "郵便番号", "市区町村コード", "地方公共団体名",
            "災害種別_洪水", "災害種別_崖崩れ、土石流及び地滑り", "災害種別_高潮",
            "災害種別_地震", "災害種別_津波", "災害種別_大規模な火事",
            "災害種別_内水氾濫", "災害種別_火山現象",
            "指定避難所との重複", "想定収容人数", "対象となる町会・自治会",
            "URL", "画像", "画像_ライセンス", "備考");

    @Autowired
    LayerRegistry registry;

    @Test
    void theHeaderRowIsExactlyTheStandardsColumnsInOrder() throws Exception {
        assertThat(csv("/data/facilities/emergency_evacuation_sites.csv", StandardCharsets.UTF_8).getFirst().toList())
                .isEqualTo(EMERGENCY_SITE_COLUMNS);
        for (StandardDataset standard : StandardLayouts.of(registry.find("facilities").orElseThrow())) {
            assertThat(csv("/data/facilities/" + standard.id() + ".csv", StandardCharsets.UTF_8).getFirst().toList())
                    .as(standard.id())
                    .isEqualTo(standard.columns().stream().map(StandardDataset.Column::name).toList());
        }
    }

    @Test
    void aShelterRowCarriesItsMunicipalitysCodeWithCheckDigitAndNameItsCoordinatesAndItsHazards() throws Exception {
        List<Map<String, String>> rows = rows("/data/facilities/designated_shelters.csv", StandardCharsets.UTF_8);

        assertThat(rows).hasSize(1);
        Map<String, String> school = rows.getFirst();
        assertThat(school).containsEntry("名称", "益田市立高津小学校")
                .containsEntry("全国地方公共団体コード", "322041")
                .containsEntry("所在地_全国地方公共団体コード", "322041")
                .containsEntry("地方公共団体名", "島根県益田市")
                .containsEntry("緯度", "34.6789012")
                .containsEntry("経度", "131.8512345")
                .containsEntry("所在地_連結表記", "島根県益田市高津四丁目")
                .containsEntry("災害種別_洪水", "1")
                .containsEntry("災害種別_崖崩れ、土石流及び地滑り", "")
                .containsEntry("災害種別_地震", "1")
                .containsEntry("災害種別_津波", "")
                .containsEntry("想定収容人数", "450")
                .containsEntry("名称_カナ", "");
        assertThat(school.get("ID")).isEqualTo(jdbc.queryForObject(
                "select id::text from facilities where name = '益田市立高津小学校'", String.class));
    }

    @Test
    void eachLayoutHoldsOnlyTheRowsItsDeclarationSelects() throws Exception {
        assertThat(rows("/data/facilities/emergency_evacuation_sites.csv", StandardCharsets.UTF_8))
                .extracting(r -> r.get("名称")).containsExactly("万葉公園");
        List<Map<String, String>> facilities = rows("/data/facilities/public_facilities.csv", StandardCharsets.UTF_8);
        assertThat(facilities).extracting(r -> r.get("名称")).containsExactly("安来市民会館");
        assertThat(facilities.getFirst()).containsEntry("全国地方公共団体コード", "322067")
                .containsEntry("所在地_全国地方公共団体コード", "322067");
    }

    @Test
    void japaneseTextIsIntactInUtf8WithItsByteOrderMarkAndInShiftJis() throws Exception {
        HttpResponse<byte[]> utf8 = get("/data/facilities/emergency_evacuation_sites.csv");
        assertThat(utf8.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("UTF-8"));
        assertThat(new String(utf8.body(), StandardCharsets.UTF_8)).startsWith("\uFEFF全国地方公共団体コード,ID,名称,")
                .contains("万葉公園", "島根県益田市", "災害種別_崖崩れ、土石流及び地滑り");

        HttpResponse<byte[]> sjis = get("/data/facilities/emergency_evacuation_sites.csv?encoding=shift_jis");
        String text = new String(sjis.body(), Charset.forName("windows-31j"));
        assertThat(text).startsWith("全国地方公共団体コード,ID,名称,").contains("万葉公園", "島根県益田市", "連絡先備考（その他、SNSなど）");
        assertThat(text).doesNotContain("?");
    }

    @Test
    void aRepeatedRequestGets304AndEveryDownloadIsCountedUnderTheLayout() throws Exception {
        HttpResponse<byte[]> first = get("/data/facilities/designated_shelters.csv");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("facilities").contains("designated_shelters.csv"));
        assertThat(get("/data/facilities/designated_shelters.csv", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/data/facilities/designated_shelters.csv?encoding=shift_jis").headers().firstValue("ETag"))
                .isNotEqualTo(java.util.Optional.of(etag));
        assertThat(get("/data/facilities.csv").headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));

        Long counted = jdbc.queryForObject("select sum(count) from download_count where layer_id = 'facilities' and format = ?",
                Long.class, "designated_shelters.csv");
        assertThat(counted).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aLayoutTheLayerDoesNotDeclareIsNotFound() throws Exception {
        HttpResponse<byte[]> response = get("/data/facilities/aed_locations.csv");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("aed_locations");
        assertThat(get("/data/roads/designated_shelters.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void theOgcCollectionLinksEachLayoutBesideTheOtherDownloads() throws Exception {
        String collection = new String(get("/ogc/collections/facilities?f=json").body(), StandardCharsets.UTF_8);
        assertThat(collection).contains("/data/facilities.geojson", "/data/facilities/emergency_evacuation_sites.csv",
                "/data/facilities/designated_shelters.csv", "/data/facilities/public_facilities.csv", "指定避難所一覧 (csv)");
        String page = new String(get("/ogc/collections/facilities?f=html").body(), StandardCharsets.UTF_8);
        assertThat(page).contains(">指定緊急避難場所一覧 (csv)</a>");
    }

    private List<CSVRecord> csv(String path, Charset charset) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String text = new String(response.body(), charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }

    private List<Map<String, String>> rows(String path, Charset charset) throws IOException, InterruptedException {
        List<CSVRecord> records = csv(path, charset);
        List<String> header = records.getFirst().toList();
        return records.stream().skip(1).map(r -> {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            return row;
        }).toList();
    }
}
