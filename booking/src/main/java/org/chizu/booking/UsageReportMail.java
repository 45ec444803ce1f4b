package org.chizu.booking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

import org.chizu.platform.mail.MailAttachment;
import org.chizu.platform.mail.MailOutbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail of a month's usage report to the department: the workbook and the Shift_JIS CSV
 * attached, queued in the platform's outbox, which sends it and retries while the mail server is down.
 */
@Component
public class UsageReportMail {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=Shift_JIS";

    private final MonthlyUsage usage;
    private final MailOutbox outbox;

    public UsageReportMail(MonthlyUsage usage, MailOutbox outbox) {
        this.usage = usage;
        this.outbox = outbox;
    }

    /** Queues the month's report to the address; part of the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(YearMonth month, String department) {
        MonthlyUsage.Report report = usage.of(month);
        String name = UsageReportFiles.baseName(report);
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try {
            UsageReportFiles.writeWorkbook(report, workbook);
            UsageReportFiles.writeCsv(report, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MonthlyUsage.FacilityUse total = report.total();
        outbox.queue("usage report " + month, department, "施設利用状況報告 " + month + " (Facility usage report)", """
                %s の施設利用状況報告を添付します（Excel と Shift_JIS の CSV）。
                予約件数 %d 件、利用者 %d 人、稼働率 %.1f%%、電子申請率 %.1f%%。
                使用料 %,d 円、減免 %,d 円、還付 %,d 円、利用後追加料金 %,d 円。

                The facility usage report for %s is attached (Excel and Shift_JIS CSV).
                """.formatted(month, total.bookings(), total.users(), total.occupancy() * 100, total.digitalRate() * 100,
                        total.fees().chargedYen(), total.fees().reducedYen(), total.fees().refundedYen(), total.fees().extrasYen(), month),
                List.of(new MailAttachment(name + ".xlsx", XLSX, workbook.toByteArray()),
                        new MailAttachment(name + ".csv", CSV, csv.toByteArray())));
    }
}
