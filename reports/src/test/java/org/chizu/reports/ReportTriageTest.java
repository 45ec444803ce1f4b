package org.chizu.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.chizu.gis.layer.LayerDataChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Staff moderate and triage; the public map is told at once and the resident by e-mail (a real SMTP server). */
@RecordApplicationEvents
// Closed after the class, so that its mail sender stops with the class's SMTP server instead of
// claiming the e-mails other test classes queue in the shared database.
@DirtiesContext
class ReportTriageTest extends ReportsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("chizu.mail.poll-interval", () -> "PT0.2S");
    }

    @Autowired
    ReportTriage triage;
    @Autowired
    ReportStore store;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void emptyTheMailboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void acceptingAReportMakesItPublicAndRedrawsTheMapAtItsPoint() {
        Receipt receipt = submit("pothole", BY_THE_MUNICIPAL_ROAD, List.of());
        assertThat(jdbc.queryForObject("select count(*) from public_reports where id = ?", Integer.class, receipt.id())).isZero();

        Report accepted = triage.moderate(receipt.id(), Moderation.ACCEPTED);

        assertThat(accepted.isPublic()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from public_reports where id = ?", Integer.class, receipt.id())).isOne();
        assertThat(events.stream(LayerDataChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.layerId()).isEqualTo("reports");
            assertThat(change.bounds().minLon()).isEqualTo(accepted.lon());
            assertThat(change.bounds().minLat()).isEqualTo(accepted.lat());
        });
    }

    @Test
    void aReportRejectedAsSpamNeverBecomesPublic() {
        Receipt receipt = submit("pothole", BY_THE_MUNICIPAL_ROAD, List.of());

        triage.moderate(receipt.id(), Moderation.REJECTED);

        assertThat(jdbc.queryForObject("select count(*) from public_reports where id = ?", Integer.class, receipt.id())).isZero();
        assertThat(store.nearby("pothole", BY_THE_MUNICIPAL_ROAD, 500)).noneMatch(n -> n.report().id() == receipt.id());
    }

    @Test
    void theResidentIsEmailedTheNewStatusAndThePublicNote() throws Exception {
        Receipt receipt = intake.submit(report(UUID.randomUUID().toString(), "street_light", BY_THE_MUNICIPAL_ROAD,
                "街灯が点きません", "hanako@example.jp", List.of()));
        triage.moderate(receipt.id(), Moderation.ACCEPTED);

        Report changed = triage.changeStatus(receipt.id(), ReportStatus.IN_PROGRESS, "業者に修理を依頼しました。", "tanaka");

        assertThat(changed.status()).isEqualTo(ReportStatus.IN_PROGRESS);
        assertThat(changed.latestNote()).isEqualTo("業者に修理を依頼しました。");
        // The receipt came first (ResidentMailTest), then the change.
        assertThat(MAIL.waitForIncomingEmail(2)).isTrue();
        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subject(m).startsWith("【通報 " + receipt.id() + "】")).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("hanako@example.jp");
        assertThat(mail.getSubject()).contains("通報 " + receipt.id(), "対応中", "In progress");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("業者に修理を依頼しました。", "建設部 道路河川課");
    }

    @Test
    void aResidentWhoFollowsInsteadOfFilingADuplicateIsCountedAndEmailedToo() throws Exception {
        Receipt receipt = submit("guardrail", BY_THE_PREFECTURAL_ROAD, List.of());
        triage.moderate(receipt.id(), Moderation.ACCEPTED);

        assertThat(store.nearby("guardrail", BY_THE_PREFECTURAL_ROAD, 50)).extracting(n -> n.report().id()).contains(receipt.id());
        assertThat(triage.support(receipt.id(), "neighbour@example.jp")).isEqualTo(1);
        triage.changeStatus(receipt.id(), ReportStatus.CLOSED, "修理が完了しました。", "tanaka");

        assertThat(MAIL.waitForIncomingEmail(1)).isTrue();
        assertThat(MAIL.getReceivedMessages()).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("neighbour@example.jp");
            assertThat(mail.getSubject()).contains("完了", "Closed");
        });
        assertThatThrownBy(() -> triage.support(receipt.id(), null))
                .isInstanceOfSatisfying(ReportProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(409));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
