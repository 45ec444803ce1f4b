package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The storage API on real PostGIS: batches, latest values, partitions and features of interest. */
class ObservationsTest {

    static JdbcTemplate jdbc;
    static ObservationPartitions partitions;
    static Observations observations;
    static TransactionTemplate transaction;
    static final List<Object> published = new ArrayList<>();
    long riverLevel;

    @BeforeAll
    static void storage() {
        TestDatabase database = TestDatabase.migrated();
        jdbc = new JdbcTemplate(database.dataSource());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database.dataSource());
        transaction = new TransactionTemplate(transactions);
        partitions = new ObservationPartitions(jdbc, transactions);
        observations = new Observations(jdbc, new ObservationRows(jdbc, partitions), published::add);
    }

    /** Each test reads a river gauge of its own. */
    @BeforeEach
    void aRiverGauge() {
        long thing = jdbc.queryForObject("insert into sta_thing (name) values ('高津川 水位計 1') returning id", Long.class);
        long location = jdbc.queryForObject("""
                insert into sta_location (name, location) values ('高津川 橋', st_setsrid(st_point(131.84, 34.67), 4326)) returning id""", Long.class);
        jdbc.update("insert into sta_thing_location values (?, ?)", thing, location);
        long sensor = jdbc.queryForObject("insert into sta_sensor (name, encoding_type, metadata) values ('水位計', 'text/plain', 'radar') returning id", Long.class);
        long property = jdbc.queryForObject("insert into sta_observed_property (name, definition) values ('水位', 'http://example.org/water-level') returning id", Long.class);
        riverLevel = jdbc.queryForObject("""
                insert into sta_datastream (name, observation_type, unit_of_measurement, thing_id, sensor_id, observed_property_id)
                values ('高津川 水位', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', '{"name":"metre","symbol":"m"}', ?, ?, ?)
                returning id""", Long.class, thing, sensor, property);
    }

    @Test
    void theLatestValueIsTheNewestReadingWhicheverOrderTheBatchesArriveIn() {
        Instant nine = Instant.parse("2026-12-08T00:00:00Z");
        observations.append(List.of(level(nine.plusSeconds(600), 1.5), level(nine, 1.2)));
        observations.append(List.of(level(nine.plusSeconds(300), 1.4)));

        assertThat(observations.latest(riverLevel)).hasValueSatisfying(latest -> {
            assertThat(latest.phenomenonTime().start()).isEqualTo(nine.plusSeconds(600));
            assertThat(latest.result().doubleValue()).isEqualTo(1.5);
        });
        Long newer = observations.append(List.of(level(nine.plusSeconds(900), 1.7))).getFirst();
        assertThat(observations.latest(riverLevel).orElseThrow().observationId()).isEqualTo(newer);

        observations.delete(newer);
        assertThat(observations.latest(riverLevel).orElseThrow().result().doubleValue()).as("falls back to the reading before").isEqualTo(1.5);
        assertThat(jdbc.queryForObject("select phenomenon_time_start from sta_datastream where id = ?", java.time.OffsetDateTime.class, riverLevel)
                .toInstant()).isBeforeOrEqualTo(nine);
    }

    @Test
    void readingsLandInTheirMonthsPartitionAndAFarFutureOneInTheDefaultPartition() {
        Instant lastYear = Instant.parse("2025-07-14T03:00:00Z");
        Instant farFuture = Instant.parse("2099-01-01T00:00:00Z");

        List<Long> ids = observations.append(List.of(level(lastYear, 0.8), level(farFuture, 9.9)));

        assertThat(partitionHolding(ids.get(0))).isEqualTo("sta_observation_y2025m07");
        assertThat(partitionHolding(ids.get(1))).isEqualTo("sta_observation_default");
        partitions.ensure(YearMonth.of(2099, 1));
        assertThat(partitionHolding(ids.get(1))).as("moved out of the default partition").isEqualTo("sta_observation_y2099m01");
        YearMonth ahead = YearMonth.now(ZoneOffset.UTC).plusMonths(ObservationPartitions.MONTHS_AHEAD);
        assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                "sta_observation_y%04dm%02d".formatted(ahead.getYear(), ahead.getMonthValue()))).as("made ahead by the migration").isTrue();
    }

    @Test
    void aReadingWithoutFeatureOfInterestIsObservedAtItsThingsLocationWithOneFeatureForThatLocation() {
        List<Long> ids = observations.append(List.of(level(Instant.parse("2026-11-02T00:00:00Z"), 1.0),
                level(Instant.parse("2026-11-02T00:10:00Z"), 1.1)));

        List<Long> features = ids.stream().map(id -> jdbc.queryForObject("select feature_of_interest_id from sta_observation where id = ?",
                Long.class, id)).distinct().toList();
        assertThat(features).hasSize(1);
        assertThat(jdbc.queryForObject("select st_astext(feature) from sta_feature_of_interest where id = ?", String.class, features.getFirst()))
                .isEqualTo("POINT(131.84 34.67)");
        assertThat(published.getLast()).isInstanceOfSatisfying(ObservationsAppended.class, appended ->
                assertThat(appended.observations()).extracting(ObservationsAppended.Stored::id, ObservationsAppended.Stored::featureOfInterestId)
                        .containsExactly(tuple(ids.get(0), features.getFirst()),
                                tuple(ids.get(1), features.getFirst())));
    }

    @Test
    void aBatchWithAnUnknownDatastreamStoresNothing() {
        long before = jdbc.queryForObject("select count(*) from sta_observation", Long.class);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> observations.append(List.of(
                level(Instant.parse("2026-12-01T00:00:00Z"), 2.0), NewObservation.of(999_999, Instant.parse("2026-12-01T00:00:00Z"),
                        JsonNodeFactory.instance.numberNode(1))))))
                .isInstanceOf(SensorsProblem.class).hasMessageContaining("Datastreams(999999)");
        assertThat(jdbc.queryForObject("select count(*) from sta_observation", Long.class)).isEqualTo(before);
    }

    private NewObservation level(Instant time, double metres) {
        return NewObservation.of(riverLevel, time, JsonNodeFactory.instance.numberNode(metres));
    }

    private static String partitionHolding(long id) {
        return jdbc.queryForObject("select tableoid::regclass::text from sta_observation where id = ?", String.class, id);
    }
}
