package org.chizu.booking;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Monthly lotteries (抽選) for units that go by lottery: opened for a month by staff or by the
 * schedule ({@link LotteryCycle}), verified people and verified groups enter for slots during its
 * application period (one entry per applicant and slot, at most {@code maxEntries} each), and the
 * draw ({@link LotteryDraw}) gives each slot to one entry. A lottery commits to its seed when it
 * opens (the SHA-256 {@code commitment} is published, the seed sealed) and reveals it at the draw.
 * Winners' slots are held for them until {@code confirmBy}; unconfirmed, they are released, and
 * the month's leftovers go first-come-first-served. Applicants are told by e-mail ({@link LotteryMail}).
 */
@Service
public class Lotteries {

    private static final Logger log = LoggerFactory.getLogger(Lotteries.class);
    private static final String LOTTERY = """
            select id, month, applications_open, applications_close, confirm_by, max_entries, seed, drawn_at, commitment, groups_only
            from booking_lottery""";
    private static final String ENTRY_COLUMNS =
            "id, lottery_id, unit_id, lower(period) as starts, upper(period) as ends, priority, weight, fee_yen, won, booking_id";
    private static final String ENTRY = "select " + ENTRY_COLUMNS + " from booking_lottery_entry";
    /** An entry with what only its applicant sees: for which group, and the quote with its reduction. */
    private static final String OWN_ENTRY = "select " + ENTRY_COLUMNS + ", organisation_id, quote from booking_lottery_entry";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BookableUnits units;
    private final BookingRules rules;
    private final BookingUsers users;
    private final Fees fees;
    private final BookingProperties properties;
    private final BookingGroups groups;
    private final LotteryMail mail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public Lotteries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BookableUnits units, BookingRules rules,
                     BookingUsers users, Fees fees, BookingProperties properties, BookingGroups groups,
                     LotteryMail mail) {
        this(jdbc, transactionManager, units, rules, users, fees, properties, groups, mail, Clock.systemUTC());
    }

    Lotteries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BookableUnits units, BookingRules rules,
              BookingUsers users, Fees fees, BookingProperties properties, BookingGroups groups, LotteryMail mail,
              Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.units = units;
        this.rules = rules;
        this.users = users;
        this.fees = fees;
        this.properties = properties;
        this.groups = groups;
        this.mail = mail;
        this.clock = clock;
    }

    /** What is published of a lottery: itself, its entries, and once drawn what was blocked and the draw's log. */
    public record Published(Lottery lottery, String algorithm, List<Lottery.Entry> entries, List<LotteryDraw.Blocked> blocked,
                            List<LotteryDraw.Outcome> log) {
    }

    /** Staff open a month's lottery, with a random seed. */
    public Lottery open(YearMonth month, Instant applicationsOpen, Instant applicationsClose, Instant confirmBy, int maxEntries) {
        return open(new LotteryCalendar.Opening(month, applicationsOpen, applicationsClose, confirmBy, maxEntries), null, false);
    }

    /**
     * Staff open a month's lottery, committing to the seed given (say, numbers drawn in public before
     * the period opens and kept sealed) or to a random one.
     *
     * @param groupsOnly whether only verified groups may enter
     * @throws BookingProblem 409 when the month has a lottery already
     */
    public Lottery open(LotteryCalendar.Opening opening, String seed, boolean groupsOnly) {
        return insert(opening, seed, groupsOnly, "staff").orElseThrow(() -> BookingProblem.lotteryExists(opening.month()));
    }

    /**
     * The schedule opens the month's lottery unless it has one, or none of the units goes by lottery;
     * however many processes try at once, the month's unique key lets one insert it.
     *
     * @return the lottery opened by this call
     */
    Optional<Lottery> openScheduled(LotteryCalendar.Opening opening) {
        if (jdbc.queryForList("select 1 from booking_unit where by_lottery limit 1", Integer.class).isEmpty()) {
            return Optional.empty();
        }
        return insert(opening, null, false, "schedule");
    }

    private Optional<Lottery> insert(LotteryCalendar.Opening opening, String seed, boolean groupsOnly, String openedBy) {
        String sealed = seed == null || seed.isBlank() ? HexFormat.of().formatHex(randomSeed()) : seed;
        List<Long> id = jdbc.queryForList("""
                insert into booking_lottery (month, applications_open, applications_close, confirm_by, max_entries,
                                             commitment, sealed_seed, groups_only, opened_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (month) do nothing returning id""", Long.class,
                opening.month().atDay(1), Timestamp.from(opening.applicationsOpen()), Timestamp.from(opening.applicationsClose()),
                Timestamp.from(opening.confirmBy()), opening.maxEntries(), LotteryDraw.commitment(sealed), sealed, groupsOnly, openedBy);
        id.forEach(opened -> log.info("lottery {} for {} opened by {}, committed to seed sha256 {}", opened, opening.month(), openedBy,
                LotteryDraw.commitment(sealed)));
        return id.stream().findFirst().map(this::find);
    }

    /** @throws BookingProblem 404 for an unknown lottery */
    public Lottery find(long lotteryId) {
        return jdbc.query(LOTTERY + " where id = ?", Lotteries::lottery, lotteryId).stream().findFirst()
                .orElseThrow(() -> BookingProblem.unknownLottery(lotteryId));
    }

    public List<Lottery> list() {
        return jdbc.query(LOTTERY + " order by month desc", Lotteries::lottery);
    }

    /** {@link #enter(long, Bookings.SlotRequest, String)} without telling the applicant the result by e-mail. */
    public Lottery.Entry enter(long lotteryId, Bookings.SlotRequest request) {
        return enter(lotteryId, request, null);
    }

    /**
     * Enters the request's slot in the lottery, for the person or the group. A group registration
     * enters only once staff verified it, and then as a group. The fee is quoted now by the same
     * rules as a hold and fixed if the entry wins.
     *
     * @param notifyTo where to mail the results, or null
     * @throws BookingProblem 403 for an unverified person or group, 409 outside the application period,
     *                        for a second entry for one slot or past the entries allowed, 422 for a slot
     *                        not in the lottery, one the unit's rules refuse, or by a person where only
     *                        groups may enter
     */
    public Lottery.Entry enter(long lotteryId, Bookings.SlotRequest request, String notifyTo) {
        Lottery lottery = find(lotteryId);
        Instant now = clock.instant();
        if (now.isBefore(lottery.applicationsOpen()) || !now.isBefore(lottery.applicationsClose())) {
            throw BookingProblem.notInApplicationPeriod(lottery);
        }
        GroupStanding standing = groups.of(request);
        if (standing == GroupStanding.UNVERIFIED_GROUP) {
            throw BookingProblem.groupNotVerified();
        }
        if (users.find(request.accountId()).filter(BookingUsers.Registration::verified).isEmpty()) {
            throw BookingProblem.notVerified();
        }
        BookableUnit unit = units.find(request.unitId());
        if (!unit.byLottery() || !YearMonth.from(LocalDate.ofInstant(request.start(), properties.zone())).equals(lottery.month())) {
            throw BookingProblem.notInLotteryMonth(lottery, unit.id());
        }
        if (lottery.groupsOnly()) {
            standing.requireGroup(BookingProblem.lotteryForGroupsOnly(lotteryId));
        }
        if (unit.groupsOnly()) {
            standing.requireGroup(BookingProblem.forGroupsOnly(unit.id()));
        }
        FeeClass feeClass = users.feeClass(request.accountId(), unit);
        rules.check(unit, request.start(), request.end(), feeClass, now);
        Quote quote = fees.quote(unit, request.start(), request.end(), feeClass, request.extras(), request.reduction(), standing);
        String basis = standing == GroupStanding.GROUP ? "group" : feeClass.id();
        String applicant = request.organisationId() != null ? "group:" + request.organisationId() : "person:" + request.accountId();
        try {
            Long id = transactions.execute(status -> {
                jdbc.queryForObject("select id from booking_lottery where id = ? for update", Long.class, lotteryId);
                int entered = jdbc.queryForObject("select count(*) from booking_lottery_entry where lottery_id = ? and applicant = ?",
                        Integer.class, lotteryId, applicant);
                if (entered >= lottery.maxEntries()) {
                    throw BookingProblem.tooManyEntries(lotteryId, lottery.maxEntries());
                }
                return jdbc.queryForObject("""
                        insert into booking_lottery_entry (lottery_id, unit_id, period, account_id, organisation_id, applicant,
                                                           fee_class, fee_yen, quote, priority, weight, notify_to)
                        select ?, ?, tstzrange(?, ?), ?, ?, ?, ?, ?, cast(? as jsonb), w.priority, w.weight, ?
                        from booking_lottery_weight w where w.basis = ?
                        returning id""", Long.class, lotteryId, unit.id(), utc(request.start()), utc(request.end()),
                        request.accountId(), request.organisationId(), applicant, feeClass.id(), quote.totalYen(), BookingJson.write(quote),
                        notifyTo, basis);
            });
            return entryById(id);
        } catch (DuplicateKeyException e) {
            throw BookingProblem.alreadyEntered(lotteryId);
        }
    }

    /** The account's entries in all lotteries, newest lottery first. */
    public List<Lottery.OwnEntry> entriesOf(long accountId) {
        return jdbc.query(OWN_ENTRY + " where account_id = ? order by lottery_id desc, id",
                (rs, n) -> new Lottery.OwnEntry(entry(rs, n), (Long) rs.getObject("organisation_id"),
                        BookingJson.read(rs.getString("quote"), Quote.class).reduction()), accountId);
    }

    /** The account's entry in the lottery, if it has it. */
    public Optional<Lottery.Entry> entryOf(long lotteryId, long entryId, long accountId) {
        return jdbc.query(ENTRY + " where id = ? and lottery_id = ? and account_id = ?", this::entry, entryId, lotteryId, accountId)
                .stream().findFirst();
    }

    /** What a draw did: the lottery with its seed now published, how many entered and won. */
    public record Drawn(Lottery lottery, int entries, int winners) {
    }

    /**
     * Draws the lottery once its applications have closed, with the seed it committed to (a seed
     * given must be that one) or, for a lottery opened before seeds were committed, the seed given
     * or a random one, and holds each winner's slot until {@code confirmBy}. The whole draw is then
     * {@link #published}.
     *
     * @throws BookingProblem 409 while applications are open, once drawn, or for a seed other than the committed one
     */
    public Drawn draw(long lotteryId, String seed) {
        return transactions.execute(status -> {
            Lottery lottery = jdbc.query(LOTTERY + " where id = ? for update", Lotteries::lottery, lotteryId).stream().findFirst()
                    .orElseThrow(() -> BookingProblem.unknownLottery(lotteryId));
            if (lottery.drawn()) {
                throw BookingProblem.alreadyDrawn(lotteryId);
            }
            if (clock.instant().isBefore(lottery.applicationsClose())) {
                throw BookingProblem.notInApplicationPeriod(lottery);
            }
            return drawLocked(lottery, seed);
        });
    }

    /**
     * The schedule draws the lottery if it is due and nobody drew it: a lottery another process is
     * drawing is skipped, not waited for, and one drawn is left alone.
     *
     * @return the draw made by this call
     */
    Optional<Drawn> drawIfDue(long lotteryId) {
        return transactions.execute(status -> jdbc.query(LOTTERY
                + " where id = ? and drawn_at is null and applications_close <= ? for update skip locked",
                Lotteries::lottery, lotteryId, Timestamp.from(clock.instant())).stream().findFirst().map(lottery -> drawLocked(lottery, null)));
    }

    /** Lotteries whose applications have closed and that are not drawn. */
    List<Long> dueForDraw() {
        return jdbc.queryForList("select id from booking_lottery where drawn_at is null and applications_close <= ? order by month",
                Long.class, Timestamp.from(clock.instant()));
    }

    private Drawn drawLocked(Lottery lottery, String seed) {
        long lotteryId = lottery.id();
        String drawnSeed = drawnSeed(lottery, seed);
        List<LotteryDraw.Entry> entries = drawEntries(lotteryId);
        List<LotteryDraw.Blocked> blocked = blocked(lottery);
        List<LotteryDraw.Outcome> outcomes = LotteryDraw.draw(drawnSeed, entries, blocked);
        Long[] winners = outcomes.stream().filter(LotteryDraw.Outcome::won).map(LotteryDraw.Outcome::entryId).toArray(Long[]::new);
        // Each winner's booking id is drawn from the sequence first, so the entry learns it without a join on periods;
        // a winner whose quote claims a reduction that needs approval asks staff for it in the same statement.
        jdbc.update("""
                with winner as materialized (
                    select e.*, nextval(pg_get_serial_sequence('booking', 'id')) as new_booking
                    from booking_lottery_entry e join unnest(?) w(id) on w.id = e.id
                    where e.lottery_id = ? order by e.id
                ), booked as (
                    insert into booking (id, unit_id, account_id, period, state, held_until, organisation_id, fee_class, fee_yen, quote)
                    overriding system value
                    select new_booking, unit_id, account_id, period, 'held', ?, organisation_id, fee_class, fee_yen, quote from winner
                    returning id, quote
                ), reduction_requested as (
                    insert into booking_reduction_request (booking_id, code)
                    select id, quote -> 'reduction' ->> 'code' from booked where quote -> 'reduction' ->> 'decision' = 'pending'
                )
                update booking_lottery_entry e set won = true, booking_id = winner.new_booking from winner where e.id = winner.id""",
                winners, lotteryId, Timestamp.from(lottery.confirmBy()));
        jdbc.update("update booking_lottery_entry set won = false where lottery_id = ? and won is null", lotteryId);
        jdbc.update("update booking_lottery set seed = ?, sealed_seed = null, blocked = cast(? as jsonb), drawn_at = now() where id = ?",
                drawnSeed, BookingJson.write(blocked), lotteryId);
        Lottery drawn = find(lotteryId);
        mail.results(drawn);
        log.info("lottery {} for {} drawn: {} entries, {} winners", lotteryId, lottery.month(), entries.size(), winners.length);
        return new Drawn(drawn, entries.size(), winners.length);
    }

    private String drawnSeed(Lottery lottery, String seed) {
        boolean given = seed != null && !seed.isBlank();
        if (lottery.commitment() == null) {
            return given ? seed : HexFormat.of().formatHex(randomSeed());
        }
        String sealed = jdbc.queryForObject("select sealed_seed from booking_lottery where id = ?", String.class, lottery.id());
        if (given && !seed.equals(sealed)) {
            throw BookingProblem.seedNotCommitted(lottery.id(), lottery.commitment());
        }
        return sealed;
    }

    /**
     * Releases the slots of the lottery's winners who did not confirm by its deadline, once, and
     * tells them; the slots are then anyone's, first come first served.
     *
     * @return the bookings released by this call; empty when it is not due or another call released them
     */
    List<Long> releaseIfDue(long lotteryId) {
        return transactions.execute(status -> jdbc.query(LOTTERY
                + " where id = ? and drawn_at is not null and released_at is null and confirm_by <= ? for update skip locked",
                Lotteries::lottery, lotteryId, Timestamp.from(clock.instant())).stream().findFirst().map(lottery -> {
                    List<Long> released = jdbc.queryForList("""
                            update booking b set state = 'expired', held_until = null, changed_at = now()
                            from booking_lottery_entry e
                            where e.lottery_id = ? and e.won and e.booking_id = b.id
                              and (b.state = 'held' or b.state = 'expired'
                                   and not exists (select 1 from booking_payment p where p.booking_id = b.id))
                            returning b.id""", Long.class, lotteryId);
                    jdbc.update("update booking_lottery set released_at = now() where id = ?", lotteryId);
                    mail.released(lottery, released);
                    log.info("lottery {} for {}: {} unconfirmed winners released", lotteryId, lottery.month(), released.size());
                    return released;
                }).orElse(List.of()));
    }

    /** Drawn lotteries whose winners' deadline passed and whose unconfirmed slots are not released yet. */
    List<Long> dueForRelease() {
        return jdbc.queryForList("""
                select id from booking_lottery where drawn_at is not null and released_at is null and confirm_by <= ? order by month""",
                Long.class, Timestamp.from(clock.instant()));
    }

    /** The lottery as published; before the draw, without seed, blocked periods or log. */
    public Published published(long lotteryId) {
        Lottery lottery = find(lotteryId);
        List<Lottery.Entry> entries = jdbc.query(ENTRY + " where lottery_id = ? order by id", this::entry, lotteryId);
        if (!lottery.drawn()) {
            return new Published(lottery, LotteryDraw.ALGORITHM, entries, List.of(), List.of());
        }
        List<LotteryDraw.Blocked> blocked = List.of(BookingJson.read(jdbc.queryForObject("select blocked from booking_lottery where id = ?",
                String.class, lotteryId), LotteryDraw.Blocked[].class));
        return new Published(lottery, LotteryDraw.ALGORITHM, entries, blocked,
                LotteryDraw.draw(lottery.seed(), drawEntries(lotteryId), blocked));
    }

    private List<LotteryDraw.Entry> drawEntries(long lotteryId) {
        return jdbc.query("""
                select id, unit_id, lower(period) as starts, upper(period) as ends, priority, weight
                from booking_lottery_entry where lottery_id = ? order by id""",
                (rs, n) -> new LotteryDraw.Entry(rs.getLong("id"), rs.getLong("unit_id"), rs.getTimestamp("starts").toInstant(),
                        rs.getTimestamp("ends").toInstant(), rs.getInt("priority"), rs.getInt("weight")), lotteryId);
    }

    /** Live bookings of the lottery's units in its month when it is drawn. */
    private List<LotteryDraw.Blocked> blocked(Lottery lottery) {
        return jdbc.query("""
                select b.unit_id, lower(b.period) as starts, upper(b.period) as ends
                from booking b join booking_unit u on u.id = b.unit_id and u.by_lottery
                where b.state in ('held', 'applied', 'confirmed') and (b.state <> 'held' or b.held_until > now())
                  and b.period && tstzrange(cast(? as timestamp) at time zone ?, cast(? as timestamp) at time zone ?)
                order by b.unit_id, lower(b.period)""",
                (rs, n) -> new LotteryDraw.Blocked(rs.getLong("unit_id"), rs.getTimestamp("starts").toInstant(),
                        rs.getTimestamp("ends").toInstant()),
                lottery.month().atDay(1).atStartOfDay(), properties.zone().getId(),
                lottery.month().plusMonths(1).atDay(1).atStartOfDay(), properties.zone().getId());
    }

    private Lottery.Entry entryById(long id) {
        return jdbc.query(ENTRY + " where id = ?", this::entry, id).getFirst();
    }

    private Lottery.Entry entry(ResultSet rs, int n) throws SQLException {
        return new Lottery.Entry(rs.getLong("id"), rs.getLong("lottery_id"), rs.getLong("unit_id"),
                local(rs.getTimestamp("starts").toInstant()), local(rs.getTimestamp("ends").toInstant()), rs.getInt("priority"),
                rs.getInt("weight"), rs.getInt("fee_yen"), (Boolean) rs.getObject("won"), (Long) rs.getObject("booking_id"));
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(properties.zone()).toOffsetDateTime();
    }

    private byte[] randomSeed() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return seed;
    }

    private static Lottery lottery(ResultSet rs, int n) throws SQLException {
        Timestamp drawnAt = rs.getTimestamp("drawn_at");
        return new Lottery(rs.getLong("id"), YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getTimestamp("applications_open").toInstant(), rs.getTimestamp("applications_close").toInstant(),
                rs.getTimestamp("confirm_by").toInstant(), rs.getInt("max_entries"), rs.getString("seed"),
                drawnAt == null ? null : drawnAt.toInstant(), rs.getString("commitment"), rs.getBoolean("groups_only"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }


}
