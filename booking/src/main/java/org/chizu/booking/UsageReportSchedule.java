package org.chizu.booking;

import java.time.Clock;
import java.time.YearMonth;

import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the previous month's usage report for the department on {@code chizu.booking.report.cron}
 * (the 1st at 07:00 in Japan). Every process runs the schedule; the month's row in
 * {@code booking_report_dispatch} lets exactly one of them queue the e-mail, in the same transaction,
 * in the platform's outbox.
 */
@Component
@BackgroundWork
@EnableScheduling
public class UsageReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(UsageReportSchedule.class);

    private final JdbcTemplate jdbc;
    private final UsageReportMail mail;
    private final UsageReportProperties properties;
    private final BookingProperties booking;

    public UsageReportSchedule(JdbcTemplate jdbc, UsageReportMail mail, UsageReportProperties properties, BookingProperties booking) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.properties = properties;
        this.booking = booking;
    }

    @Scheduled(cron = "${chizu.booking.report.cron:0 0 7 1 * *}", zone = "Asia/Tokyo")
    public void sendLastMonth() {
        send(YearMonth.now(Clock.system(booking.zone())).minusMonths(1));
    }

    /**
     * Queues the month's report unless it was queued before.
     *
     * @return whether this call queued it
     */
    @Transactional
    public boolean send(YearMonth month) {
        if (properties.department() == null) {
            log.info("booking: the {} usage report is not sent: chizu.booking.report.department is not set", month);
            return false;
        }
        boolean first = jdbc.update("insert into booking_report_dispatch (month) values (?) on conflict do nothing",
                month.atDay(1)) == 1;
        if (first) {
            mail.queue(month, properties.department());
        }
        return first;
    }
}
