package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.booking.UsageReportSchedule;
import org.chizu.platform.calendar.JapaneseHolidays;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Staff's side of booking through the whole application on the sample town: the month's usage
 * report downloaded as a workbook (read back with Apache POI, not the library that wrote it) and
 * as Shift_JIS CSV, and the monthly job that mails both to the department once; and 利用後内容確定 of
 * two bookings Hanako made that have ended (moved into the past by the fixture, as the application's
 * clock is the real one): she confirms one's headcount and heating, staff record the other as a no-show.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chizu.sample-town.enabled=true", "chizu.booking.report.department=kikaku@town.example.jp",
                "chizu.jobs.workers.poll-interval=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingStaffHttpTest {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @RegisterExtension
    static final TestMailServer MAIL = TestMailServer.started();

    @DynamicPropertySource
    static void databaseAndMail(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        MAIL.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    StaffAccounts staff;
    @Autowired
    UsageReportSchedule schedule;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    String token;
    YearMonth month;
    /** The 大会議室's facility as the sample town names it (高津公民館, with the shelter list's note). */
    static String hallFacility;
    TownResidents residents;
    SignInBrowser hanako;
    long nextWeeks;
    long used;
    long noShow;
    /** The month of Hanako's ended bookings: they are on its first day. */
    YearMonth endedMonth;

    /** Hanako books the 大会議室 for two hours on an open weekday next week, online. */
    @BeforeAll
    void aBookingNextWeek() throws Exception {
        residents = new TownResidents(jdbc, passwords, port);
        residents.add("hanako@example.jp", "はなこ");
        token = staff.create("tanaka", "田中 一郎", Role.STAFF).token().token();
        long hall = jdbc.queryForObject("select id from booking_unit where name_ja = '大会議室'", Long.class);
        hallFacility = jdbc.queryForObject("""
                select f.name from booking_unit u join facilities f on f.id = u.facility_id where u.id = ?""", String.class, hall);
        LocalDate day = LocalDate.now(JAPAN).plusDays(7);
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY || JapaneseHolidays.official().isHoliday(day)) {
            day = day.plusDays(1);
        }
        month = YearMonth.from(day);
        hanako = residents.signedIn("hanako@example.jp");
        nextWeeks = booked(hall, day, "10:00", "12:00");
        endedMonth = month.minusMonths(1);
        used = endedOnTheFirst(booked(hall, day, "14:00", "16:00"), "14:00", "16:00");
        noShow = endedOnTheFirst(booked(hall, day, "12:00", "13:00"), "12:00", "13:00");
    }

    /** Hanako holds and confirms the hall on the day; the booking's id. */
    long booked(long hall, LocalDate day, String from, String to) throws Exception {
        JsonNode held = json.readTree(hanako.sendJson("POST", "/api/booking/holds",
                "{\"unit\": %d, \"start\": \"%sT%s:00+09:00\", \"end\": \"%sT%s:00+09:00\"}".formatted(hall, day, from, day, to)).body());
        hanako.sendJson("POST", "/api/booking/bookings/" + held.path("id").asLong() + "/confirm", "");
        return held.path("id").asLong();
    }

    /** Moves the booking to the first of the month before, which has passed by the time it is used. */
    long endedOnTheFirst(long booking, String from, String to) {
        LocalDate first = endedMonth.atDay(1);
        jdbc.update("update booking set period = tstzrange(cast(? as timestamptz), cast(? as timestamptz)) where id = ?",
                first + "T" + from + ":00+09:00", first + "T" + to + ":00+09:00", booking);
        return booking;
    }

    HttpResponse<byte[]> staffGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void staffDownloadTheMonthAsAWorkbookThatAnotherLibraryReadsWithItsJapaneseAndTotals() throws Exception {
        HttpResponse<byte[]> download = staffGet("/staff/api/booking/reports/" + month + ".xlsx");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        assertHallBookedTwoHours(download.body());
    }

    @Test
    void staffDownloadTheSameTableAsShiftJisCsv() throws Exception {
        HttpResponse<byte[]> download = staffGet("/staff/api/booking/reports/" + month + ".csv");

        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv;charset=windows-31j");
        String csv = new String(download.body(), Charset.forName("Shift_JIS"));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("施設 Facility,予約単位数 Units");
        assertThat(csv).contains("\r\n" + hallFacility + ",2,").contains("\r\n合計,7,");
        assertThat(csv.lines().filter(line -> line.startsWith("合計,")).findFirst().orElseThrow())
                .as("two hours, one booking, one person, all online, none used yet, nothing paid yet").contains(",2.0,0.0,")
                .endsWith(",1,1,1,100.0%,0,0,0,0,0,0");
    }

    @Test
    void theMonthlyJobMailsBothFilesToTheDepartmentOnce() throws Exception {
        assertThat(schedule.send(month)).isTrue();
        assertThat(schedule.send(month)).as("a second schedule firing queues nothing").isFalse();

        MimeMessage mail = MAIL.awaitFirstTo("kikaku@town.example.jp");
        assertThat(mail.getSubject()).isEqualTo("施設利用状況報告 " + month + " (Facility usage report)");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        byte[] workbook = null;
        String csv = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/vnd.openxmlformats")) {
                workbook = part.getInputStream().readAllBytes();
            } else if (part.getContentType().startsWith("text/csv")) {
                csv = new String(part.getInputStream().readAllBytes(), Charset.forName("Shift_JIS"));
            }
        }
        assertThat(workbook).isNotNull();
        assertHallBookedTwoHours(workbook);
        assertThat(csv).contains(hallFacility).contains("合計,7,");
        Thread.sleep(1000);
        assertThat(MAIL.received()).as("sent once").hasSize(1);
    }

    @Test
    void theMonthAsJsonCarriesOccupancyAndTheDigitalRate() throws Exception {
        JsonNode total = json.readTree(staffGet("/staff/api/booking/reports/" + month).body()).path("total");

        assertThat(total.path("facilityName").asText()).isEqualTo("合計");
        assertThat(total.path("bookings").asInt()).isEqualTo(1);
        assertThat(total.path("digitalRate").asDouble()).isEqualTo(1.0);
        assertThat(total.path("occupancy").asDouble()).isEqualTo(2.0 / total.path("openHours").asDouble());
    }

    @Test
    void residentsCannotReadTheStaffApiAndBadRequestsAreProblems() throws Exception {
        SignInBrowser hanako = residents.signedIn("hanako@example.jp");

        assertThat(hanako.get("/staff/api/booking/applications").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> badMonth = staffGet("/staff/api/booking/reports/2026-13.xlsx");
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badMonth.body()).path("field").asText()).isEqualTo("month");
        HttpResponse<String> halfAPlace = new SignInBrowser(port).get("/api/booking/search?lon=131.85");
        assertThat(halfAPlace.statusCode()).isEqualTo(400);
        assertThat(json.readTree(halfAPlace.body()).path("message").path("ja").asText()).contains("経度と緯度");
        HttpResponse<byte[]> unknownGroup = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/staff/api/booking/groups/999999/verification")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unknownGroup.statusCode()).isEqualTo(404);
    }

    @Test
    void afterUseTheOwnerConfirmsHeadcountAndExtrasStaffRecordANoShowAndTheReportCountsBoth() throws Exception {
        JsonNode awaiting = json.readTree(staffGet("/staff/api/booking/after-use").body()).path("bookings");
        assertThat(awaiting).extracting(named -> named.path("booking").path("id").asLong()).containsExactly(noShow, used);
        assertThat(awaiting.get(0).path("who").asText()).isEqualTo("はなこ");

        HttpResponse<String> notEnded = hanako.sendJson("POST", "/api/booking/bookings/" + nextWeeks + "/after-use", "{\"headcount\": 10}");
        assertThat(notEnded.statusCode()).isEqualTo(409);
        assertThat(json.readTree(notEnded.body()).path("type").asText()).endsWith("not-ended");
        HttpResponse<String> overCapacity = hanako.sendJson("POST", "/api/booking/bookings/" + used + "/after-use", "{\"headcount\": 61}");
        assertThat(overCapacity.statusCode()).isEqualTo(422);
        assertThat(overCapacity.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(overCapacity.body()).path("field").asText()).isEqualTo("headcount");
        HttpResponse<String> notANumber = hanako.sendJson("POST", "/api/booking/bookings/" + used + "/after-use", "{\"headcount\": \"many\"}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        HttpResponse<String> ownNoShow = hanako.sendJson("POST", "/api/booking/bookings/" + noShow + "/after-use", "{\"noShow\": true}");
        assertThat(ownNoShow.statusCode()).isEqualTo(400);
        assertThat(json.readTree(ownNoShow.body()).path("field").asText()).isEqualTo("noShow");

        HttpResponse<String> confirmed = hanako.sendJson("POST", "/api/booking/bookings/" + used + "/after-use",
                "{\"headcount\": 25, \"extras\": [\"heating\"]}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        JsonNode use = json.readTree(confirmed.body());
        assertThat(use.path("headcount").asInt()).isEqualTo(25);
        assertThat(use.path("bookedFeeYen").asInt()).as("two afternoon hours at the non-resident rate").isEqualTo(2400);
        assertThat(use.path("extraYen").asInt()).as("two hours of heating").isEqualTo(600);
        assertThat(hanako.sendJson("POST", "/api/booking/bookings/" + used + "/after-use", "{\"headcount\": 30}").statusCode())
                .as("once").isEqualTo(409);
        assertThat(staffPost("/staff/api/booking/bookings/" + used + "/after-use/counter-payment", "").statusCode()).isEqualTo(200);
        assertThat(json.readTree(hanako.get("/api/booking/bookings/" + used + "/after-use").body()).path("extraPaidAt").isNull())
                .isFalse();

        HttpResponse<byte[]> recorded = staffPost("/staff/api/booking/bookings/" + noShow + "/after-use", "{\"noShow\": true}");
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(json.readTree(recorded.body()).path("noShow").asBoolean()).isTrue();
        assertThat(json.readTree(staffGet("/staff/api/booking/after-use").body()).path("bookings").size()).isZero();

        JsonNode total = json.readTree(staffGet("/staff/api/booking/reports/" + endedMonth).body()).path("total");
        assertThat(total.path("headcount").asInt()).isEqualTo(25);
        assertThat(total.path("noShows").asInt()).isEqualTo(1);
        String csv = new String(staffGet("/staff/api/booking/reports/" + endedMonth + ".csv").body(), Charset.forName("Shift_JIS"));
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",利用人数 Headcount,無断キャンセル No-shows,"
                + "使用料 Fees charged (円),減免額 Reductions (円),還付額 Refunds (円),利用後追加料金 After-use extras (円)");
        assertThat(csv.lines().filter(line -> line.startsWith("合計,")).findFirst().orElseThrow())
                .as("25 came, one no-show, nothing paid yet, ¥600 of heating owed after use").endsWith(",25,1,0,0,0,600");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                staffGet("/staff/api/booking/reports/" + endedMonth + ".xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(totals.getCell(10).getNumericCellValue()).isEqualTo(25);
            assertThat(totals.getCell(11).getNumericCellValue()).isEqualTo(1);
        }
    }

    HttpResponse<byte[]> staffPost(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The workbook's hall row and totals: the sample town's units, Hanako's two hours, the Japanese intact. */
    private static void assertHallBookedTwoHours(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("施設利用状況報告");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("施設 Facility");
            Row hall = null;
            for (int r = 3; r < sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals(hallFacility)) {
                    hall = sheet.getRow(r);
                }
            }
            assertThat(hall).as("高津公民館's row").isNotNull();
            assertThat(hall.getCell(1).getNumericCellValue()).as("大会議室 and 和室").isEqualTo(2);
            assertThat(hall.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合計");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(1);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(1);
            assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(1.0);
        }
    }
}
