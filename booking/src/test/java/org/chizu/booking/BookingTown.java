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
    final Bookings bookings;
    final Availability availability;
    final BookingNotices notices;
    final StaffBookings staff;
    final MonthlyUsage usage;

    BookingTown() throws Exception {
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
        BookingProperties properties = BookingProperties.defaults();
        BookingRules rules = new BookingRules(properties);
        units = new BookableUnits(new NamedParameterJdbcTemplate(dataSource));
        bookings = new Bookings(jdbc, new DataSourceTransactionManager(dataSource), units, rules, properties, NOW);
        availability = new Availability(new NamedParameterJdbcTemplate(dataSource), units, rules, properties, NOW);
        notices = new BookingNotices(jdbc);
        staff = new StaffBookings(jdbc, new DataSourceTransactionManager(dataSource), bookings, units, notices);
        usage = new MonthlyUsage(jdbc, units, availability, properties);
    }

    /** A time in Japan, "2027-01-04T10:00". */
    static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(JAPAN).toInstant();
    }

    DataSource dataSource() {
        return dataSource;
    }
}
