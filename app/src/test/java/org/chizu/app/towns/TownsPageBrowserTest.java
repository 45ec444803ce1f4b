package org.chizu.app.towns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.app.ChizuApplication;
import org.chizu.app.webmap.HeadlessChromium;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A staff member adds 出雲市 on /staff/towns in a real headless Chromium, as a person would: types the
 * code, chooses Shimane's N03 file and presses 追加; a wrong check digit is refused in Japanese and
 * English. On a desktop and on a phone; screenshots go to target/screenshots/towns-*.png.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TownsPageBrowserTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StaffAccounts accounts;

    String password;

    @BeforeAll
    void masudaIsServed() throws Exception {
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("hillside-town.sql"));
        }
        password = accounts.create("chiiki", "地域 太郎", Role.STAFF).password();
    }

    @Test
    void staffAddATownWithTheFormOnADesktopAndReplaceItsBoundaryOnAPhone() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(1440, 900)) {
            chromium.signIn(port, "chiiki", password);
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + port + "/staff/towns");
            String masuda = wait.until(d -> town(d, "32204")).getText();
            assertThat(masuda).contains("島根県益田市", "Masuda", "322041");

            add(browser, "322031", "Izumo City");
            String refused = wait.until(d -> outcome(d, "refused"));
            assertThat(refused).contains("322031 の検査数字が違います", "322032", "the check digit of 322031 is wrong");
            chromium.screenshot("towns-desktop-refused.png");

            add(browser, "32203", "Izumo City");
            String done = wait.until(d -> outcome(d, "done"));
            assertThat(done).contains("島根県出雲市（322032）を追加しました", "added 出雲市 322032");
            assertThat(wait.until(d -> town(d, "32203")).getText()).contains("島根県出雲市", "Izumo City", "322032");
            assertThat(browser.findElement(By.id("code")).getAttribute("value")).as("the form is cleared").isEmpty();
            chromium.screenshot("towns-desktop.png");

            chromium.resize(390, 844);
            browser.navigate().refresh();
            wait.until(d -> town(d, "32203"));
            add(browser, "322032", null);
            String replaced = wait.until(d -> outcome(d, "done"));
            assertThat(replaced).contains("島根県出雲市（322032）の境界を置き換えました", "replaced the boundary");
            assertThat(town(browser, "32203").getText()).as("the English name given before is kept").contains("Izumo City");
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("no sideways scrolling").isZero();
            assertThat(browser.findElement(By.cssSelector("#add-town button")).getSize().getHeight())
                    .as("a button a thumb can press").isGreaterThanOrEqualTo(40);
            chromium.screenshot("towns-phone.png");
        }
    }

    private static void add(ChromeDriver browser, String code, String nameEn) {
        WebElement codeField = browser.findElement(By.id("code"));
        codeField.clear();
        codeField.sendKeys(code);
        WebElement english = browser.findElement(By.id("name-en"));
        english.clear();
        if (nameEn != null) {
            english.sendKeys(nameEn);
        }
        browser.findElement(By.id("boundary")).sendKeys(ShimaneN03.file().toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#add-town button[type=submit]")).click();
    }

    /** The outcome's text once it is in this state (done or refused), else null to wait on. */
    private static String outcome(org.openqa.selenium.WebDriver browser, String state) {
        WebElement outcome = browser.findElement(By.id("outcome"));
        return state.equals(outcome.getAttribute("data-state")) ? outcome.getText() : null;
    }

    private static WebElement town(org.openqa.selenium.WebDriver browser, String code) {
        return browser.findElements(By.cssSelector("#towns li[data-code='" + code + "']")).stream().findFirst().orElse(null);
    }
}
