package org.chizu.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A module can give its e-mails only the list headers, on one line each: no recipient, sender or
 * MIME structure, and no CR or LF that would start a header of its own.
 */
class MailHeadersTest {

    @Test
    void oneClickUnsubscribeIsTheLinkInAngleBracketsAndThePostBodyOfRfc8058() {
        MailHeaders headers = MailHeaders.oneClickUnsubscribe("https://chizu.example.jp/alerts/subscriptions/unsubscribe?token=abc");

        assertThat(headers.asMap()).containsExactly(
                Map.entry("List-Unsubscribe", "<https://chizu.example.jp/alerts/subscriptions/unsubscribe?token=abc>"),
                Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(headers).hasToString("[List-Unsubscribe, List-Unsubscribe-Post]").as("the token stays out of logs");
    }

    @Test
    void namesAreMatchedWithoutCaseAndASecondValueReplacesTheFirst() {
        MailHeaders headers = MailHeaders.none().with("list-id", "<alerts.chizu.example.jp>").with("LIST-ID", "<other.example.jp>");

        assertThat(headers.asMap()).containsExactly(Map.entry("List-Id", "<other.example.jp>"));
    }

    @Test
    void headersThatWouldRedirectOrRestructureTheMessageAreRefused() {
        for (String name : new String[] {"Bcc", "To", "From", "Reply-To", "Content-Type", "X-Anything", "List-Unsubscribe:"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> MailHeaders.none().with(name, "x")).withMessageContaining(name);
        }
    }

    @Test
    void valuesWithALineBreakOrOutsideAsciiAreRefused() {
        for (String value : new String[] {"<https://a.example/u>\r\nBcc: all@example.jp", "a\nb", "a\rb", "配信停止", " ", "a\u0000b"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> MailHeaders.none().with("List-Unsubscribe", value))
                    .withMessageContaining("no CR or LF");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> MailHeaders.oneClickUnsubscribe("https://a.example/u>, <mailto:x@example.jp"));
    }
}
