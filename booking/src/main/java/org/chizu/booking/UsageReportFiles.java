package org.chizu.booking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The monthly usage report as the files staff download and the department receives: an Excel
 * workbook (.xlsx) with a totals row, and the same table as CSV in Shift_JIS (Windows-31J, what
 * Japanese Excel opens without asking). Headings are Japanese with English beside them.
 */
public final class UsageReportFiles {

    /** The CSV's encoding: Microsoft's Shift_JIS, which also holds the characters Windows adds (①, ㈱ …). */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private static final List<String> HEADINGS = List.of("施設 Facility", "予約単位数 Units", "利用可能時間 Open hours",
            "予約時間 Booked hours", "公用時間 Official-use hours", "稼働率 Occupancy", "予約件数 Bookings",
            "利用者数 Users", "電子申請件数 Online applications", "電子申請率 Digital application rate",
            "利用人数 Headcount", "無断キャンセル No-shows", "使用料 Fees charged (円)", "減免額 Reductions (円)",
            "還付額 Refunds (円)", "利用後追加料金 After-use extras (円)");
    private static final String PERCENT = "0.0%";
    private static final String HOURS = "#,##0.0";
    private static final String YEN = "#,##0";
    /** Each column's number format, by column. */
    private static final Map<Integer, String> FORMATS = Map.of(2, HOURS, 3, HOURS, 4, HOURS, 5, PERCENT, 9, PERCENT,
            12, YEN, 13, YEN, 14, YEN, 15, YEN);

    private UsageReportFiles() {
    }

    /** A name for the month's files, such as {@code 施設利用状況-2026-12}. */
    public static String baseName(MonthlyUsage.Report report) {
        return "施設利用状況-" + report.month();
    }

    public static void writeWorkbook(MonthlyUsage.Report report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Chizu", "1.0");
        Worksheet sheet = workbook.newWorksheet(report.month().toString());
        sheet.value(0, 0, "施設利用状況報告 Facility usage report " + report.month());
        sheet.style(0, 0).bold().set();
        for (int column = 0; column < HEADINGS.size(); column++) {
            sheet.value(2, column, HEADINGS.get(column));
            sheet.style(2, column).bold().wrapText(true).set();
            sheet.width(column, column == 0 ? 28 : 14);
        }
        int row = 3;
        for (MonthlyUsage.FacilityUse use : report.facilities()) {
            writeRow(sheet, row++, use, false);
        }
        writeRow(sheet, row, report.total(), true);
        workbook.finish();
    }

    private static void writeRow(Worksheet sheet, int row, MonthlyUsage.FacilityUse use, boolean total) {
        sheet.value(row, 0, use.facilityName());
        sheet.value(row, 1, use.units());
        sheet.value(row, 2, use.openHours());
        sheet.value(row, 3, use.bookedHours());
        sheet.value(row, 4, use.officialHours());
        sheet.value(row, 5, use.occupancy());
        sheet.value(row, 6, use.bookings());
        sheet.value(row, 7, use.users());
        sheet.value(row, 8, use.digital());
        sheet.value(row, 9, use.digitalRate());
        sheet.value(row, 10, use.headcount());
        sheet.value(row, 11, use.noShows());
        sheet.value(row, 12, use.fees().chargedYen());
        sheet.value(row, 13, use.fees().reducedYen());
        sheet.value(row, 14, use.fees().refundedYen());
        sheet.value(row, 15, use.fees().extrasYen());
        for (int column = 0; column < HEADINGS.size(); column++) {
            var style = sheet.style(row, column);
            String format = FORMATS.get(column);
            if (format != null) {
                style = style.format(format);
            }
            if (total) {
                style = style.bold();
            }
            style.set();
        }
    }

    public static void writeCsv(MonthlyUsage.Report report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, SHIFT_JIS);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(HEADINGS.toArray(String[]::new)).get())) {
            for (MonthlyUsage.FacilityUse use : report.facilities()) {
                csv.printRecord(cells(use));
            }
            csv.printRecord(cells(report.total()));
        }
    }

    private static List<Object> cells(MonthlyUsage.FacilityUse use) {
        List<Object> cells = new ArrayList<>();
        cells.add(use.facilityName());
        cells.add(use.units());
        cells.add(String.format("%.1f", use.openHours()));
        cells.add(String.format("%.1f", use.bookedHours()));
        cells.add(String.format("%.1f", use.officialHours()));
        cells.add(String.format("%.1f%%", use.occupancy() * 100));
        cells.add(use.bookings());
        cells.add(use.users());
        cells.add(use.digital());
        cells.add(String.format("%.1f%%", use.digitalRate() * 100));
        cells.add(use.headcount());
        cells.add(use.noShows());
        cells.add(use.fees().chargedYen());
        cells.add(use.fees().reducedYen());
        cells.add(use.fees().refundedYen());
        cells.add(use.fees().extrasYen());
        return cells;
    }
}
