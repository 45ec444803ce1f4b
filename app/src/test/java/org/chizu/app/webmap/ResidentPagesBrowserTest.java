package org.chizu.app.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.app.ChizuApplication;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;



/**
 * A resident registers on /register, as a group, in a real headless Chromium at phone and desktop
 * width, opens the link from the e-mail (received by GreenMail) and signs in on /login. Screenshots
 * go to target/screenshots/.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentPagesBrowserTest {

    @RegisterExtension
    static final TestMailServer MAIL = TestMailServer.started();
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/register/verify\\?token=chizu_[A-Za-z0-9_-]{43}");

    @DynamicPropertySource
    static void databaseAndMail(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        MAIL.register(registry);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} px wide")
    @CsvSource({"phone, 360, 780", "desktop, 1280, 900"})
    void aGroupRegistersVerifiesItsAddressAndSignsIn(String device, int width, int height) throws Exception {
        String email = "mito-" + device + "@example.jp";
        try (HeadlessChromium chromium = new HeadlessChromium(width, height)) {
            ChromeDriver browser = chromium.driver();
            // The form posts and the browser navigates: an element read while the old page goes is no error.
            FluentWait<WebDriver> wait = new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class);
            browser.get("http://localhost:" + port + "/register");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("利用者登録", "Register");
            assertThat(browser.findElement(By.id("groupName")).isDisplayed()).as("group fields wait for 団体").isFalse();

            browser.findElement(By.cssSelector("input[name=kind][value=group]")).click();
            browser.findElement(By.id("groupName")).sendKeys("美都町自治会");
            browser.findElement(By.id("representative")).sendKeys("益田 太郎");
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("displayName")).sendKeys("美都町自治会");
            browser.findElement(By.id("password")).sendKeys("hinoki-no-mori-7");
            chromium.screenshot("register-" + device + ".png");
            assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing sticks out sideways").isEqualTo(true);
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "確認メールを送りました"));
            chromium.screenshot("register-sent-" + device + ".png");
            browser.get(linkInMailTo(email));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "メールアドレスを確認しました"));
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys("hinoki-no-mori-7");
            chromium.screenshot("login-resident-" + device + ".png");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
            browser.get("http://localhost:" + port + "/api/me");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"kind\":\"resident\"", email);
        }
    }

    private static String linkInMailTo(String address) {
        Matcher link = LINK.matcher(TestMailServer.textOf(MAIL.awaitFirstTo(address)));
        assertThat(link.find()).as("the verification link").isTrue();
        return link.group();
    }
}
