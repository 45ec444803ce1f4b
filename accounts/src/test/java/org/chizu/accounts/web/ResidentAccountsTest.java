package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.accounts.NewAccount;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Residents, organisations and the sign-in lockout over real HTTP against a running server, with a real
 * SMTP server (GreenMail) receiving the verification and password-reset e-mails.
 */
@SpringBootTest(classes = AccountsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ResidentAccountsTest {

    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/[^\\s]+token=chizu_[A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "kaki-no-ki-2026";

    private final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void databaseAndMailServer(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // This class signs in often from one address; SignInRateLimitTest tests that limit.
        registry.add("chizu.accounts.sign-in.per-address-burst", () -> 1000);
    }

    @BeforeAll
    void startTheMailServer() {
        smtp.start();
    }

    @AfterAll
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void aResidentRegistersVerifiesByTheEmailedLinkSignsInAndSeesOnlyTheirOwnThings() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> registered = register(browser, "hanako@example.jp", "はなこ", PASSWORD);

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("確認メールを送りました", "Check your e-mail");
        String link = linkInMailTo("hanako@example.jp");
        HttpResponse<String> verified = browser.get(link);
        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(verified.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?verified"));
        assertThat(browser.get("/login?verified").body()).contains("メールアドレスを確認しました");

        HttpResponse<String> signedIn = browser.signIn("Hanako@Example.jp", PASSWORD);

        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        JsonNode me = me(browser);
        assertThat(me.path("authenticated").asBoolean()).isTrue();
        assertThat(me.path("kind").asText()).isEqualTo("resident");
        assertThat(me.path("name").asText()).isEqualTo("hanako@example.jp");
        assertThat(me.path("displayName").asText()).isEqualTo("はなこ");
        assertThat(me.path("rights")).isEmpty();
        assertThat(me.path("organisations")).isEmpty();
        assertProblem(browser.get("/staff/desk"), 403, "urn:chizu:problem:forbidden");
        assertProblem(browser.get("/staff/api/residents"), 403, "urn:chizu:problem:forbidden");
        assertThat(browser.get(link).statusCode()).as("the link works once").isEqualTo(404);
    }

    @Test
    void anUnverifiedResidentCannotSignInAndIsToldWhy() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        register(browser, "jiro@example.jp", "じろう", PASSWORD);

        HttpResponse<String> refused = browser.signIn("jiro@example.jp", PASSWORD);

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?unverified"));
        assertThat(browser.get("/login?unverified").body()).contains("メールアドレスがまだ確認されていません",
                "Your e-mail address is not verified yet");
        assertThat(me(browser).path("authenticated").asBoolean()).isFalse();
        assertThat(browser.signIn("jiro@example.jp", "a-wrong-password").headers().firstValue("Location"))
                .as("a wrong password does not learn that the address is unverified").hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void aWeakPasswordOrAMissingRepresentativeIsRefusedOnThePageAndNothingIsRegistered() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> common = register(browser, "weak@example.jp", "弱い", "password123");
        HttpResponse<String> tooShort = register(browser, "short@example.jp", "短い", "kaki2026");
        HttpResponse<String> group = browser.submit("/register", "/register", Map.of("kind", "group", "groupName",
                "美都町自治会", "email", "group@example.jp", "displayName", "美都町自治会", "password", PASSWORD));

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("よく使われるパスワードは使えません", "weak@example.jp");
        assertThat(tooShort.body()).contains("10文字以上");
        assertThat(group.body()).contains("代表者名を入力してください", "Enter the representative.");
        assertThat(jdbc.queryForObject("select count(*) from account where email in ('weak@example.jp', "
                + "'short@example.jp', 'group@example.jp')", Integer.class)).isZero();
    }

    @Test
    void aPasswordResetByEmailSetsTheNewPasswordOnceAndEndsTheOtherSessions() throws Exception {
        SignInBrowser before = verifiedResident("saburo@example.jp", "さぶろう");
        SignInBrowser resetting = new SignInBrowser(port);
        String newPassword = "hinoki-no-mori-7";

        HttpResponse<String> asked = resetting.submit("/password-reset", "/password-reset", Map.of("email", "saburo@example.jp"));
        String link = linkInMailTo("saburo@example.jp");
        assertThat(asked.body()).contains("パスワード再設定のリンクを送りました");
        assertThat(resetting.get(link).body()).contains("新しいパスワード");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        HttpResponse<String> changed = resetting.submit(link, "/password-reset/new", Map.of("token", token, "password", newPassword));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?reset"));
        assertThat(me(before).path("authenticated").asBoolean()).as("the other session ended").isFalse();
        assertThat(new SignInBrowser(port).signIn("saburo@example.jp", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        SignInBrowser after = new SignInBrowser(port);
        after.signIn("saburo@example.jp", newPassword);
        assertThat(me(after).path("name").asText()).isEqualTo("saburo@example.jp");
        assertThat(resetting.get(link).statusCode()).as("the link works once").isEqualTo(404);
    }

    @Test
    void askingToResetAnUnknownAddressAnswersTheSameAndSendsNothing() throws Exception {
        int before = smtp.getReceivedMessages().length;

        HttpResponse<String> asked = new SignInBrowser(port).submit("/password-reset", "/password-reset",
                Map.of("email", "nobody@example.jp"));

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("登録されているアドレスであれば");
        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }

    @Test
    void anOrganisationIsAppliedForApprovedByStaffAndItsMembersSeeTheirMembership() throws Exception {
        SignInBrowser applicant = verifiedResident("yamada@forest.example.jp", "山田林業 山田");
        SignInBrowser worker = verifiedResident("kimura@forest.example.jp", "木村");
        NewAccount officer = staff.create("ringyo", "林業担当", Role.STAFF);

        HttpResponse<String> applied = applicant.sendJson("POST", "/api/organisations", """
                {"name": "山田林業株式会社", "address": "島根県益田市美都町1-2", "representative": "山田 一郎",
                 "contact": "0856-00-0000"}""");
        assertThat(applied.statusCode()).isEqualTo(201);
        long id = json.readTree(applied.body()).path("id").asLong();
        assertThat(me(applicant).path("organisations").get(0).path("status").asText()).isEqualTo("pending");
        assertThat(me(applicant).path("rights")).as("a pending organisation grants nothing").isEmpty();
        assertProblem(applicant.sendJson("POST", "/api/organisations/" + id + "/members",
                "{\"email\": \"kimura@forest.example.jp\"}"), 403, "urn:chizu:problem:organisation-not-approved");

        HttpResponse<String> byForm = applicant.submit("/organisations/apply", "/organisations/apply", Map.of("name",
                "益田森林組合", "address", "島根県益田市", "representative", "山田 一郎", "contact", "0856-11-1111"));
        assertThat(byForm.body()).contains("申請を受け付けました", "Application received");
        assertThat(new SignInBrowser(port).send(new SignInBrowser(port).request("/organisations/apply")
                .header("Accept", "text/html")).headers().firstValue("Location"))
                .as("the public is asked to sign in").hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        SignInBrowser desk = new SignInBrowser(port);
        desk.signIn("ringyo", officer.password());
        assertThat(desk.get("/staff/api/organisations").body()).contains("山田林業株式会社");
        assertThat(desk.send(desk.request("/staff/organisations").header("Accept", "text/html")).body())
                .contains("団体の申請", "山田林業株式会社", "承認");
        HttpResponse<String> approved = desk.submit("/staff/organisations", "/staff/organisations/" + id + "/status",
                Map.of("status", "approved"));
        assertThat(approved.statusCode()).isEqualTo(303);
        long byFormId = jdbc.queryForObject("select id from organisation where name = '益田森林組合'", Long.class);
        desk.submit("/staff/organisations", "/staff/organisations/" + byFormId + "/status", Map.of("status", "rejected"));
        assertThat(desk.get("/staff/api/organisations?status=rejected").body()).contains("益田森林組合");
        assertProblem(desk.sendJson("PUT", "/staff/api/organisations/" + id + "/status", "{\"status\": \"rejected\"}"),
                409, "urn:chizu:problem:already-decided");
        assertProblem(applicant.sendJson("PUT", "/staff/api/organisations/" + id + "/status", "{\"status\": \"approved\"}"),
                403, "urn:chizu:problem:forbidden");

        assertThat(applicant.sendJson("POST", "/api/organisations/" + id + "/members",
                "{\"email\": \"kimura@forest.example.jp\"}").statusCode()).isEqualTo(204);
        assertProblem(worker.sendJson("POST", "/api/organisations/" + id + "/members",
                "{\"email\": \"yamada@forest.example.jp\"}"), 404, "urn:chizu:problem:not-found");
        assertProblem(applicant.sendJson("POST", "/api/organisations/" + id + "/members",
                "{\"email\": \"stranger@example.jp\"}"), 422, "urn:chizu:problem:not-a-resident");

        SignInBrowser member = new SignInBrowser(port);
        member.signIn("kimura@forest.example.jp", PASSWORD);
        JsonNode me = me(member);
        assertThat(me.path("rights").get(0).asText()).isEqualTo("org:" + id + ":member");
        JsonNode membership = me.path("organisations").get(0);
        assertThat(membership.path("organisationName").asText()).isEqualTo("山田林業株式会社");
        assertThat(membership.path("status").asText()).isEqualTo("approved");
        assertThat(membership.path("role").asText()).isEqualTo("member");
        assertThat(me(applicant).path("rights")).as("the rejected one grants nothing").extracting(JsonNode::asText)
                .containsExactly("org:" + id + ":admin");
    }

    @Test
    void staffSeeResidentsWithoutAddressesAndTheirPersonalDataOnlyWithAPurposeThatIsLogged() throws Exception {
        verifiedResident("shiro@example.jp", "しろう");
        long id = jdbc.queryForObject("select id from account where email = 'shiro@example.jp'", Long.class);
        NewAccount clerk = staff.create("madoguchi", Role.STAFF);
        SignInBrowser script = new SignInBrowser(port);

        HttpResponse<String> list = script.send(script.request("/staff/api/residents")
                .header("Authorization", "Bearer " + clerk.token().token()));
        HttpResponse<String> noPurpose = script.send(script.request("/staff/api/residents/" + id + "/personal-data")
                .header("Authorization", "Bearer " + clerk.token().token()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> withPurpose = script.send(script.request("/staff/api/residents/" + id + "/personal-data")
                .header("Authorization", "Bearer " + clerk.token().token()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"purpose\": \"通報 123 の件で本人に連絡するため\"}")));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("しろう").doesNotContain("@");
        assertProblem(noPurpose, 400, "urn:chizu:problem:purpose-required");
        assertThat(json.readTree(withPurpose.body()).path("email").asText()).isEqualTo("shiro@example.jp");
        assertThat(jdbc.queryForMap("""
                select s.name as staff, l.resident_id, l.purpose from personal_data_access l join account s on s.id = l.staff_id
                where l.resident_id = ?""", id)).containsEntry("staff", "madoguchi")
                .containsEntry("purpose", "通報 123 の件で本人に連絡するため");
    }

    @Test
    void thirtyWrongPasswordsLockTheAccountForAWhileWithoutTellingWhetherTheNextPasswordIsRightAndTheLogSaysSo(
            CapturedOutput log) throws Exception {
        NewAccount kondo = staff.create("kondo", Role.STAFF);
        SignInBrowser guesser = new SignInBrowser(port);
        for (int attempt = 1; attempt <= 29; attempt++) {
            assertThat(guesser.signIn("kondo", "guess-" + attempt).headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(log.getOut()).doesNotContain("locked the account 'kondo'");

        guesser.signIn("kondo", "guess-30");

        assertThat(log.getOut().lines().filter(line -> line.contains("locked the account 'kondo'")))
                .singleElement().asString().contains("WARN", "SignInLockout", "for PT15M after 30 wrong passwords");
        assertThat(log.getOut()).doesNotContain("guess-");
        assertThat(new SignInBrowser(port).signIn("kondo", kondo.password()).headers().firstValue("Location"))
                .as("even the right password").hasValueSatisfying(location -> assertThat(location).endsWith("/login?locked"));
        assertThat(new SignInBrowser(port).signIn("kondo", "guess-31").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?locked"));
        assertThat(new SignInBrowser(port).get("/login?locked").body()).contains("しばらくサインインできません", "locked for a while");
        assertThat(jdbc.queryForObject("select locked_until > now() + interval '14 minutes' from account where name = 'kondo'",
                Boolean.class)).as("the lock is in the database, for every process").isTrue();

        jdbc.update("update account set locked_until = now() - interval '1 second' where name = 'kondo'");
        SignInBrowser later = new SignInBrowser(port);
        later.signIn("kondo", kondo.password());
        assertThat(me(later).path("name").asText()).isEqualTo("kondo");
    }

    private HttpResponse<String> register(SignInBrowser browser, String email, String displayName, String password)
            throws IOException, InterruptedException {
        return browser.submit("/register", "/register", Map.of("kind", "individual", "email", email,
                "displayName", displayName, "password", password, "address", "島根県益田市"));
    }

    private SignInBrowser verifiedResident(String email, String displayName) throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        register(browser, email, displayName, PASSWORD);
        browser.get(linkInMailTo(email));
        browser.signIn(email, PASSWORD);
        assertThat(me(browser).path("authenticated").asBoolean()).isTrue();
        return browser;
    }

    /** The path of the link in the newest e-mail to this address. */
    private String linkInMailTo(String address) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> sentTo(message, address)).reduce((first, second) -> second)
                .map(message -> {
                    Matcher link = LINK.matcher(text(message));
                    return link.find() ? link.group(1) : null;
                }).orElse(null), found -> found != null);
    }

    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode me(SignInBrowser browser) throws Exception {
        return json.readTree(browser.get("/api/me").body());
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo(type);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
