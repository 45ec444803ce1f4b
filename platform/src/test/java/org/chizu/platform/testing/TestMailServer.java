package org.chizu.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free port, that a test class's application sends its e-mails
 * to, and the residents' mailboxes as a test reads them. It is started when made, because the
 * application needs its port before the class's set-up runs; registered as an extension, it stops
 * after the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestMailServer MAIL = TestMailServer.started();
 *
 * @DynamicPropertySource
 * static void databaseAndMail(DynamicPropertyRegistry registry) {
 *     TestDatabase.fresh().register(registry);
 *     MAIL.register(registry);
 * }
 * }</pre>
 */
public final class TestMailServer implements AfterAllCallback {

    /** How long a test waits for an e-mail: the outbox sends it after its commit, on its next poll (a slow machine may build an attachment first). */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final GreenMail smtp;

    private TestMailServer(GreenMail smtp) {
        this.smtp = smtp;
    }

    public static TestMailServer started() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return new TestMailServer(smtp);
    }

    /** Points the application's mail sender at this server, and has its outbox look for mail to send every 0.2 s. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("chizu.mail.poll-interval", () -> "PT0.2S");
    }

    /** Every message received so far, in the order they came. */
    public List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    /** The messages received so far for an address (in any case), in the order they came. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(message -> recipients(message).contains(address.toLowerCase(Locale.ROOT))).toList();
    }

    /** The first message for an address, once it has come; fails after {@link #PATIENCE}. */
    public MimeMessage awaitFirstTo(String address) {
        return awaitTo(address, 1).getFirst();
    }

    /** The messages for an address, once there are at least {@code count}; fails after {@link #PATIENCE}. */
    public List<MimeMessage> awaitTo(String address, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<MimeMessage> messages = to(address);
        while (messages.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " e-mails to " + address + " within " + PATIENCE + ", got " + messages.size());
            }
            pause();
            messages = to(address);
        }
        return messages;
    }

    /** All messages, once at least {@code count} have come in all; fails after {@link #PATIENCE}. */
    public List<MimeMessage> awaitCount(int count) {
        if (!smtp.waitForIncomingEmail(PATIENCE.toMillis(), count)) {
            throw new AssertionError("expected " + count + " e-mails within " + PATIENCE + ", got " + smtp.getReceivedMessages().length);
        }
        return received();
    }

    /** The text of a message's body, decoded from its transfer encoding. */
    public static String textOf(MimeMessage message) {
        try {
            return new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read an e-mail's text", e);
        }
    }

    /** A message's subject. */
    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read an e-mail's subject", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        smtp.stop();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null ? List.of() : Arrays.stream(recipients)
                    .map(recipient -> recipient instanceof InternetAddress internet ? internet.getAddress() : recipient.toString())
                    .map(address -> address.toLowerCase(Locale.ROOT)).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read an e-mail's recipients", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an e-mail", e);
        }
    }
}
