package org.chizu.booking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Identity;
import org.chizu.accounts.Resident;
import org.chizu.accounts.Residents;
import org.chizu.booking.AfterUse;
import org.chizu.booking.BookableUnit;
import org.chizu.booking.BookableUnits;
import org.chizu.booking.Booking;
import org.chizu.booking.BookingProblem;
import org.chizu.booking.Bookings;
import org.chizu.booking.FacilityCalendar;
import org.chizu.booking.GroupVerifications;
import org.chizu.booking.MonthlyUsage;
import org.chizu.booking.ReductionApprovals;
import org.chizu.booking.StaffBookings;
import org.chizu.booking.UnitFilter;
import org.chizu.booking.UsageReportFiles;
import org.chizu.booking.UsageReportMail;
import org.chizu.platform.Label;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's booking desk (staff only, as all of {@code /staff/**}): a facility's month, the approval
 * queue, reductions (減免) to approve or refuse, ended bookings whose use is still to confirm, refusals, official-use blocks and the bookings they displaced, group verification and the
 * monthly usage report. Residents are named by their display name (or group), never their address.
 */
@RestController
@RequestMapping("/staff/api/booking")
class StaffBookingController {

    private final BookableUnits units;
    private final Bookings bookings;
    private final StaffBookings staff;
    private final FacilityCalendar calendar;
    private final GroupVerifications groups;
    private final MonthlyUsage usage;
    private final Residents residents;
    private final AfterUse afterUse;
    private final ReductionApprovals reductions;

    StaffBookingController(BookableUnits units, Bookings bookings, StaffBookings staff, FacilityCalendar calendar,
                           GroupVerifications groups, MonthlyUsage usage, Residents residents, AfterUse afterUse,
                           ReductionApprovals reductions) {
        this.units = units;
        this.bookings = bookings;
        this.staff = staff;
        this.calendar = calendar;
        this.groups = groups;
        this.usage = usage;
        this.residents = residents;
        this.afterUse = afterUse;
        this.reductions = reductions;
    }

    record Refusal(String reason) {
    }

    record BlockRequest(Long unit, OffsetDateTime start, OffsetDateTime end, String purpose) {
    }

    record MoveRequest(OffsetDateTime start, OffsetDateTime end) {
    }

    /** A booking with who made it, as staff see it. */
    record Named(Booking booking, String who) {
    }

    record Facility(long id, String name, List<BookableUnit> units) {
    }

    @GetMapping("/facilities")
    Map<String, List<Facility>> facilities() {
        Map<Long, Facility> facilities = new LinkedHashMap<>();
        for (BookableUnit unit : units.list(UnitFilter.all())) {
            facilities.computeIfAbsent(unit.facility().id(), id -> new Facility(id, unit.facility().name(), new ArrayList<>()))
                    .units().add(unit);
        }
        return Map.of("facilities", List.copyOf(facilities.values()));
    }

    @GetMapping("/calendar")
    Map<String, Object> calendar(@RequestParam long facility, @RequestParam String month) {
        FacilityCalendar.Month of = calendar.of(facility, month(month));
        return Map.of("month", of, "who", names());
    }

    @GetMapping("/applications")
    Map<String, List<Named>> applications() {
        return Map.of("applications", named(bookings.applications()));
    }

    /** Ended bookings whose use (headcount, extras, or a no-show) is still to be confirmed. */
    @GetMapping("/after-use")
    Map<String, List<Named>> awaitingAfterUse() {
        return Map.of("bookings", named(afterUse.awaiting()));
    }

    /** Bookings whose reduction (減免) waits for staff's approval. */
    @GetMapping("/reductions")
    Map<String, List<Named>> pendingReductions() {
        return Map.of("bookings", named(reductions.pending()));
    }

    @PutMapping("/reductions/{id}/approval")
    Booking approveReduction(@PathVariable long id) {
        return reductions.approve(id, caller().name());
    }

    @PostMapping("/reductions/{id}/refusal")
    Booking refuseReduction(@PathVariable long id, @RequestBody Refusal refusal) {
        return reductions.refuse(id, refusal.reason(), caller().name());
    }

    @PostMapping("/bookings/{id}/refusal")
    Booking refuse(@PathVariable long id, @RequestBody Refusal refusal) {
        return staff.refuse(id, refusal.reason(), caller());
    }

    @PostMapping("/blocks")
    ResponseEntity<StaffBookings.Block> block(@RequestBody BlockRequest request) {
        if (request.unit() == null) {
            throw BookingProblem.missing("unit");
        }
        if (request.start() == null) {
            throw BookingProblem.missing("start");
        }
        if (request.end() == null) {
            throw BookingProblem.missing("end");
        }
        StaffBookings.Block block = staff.blockForOfficialUse(request.unit(), request.start().toInstant(),
                request.end().toInstant(), request.purpose(), caller());
        return ResponseEntity.created(URI.create("/api/booking/bookings/" + block.booking().id())).body(block);
    }

    @GetMapping("/displaced")
    Map<String, Object> displaced() {
        return Map.of("displaced", staff.displaced(), "who", names());
    }

    @PostMapping("/displaced/{id}/move")
    Booking move(@PathVariable long id, @RequestBody MoveRequest request) {
        if (request.start() == null) {
            throw BookingProblem.missing("start");
        }
        if (request.end() == null) {
            throw BookingProblem.missing("end");
        }
        return staff.move(id, request.start().toInstant(), request.end().toInstant(), caller());
    }

    @GetMapping("/groups")
    Map<String, List<GroupVerifications.Group>> groups() {
        return Map.of("groups", groups.groups());
    }

    @PutMapping("/groups/{id}/verification")
    GroupVerifications.Group verify(@PathVariable long id) {
        return groups.verify(id, caller());
    }

    @GetMapping("/reports/{month}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String month) throws IOException {
        MonthlyUsage.Report report = usage.of(month(month));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UsageReportFiles.writeWorkbook(report, out);
        return download(out.toByteArray(), UsageReportFiles.baseName(report) + ".xlsx", MediaType.parseMediaType(UsageReportMail.XLSX));
    }

    @GetMapping("/reports/{month}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month) throws IOException {
        MonthlyUsage.Report report = usage.of(month(month));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UsageReportFiles.writeCsv(report, out);
        return download(out.toByteArray(), UsageReportFiles.baseName(report) + ".csv",
                new MediaType("text", "csv", UsageReportFiles.SHIFT_JIS));
    }

    @GetMapping("/reports/{month}")
    MonthlyUsage.Report report(@PathVariable String month) {
        return usage.of(month(month));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private List<Named> named(List<Booking> list) {
        Map<Long, String> names = names();
        return list.stream().map(b -> new Named(b, names.get(b.accountId()))).toList();
    }

    /** Residents' names as staff lists show them: the group's name for a group registration. */
    private Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Resident resident : residents.list()) {
            names.put(resident.id(), resident.groupName() == null ? resident.displayName()
                    : resident.groupName() + "（" + resident.displayName() + "）");
        }
        return names;
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw BookingProblem.invalid("month", new Label("年月は 2026-12 の形で指定してください。", "write the month as 2026-12."));
        }
    }

    private static Identity caller() {
        return Identity.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow(BookingProblem::notSignedIn);
    }
}
