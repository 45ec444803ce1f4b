package org.chizu.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Residents' e-mails go through an outbox in the database: queued with the status change, sent by
 * a real SMTP server (GreenMail) that each test starts and stops on a fixed port, retried while it
 * is down or defers a recipient, given up after {@code max-attempts} or at once when the server
 * refuses the recipient for good, and deleted with the resident's address once {@code keep-for}
 * (30 days) has passed.
 */
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class, so that its mail sender stops with the class's SMTP server instead of
// claiming the e-mails other test classes queue in the shared database.
@DirtiesContext
class ResidentMailTest extends ReportsTest {

    private static final int SMTP_PORT = freePort();
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String PUBLIC_URL = "https://chizu.town.example.jp";

    @Autowired
    ReportTriage triage;
    @Autowired
    ReportStore store;
    @Autowired
    TransactionTemplate transaction;

    private GreenMail smtp;

    @DynamicPropertySource
    static void mailServerAndQuickRetries(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("chizu.mail.poll-interval", () -> "PT0.2S");
        registry.add("chizu.mail.purge-interval", () -> "PT0.2S");
        registry.add("chizu.mail.retry-delays", () -> "PT1S");
        registry.add("chizu.mail.max-attempts", () -> 4);
        registry.add("chizu.public-url", () -> PUBLIC_URL);
    }

    @AfterEach
    void stopTheMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aStatusChangeIsMailedToTheResidentAndFollowers() {
        startTheMailServer();
        long id = acceptedReportBy("hanako@example.jp");
        triage.support(id, "neighbour@example.jp");
        triage.support(id, "walker@example.jp");
        triage.support(id, null);

        triage.changeStatus(id, ReportStatus.ACKNOWLEDGED, "現地を確認します。", "tanaka");

        await().atMost(DELIVERY).until(() -> mailsAbout(id).size() == 3);
        // One message each: nobody learns another follower's address.
        assertThat(mailsAbout(id)).extracting(ResidentMailTest::recipients).containsExactlyInAnyOrder(
                List.of("hanako@example.jp"), List.of("neighbour@example.jp"), List.of("walker@example.jp"));
        assertThat(mailsAbout(id)).allSatisfy(mail -> {
            assertThat(mail.getSubject()).contains("確認済み", "Acknowledged");
            assertThat(textOf(mail)).contains("現地を確認します。", "建設部 道路河川課");
        });
    }

    @Test
    void aResidentWhoLeftAnEmailGetsAReceiptWithThePrivateFollowLinkAtThePublicAddress() {
        startTheMailServer();
        // Filed through a request whose Host header someone made up: the link must not point there.
        MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/api/reports");
        forged.setServerName("evil.example");
        forged.addHeader("Host", "evil.example");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(forged));
        Receipt receipt;
        try {
            receipt = intake.submit(report(UUID.randomUUID().toString(), "street_light", BY_THE_MUNICIPAL_ROAD,
                    "街灯が点きません", "hanako@example.jp", List.of()));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        await().atMost(DELIVERY).until(() -> receiptsAbout(receipt.id()).size() == 1);
        MimeMessage mail = receiptsAbout(receipt.id()).getFirst();
        assertThat(recipients(mail)).containsExactly("hanako@example.jp");
        assertThat(subjectOf(mail)).contains("受け付けました", "Report " + receipt.id() + " received");
        String followLink = PUBLIC_URL + "/report/follow/" + receipt.token();
        // Japanese first, then the same in English, each with the link.
        assertThat(textOf(mail)).contains("通報 " + receipt.id() + "（街灯の故障）を受け付けました。", "建設部 道路河川課",
                "We received your report " + receipt.id(), followLink).doesNotContain("evil.example");
        assertThat(textOf(mail).indexOf("受け付けました")).isLessThan(textOf(mail).indexOf("We received"));
        assertThat(textOf(mail).split(java.util.regex.Pattern.quote(followLink), -1)).hasSize(3);
    }

    @Test
    void aReportWithoutAnEmailOrNotStoredQueuesNoReceipt() {
        Receipt withoutEmail = intake.submit(report(UUID.randomUUID().toString(), "street_light", BY_THE_MUNICIPAL_ROAD,
                "街灯が点きません", null, List.of()));
        assertThat(outboxRowsAbout(withoutEmail.id())).isZero();

        String key = UUID.randomUUID().toString();
        transaction.executeWithoutResult(tx -> {
            intake.submit(report(key, "street_light", BY_THE_MUNICIPAL_ROAD, "街灯が点きません", "ichiro@example.jp", List.of()));
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'ichiro@example.jp'",
                Integer.class)).isZero();
    }

    @Test
    void aMailThatFailsIsSentAgainWhenTheServerIsBack() {
        long id = acceptedReportBy("jiro@example.jp");

        triage.changeStatus(id, ReportStatus.IN_PROGRESS, "業者に修理を依頼しました。", "tanaka");
        await().atMost(DELIVERY).until(() -> failedAttempts(id) >= 1);
        startTheMailServer();

        await().atMost(DELIVERY).until(() -> mailsAbout(id).size() == 1);
        assertThat(recipients(mailsAbout(id).getFirst())).containsExactly("jiro@example.jp");
        assertThat(textOf(mailsAbout(id).getFirst())).contains("業者に修理を依頼しました。");
    }

    @Test
    void aMailIsGivenUpAfterTheConfiguredAttemptsAndTheLogSaysSo(CapturedOutput log) {
        long id = acceptedReportBy("saburo@example.jp");

        triage.changeStatus(id, ReportStatus.CLOSED, "修理が完了しました。", "tanaka");

        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(log.getOut()).contains("gave up e-mailing a resident about report " + id);
            assertThat(failedAttempts(id)).isEqualTo(4);
        });
        startTheMailServer();
        triage.changeStatus(id, ReportStatus.CLOSED, "再度お知らせします。", "tanaka");
        await().atMost(DELIVERY).until(() -> mailsAbout(id).size() == 1);
        assertThat(textOf(mailsAbout(id).getFirst())).contains("再度お知らせします。").doesNotContain("修理が完了しました。");
    }

    @Test
    void aMailToAnAddressTheServerRefusesIsGivenUpAtOnceAndTheLogLeavesTheAddressOut(CapturedOutput log) {
        startTheMailServer();
        long id = acceptedReportBy("no-such-user@example.jp");

        triage.changeStatus(id, ReportStatus.CLOSED, "修理が完了しました。", "tanaka");

        await().atMost(DELIVERY).until(() -> givenUp(id));
        assertThat(failedAttempts(id)).isEqualTo(1);
        assertThat(lastError(id)).contains("550 5.1.1");
        assertThat(log.getOut()).contains("gave up e-mailing a resident about report " + id, "550 5.1.1")
                .doesNotContain("no-such-user@example.jp");
    }

    @Test
    void aMailTheServerDefersIsTriedAgainLater() {
        startTheMailServer();
        long id = acceptedReportBy("greylisted@example.jp");

        triage.changeStatus(id, ReportStatus.CLOSED, "修理が完了しました。", "tanaka");

        await().atMost(DELIVERY).until(() -> failedAttempts(id) >= 2);
        assertThat(givenUp(id)).isFalse();
        assertThat(lastError(id)).contains("451 4.7.1");
    }

    @Test
    void sentAndGivenUpMailsAreForgottenAfterThirtyDaysAndWaitingOnesAreKept() {
        long report = acceptedReportBy("rokuro@example.jp");
        long sentLongAgo = sentMessage(report, 31, 31);
        long givenUpLongAgo = givenUpMessage(report, 31);
        long sentRecently = sentMessage(report, 40, 29);
        long waitingLong = waitingMessage(report, 31);

        await().atMost(DELIVERY).until(() -> !outboxHas(sentLongAgo) && !outboxHas(givenUpLongAgo));
        assertThat(outboxHas(sentRecently)).isTrue();
        assertThat(outboxHas(waitingLong)).isTrue();
    }

    @Test
    void aRolledBackStatusChangeSendsNothing() {
        startTheMailServer();
        long rolledBack = acceptedReportBy("shiro@example.jp");
        long committed = acceptedReportBy("goro@example.jp");

        // A larger staff operation that changes the status and then fails as a whole.
        transaction.executeWithoutResult(tx -> {
            triage.changeStatus(rolledBack, ReportStatus.CLOSED, "修理が完了しました。", "tanaka");
            tx.setRollbackOnly();
        });
        triage.changeStatus(committed, ReportStatus.CLOSED, "修理が完了しました。", "tanaka");

        await().atMost(DELIVERY).until(() -> mailsAbout(committed).size() == 1);
        assertThat(mailsAbout(rolledBack)).isEmpty();
        assertThat(store.find(rolledBack).orElseThrow().status()).isEqualTo(ReportStatus.OPEN);
    }

    private void startTheMailServer() {
        smtp = new RefusingGreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private long acceptedReportBy(String email) {
        Receipt receipt = intake.submit(report(UUID.randomUUID().toString(), "street_light", BY_THE_MUNICIPAL_ROAD,
                "街灯が点きません", email, List.of()));
        triage.moderate(receipt.id(), Moderation.ACCEPTED);
        return receipt.id();
    }

    private List<MimeMessage> mailsAbout(long reportId) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> subjectOf(mail).startsWith("【通報 " + reportId + "】"))
                .toList();
    }

    private List<MimeMessage> receiptsAbout(long reportId) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> subjectOf(mail).startsWith("【通報 " + reportId + " 受付】"))
                .toList();
    }

    private int outboxRowsAbout(long reportId) {
        return jdbc.queryForObject("select count(*) from mail_outbox where about = 'report ' || ?", Integer.class, reportId);
    }

    /** Failed attempts at the e-mails about a report, as the outbox records them for an operator. */
    private int failedAttempts(long reportId) {
        return jdbc.queryForObject("select coalesce(max(attempts), 0) from mail_outbox where about = 'report ' || ?",
                Integer.class, reportId);
    }

    private long sentMessage(long reportId, int queuedDaysAgo, int sentDaysAgo) {
        return outboxRow(reportId, queuedDaysAgo, sentDaysAgo, null, 0);
    }

    private long givenUpMessage(long reportId, int queuedDaysAgo) {
        return outboxRow(reportId, queuedDaysAgo, null, null, 10);
    }

    /** A message that failed before and is due again tomorrow. */
    private long waitingMessage(long reportId, int queuedDaysAgo) {
        return outboxRow(reportId, queuedDaysAgo, null, 1, 3);
    }

    /** Writes an outbox row straight into the table, with its times relative to the database's clock. */
    private long outboxRow(long reportId, int queuedDaysAgo, Integer sentDaysAgo, Integer dueInDays, int attempts) {
        return jdbc.queryForObject("""
                insert into mail_outbox (about, recipient, subject, body, created_at, sent_at,
                                         next_attempt_at, attempts)
                values ('report ' || ?, 'rokuro@example.jp', '【通報】', '本文', now() - make_interval(days => ?),
                        now() - make_interval(days => ?), now() + make_interval(days => ?), ?)
                returning id""", Long.class, reportId, queuedDaysAgo, sentDaysAgo, dueInDays, attempts);
    }

    private boolean outboxHas(long outboxId) {
        return jdbc.queryForObject("select count(*) from mail_outbox where id = ?", Integer.class, outboxId) == 1;
    }

    /** Whether the outbox stopped trying to send the e-mails about a report without sending them. */
    private boolean givenUp(long reportId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select bool_and(next_attempt_at is null and sent_at is null) from mail_outbox
                where about = 'report ' || ?""", Boolean.class, reportId));
    }

    private String lastError(long reportId) {
        return jdbc.queryForObject("select string_agg(last_error, ' ') from mail_outbox where about = 'report ' || ?",
                String.class, reportId);
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(MimeMessage mail) {
        try {
            return new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * GreenMail answering {@code RCPT TO} as a real mail server does for two kinds of mailbox: one
     * that does not exist ({@code no-such-user@…}, 550) and one that is greylisted ({@code greylisted@…},
     * 451, try later). Every other recipient is accepted.
     */
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        // GreenMail builds its managers before its services; swapping them here gives the SMTP server
        // a manager that checks recipients while received mail stays readable through this object.
        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers defaults) {
            managers = new Managers() {
                private final SmtpManager refusing = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress recipient) {
                        return switch (recipient.getUser()) {
                            case "no-such-user" -> "550 5.1.1 <" + recipient.getEmail() + ">: no such user here";
                            case "greylisted" -> "451 4.7.1 <" + recipient.getEmail() + ">: greylisted, try again later";
                            default -> null;
                        };
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return refusing;
                }
            };
            return super.createServices(config, managers);
        }
    }
}
