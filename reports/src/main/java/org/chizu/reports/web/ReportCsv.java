package org.chizu.reports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.chizu.reports.Report;
import org.chizu.reports.ReportCategory;
import org.chizu.reports.ReportProblem;

/**
 * The staff list as a spreadsheet (RFC 4180 CSV, headers in Japanese and English): UTF-8 with a byte-order mark so
 * that Excel reads it as UTF-8, or Shift_JIS (Windows-31J) for older Excel. The resident's name and
 * contact are left out: CSV files travel by e-mail and USB stick, personal data stays in Chizu.
 */
enum ReportCsv {
    UTF_8(StandardCharsets.UTF_8, "\uFEFF"),
    SHIFT_JIS(Charset.forName("windows-31j"), "");

    /**
     * One header row, each column named in Japanese with English beside it: a second header row would
     * break Excel's filters, sorting and pivot tables, which take the first row as the column names.
     */
    private static final List<String> HEADER = List.of("番号 / Number", "受付日時 / Received", "種類 / Category",
            "対応状況 / Status", "審査 / Review", "優先度 / Priority", "担当者 / Assignee", "期限 / Due",
            "担当部署 / Department", "路線番号 / Route no.", "道路名 / Road", "市町村コード / Municipality code",
            "内容 / Description", "経度 / Longitude", "緯度 / Latitude", "最新のお知らせ / Latest public note");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Charset charset;
    private final String start;

    ReportCsv(Charset charset, String start) {
        this.charset = charset;
        this.start = start;
    }

    /** "utf-8" (or nothing) and "shift_jis". @throws ReportProblem for any other */
    static ReportCsv fromId(String id) {
        if (id == null || id.isBlank() || id.equalsIgnoreCase("utf-8")) {
            return UTF_8;
        }
        if (id.equalsIgnoreCase("shift_jis")) {
            return SHIFT_JIS;
        }
        throw ReportProblem.badInput("文字コード '" + id + "' には対応していません。",
                "encoding must be utf-8 or shift_jis, not '" + id + "'.");
    }

    Charset charset() {
        return charset;
    }

    /** Writes the reports; characters Shift_JIS lacks become '?'. */
    void write(List<Report> reports, List<ReportCategory> categories, OutputStream out) throws IOException {
        Map<String, String> categoryNames = categories.stream()
                .collect(Collectors.toMap(ReportCategory::code, c -> c.name().ja()));
        Writer writer = new OutputStreamWriter(out, charset);
        writer.write(start);
        writer.write(line(HEADER.stream()));
        for (Report r : reports) {
            writer.write(line(Stream.of(String.valueOf(r.id()), WHEN.format(r.reportedAt()),
                    categoryNames.getOrDefault(r.category(), r.category()), r.status().label().ja(),
                    r.moderation().id(), r.work().priority().label().ja(), r.work().assignee(),
                    r.work().dueOn() == null ? null : r.work().dueOn().toString(), r.body().ja(), r.routeNo(),
                    r.roadName(), r.municipalityCode(), r.description(), String.valueOf(r.lon()),
                    String.valueOf(r.lat()), r.latestNote())));
        }
        writer.flush();
    }

    private static String line(Stream<String> cells) {
        return cells.map(ReportCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("(?s).*[\",\r\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
