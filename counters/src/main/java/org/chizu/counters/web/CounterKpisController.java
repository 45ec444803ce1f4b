package org.chizu.counters.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;

import org.chizu.counters.CounterKpis;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The counters' figures for staff (under /staff/**, staff only), as JSON and as CSV for a spreadsheet. */
@RestController
class CounterKpisController {

    private final CounterKpis kpis;

    CounterKpisController(CounterKpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/staff/api/counters/kpis")
    Map<String, Object> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first = RequestDates.day("from", from);
        LocalDate last = RequestDates.day("to", to);
        return Map.of("from", first, "to", last, "days", kpis.days(first, last), "hours", kpis.hours(first, last),
                "vanVisits", kpis.vanVisits(first, last));
    }

    /** One row per office, service and day; UTF-8 with a byte order mark, so that Excel reads the Japanese. */
    @GetMapping(path = "/staff/api/counters/kpis.csv", produces = "text/csv;charset=UTF-8")
    String csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StringWriter out = Csv.start("office,service,day,tickets,called,wait_minutes,counter_minutes");
        for (CounterKpis.Day day : kpis.days(RequestDates.day("from", from), RequestDates.day("to", to))) {
            out.write(String.join(",", day.office(), day.service(), day.day().toString(), Integer.toString(day.tickets()),
                    Integer.toString(day.called()), orEmpty(day.waitMinutes()), orEmpty(day.counterMinutes())) + "\r\n");
        }
        return out.toString();
    }

    /** Tickets taken per office and hour of the day (the town's time) over the days asked, as CSV. */
    @GetMapping(path = "/staff/api/counters/kpis-hours.csv", produces = "text/csv;charset=UTF-8")
    String hoursCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StringWriter out = Csv.start("office,hour,tickets");
        for (CounterKpis.Hour hour : kpis.hours(RequestDates.day("from", from), RequestDates.day("to", to))) {
            out.write(hour.office() + "," + hour.hour() + "," + hour.tickets() + "\r\n");
        }
        return out.toString();
    }

    /** One row per van stop visited on a day, with the people served there. */
    @GetMapping(path = "/staff/api/counters/kpis/van.csv", produces = "text/csv;charset=UTF-8")
    String vanCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        StringWriter out = Csv.start("route,stop,place,day,arrived_at,served");
        for (CounterKpis.VanVisit visit : kpis.vanVisits(RequestDates.day("from", from), RequestDates.day("to", to))) {
            out.write(String.join(",", visit.route(), Long.toString(visit.stop()), Csv.quoted(visit.place()), visit.day().toString(),
                    visit.arrivedAt().toString(), Integer.toString(visit.served())) + "\r\n");
        }
        return out.toString();
    }

    private static String orEmpty(Double value) {
        return value == null ? "" : value.toString();
    }
}
