# Sourced by the sensors benchmarks after start_chizu: makes datastreams straight in the database.

# new_datastreams N: a gauge Thing at a Location with N water-level Datastreams; prints their ids, one a line.
# The Thing names the device 'bench gauge', which may then publish to them (see await_device_may_publish).
new_datastreams() {
  psql_scratch -c "
    with thing as (insert into sta_thing (name, properties) values ('bench gauge', '{\"device\": \"bench gauge\"}') returning id),
         location as (insert into sta_location (name, location) values ('bench', st_setsrid(st_point(131.84, 34.68), 4326)) returning id),
         link as (insert into sta_thing_location select thing.id, location.id from thing, location),
         sensor as (insert into sta_sensor (name, encoding_type, metadata) values ('bench', 'text/plain', 'bench') returning id),
         property as (insert into sta_observed_property (name, definition) values ('water level', 'http://example.org/level') returning id)
    insert into sta_datastream (name, observation_type, unit_of_measurement, thing_id, sensor_id, observed_property_id)
    select 'bench ' || n, 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', '{\"name\":\"metre\",\"symbol\":\"m\"}',
           thing.id, sensor.id, property.id from thing, sensor, property, generate_series(1, $1) n returning id"
}

# await_device_may_publish BROKER_DIR ID: waits until Chizu's ACL for the broker (rewritten within 10 s of a
# change) lets the device publish to the datastream, and a moment for Mosquitto to reload it.
await_device_may_publish() {
  for _ in $(seq 1 300); do
    grep -qF "Datastreams($2)/Observations" "$1/acl" && { sleep 1; return 0; }
    sleep 0.1
  done
  say "the broker's ACL never let the device publish to datastream $2"; return 1
}
