package org.chizu.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the monthly usage report goes ({@code chizu.booking.report.*}).
 *
 * @param department the department's address that receives each month's report; none sends nothing
 * @param cron       when the previous month's report is sent, in the town's time (07:00 on the 1st)
 */
@ConfigurationProperties("chizu.booking.report")
public record UsageReportProperties(String department, String cron) {

    public UsageReportProperties {
        department = department == null || department.isBlank() ? null : department;
        cron = cron == null ? "0 0 7 1 * *" : cron;
    }
}
