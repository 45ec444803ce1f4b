package org.chizu.platform.mail;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.chizu.platform.BackgroundWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Sends the messages due in the {@link MailOutbox} through the SMTP server set in
 * {@code spring.mail.*}, every {@code chizu.mail.poll-interval}, in every Chizu process.
 *
 * <p>Each message is claimed, sent and marked in one transaction of its own, so a message is sent
 * once however many processes poll the database; only a failure between the SMTP server's
 * acceptance and the commit sends it again. A failed attempt is recorded and retried after
 * {@code retry-delays}; after {@code max-attempts} the message is given up with an error in the log.
 * A recipient the server refuses for good ("550 no such user") is given up at once. Sent and given-up
 * messages are deleted {@code keep-for} later, so residents' addresses are not kept for ever; that
 * runs every {@code purge-interval} (an hour), with or without a mail server.
 * Without a mail server nothing is attempted: the messages wait, this says so once, and they go
 * out when the application next starts with a server configured.
 */
@Component
@BackgroundWork
@EnableScheduling
@EnableConfigurationProperties(MailOutboxProperties.class)
class MailOutboxSender implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final MailOutboxProperties properties;
    private final AtomicBoolean toldNoServer = new AtomicBoolean();

    MailOutboxSender(ObjectProvider<JavaMailSender> mail, MailOutbox outbox, TransactionTemplate transaction,
            MailOutboxProperties properties) {
        this.mail = mail;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDue, properties.pollInterval());
        registrar.addFixedDelayTask(this::forgetOldMessages, properties.purgeInterval());
    }

    /** Sends every message that is due, one transaction each, until none is left. */
    void sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            sayOnceThatMessagesWait();
            return;
        }
        boolean claimed;
        do {
            claimed = Boolean.TRUE.equals(transaction.execute(tx -> outbox.claimNextDue()
                    .map(message -> {
                        attempt(sender, message);
                        return true;
                    })
                    .orElse(false)));
        } while (claimed);
    }

    /** Deletes the messages finished longer ago than {@code keep-for}, addresses included. */
    void forgetOldMessages() {
        int forgotten = outbox.forgetFinishedBefore(properties.keepFor());
        if (forgotten > 0) {
            log.info("deleted {} e-mails to residents sent or given up more than {} ago", forgotten,
                    properties.keepFor());
        }
    }

    private void attempt(JavaMailSender sender, QueuedMail message) {
        try {
            sender.send(mime(sender, message));
            outbox.markSent(message.id());
        } catch (MailException e) {
            recordFailure(message, e);
        }
    }

    /** The message as sent: plain UTF-8 text, or multipart with its files, with its own headers. */
    private MimeMessage mime(JavaMailSender sender, QueuedMail message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper email = new MimeMessageHelper(mime, !message.attachments().isEmpty(), "UTF-8");
            email.setFrom(properties.from());
            email.setTo(message.recipient());
            email.setSubject(message.subject());
            email.setText(message.body());
            for (MailAttachment file : message.attachments()) {
                email.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
            }
            for (Map.Entry<String, String> header : message.headers().asMap().entrySet()) {
                mime.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return mime;
    }

    // The log names what the message is about and the outbox row, never the resident's address.
    private void recordFailure(QueuedMail message, MailException e) {
        MailFailure failure = new MailFailure(e, message.recipient());
        int failed = message.attempts() + 1;
        if (failure.recipientRefused()) {
            outbox.giveUp(message.id(), failure.error());
            log.warn("gave up e-mailing a resident about {} (mail_outbox id {}): the mail "
                    + "server refused the address for good: {}", message.about(), message.id(),
                    failure.errorWithoutAddress());
        } else if (failed >= properties.maxAttempts()) {
            outbox.giveUp(message.id(), failure.error());
            log.error("gave up e-mailing a resident about {} (mail_outbox id {}) after {} "
                    + "failed attempts; last error: {}", message.about(), message.id(), failed,
                    failure.errorWithoutAddress());
        } else {
            outbox.retryLater(message.id(), failure.error(), properties.retryDelayAfter(failed));
            log.warn("could not e-mail a resident about {} (attempt {} of {}), trying again in {}: {}",
                    message.about(), failed, properties.maxAttempts(), properties.retryDelayAfter(failed),
                    failure.errorWithoutAddress());
        }
    }

    private void sayOnceThatMessagesWait() {
        if (!toldNoServer.get() && outbox.waiting() > 0 && toldNoServer.compareAndSet(false, true)) {
            log.warn("e-mails to residents are waiting but no mail server is configured (spring.mail.host); "
                    + "they stay queued and are sent once one is");
        }
    }
}
