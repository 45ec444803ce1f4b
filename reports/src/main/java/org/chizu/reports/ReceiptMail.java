package org.chizu.reports;

import org.chizu.platform.web.PublicBaseUrl;
import org.chizu.reports.mail.MailOutbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends a resident who left an e-mail address with a report a receipt carrying the report's private
 * follow link, in Japanese with English after it. The link's address is {@link PublicBaseUrl}'s (the
 * configured public URL), never a {@code Host} header someone made up, so nobody can have Chizu mail
 * residents a link to another site. Queued in the {@link MailOutbox} in the report's own transaction:
 * a report that is not stored sends nothing.
 */
@Component
class ReceiptMail {

    private final MailOutbox outbox;
    private final ReportStore store;
    private final ReportCategories categories;
    private final PublicBaseUrl site;

    ReceiptMail(MailOutbox outbox, ReportStore store, ReportCategories categories, PublicBaseUrl site) {
        this.outbox = outbox;
        this.store = store;
        this.categories = categories;
        this.site = site;
    }

    @EventListener
    void on(ReportReceived received) {
        Report report = store.find(received.receipt().id()).orElseThrow();
        if (report.reporterEmail() != null) {
            outbox.queue(report.id(), report.reporterEmail(), subject(report), body(report));
        }
    }

    /** The follow page's address for a report; the token in it is the only key to the report. */
    private String followLink(Report report) {
        return site.current() + "/report/follow/" + report.token();
    }

    private static String subject(Report report) {
        return "【通報 " + report.id() + " 受付】通報を受け付けました / Report " + report.id() + " received";
    }

    private String body(Report report) {
        ReportCategory category = categories.require(report.category());
        String link = followLink(report);
        return """
                通報 %1$d（%2$s）を受け付けました。
                担当：%3$s
                職員が確認した後、地図に公開されます（お名前や連絡先は公開されません）。
                対応状況と職員からのお知らせは、次のリンクでいつでも確認できます。このリンクはあなた専用です。他の人に教えないでください。
                %4$s

                We received your report %1$d (%5$s).
                Handled by: %6$s
                It becomes public on the map once staff have reviewed it (never your name or contact).
                Follow its status and the staff's notes at any time through this link, which is yours alone: do not share it.
                %4$s
                """.formatted(report.id(), category.name().ja(), report.body().ja(), link, category.name().en(),
                report.body().en());
    }
}
