package org.chizu.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.chizu.platform.testing.TestDatabase;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A migrated database with {@code booking-town.sql}'s two units, and booking's services on it as the
 * application wires them, at a fixed "now": Monday 7 December 2026, 09:00 in Japan.
 */
final class BookingTown {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final Clock NOW = Clock.fixed(at("2026-12-07T09:00"), JAPAN);
    /** 大会議室: Monday to Saturday, closed on holidays, by the hour, three hours at most. */
    static final long HALL = 1;
    /** アリーナ: every day, holidays too; staff approve each booking. */
    static final long ARENA = 2;

    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final BookableUnits units;
    final BookingProperties properties = BookingProperties.defaults();
    final BookingRules rules = new BookingRules(properties);
    final BookingUsers users;
    final Fees fees;
    final Payments payments;
    final Bookings bookings;
    final Availability availability;
    final BookingNotices notices;
    final StaffBookings staff;
    final MonthlyUsage usage;

    /** The town without an online payment provider. */
    BookingTown() throws Exception {
        this(new PaymentProperties(null, null, null, null));
    }

    /** The town paying online through the provider these properties name. */
    BookingTown(PaymentProperties payment) throws Exception {
        TestDatabase database = TestDatabase.migrated();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(40);
        dataSource = new HikariDataSource(pool);
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("booking-town.sql"));
        }
        jdbc = new JdbcTemplate(dataSource);
        units = new BookableUnits(new NamedParameterJdbcTemplate(dataSource));
        users = new BookingUsers(jdbc);
        fees = new Fees(jdbc, properties);
        HttpPaymentProvider provider = new HttpPaymentProvider(payment);
        payments = new Payments(jdbc, transactions(), provider, new ExtraPayments(jdbc, provider), payment, properties, NOW);
        LotteryCalendar lotteries = new LotteryCalendar(jdbc, properties);
        bookings = new Bookings(jdbc, transactions(), units, rules, properties, users, fees, payments, lotteries, NOW);
        availability = new Availability(new NamedParameterJdbcTemplate(dataSource), units, rules, properties, lotteries, NOW);
        notices = new BookingNotices(jdbc);
        staff = new StaffBookings(jdbc, transactions(), bookings, units, notices);
        usage = new MonthlyUsage(jdbc, units, availability, properties);
    }

    /** Lotteries as they stand at the clock's time. */
    Lotteries lotteriesAt(Clock clock) {
        return new Lotteries(jdbc, transactions(), units, rules, users, fees, properties, clock);
    }

    /** Confirming use after bookings as it stands at the clock's time. */
    AfterUse afterUseAt(Clock clock) {
        return new AfterUse(jdbc, bookings, units, users, fees, clock);
    }

    /** The account registered as living in the town, verified by staff. */
    void verifiedResident(long accountId) {
        users.register(accountId, Residency.RESIDENT);
        users.verify(accountId);
    }

    DataSourceTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }

    /** A time in Japan, "2027-01-04T10:00". */
    static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(JAPAN).toInstant();
    }

    DataSource dataSource() {
        return dataSource;
    }
}
