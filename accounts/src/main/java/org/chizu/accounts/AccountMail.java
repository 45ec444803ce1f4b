package org.chizu.accounts;

import org.chizu.platform.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a resident a link (verification, password reset) through the SMTP server of
 * {@code spring.mail.*}, at once, while the resident waits: the link is only useful now, and a
 * resident whose mail did not arrive asks again. (Report updates, which must arrive even when the
 * server is down for a while, go through the reports module's outbox instead.) The log never shows
 * the address or the link, which is a credential.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final AccountsProperties properties;

    AccountMail(ObjectProvider<JavaMailSender> mail, AccountsProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /**
     * @throws AccountProblem (503) when no mail server is configured or it refused the message
     */
    void send(long accountId, String recipient, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("cannot e-mail account #{}: no mail server is configured (spring.mail.host)", accountId);
            throw unavailable();
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(properties.mailFrom());
        email.setTo(recipient);
        email.setSubject(subject);
        email.setText(body);
        try {
            sender.send(email);
        } catch (MailException e) {
            log.warn("could not e-mail account #{}: {}", accountId, e.getClass().getSimpleName());
            throw unavailable();
        }
    }

    private static AccountProblem unavailable() {
        return new AccountProblem(503, "mail-unavailable", "E-mail could not be sent", new Label(
                "メールを送信できませんでした。しばらくしてからもう一度お試しください。",
                "The e-mail could not be sent; please try again later."));
    }
}
