#!/usr/bin/env bash
# Batch ingest over HTTP (the SensorThings dataArray extension) against PostgreSQL's COPY of the same rows into
# the same table, bounded and on loopback only: starts Chizu with its private Mosquitto on a scratch CHIZU_HOME
# (./chizu run), adds a device with ./chizu device add and a datastream, and in one run:
#   1. a warm-up of WARMUP observations through POST /sta/v1.1/CreateObservations (default 100,000: the JIT
#      compiles the path);
#   2. the device posts COUNT observations (default 200,000) in requests of BATCH rows (10,000: a gateway's
#      upload of a day of minute readings from a handful of gauges, and large enough that a request's own cost
#      is small beside its rows) from CLIENTS clients at once (4: a request parses in Chizu, then waits on
#      PostgreSQL's COPY and commit; with 2, one core often idled, 29,000-35,000/s against 41,000-44,000/s),
#      with its API token as the device would; CreateObservations answers once its rows are committed, so the
#      time is until the last answer, then the datastream is counted (none lost, none stored twice);
#   3. PostgreSQL's COPY of the same rows into the same table.
# Target: at least half of COPY's rate. The request bodies are written before timing and sent with curl.
# Set JFR=FILE to record Chizu's JVM with Flight Recorder during step 2 (FILE is kept). Everything else it
# started is stopped and deleted.
#   bench/sensors-batch.sh [COUNT] [WARMUP] [BATCH] [CLIENTS]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${1:-200000}
WARMUP=${2:-100000}
BATCH=${3:-10000}
CLIENTS=${4:-4}
BENCH_NAME=sensors-batch
source "$ROOT/bench/lib/scratch.sh"
source "$ROOT/bench/lib/sensors.sh"
start_with_bench_gauge
CHIZU_PID=$(pgrep -P "$RUN_PID" java)

# bodies DATASTREAM N DIR: N observations of the datastream as dataArray request bodies of BATCH rows in DIR,
# a reading a millisecond after the one before, its value its number (as bench/sensors.sh sends them).
bodies() {
  mkdir -p "$3"
  python3 - "$1" "$2" "$BATCH" "$3" <<'PY'
import sys, json, datetime
d, n, batch, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
base = datetime.datetime(2026, 12, 9, tzinfo=datetime.timezone.utc)
for start in range(0, n, batch):
    rows = [[(base + datetime.timedelta(milliseconds=i)).strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3] + 'Z', i]
            for i in range(start, min(n, start + batch))]
    with open(f"{out}/{start:09d}.json", "w") as f:
        json.dump([{"Datastream": {"@iot.id": d}, "components": ["phenomenonTime", "result"], "dataArray": rows}], f)
PY
}
# post_all DIR: posts every body in DIR, CLIENTS at a time; fails unless each was answered 201.
post_all() {
  find "$1" -name '*.json' | sort | xargs -P "$CLIENTS" -I{} \
    curl -sS -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary @{} "http://127.0.0.1:$PORT/sta/v1.1/CreateObservations" > "$1.codes"
  local refused
  refused=$(grep -vc '^201$' "$1.codes" || true)
  [ "$refused" = 0 ] || { say "$refused requests were not answered 201: $(sort "$1.codes" | uniq -c | tr '\n' ' ')"; return 1; }
}
stored_of() { psql_scratch -c "select count(*) from sta_observation where datastream_id = $1"; }

if [ "$WARMUP" -gt 0 ]; then
  say "warming up: $WARMUP observations in requests of $BATCH"
  bodies "$(new_datastreams 1)" "$WARMUP" "$SCRATCH/warmup"
  post_all "$SCRATCH/warmup"
fi

bodies "$DATASTREAM" "$COUNT" "$SCRATCH/bodies"
[ -n "${JFR:-}" ] && jcmd "$CHIZU_PID" JFR.start name=batch settings=profile >/dev/null
say "$COUNT observations in requests of $BATCH from $CLIENTS clients"
START=$(date +%s%3N)
post_all "$SCRATCH/bodies"
HTTP_MS=$(( $(date +%s%3N) - START ))
[ -n "${JFR:-}" ] && jcmd "$CHIZU_PID" JFR.stop name=batch filename="$(realpath -m "$JFR")" >/dev/null
LOAD_DURING=$(uptime | sed 's/.*load average: //')
STORED=$(stored_of "$DATASTREAM")
DISTINCT=$(psql_scratch -c "select count(distinct result_number) from sta_observation where datastream_id = $DATASTREAM")

FEATURE=$(psql_scratch -c "select feature_of_interest_id from sta_observation where datastream_id = $DATASTREAM limit 1")
COPY_MS=$(copy_same_rows "$COUNT" "$FEATURE")

echo "$COUNT observations of one datastream in dataArray requests of $BATCH rows from $CLIENTS clients, after a warm-up of $WARMUP (load average during: $LOAD_DURING):"
echo "  HTTP CreateObservations, all stored after ${HTTP_MS} ms   $(( COUNT * 1000 / HTTP_MS )) observations/s"
echo "  PostgreSQL COPY of the same rows         ${COPY_MS} ms   $(( COUNT * 1000 / COPY_MS )) rows/s"
awk -v h="$HTTP_MS" -v c="$COPY_MS" 'BEGIN { printf "  ratio to COPY                            %.2f (COPY time / HTTP time; target >= 0.5)\n", c / h }'
if [ "$STORED" = "$COUNT" ] && [ "$DISTINCT" = "$COUNT" ]; then
  echo "OK: $STORED stored, none lost, none twice"
else
  echo "FAILED: $STORED stored ($DISTINCT distinct) of $COUNT"
  exit 1
fi
