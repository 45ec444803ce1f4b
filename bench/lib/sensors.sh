# Sourced by the sensors benchmarks after start_chizu: makes datastreams straight in the database.

# new_datastreams N: a gauge Thing at a Location with N water-level Datastreams; prints their ids, one a line.
new_datastreams() {
  psql_scratch -c "
    with thing as (insert into sta_thing (name) values ('bench gauge') returning id),
         location as (insert into sta_location (name, location) values ('bench', st_setsrid(st_point(131.84, 34.68), 4326)) returning id),
         link as (insert into sta_thing_location select thing.id, location.id from thing, location),
         sensor as (insert into sta_sensor (name, encoding_type, metadata) values ('bench', 'text/plain', 'bench') returning id),
         property as (insert into sta_observed_property (name, definition) values ('water level', 'http://example.org/level') returning id)
    insert into sta_datastream (name, observation_type, unit_of_measurement, thing_id, sensor_id, observed_property_id)
    select 'bench ' || n, 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', '{\"name\":\"metre\",\"symbol\":\"m\"}',
           thing.id, sensor.id, property.id from thing, sensor, property, generate_series(1, $1) n returning id"
}
