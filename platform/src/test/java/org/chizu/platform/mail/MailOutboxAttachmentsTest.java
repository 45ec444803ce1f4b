package org.chizu.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * Files attached to a queued e-mail (a report's workbook and its Shift_JIS CSV) are kept with the
 * message and sent with it, byte for byte and with their Japanese names, to a real SMTP server
 * (GreenMail); a message without files still goes as plain text, headers of its own (one-click
 * unsubscribe) go with it, and forgetting a message forgets its files and headers.
 */
class MailOutboxAttachmentsTest {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final DataSource database = TestDatabase.migrated().dataSource();
    final JdbcTemplate jdbc = new JdbcTemplate(database);
    final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
    final MailOutbox outbox = new MailOutbox(new NamedParameterJdbcTemplate(database));
    final MailOutboxSender sender;

    MailOutboxAttachmentsTest() {
        smtp.start();
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mail", mail);
        sender = new MailOutboxSender(beans.getBeanProvider(JavaMailSender.class), outbox, transaction,
                new MailOutboxProperties("chizu@town.example.jp", null, null, null, null, null));
    }

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void attachedFilesAreSentWithTheMessageByteForByteWithTheirJapaneseNames() throws Exception {
        byte[] workbook = {'P', 'K', 3, 4, 0, (byte) 0xff, 1, 2};
        byte[] csv = "施設 Facility,予約件数 Bookings\r\n合計,3\r\n".getBytes(SHIFT_JIS);
        transaction.executeWithoutResult(tx -> outbox.queue("usage report 2027-01", "kikaku@town.example.jp",
                "施設利用状況報告 2027-01", "添付します。 Attached.", List.of(
                        new MailAttachment("施設利用状況-2027-01.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook),
                        new MailAttachment("施設利用状況-2027-01.csv", "text/csv; charset=Shift_JIS", csv))));

        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("施設利用状況報告 2027-01");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).as("the text and two files").isEqualTo(3);
        BodyPart sheet = parts.getBodyPart(1);
        BodyPart table = parts.getBodyPart(2);
        assertThat(MimeUtility.decodeText(sheet.getFileName())).isEqualTo("施設利用状況-2027-01.xlsx");
        assertThat(sheet.getInputStream().readAllBytes()).isEqualTo(workbook);
        assertThat(MimeUtility.decodeText(table.getFileName())).isEqualTo("施設利用状況-2027-01.csv");
        assertThat(table.getContentType()).startsWith("text/csv");
        assertThat(new String(table.getInputStream().readAllBytes(), SHIFT_JIS)).isEqualTo("施設 Facility,予約件数 Bookings\r\n合計,3\r\n");
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void aMessageWithoutFilesStaysPlainTextAndForgettingAMessageForgetsItsFiles() throws Exception {
        transaction.executeWithoutResult(tx -> {
            outbox.queue("door pin 1", "hanako@example.jp", "暗証番号 Door PIN", "123456");
            outbox.queue("usage report 2027-02", "kikaku@town.example.jp", "報告", "添付", List.of(
                    new MailAttachment("a.csv", "text/csv", new byte[] {'a'})));
        });

        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage plain = null;
        for (MimeMessage received : smtp.getReceivedMessages()) {
            if (received.getAllRecipients()[0].toString().equals("hanako@example.jp")) {
                plain = received;
            }
        }
        assertThat(plain).isNotNull();
        assertThat(plain.getContentType()).startsWith("text/plain");
        assertThat(plain.getContent().toString().strip()).isEqualTo("123456");
        jdbc.update("update mail_outbox set sent_at = now() - interval '40 days'");
        assertThat(outbox.forgetFinishedBefore(Duration.ofDays(30))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox_attachment", Integer.class)).isZero();
    }

    @Test
    void aMessageCarriesItsOwnHeadersOnePerLineAndForgetsThemWithIt() throws Exception {
        String link = "https://chizu.example.jp/alerts/subscriptions/unsubscribe?token=" + "Qx3-7fZk";
        transaction.executeWithoutResult(tx -> outbox.queue("alert 1 to subscription 2", "hanako@example.jp",
                "【防災情報】 Alert", "本文 Body", MailHeaders.oneClickUnsubscribe(link)));

        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<" + link + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        jdbc.update("update mail_outbox set sent_at = now() - interval '40 days'");
        assertThat(outbox.forgetFinishedBefore(Duration.ofDays(30))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox_header", Integer.class)).isZero();
    }
}
