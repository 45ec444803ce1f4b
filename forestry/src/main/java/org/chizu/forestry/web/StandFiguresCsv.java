package org.chizu.forestry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.chizu.forestry.trees.StandFigure;
import org.chizu.opendata.OpenDataApi;

/**
 * The per sub-compartment figures as a spreadsheet, one row per sub-compartment and survey, written as
 * the downloads write CSV. Each column is named in Japanese with English beside it in one header row
 * (a second row would break Excel's filters), and the volume columns say they are estimates (推定値).
 */
final class StandFiguresCsv {

    static final List<String> HEADER = List.of("小班ID / Sub-compartment id", "林班 / Compartment", "小班 / Sub-compartment",
            "樹種 / Species", "面積 (ha) / Area (ha)", "計測ID / Survey id", "計測 / Survey", "計測された面積 (ha) / Surveyed area (ha)",
            "計測された割合 / Surveyed share", "立木本数 / Trees", "立木密度 (本/ha) / Trees per ha", "平均樹高 (m) / Mean height (m)",
            "上層樹高 (m) / Top height (m)", "材積 推定値 (m³) / Volume, estimate (m³)",
            "ha当たり材積 推定値 (m³/ha) / Volume per ha, estimate (m³/ha)");

    private StandFiguresCsv() {
    }

    static byte[] write(List<StandFigure> figures) {
        List<List<Object>> rows = figures.stream().map(f -> Arrays.<Object>asList(f.compartmentId(), f.compartment(), f.subcompartment(),
                f.species(), plain(f.areaHa()), f.surveyId(), f.surveyName(), plain(f.surveyedHa()), plain(f.surveyedShare()), f.treeCount(),
                plain(f.treesPerHa()), plain(f.meanHeightM()), plain(f.topHeightM()), plain(f.volumeM3Estimate()),
                plain(f.volumeM3PerHaEstimate()))).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenDataApi.writeCsv(HEADER, rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decimals as written, never as 1.0E7; null (no trees, no surveyed area) as an empty cell. */
    private static String plain(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).toPlainString();
    }
}
