package org.chizu.reports;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails the resident (and everyone who followed the report with an e-mail) when staff change a
 * report's status, through the SMTP server set in {@code spring.mail.*}. Without one, Chizu says so
 * once and sends nothing. A failed send is logged; the status change stands.
 */
@Component
class ResidentUpdates {

    private static final Logger log = LoggerFactory.getLogger(ResidentUpdates.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final ReportStore store;
    private final ReportCategories categories;
    private final ReportsProperties properties;

    ResidentUpdates(ObjectProvider<JavaMailSender> mail, ReportStore store, ReportCategories categories,
            ReportsProperties properties) {
        this.mail = mail;
        this.store = store;
        this.categories = categories;
        this.properties = properties;
    }

    @EventListener
    void on(ReportStatusChanged change) {
        List<String> recipients = store.emailsFollowing(change.report().id());
        if (recipients.isEmpty()) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("report {} changed to {} but no mail server is configured (spring.mail.host); nobody was told",
                    change.report().id(), change.report().status().id());
            return;
        }
        String subject = subject(change);
        String body = body(change);
        // One message each, so that no follower learns another's address.
        for (String recipient : recipients) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(recipient);
            message.setSubject(subject);
            message.setText(body);
            try {
                sender.send(message);
            } catch (MailException e) {
                log.error("could not e-mail the update of report {}: {}", change.report().id(), e.getMessage());
            }
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
