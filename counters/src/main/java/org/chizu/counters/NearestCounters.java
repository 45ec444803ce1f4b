package org.chizu.counters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * "Where can I get 住民票 today?": the offices handling a service that are open today and the van's
 * stops offering it today, fastest first by travel time over the road network (pgRouting's Dijkstra
 * from one place to every counter at once), not by straight-line distance. A counter no road reaches
 * is left out.
 */
@Service
public class NearestCounters {

    private final Offices offices;
    private final OfficeCalendar calendar;
    private final VanRoutes van;
    private final TravelTimes travel;
    private final CountersProperties properties;
    private final Clock clock;

    @Autowired
    public NearestCounters(Offices offices, OfficeCalendar calendar, VanRoutes van, TravelTimes travel,
                           CountersProperties properties) {
        this(offices, calendar, van, travel, properties, Clock.systemUTC());
    }

    NearestCounters(Offices offices, OfficeCalendar calendar, VanRoutes van, TravelTimes travel,
                    CountersProperties properties, Clock clock) {
        this.offices = offices;
        this.calendar = calendar;
        this.van = van;
        this.travel = travel;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws CountersProblem 404 for an unknown service, 503 before the road network is built
     */
    public List<NearestCounter> nearest(double lon, double lat, String serviceCode) {
        offices.service(serviceCode);
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        List<NearestCounter> candidates = new ArrayList<>();
        for (Office office : offices.offering(serviceCode)) {
            OfficeDay day = calendar.day(office, today);
            if (day.open()) {
                candidates.add(new NearestCounter(office, null, day, 0));
            }
        }
        for (VanStop stop : van.servingOn(today, serviceCode)) {
            candidates.add(new NearestCounter(null, stop, new OfficeDay(today, new OpeningHours(stop.arrives(), stop.departs()),
                    null, null), 0));
        }
        List<Long> seconds = travel.from(lon, lat, candidates, NearestCounters::lon, NearestCounters::lat);
        List<NearestCounter> reachable = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            NearestCounter counter = candidates.get(i);
            if (seconds.get(i) != null) {
                reachable.add(new NearestCounter(counter.office(), counter.vanStop(), counter.today(), seconds.get(i)));
            }
        }
        reachable.sort(Comparator.comparingLong(NearestCounter::travelSeconds));
        return reachable;
    }

    private static Office.Place place(NearestCounter counter) {
        return counter.office() != null ? counter.office().place() : counter.vanStop().place();
    }

    private static double lon(NearestCounter counter) {
        return place(counter).lon();
    }

    private static double lat(NearestCounter counter) {
        return place(counter).lat();
    }
}
