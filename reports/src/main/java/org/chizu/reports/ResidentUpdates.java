package org.chizu.reports;

import org.chizu.reports.mail.MailOutbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues an e-mail to the resident (and to everyone who followed the report with an e-mail) when
 * staff change a report's status. The messages are written to the {@link MailOutbox} in the
 * transaction of the change, so they are sent if and only if it commits.
 */
@Component
class ResidentUpdates {

    private final MailOutbox outbox;
    private final ReportStore store;
    private final ReportCategories categories;

    ResidentUpdates(MailOutbox outbox, ReportStore store, ReportCategories categories) {
        this.outbox = outbox;
        this.store = store;
        this.categories = categories;
    }

    @EventListener
    void on(ReportStatusChanged change) {
        String subject = subject(change);
        String body = body(change);
        // One message each, so that no follower learns another's address.
        for (String recipient : store.emailsFollowing(change.report().id())) {
            outbox.queue(change.report().id(), recipient, subject, body);
        }
    }

    private String subject(ReportStatusChanged change) {
        Report report = change.report();
        return "【通報 " + report.id() + "】" + report.status().label().ja() + " / Report " + report.id() + ": "
                + report.status().label().en();
    }

    private String body(ReportStatusChanged change) {
        Report report = change.report();
        ReportCategory category = categories.require(report.category());
        StringBuilder text = new StringBuilder()
                .append("通報 ").append(report.id()).append("（").append(category.name().ja()).append("）の対応状況が「")
                .append(report.status().label().ja()).append("」になりました。\n")
                .append("担当：").append(report.body().ja()).append("\n");
        if (change.note() != null) {
            text.append("お知らせ：").append(change.note()).append("\n");
        }
        text.append("\nYour report ").append(report.id()).append(" (").append(category.name().en())
                .append(") is now: ").append(report.status().label().en()).append(".\n")
                .append("Handled by: ").append(report.body().en()).append("\n");
        if (change.note() != null) {
            text.append("Note: ").append(change.note()).append("\n");
        }
        return text.toString();
    }
}
