package org.chizu.booking;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.chizu.platform.Label;
import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.MimeMessage;

/**
 * The background job ({@value #KIND}) that sends a month's usage report to the department: the
 * workbook and the Shift_JIS CSV attached to one e-mail, the workbook also kept as the job's result.
 * It runs as a durable job so that a mail server that is down is tried again by the job's attempts,
 * and nothing is sent twice once the job is done.
 */
@Component
public class UsageReportMail implements JobHandler {

    public static final String KIND = "booking.usage-report";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MonthlyUsage usage;
    private final UsageReportProperties properties;
    private final ObjectProvider<JavaMailSender> mail;

    public UsageReportMail(MonthlyUsage usage, UsageReportProperties properties, ObjectProvider<JavaMailSender> mail) {
        this.usage = usage;
        this.properties = properties;
        this.mail = mail;
    }

    /** The job's parameters: which month, as yyyy-MM. */
    public record Month(String month) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Label title() {
        return new Label("施設利用状況の送付", "Facility usage report to the department");
    }

    @Override
    public void run(JobContext context) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (properties.department() == null || sender == null) {
            throw new IllegalStateException("the usage report needs chizu.booking.report.department and spring.mail.host");
        }
        MonthlyUsage.Report report = usage.of(YearMonth.parse(context.payload(Month.class).month()));
        String name = UsageReportFiles.baseName(report);
        Path workbook = context.resultFile(name + ".xlsx", XLSX);
        try (OutputStream out = Files.newOutputStream(workbook)) {
            UsageReportFiles.writeWorkbook(report, out);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        UsageReportFiles.writeCsv(report, csv);
        context.progress(50, "送信中 Sending");

        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper email = new MimeMessageHelper(message, true, "UTF-8");
        email.setFrom(properties.mailFrom());
        email.setTo(properties.department());
        email.setSubject("施設利用状況報告 " + report.month() + " (Facility usage report)");
        email.setText("""
                %s の施設利用状況報告を添付します（Excel と Shift_JIS の CSV）。
                予約件数 %d 件、利用者 %d 人、稼働率 %.1f%%、電子申請率 %.1f%%。

                The facility usage report for %s is attached (Excel and Shift_JIS CSV).
                """.formatted(report.month(), report.total().bookings(), report.total().users(),
                report.total().occupancy() * 100, report.total().digitalRate() * 100, report.month()));
        email.addAttachment(name + ".xlsx", new ByteArrayResource(Files.readAllBytes(workbook)), XLSX);
        email.addAttachment(name + ".csv", new ByteArrayResource(csv.toByteArray()), "text/csv; charset=Shift_JIS");
        sender.send(message);
        context.progress(100, "送信済み Sent");
    }
}
