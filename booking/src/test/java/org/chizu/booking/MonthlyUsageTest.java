package org.chizu.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chizu.booking.BookingTown.ARENA;
import static org.chizu.booking.BookingTown.HALL;
import static org.chizu.booking.BookingTown.at;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chizu.accounts.AccountKind;
import org.chizu.accounts.Identity;
import org.chizu.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * January 2027 in the test town: the hall (高津公民館) is open 268 hours (19 weekdays of 12 hours,
 * 元日 and 成人の日 left out, and 5 Saturdays of 8), the arena (市民体育館) 372 (every day, 12 hours).
 * Hanako and Taro book (neither registered, so at non-residents' rates); staff block two hours for
 * official use, which displaces Hanako, and move her. Taro pays his hall hour (¥900) at the counter;
 * Hanako pays her three arena hours (¥9,000) less the welfare reduction of 50 %; Taro pays an arena hour
 * (¥3,000) and cancels it a month ahead, refunded in full. After use, 12 people came to Taro's hour
 * with an hour of heating (¥300 on top) and 20 to Hanako's moved booking; nobody came to the arena.
 */
class MonthlyUsageTest {

    static final long HANAKO = 101;
    static final long TARO = 102;
    static final Identity TANAKA = new Identity(900, AccountKind.STAFF, "tanaka", "田中 一郎", Role.STAFF, Set.of());
    static final YearMonth JANUARY = YearMonth.of(2027, 1);

    static BookingTown town;
    static MonthlyUsage.Report report;

    @BeforeAll
    static void aMonthOfBookings() throws Exception {
        town = new BookingTown();
        Booking hanakos = confirm(town.bookings.hold(HALL, at("2027-01-04T10:00"), at("2027-01-04T12:00"), HANAKO));
        Booking tarosHour = confirm(town.bookings.hold(HALL, at("2027-01-05T10:00"), at("2027-01-05T11:00"), TARO));
        Booking arena = confirm(town.bookings.hold(new Bookings.SlotRequest(ARENA, at("2027-01-06T09:00"), at("2027-01-06T12:00"),
                HANAKO, null, Set.of(), "welfare")));
        town.bookings.approve(arena.id());
        town.payments.payAtCounter(arena.id());
        Booking cancelled = confirm(town.bookings.hold(ARENA, at("2027-01-07T09:00"), at("2027-01-07T10:00"), TARO));
        town.bookings.approve(cancelled.id());
        town.payments.payAtCounter(cancelled.id());
        town.bookings.cancel(cancelled.id(), TARO);
        town.payments.payAtCounter(tarosHour.id());
        confirm(town.bookings.hold(HALL, at("2027-02-01T10:00"), at("2027-02-01T11:00"), TARO));
        town.staff.blockForOfficialUse(HALL, at("2027-01-04T11:00"), at("2027-01-04T13:00"), "期日前投票所", TANAKA);
        Booking moved = town.staff.move(hanakos.id(), at("2027-01-06T14:00"), at("2027-01-06T16:00"), TANAKA);
        AfterUse afterTheMonth = town.afterUseAt(Clock.fixed(at("2027-02-01T09:00"), BookingTown.JAPAN));
        afterTheMonth.confirm(tarosHour.id(), TARO, 12, Set.of("heating"), AfterUse.OWNER);
        afterTheMonth.confirm(moved.id(), null, 20, Set.of(), TANAKA.name());
        afterTheMonth.noShow(arena.id(), TANAKA.name());
        report = town.usage.of(JANUARY);
    }

    static Booking confirm(Booking held) {
        return town.bookings.confirm(held.id(), held.accountId());
    }

    @AfterAll
    static void closeThePool() {
        town.dataSource.close();
    }

    MonthlyUsage.FacilityUse facility(String name) {
        return report.facilities().stream().filter(use -> use.facilityName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachFacilityCountsItsOpenAndBookedHoursPeopleAndOnlineApplications() {
        MonthlyUsage.FacilityUse hall = facility("高津公民館");
        MonthlyUsage.FacilityUse arena = facility("市民体育館");

        assertThat(hall.openHours()).isEqualTo(268.0);
        assertThat(hall.bookedHours()).as("Taro's hour and Hanako's moved two").isEqualTo(3.0);
        assertThat(hall.officialHours()).isEqualTo(2.0);
        assertThat(hall.bookings()).isEqualTo(2);
        assertThat(hall.users()).isEqualTo(2);
        assertThat(hall.digital()).as("the moved booking was made by staff").isEqualTo(1);
        assertThat(hall.occupancy()).isCloseTo(5.0 / 268, within(1e-9));
        assertThat(hall.headcount()).as("12 and 20 came").isEqualTo(32);
        assertThat(hall.noShows()).isZero();
        assertThat(hall.fees()).as("Taro's hour paid, its heating owed; Hanako's moved booking not paid yet")
                .isEqualTo(new MonthlyUsage.Fees(900, 0, 0, 300));

        assertThat(arena.openHours()).isEqualTo(372.0);
        assertThat(arena.bookedHours()).as("the cancelled hour does not count").isEqualTo(3.0);
        assertThat(arena.bookings()).isEqualTo(1);
        assertThat(arena.digitalRate()).isEqualTo(1.0);
        assertThat(arena.headcount()).isZero();
        assertThat(arena.noShows()).as("a no-show still counts as booked").isEqualTo(1);
        assertThat(arena.fees()).as("Hanako's ¥4,500 after ¥4,500 off, and Taro's cancelled ¥3,000 taken and refunded")
                .isEqualTo(new MonthlyUsage.Fees(7500, 4500, 3000, 0));
    }

    @Test
    void theTotalCountsEachPersonOnceAcrossFacilities() {
        MonthlyUsage.FacilityUse total = report.total();

        assertThat(total.facilityName()).isEqualTo("合計");
        assertThat(total.units()).isEqualTo(2);
        assertThat(total.openHours()).isEqualTo(640.0);
        assertThat(total.bookedHours()).isEqualTo(6.0);
        assertThat(total.officialHours()).isEqualTo(2.0);
        assertThat(total.bookings()).isEqualTo(3);
        assertThat(total.users()).as("Hanako booked at both").isEqualTo(2);
        assertThat(total.digitalRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(total.headcount()).isEqualTo(32);
        assertThat(total.noShows()).isEqualTo(1);
        assertThat(total.fees()).isEqualTo(new MonthlyUsage.Fees(8400, 4500, 3000, 300));
    }

    @Test
    void theWorkbookReadsBackInApachePoiWithItsJapaneseAndTotals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UsageReportFiles.writeWorkbook(report, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("2027-01");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("施設利用状況報告 Facility usage report 2027-01");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("稼働率 Occupancy");
            assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("電子申請率 Digital application rate");
            List<String> facilities = List.of(sheet.getRow(3).getCell(0).getStringCellValue(), sheet.getRow(4).getCell(0).getStringCellValue());
            assertThat(facilities).containsExactlyInAnyOrder("高津公民館", "市民体育館");
            Row total = sheet.getRow(5);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合計");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(640.0);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(6.0);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(2.0);
            assertThat(total.getCell(9).getNumericCellValue()).isCloseTo(2.0 / 3, within(1e-9));
            assertThat(total.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(sheet.getRow(2).getCell(10).getStringCellValue()).isEqualTo("利用人数 Headcount");
            assertThat(sheet.getRow(2).getCell(11).getStringCellValue()).isEqualTo("無断キャンセル No-shows");
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(32.0);
            assertThat(total.getCell(11).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(2).getCell(12).getStringCellValue()).isEqualTo("使用料 Fees charged (円)");
            assertThat(sheet.getRow(2).getCell(13).getStringCellValue()).isEqualTo("減免額 Reductions (円)");
            assertThat(sheet.getRow(2).getCell(14).getStringCellValue()).isEqualTo("還付額 Refunds (円)");
            assertThat(sheet.getRow(2).getCell(15).getStringCellValue()).isEqualTo("利用後追加料金 After-use extras (円)");
            assertThat(List.of(total.getCell(12).getNumericCellValue(), total.getCell(13).getNumericCellValue(),
                    total.getCell(14).getNumericCellValue(), total.getCell(15).getNumericCellValue()))
                    .containsExactly(8400.0, 4500.0, 3000.0, 300.0);
            assertThat(total.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            double chargedByFacility = sheet.getRow(3).getCell(12).getNumericCellValue() + sheet.getRow(4).getCell(12).getNumericCellValue();
            assertThat(chargedByFacility).as("the facilities add up to the total").isEqualTo(8400.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void theCsvIsShiftJisWithTheSameTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UsageReportFiles.writeCsv(report, out);

        String csv = new String(out.toByteArray(), Charset.forName("Shift_JIS"));
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("施設 Facility,予約単位数 Units,利用可能時間 Open hours");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",利用人数 Headcount,無断キャンセル No-shows,"
                + "使用料 Fees charged (円),減免額 Reductions (円),還付額 Refunds (円),利用後追加料金 After-use extras (円)");
        assertThat(csv).contains("高津公民館,1,268.0,3.0,2.0,1.9%,2,2,1,50.0%,32,0,900,0,0,300\r\n")
                .contains("市民体育館,1,372.0,3.0,0.0,0.8%,1,1,1,100.0%,0,1,7500,4500,3000,0\r\n")
                .endsWith("合計,2,640.0,6.0,2.0,1.3%,3,2,2,66.7%,32,1,8400,4500,3000,300\r\n");
    }
}
