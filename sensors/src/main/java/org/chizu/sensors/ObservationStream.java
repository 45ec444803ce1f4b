package org.chizu.sensors;

/**
 * What an Observation belongs to, exactly one of: a Datastream (one value per reading, the fast
 * paths: latest value, aggregates, quality control, alerts) or a MultiDatastream (an array of values
 * per reading, stored and served, nothing more).
 */
public enum ObservationStream {
    DATASTREAM("sta_datastream", "datastream_id", "Datastreams"),
    MULTI_DATASTREAM("sta_multi_datastream", "multi_datastream_id", "MultiDatastreams");

    private final String table;
    private final String observationColumn;
    private final String setName;

    ObservationStream(String table, String observationColumn, String setName) {
        this.table = table;
        this.observationColumn = observationColumn;
        this.setName = setName;
    }

    /** Its table, such as {@code sta_datastream}. */
    public String table() {
        return table;
    }

    /** The column of {@code sta_observation} that holds its id. */
    public String observationColumn() {
        return observationColumn;
    }

    /** One of them as SensorThings addresses it: {@code Datastreams(5)}. */
    public String address(long id) {
        return setName + "(" + id + ")";
    }
}
