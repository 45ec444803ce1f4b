package org.chizu.app.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.app.counters.PageWaits.text;
import static org.chizu.app.counters.PageWaits.waitOn;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.counters.Tickets;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A resident takes a ticket on a phone, a staff member calls it at the desk, and the office's display
 * board and the phone both show it, in three real headless Chromiums. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountersBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Tickets tickets;

    String password;

    /** One office open all day every day, so that the test may run at any hour; it takes tickets from phones. */
    @BeforeAll
    void openAnOffice() {
        password = accounts.create("madoguchi", "窓口 花子", Role.STAFF).password();
        jdbc.update("""
                insert into facilities (kind, name, address, geom)
                values ('office', '市役所', '島根県益田市常盤町1-1', st_setsrid(st_makepoint(131.842775, 34.674922), 6668))""");
        jdbc.update("""
                insert into counter_service (code, prefix, name_ja, name_en, typical_minutes)
                values ('juminhyo', 'A', '住民票の写し', 'Certificate of residence', 5),
                       ('mynumber', 'C', 'マイナンバーカード申請・受取', 'My Number card: apply or collect', 20)""");
        jdbc.update("""
                insert into counter_service_document (service_id, position, name_ja, name_en)
                select id, 1, '本人確認書類', 'Proof of identity' from counter_service""");
        jdbc.update("""
                insert into counter_office (code, facility_id, name_ja, name_en, remote_tickets, closed_on_holidays)
                select 'honcho', id, '益田市役所 本庁', 'Masuda City Hall', true, false from facilities""");
        jdbc.update("""
                insert into counter_office_hours (office_id, weekday, opens, closes)
                select o.id, weekday, '00:00', '23:59:59.999' from counter_office o, generate_series(1, 7) weekday""");
        jdbc.update("insert into counter_office_service (office_id, service_id) select o.id, s.id from counter_office o, counter_service s");
    }

    @Test
    void aTicketTakenOnAPhoneIsCalledByStaffAndShownOnTheBoardAndThePhone() throws Exception {
        tickets.take("honcho", "juminhyo", "kiosk");
        try (HeadlessChromium phone = new HeadlessChromium(390, 844);
             HeadlessChromium board = new HeadlessChromium(1440, 900);
             HeadlessChromium staff = new HeadlessChromium(1440, 900)) {
            ChromeDriver resident = phone.driver();
            resident.get(base() + "/counters");
            waitOn(resident).until(d -> !d.findElements(By.cssSelector("button.take[data-service=juminhyo]")).isEmpty());
            phone.screenshot("counters-public-phone.png");
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();
            resident.findElement(By.cssSelector("button.take[data-service=juminhyo]")).click();

            waitOn(resident).until(d -> d.getCurrentUrl().contains("/counters/tickets/")
                    && "A2".equals(textOf(d, "ticket-number")));
            assertThat(textOf(resident, "ticket-ahead")).startsWith("1人");
            assertThat(textOf(resident, "ticket-notice")).contains("あと1人で順番です", "Your turn is 1 away");
            waitOn(resident).until(d -> "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));
            phone.screenshot("counters-ticket-phone-waiting.png");

            ChromeDriver display = board.driver();
            display.get(base() + "/counters/board/honcho");
            waitOn(display).until(d -> "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));

            staff.signIn(port, "madoguchi", password);
            ChromeDriver desk = staff.driver();
            desk.get(base() + "/staff/counters?office=honcho");
            waitOn(desk).until(d -> !d.findElements(By.cssSelector("#services input[value=juminhyo]")).isEmpty());
            desk.findElement(By.id("desk")).clear();
            desk.findElement(By.id("desk")).sendKeys("2");
            // This desk issues certificates only; My Number cards are another desk's.
            desk.findElement(By.id("service-mynumber")).click();
            desk.findElement(By.id("call-next")).click();
            waitOn(desk).until(d -> "A1".equals(textOf(d, "current")) || !textOf(d, "desk-status").isEmpty());
            assertThat(textOf(desk, "current")).as("the desk after calling: %s %s", textOf(desk, "desk-status"), staff.scriptErrors())
                    .isEqualTo("A1");

            waitOn(resident).until(d -> textOf(d, "ticket-notice").contains("まもなく順番です"));
            desk.findElement(By.id("call-next")).click();
            waitOn(desk).until(d -> "A2".equals(textOf(d, "current")));
            staff.screenshot("counters-staff-desktop.png");

            waitOn(display).until(d -> text(d, By.cssSelector("#serving .call.latest .number")).equals("A2"));
            assertThat(text(display, By.cssSelector("#serving .call.latest .desk"))).contains("2番窓口", "Desk 2");
            board.screenshot("counters-board-desktop.png");

            waitOn(resident).until(d -> "called".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
            assertThat(textOf(resident, "ticket-notice")).contains("2番窓口へお越しください", "desk 2");
            phone.screenshot("counters-ticket-phone-called.png");

            for (HeadlessChromium browser : new HeadlessChromium[] {phone, board, staff}) {
                assertThat(browser.scriptErrors()).isEmpty();
                assertThat(browser.contentSecurityViolations()).isEmpty();
                assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            }
        }
    }

    @Test
    void theKioskGivesANumberWithAQrCodeToFollowIt() throws Exception {
        try (HeadlessChromium kiosk = new HeadlessChromium(1440, 900)) {
            ChromeDriver machine = kiosk.driver();
            machine.get(base() + "/counters/kiosk/honcho");
            waitOn(machine).until(d -> !d.findElements(By.cssSelector("button[data-service=mynumber]")).isEmpty());
            machine.findElement(By.cssSelector("button[data-service=mynumber]")).click();

            waitOn(machine).until(d -> textOf(d, "taken-number").startsWith("C"));
            Boolean qrLoaded = waitOn(machine).until(d -> (Boolean) ((ChromeDriver) d).executeScript(
                    "const img = document.querySelector('#taken img.qr'); return img.complete && img.naturalWidth > 0;"));
            assertThat(qrLoaded).isTrue();
            kiosk.screenshot("counters-kiosk-desktop.png");
            assertThat(kiosk.scriptErrors()).isEmpty();
            assertThat(kiosk.contentSecurityViolations()).isEmpty();
            assertThat(kiosk.seriousAccessibilityViolations()).isEmpty();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String textOf(WebDriver driver, String id) {
        return text(driver, By.id(id));
    }
}
