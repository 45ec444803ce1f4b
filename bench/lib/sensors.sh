# Sourced by the sensors benchmarks after scratch.sh: starts Chizu, adds the device and makes datastreams
# straight in the database.

# start_with_bench_gauge: says the load, starts Chizu, adds the device 'bench gauge' (its API token in TOKEN)
# and a datastream it may send to (DATASTREAM).
start_with_bench_gauge() {
  say "load before: $(uptime | sed 's/.*load average: //')"
  start_chizu
  TOKEN=$(add_bench_gauge)
  DATASTREAM=$(new_datastreams 1)
}

# add_bench_gauge: adds the device 'bench gauge' with ./chizu device add, allowed to send observations;
# prints its API token.
add_bench_gauge() {
  local token
  token=$(CHIZU_HOME=$SCRATCH "$ROOT/chizu" device add "bench gauge" --scope sensors:observe 2>/dev/null | sed -n 's/.*APIトークン: //p')
  [ -n "$token" ] || { say "device add printed no token"; return 1; }
  echo "$token"
}

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

# copy_same_rows COUNT FEATURE: PostgreSQL's COPY of COUNT rows like the ones the benchmarks send (a reading
# a millisecond after the one before, its value its number) into sta_observation, for a datastream of their
# own and the feature of interest FEATURE; prints how long it took in ms. The file is written before timing.
copy_same_rows() {
  local datastream
  datastream=$(new_datastreams 1)
  python3 - "$1" "$datastream" "$2" > "$SCRATCH/rows.csv" <<'PY'
import sys, datetime
n, d, f = int(sys.argv[1]), sys.argv[2], sys.argv[3]
base = datetime.datetime(2026, 12, 10, tzinfo=datetime.timezone.utc)
for i in range(n):
    print(f"{d},{(base + datetime.timedelta(milliseconds=i)).isoformat()},{i},{f}")
PY
  local start
  start=$(date +%s%3N)
  psql_scratch -c "\\copy sta_observation (datastream_id, phenomenon_time_start, result_number, feature_of_interest_id) from '$SCRATCH/rows.csv' csv"
  echo $(( $(date +%s%3N) - start ))
}
