package org.chizu.sensors.sta;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.sensors.SensorsProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What SensorThings asks of a MultiDatastream (Part 1, 8.2.9): an observationType of
 * {@value #COMPLEX_OBSERVATION}, and as many unitOfMeasurements and multiObservationDataTypes as it
 * has ObservedProperties, the n-th of each describing the n-th value of every result. Checked after a
 * write, inside its transaction, so that a refusal undoes it whole.
 */
@Component
class MultiDatastreamRules {

    static final String COMPLEX_OBSERVATION = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation";

    private final JdbcTemplate jdbc;

    MultiDatastreamRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws SensorsProblem 400 when the JSON gives another observationType */
    static void checkObservationType(JsonNode json, String where) {
        JsonNode type = json.get("observationType");
        if (type != null && !type.isNull() && !type.asText().equals(COMPLEX_OBSERVATION)) {
            throw problem(where, "observationType", "the observationType of a MultiDatastream is " + COMPLEX_OBSERVATION + ", not " + type);
        }
    }

    /** @throws SensorsProblem 400 naming the first of these MultiDatastreams whose lists disagree, and the list that does */
    void checkLists(Collection<Long> multiDatastreams, String where) {
        for (long id : multiDatastreams) {
            jdbc.query("""
                    select jsonb_array_length(m.unit_of_measurements), jsonb_array_length(m.multi_observation_data_types),
                           (select count(*) from sta_multi_datastream_observed_property p where p.multi_datastream_id = m.id)
                    from sta_multi_datastream m where m.id = ?""", row -> {
                int units = row.getInt(1);
                int types = row.getInt(2);
                int properties = row.getInt(3);
                String counts = " (unitOfMeasurements " + units + ", multiObservationDataTypes " + types + ", ObservedProperties " + properties
                        + "): a MultiDatastream has one unit and one data type per ObservedProperty, in the same order";
                if (properties == 0) {
                    throw problem(where, "ObservedProperties", "MultiDatastreams(" + id + ") needs its ObservedProperties" + counts);
                }
                if (units != properties) {
                    throw problem(where, "unitOfMeasurements", "unitOfMeasurements of MultiDatastreams(" + id + ") disagrees" + counts);
                }
                if (types != properties) {
                    throw problem(where, "multiObservationDataTypes", "multiObservationDataTypes of MultiDatastreams(" + id + ") disagrees" + counts);
                }
            }, id);
        }
    }

    /** After an Observation changed: when it is a MultiDatastream's, its result still has one value per ObservedProperty. */
    void checkResult(long observationId) {
        jdbc.query("""
                select o.multi_datastream_id, case when jsonb_typeof(o.result_json) = 'array' then jsonb_array_length(o.result_json) end,
                       (select count(*) from sta_multi_datastream_observed_property p where p.multi_datastream_id = o.multi_datastream_id)
                from sta_observation o where o.id = ? and o.multi_datastream_id is not null""", row -> {
            int values = row.getInt(2);
            if (row.wasNull() || values != row.getInt(3)) {
                throw problem("", "result", "the result of an Observation of MultiDatastreams(" + row.getLong(1) + ") is an array of "
                        + row.getInt(3) + " values, one per ObservedProperty in their order");
            }
        }, observationId);
    }

    private static SensorsProblem problem(String where, String field, String message) {
        return SensorsProblem.badRequest((where.isEmpty() ? "" : where + ": ") + message + ".",
                where.isEmpty() ? Map.of("field", field) : Map.of("field", field, "at", where));
    }
}
