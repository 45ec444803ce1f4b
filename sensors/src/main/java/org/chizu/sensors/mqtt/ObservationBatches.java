package org.chizu.sensors.mqtt;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.sensors.MultiObservations;
import org.chizu.sensors.NewMultiObservation;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.ObservationStream;
import org.chizu.sensors.Observations;
import org.chizu.sensors.Reading;
import org.chizu.sensors.SensorsProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of published observations in one transaction, leaving out those already stored:
 * QoS 1 delivers a message again when its acknowledgement was lost (Chizu stopped after the commit,
 * say), and such a message has the same datastream (or MultiDatastream), phenomenon time, result time and result. A
 * message that cannot be stored (not JSON, an unknown datastream) is refused alone: the batch is
 * halved until the refused ones are found, and the others are stored.
 */
@Component
class ObservationBatches {

    private static final Logger log = LoggerFactory.getLogger(ObservationBatches.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of a batch's messages; each is then acknowledged. */
    record Outcome(int stored, int redelivered, int refused) {
    }

    private final Observations observations;
    private final MultiObservations multiObservations;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ObservationBatches(Observations observations, MultiObservations multiObservations, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.observations = observations;
        this.multiObservations = multiObservations;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @throws org.springframework.dao.DataAccessException when the database cannot be written; nothing is stored then */
    Outcome store(List<ReceivedMessage> messages) {
        List<Reading> readable = new ArrayList<>(messages.size());
        int refused = 0;
        for (ReceivedMessage message : messages) {
            if (message.observation() != null) {
                readable.add(message.observation());
            } else {
                refuse(message.topic(), message.refusal());
                refused++;
            }
        }
        int[] counts = storeOrHalve(readable);
        return new Outcome(counts[0], counts[1], refused + counts[2]);
    }

    /** Stored, redelivered and refused counts. */
    private int[] storeOrHalve(List<Reading> batch) {
        if (batch.isEmpty()) {
            return new int[3];
        }
        try {
            return transaction.execute(status -> {
                List<Reading> fresh = withoutStored(batch);
                observations.append(fresh.stream().filter(NewObservation.class::isInstance).map(NewObservation.class::cast).toList());
                multiObservations.append(fresh.stream().filter(NewMultiObservation.class::isInstance).map(NewMultiObservation.class::cast).toList());
                return new int[] {fresh.size(), batch.size() - fresh.size(), 0};
            });
        } catch (SensorsProblem problem) {
            if (batch.size() == 1) {
                Reading refused = batch.getFirst();
                refuse("v1.1/" + refused.stream().address(refused.streamId()) + "/Observations", problem.getMessage());
                return new int[] {0, 0, 1};
            }
            int[] first = storeOrHalve(batch.subList(0, batch.size() / 2));
            int[] second = storeOrHalve(batch.subList(batch.size() / 2, batch.size()));
            return new int[] {first[0] + second[0], first[1] + second[1], first[2] + second[2]};
        }
    }

    /** The batch less the readings stored before and the repeats within it. */
    private List<Reading> withoutStored(List<Reading> batch) {
        int size = batch.size();
        Long[] datastreams = new Long[size];
        String[] starts = new String[size];
        String[] ends = new String[size];
        String[] resultTimes = new String[size];
        String[] results = new String[size];
        for (int i = 0; i < size; i++) {
            Reading observation = batch.get(i);
            datastreams[i] = observation.streamId();
            starts[i] = observation.phenomenonTime().start().toString();
            ends[i] = observation.phenomenonTime().end() == null ? null : observation.phenomenonTime().end().toString();
            resultTimes[i] = observation.resultTime() == null ? null : observation.resultTime().toString();
            results[i] = text(observation.result());
        }
        Set<Integer> stored = new HashSet<>();
        for (ObservationStream stream : ObservationStream.values()) {
            Long[] ofStream = new Long[size];
            boolean any = false;
            for (int i = 0; i < size; i++) {
                // Another kind's reading matches nothing: its place holds a null id.
                ofStream[i] = batch.get(i).stream() == stream ? datastreams[i] : null;
                any |= ofStream[i] != null;
            }
            if (any) {
                stored.addAll(stored(stream, ofStream, starts, ends, resultTimes, results));
            }
        }
        Set<List<String>> seen = new HashSet<>();
        List<Reading> fresh = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (!stored.contains(i) && seen.add(List.of(batch.get(i).stream().name(), datastreams[i].toString(), starts[i], String.valueOf(ends[i]),
                    String.valueOf(resultTimes[i]), results[i]))) {
                fresh.add(batch.get(i));
            }
        }
        return fresh;
    }

    /** The positions (from 0) of the readings of this kind of stream that are stored already. */
    private Set<Integer> stored(ObservationStream stream, Long[] streams, String[] starts, String[] ends, String[] resultTimes, String[] results) {
        return jdbc.execute((ConnectionCallback<Set<Integer>>) connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select b.position::int from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                         with ordinality as b(d, ps, pe, rt, r, position)
                    where exists (select 1 from sta_observation o
                                  where o.%s = b.d and o.phenomenon_time_start = b.ps
                                    and o.phenomenon_time_end is not distinct from b.pe and o.result_time is not distinct from b.rt
                                    and coalesce(to_jsonb(o.result_number), o.result_json) = b.r::jsonb)""".formatted(stream.observationColumn()))) {
                query.setArray(1, connection.createArrayOf("int8", streams));
                query.setArray(2, connection.createArrayOf("text", starts));
                query.setArray(3, connection.createArrayOf("text", ends));
                query.setArray(4, connection.createArrayOf("text", resultTimes));
                query.setArray(5, connection.createArrayOf("text", results));
                Set<Integer> positions = new HashSet<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        positions.add(rows.getInt(1) - 1);
                    }
                }
                return positions;
            }
        });
    }

    /** JSON text of a result; a number's without the general (and slower) tree writer. */
    private static String text(JsonNode result) {
        if (result.isNumber()) {
            return result.asText();
        }
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always writes", e);
        }
    }

    private static void refuse(String topic, String reason) {
        log.warn("MQTT: refused an observation on {}: {}", topic, reason);
    }
}
