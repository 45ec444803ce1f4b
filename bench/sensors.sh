#!/usr/bin/env bash
# Ingest rate of sensor observations over MQTT, bounded and on loopback only: starts Chizu with its
# private Mosquitto on a scratch CHIZU_HOME (./chizu run), adds a device with ./chizu device add and a
# datastream, has the device publish COUNT observations at QoS 1 over 4 connections as fast as the
# broker acknowledges them, and times until all are in the database (checking that none was lost or
# stored twice). Beside it, PostgreSQL's COPY of the same rows into the same table, which does none of
# the bridge's work (parsing, de-duplication, the latest value and the datastream's extent). Target:
# at least 20,000 observations/s on a 2-core machine. Everything it started is stopped and deleted.
#   bench/sensors.sh [COUNT]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${1:-200000}
CONNECTIONS=4
BENCH_NAME=sensors
source "$ROOT/bench/lib/scratch.sh"

say "load before: $(uptime | sed 's/.*load average: //')"
start_chizu
source "$ROOT/bench/lib/sensors.sh"

TOKEN=$(CHIZU_HOME=$SCRATCH "$ROOT/chizu" device add "bench gauge" --scope sensors:observe 2>/dev/null | sed -n 's/.*APIトークン: //p')
[ -n "$TOKEN" ] || { say "device add printed no token"; exit 1; }
DATASTREAM=$(new_datastreams 1)

DEVICE_PORT=$(grep -o 'devices publish on tcp://127.0.0.1:[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
PAHO=$(find ~/.m2/repository/org/eclipse/paho/org.eclipse.paho.client.mqttv3 -name '*.jar' | sort -V | tail -1)
JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
say "$COUNT observations at QoS 1 over $CONNECTIONS connections"
"${JAVA:-java}" -cp "$PAHO" "$ROOT/bench/SensorsLoad.java" "tcp://127.0.0.1:$DEVICE_PORT" "bench gauge" "$TOKEN" "$DATASTREAM" "$COUNT" "$CONNECTIONS" > "$SCRATCH/load.out"
START=$(sed -n 's/^start //p' "$SCRATCH/load.out")
ACKED=$(sed -n 's/^acknowledged //p' "$SCRATCH/load.out")
for _ in $(seq 1 6000); do
  [ "$(psql_scratch -c "select count(*) from sta_observation where datastream_id = $DATASTREAM")" -ge "$COUNT" ] && break
  sleep 0.1
done
END=$(date +%s%3N)
sleep 2
STORED=$(psql_scratch -c "select count(*) from sta_observation where datastream_id = $DATASTREAM")
DISTINCT=$(psql_scratch -c "select count(distinct result_number) from sta_observation where datastream_id = $DATASTREAM")
LOAD_DURING=$(uptime | sed 's/.*load average: //')

# The same rows for a datastream of their own, copied in by PostgreSQL itself.
COPY_DATASTREAM=$(new_datastreams 1)
FEATURE=$(psql_scratch -c "select feature_of_interest_id from sta_observation where datastream_id = $DATASTREAM limit 1")
python3 - "$COUNT" "$COPY_DATASTREAM" "$FEATURE" > "$SCRATCH/rows.csv" <<'PY'
import sys, datetime
n, d, f = int(sys.argv[1]), sys.argv[2], sys.argv[3]
base = datetime.datetime(2026, 12, 10, tzinfo=datetime.timezone.utc)
for i in range(n):
    print(f"{d},{(base + datetime.timedelta(milliseconds=i)).isoformat()},{i},{f}")
PY
COPY_START=$(date +%s%3N)
psql_scratch -c "\\copy sta_observation (datastream_id, phenomenon_time_start, result_number, feature_of_interest_id) from '$SCRATCH/rows.csv' csv"
COPY_MS=$(( $(date +%s%3N) - COPY_START ))

MQTT_MS=$(( END - START ))
echo "$COUNT observations of one datastream at QoS 1 over $CONNECTIONS MQTT connections (load average during: $LOAD_DURING):"
echo "  broker acknowledged all after   ${ACKED}"
echo "  all stored after                ${MQTT_MS} ms   $(( COUNT * 1000 / MQTT_MS )) observations/s   (target >= 20,000/s)"
echo "  PostgreSQL COPY of the same rows ${COPY_MS} ms   $(( COUNT * 1000 / COPY_MS )) rows/s"
awk -v m="$MQTT_MS" -v c="$COPY_MS" 'BEGIN { printf "  ratio                           %.2f (MQTT ingest time / COPY time)\n", m / c }'
if [ "$STORED" = "$COUNT" ] && [ "$DISTINCT" = "$COUNT" ]; then
  echo "OK: $STORED stored, none lost, none twice"
else
  echo "FAILED: $STORED stored ($DISTINCT distinct) of $COUNT"
  exit 1
fi
