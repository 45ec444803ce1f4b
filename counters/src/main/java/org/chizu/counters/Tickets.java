package org.chizu.counters;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.platform.events.LiveEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queue tickets: taken per service at a kiosk or from a phone, called by staff at their desks, and
 * followed. Every change publishes the office's {@link QueueState} on its live topic in the same
 * transaction, so boards and phones hear of it once it has committed, and announces a
 * {@link QueueChanged} in that transaction to the module's listeners (crowding, turn-near mails).
 */
@Service
public class Tickets {

    private static final String TICKET = """
            select t.id, o.code as office, s.code as service, s.prefix, t.day, t.number, t.token, t.channel, t.state, t.desk,
                   t.taken_at, t.called_at, t.service_id, t.office_id
            from counter_ticket t join counter_office o on o.id = t.office_id join counter_service s on s.id = t.service_id
            """;
    private static final int RECENT_CALLS = 8;
    private static final int LONGEST_EMAIL = 254;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Offices offices;
    private final OfficeCalendar calendar;
    private final WaitEstimates estimates;
    private final LiveEvents live;
    private final ApplicationEventPublisher events;
    private final CountersProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public Tickets(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, Offices offices,
                   OfficeCalendar calendar, LiveEvents live, ApplicationEventPublisher events, CountersProperties properties) {
        this(jdbc, transactionManager, offices, calendar, live, events, properties, Clock.systemUTC());
    }

    Tickets(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, Offices offices,
            OfficeCalendar calendar, LiveEvents live, ApplicationEventPublisher events, CountersProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.offices = offices;
        this.calendar = calendar;
        this.estimates = new WaitEstimates(jdbc, properties);
        this.live = live;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes the next ticket of a service at an office, numbered after the last one of the day.
     *
     * @param channel {@code kiosk} or {@code remote}
     * @throws CountersProblem 404 unknown office or service, 422 service not offered there or office closed
     *                         now, 403 remote tickets not offered by the office, 400 unknown channel
     */
    public TicketStatus take(String officeCode, String serviceCode, String channel) {
        return take(officeCode, serviceCode, channel, null);
    }

    /**
     * Takes a ticket as {@link #take(String, String, String)}, remembering an e-mail address to tell
     * when the turn is near ({@link TurnNearMails}).
     *
     * @param email the holder's address, or null; only for a {@code remote} ticket
     * @throws CountersProblem 400 also for an address that is not one, or given with a kiosk ticket
     */
    public TicketStatus take(String officeCode, String serviceCode, String channel, String email) {
        if (!"kiosk".equals(channel) && !"remote".equals(channel)) {
            throw CountersProblem.badChannel(channel);
        }
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (!"remote".equals(channel) || address.length() > LONGEST_EMAIL
                || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw CountersProblem.badEmail(address, channel);
        }
        Office office = offices.find(officeCode);
        // A service no office knows is a 404; one this office does not handle, a 422.
        CounterService service = office.service(serviceCode).orElseThrow(() -> {
            offices.service(serviceCode);
            return CountersProblem.notOffered(office, serviceCode);
        });
        if ("remote".equals(channel) && !office.remoteTickets()) {
            throw CountersProblem.remoteNotAllowed(office);
        }
        Instant now = clock.instant();
        var local = now.atZone(properties.zone());
        if (!calendar.isOpenAt(office, local)) {
            throw CountersProblem.closed(office, calendar.day(office, local.toLocalDate()));
        }
        String token = newToken();
        transaction.executeWithoutResult(tx -> {
            MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("office", office.id())
                    .addValue("service", service.id()).addValue("day", local.toLocalDate())
                    .addValue("token", token).addValue("channel", channel).addValue("email", address)
                    .addValue("masked", address == null ? null : TurnMail.masked(address));
            Integer number = jdbc.queryForObject("""
                    insert into counter_ticket_sequence as s (office_id, service_id, day, last_number)
                    values (:office, :service, :day, 1)
                    on conflict (office_id, service_id, day) do update set last_number = s.last_number + 1
                    returning s.last_number""", parameters, Integer.class);
            // Read while the sequence row is locked, so a later number is never taken earlier.
            Instant takenAt = clock.instant();
            jdbc.update("""
                    insert into counter_ticket (office_id, service_id, day, number, token, channel, email, email_masked, state, taken_at)
                    values (:office, :service, :day, :number, :token, :channel, :email, :masked, 'waiting', :takenAt)""",
                    parameters.addValue("number", number).addValue("takenAt", Timestamp.from(takenAt)));
            publish(office, takenAt);
        });
        return status(token);
    }

    /**
     * Calls the next ticket to a desk: the one waiting longest among the services given (all the
     * office's when none), after marking the ticket the desk was serving as served. Two desks calling
     * at once never get the same ticket.
     *
     * @return the called ticket; empty when nobody is waiting for those services
     */
    public Optional<Ticket> callNext(String officeCode, String desk, List<String> serviceCodes) {
        if (desk == null || desk.isBlank()) {
            throw CountersProblem.missing("desk");
        }
        Office office = offices.find(officeCode);
        List<Long> services = new ArrayList<>();
        for (String code : serviceCodes == null || serviceCodes.isEmpty() ? office.services().stream().map(CounterService::code).toList()
                : serviceCodes) {
            services.add(office.service(code).orElseThrow(() -> CountersProblem.notOffered(office, code)).id());
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(properties.zone()).toLocalDate();
        return transaction.execute(tx -> {
            MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("office", office.id())
                    .addValue("day", today).addValue("desk", desk.strip()).addValue("services", services)
                    .addValue("now", Timestamp.from(now));
            jdbc.update("""
                    update counter_ticket set state = 'served', finished_at = :now
                    where office_id = :office and day = :day and desk = :desk and state = 'called'""", parameters);
            // "no key update": a call changes no key, so the key-share lock of a turn-near notice
            // marking the same ticket (TurnNearMails) neither blocks it nor is blocked by it.
            List<Long> called = jdbc.queryForList("""
                    with next as (
                        select id from counter_ticket
                        where office_id = :office and day = :day and state = 'waiting' and service_id in (:services)
                        order by taken_at, id
                        limit 1
                        for no key update skip locked
                    )
                    update counter_ticket t set state = 'called', desk = :desk, called_at = :now, email = null
                    from next where t.id = next.id
                    returning t.id""", parameters, Long.class);
            publish(office, now);
            return called.stream().findFirst().map(this::ticket);
        });
    }

    /** Marks what the desk is serving as served, leaving the desk free. */
    public void finish(String officeCode, String desk) {
        Office office = offices.find(officeCode);
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("""
                    update counter_ticket set state = 'served', finished_at = :now
                    where office_id = :office and day = :day and desk = :desk and state = 'called'""",
                    new MapSqlParameterSource().addValue("office", office.id()).addValue("desk", desk)
                            .addValue("day", now.atZone(properties.zone()).toLocalDate()).addValue("now", Timestamp.from(now)));
            publish(office, now);
        });
    }

    /**
     * The ticket with its place in the queue and expected wait.
     *
     * @throws CountersProblem 404 when no ticket has this token
     */
    public TicketStatus status(String token) {
        List<TicketRow> rows = jdbc.query(TICKET + " where t.token = :token", new MapSqlParameterSource("token", token), this::row);
        if (rows.isEmpty()) {
            throw CountersProblem.unknownTicket();
        }
        TicketRow row = rows.getFirst();
        Office office = offices.find(row.ticket().office());
        CounterService service = office.service(row.ticket().service()).orElseThrow();
        int ahead = 0;
        if (row.ticket().waiting()) {
            ahead = jdbc.queryForObject("""
                    select count(*) from counter_ticket
                    where office_id = :office and service_id = :service and day = :day and state = 'waiting'
                      and (taken_at, id) < (select taken_at, id from counter_ticket where id = :id)""",
                    new MapSqlParameterSource().addValue("office", row.officeId()).addValue("service", row.serviceId())
                            .addValue("day", row.ticket().day()).addValue("id", row.ticket().id()), Integer.class);
        }
        double minutes = estimates.minutesPerTicket(office.id(), List.of(service), clock.instant()).get(service.id());
        return new TicketStatus(row.ticket(), office.name(), service.name(), ahead,
                row.ticket().waiting() ? (int) Math.ceil(ahead * minutes) : 0,
                row.ticket().waiting() && ahead <= properties.noticeAhead(), properties.noticeAhead(), office.topic(), minutes,
                turnMail(row.ticket().id()));
    }

    private TurnMail turnMail(long ticketId) {
        return jdbc.query("""
                select t.email_masked, n.queued_at from counter_ticket t
                left join counter_ticket_near_notice n on n.ticket_id = t.id
                where t.id = :id and t.email_masked is not null""", new MapSqlParameterSource("id", ticketId),
                (rs, n) -> {
                    Timestamp queued = rs.getTimestamp("queued_at");
                    return new TurnMail(rs.getString("email_masked"), queued == null ? null : local(queued));
                }).stream().findFirst().orElse(null);
    }

    /** The office's queue today, as boards and phones show it. */
    public QueueState queue(String officeCode) {
        return queue(offices.find(officeCode), clock.instant());
    }

    private QueueState queue(Office office, Instant now) {
        LocalDate today = now.atZone(properties.zone()).toLocalDate();
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("office", office.id()).addValue("day", today)
                .addValue("recent", RECENT_CALLS);
        List<Ticket> open = jdbc.query(TICKET + """
                 where t.office_id = :office and t.day = :day and t.state in ('waiting', 'called')
                 order by t.taken_at, t.id""", parameters, (rs, n) -> row(rs, n).ticket());
        List<QueueState.Call> calls = jdbc.query(TICKET + """
                 where t.office_id = :office and t.day = :day and t.called_at is not null
                 order by t.called_at desc, t.id desc limit :recent""", parameters, (rs, n) -> call(row(rs, n).ticket()));
        List<QueueState.Call> serving = open.stream().filter(ticket -> "called".equals(ticket.state()))
                .sorted((a, b) -> b.calledAt().compareTo(a.calledAt())).map(Tickets::call).toList();
        Map<Long, Double> minutes = estimates.minutesPerTicket(office.id(), office.services(), now);
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        open.stream().filter(Ticket::waiting)
                .forEach(ticket -> waiting.computeIfAbsent(ticket.service(), code -> new ArrayList<>()).add(ticket.number()));
        List<QueueState.ServiceQueue> queues = office.services().stream().map(service -> new QueueState.ServiceQueue(
                service.code(), service.name(), List.copyOf(waiting.getOrDefault(service.code(), List.of())),
                minutes.get(service.id()))).toList();
        return new QueueState(office.code(), OffsetDateTime.ofInstant(now, properties.zone()), serving, calls, queues);
    }

    private void publish(Office office, Instant now) {
        QueueState queue = queue(office, now);
        live.publish(office.topic(), queue);
        events.publishEvent(new QueueChanged(office, queue, now));
    }

    private Ticket ticket(long id) {
        return jdbc.query(TICKET + " where t.id = :id", new MapSqlParameterSource("id", id), this::row).getFirst().ticket();
    }

    private static QueueState.Call call(Ticket ticket) {
        return new QueueState.Call(ticket.number(), ticket.service(), ticket.desk(), ticket.calledAt());
    }

    private String newToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record TicketRow(Ticket ticket, long officeId, long serviceId) {
    }

    private TicketRow row(ResultSet rs, int n) throws SQLException {
        Timestamp called = rs.getTimestamp("called_at");
        return new TicketRow(new Ticket(rs.getLong("id"), rs.getString("office"), rs.getString("service"),
                rs.getObject("day", LocalDate.class), rs.getString("prefix") + rs.getInt("number"), rs.getInt("number"),
                rs.getString("token"), rs.getString("channel"), rs.getString("state"), rs.getString("desk"),
                local(rs.getTimestamp("taken_at")), called == null ? null : local(called)),
                rs.getLong("office_id"), rs.getLong("service_id"));
    }

    private OffsetDateTime local(Timestamp timestamp) {
        return OffsetDateTime.ofInstant(timestamp.toInstant(), properties.zone());
    }
}
