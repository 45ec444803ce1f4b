#!/usr/bin/env bash
# Ingest rate of sensor observations over MQTT, bounded and on loopback only: starts Chizu with its
# private Mosquitto on a scratch CHIZU_HOME (./chizu run), adds a device with ./chizu device add and a
# datastream, and in one run:
#   1. the broker alone: the same load generator publishes COUNT messages at QoS 1 over 4 connections,
#      as Chizu's own broker user, to a topic that nobody subscribes to (what the broker and the
#      generator can do on this machine, the ceiling for everything after);
#   2. a warm-up of WARMUP observations through Chizu (default 100,000: the JIT compiles the path, and
#      on a busy machine its compiler threads get few turns);
#   3. the device publishes COUNT observations at QoS 1 over 4 connections as fast as the broker
#      acknowledges them, timed until all are in the database (checking that none was lost or stored
#      twice);
#   4. PostgreSQL's COPY of the same rows into the same table, which does none of the bridge's work
#      (parsing, de-duplication, quality control, the latest value and the datastream's extent).
# Target: at least 20,000 observations/s on a 2-core machine. The machine may be shared, so beside the
# rates it prints the CPU time each process spent per message in steps 1 and 3 (Chizu's JVM, Mosquitto,
# PostgreSQL, and the load generator standing for the devices) and the rate the two cores would allow
# with nothing else running. Everything it started is stopped and deleted.
#   bench/sensors.sh [COUNT] [WARMUP]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${1:-200000}
WARMUP=${2:-100000}
CONNECTIONS=4
BENCH_NAME=sensors
source "$ROOT/bench/lib/scratch.sh"
source "$ROOT/bench/lib/sensors.sh"
start_with_bench_gauge

DEVICE_PORT=$(grep -o 'devices publish on tcp://127.0.0.1:[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
SERVICE_PORT=$(grep -o 'private Mosquitto on tcp://127.0.0.1:[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -1)
BROKER_DIR=$(sed -n 's/.*(data in \(.*\))$/\1/p' "$LOG" | tail -1)
JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
load() { "${JAVA:-java}" "$ROOT/bench/SensorsLoad.java" "$@"; }
CHIZU_PID=$(pgrep -P "$RUN_PID" java)
BROKER_PID=$(cat "$BROKER_DIR/mosquitto.pid")
POSTMASTER_PID=$(head -1 "$CLUSTER/data/postmaster.pid")
# CPU time in clock ticks of these processes (user and system), with the waited-for children of the last.
ticks_of() { sed 's/.*) //' "/proc/$1/stat" | awk -v children="${2:-0}" '{ print $12 + $13 + (children ? $14 + $15 : 0) }'; }
postgres_ticks() {
  local sum pid
  sum=$(ticks_of "$POSTMASTER_PID" 1)
  for pid in $(pgrep -P "$POSTMASTER_PID"); do sum=$(( sum + $(ticks_of "$pid" 2>/dev/null || echo 0) )); done
  echo "$sum"
}
# Chizu's JIT compiler threads, apart: their work is the warm-up's, done sooner or later.
compiler_ticks() {
  local sum=0 task
  for task in /proc/"$CHIZU_PID"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in C[12]\ CompilerThre*) sum=$(( sum + $(ticks_of "${task#/proc/}" 2>/dev/null || echo 0) )) ;; esac
  done
  echo "$sum"
}
cpu_now() { echo "$(ticks_of "$CHIZU_PID") $(ticks_of "$BROKER_PID") $(postgres_ticks) $(compiler_ticks)"; }
HZ=$(getconf CLK_TCK)
# Microseconds of CPU per message from two cpu_now readings: Chizu, Mosquitto, PostgreSQL, Chizu's JIT compiler.
cpu_per_message() {
  awk -v a="$1" -v b="$2" -v n="$COUNT" -v hz="$HZ" 'BEGIN { split(a, x, " "); split(b, y, " ")
    for (i = 1; i <= 4; i++) printf "%d ", (y[i] - x[i]) * 1e6 / hz / n }'
}
stored_of() { psql_scratch -c "select count(*) from sta_observation where datastream_id = $1"; }
# Waits until the datastream holds COUNT observations (at most 10 minutes), looking 4 times a second.
# Each look counts only the rows after the newest one seen before (the bridge commits its batches one
# after another, so in the order of their ids): counting them all each time took a good share of the
# database's CPU in the window measured. Every 20th look counts them all, in case a row came late.
await_stored() {
  local total=0 newest=0 look counted
  for look in $(seq 1 2400); do
    if [ $(( look % 20 )) = 0 ]; then
      total=$(stored_of "$1")
    else
      counted=$(psql_scratch -F ' ' -c "select count(*), coalesce(max(id), $newest) from sta_observation where datastream_id = $1 and id > $newest")
      total=$(( total + ${counted% *} )); newest=${counted#* }
    fi
    [ "$total" -ge "$2" ] && return 0
    sleep 0.25
  done
}

say "the broker alone: $COUNT messages at QoS 1 over $CONNECTIONS connections to a topic nobody subscribes to"
CPU_BEFORE=$(cpu_now)
load "tcp://127.0.0.1:$SERVICE_PORT" chizu "$(cat "$BROKER_DIR/service-password")" "bench/broker-alone" "$COUNT" "$CONNECTIONS" > "$SCRATCH/broker.out"
read -r _ BROKER_ALONE_CPU _ _ <<< "$(cpu_per_message "$CPU_BEFORE" "$(cpu_now)")"
BROKER_MS=$(sed -n 's/^acknowledged \([0-9]*\) ms/\1/p' "$SCRATCH/broker.out")
BROKER_LOAD_CPU=$(sed -n 's/^cpu \([0-9]*\) ms/\1/p' "$SCRATCH/broker.out")

[ "$WARMUP" -gt 0 ] && WARMUP_DATASTREAM=$(new_datastreams 1)
await_device_may_publish "$BROKER_DIR" "${WARMUP_DATASTREAM:-$DATASTREAM}"
if [ "$WARMUP" -gt 0 ]; then
  say "warming up: $WARMUP observations through Chizu"
  load "tcp://127.0.0.1:$DEVICE_PORT" "bench gauge" "$TOKEN" "$WARMUP_DATASTREAM" "$WARMUP" "$CONNECTIONS" > "$SCRATCH/warmup.out"
  await_stored "$WARMUP_DATASTREAM" "$WARMUP"
fi

say "$COUNT observations at QoS 1 over $CONNECTIONS connections"
CPU_BEFORE=$(cpu_now)
load "tcp://127.0.0.1:$DEVICE_PORT" "bench gauge" "$TOKEN" "$DATASTREAM" "$COUNT" "$CONNECTIONS" > "$SCRATCH/load.out"
START=$(sed -n 's/^start //p' "$SCRATCH/load.out")
ACKED=$(sed -n 's/^acknowledged //p' "$SCRATCH/load.out")
LOAD_CPU=$(sed -n 's/^cpu \([0-9]*\) ms/\1/p' "$SCRATCH/load.out")
await_stored "$DATASTREAM" "$COUNT"
END=$(date +%s%3N)
read -r CHIZU_CPU BROKER_CPU POSTGRES_CPU COMPILER_CPU <<< "$(cpu_per_message "$CPU_BEFORE" "$(cpu_now)")"
sleep 2
STORED=$(stored_of "$DATASTREAM")
DISTINCT=$(psql_scratch -c "select count(distinct result_number) from sta_observation where datastream_id = $DATASTREAM")
LOAD_DURING=$(uptime | sed 's/.*load average: //')

# The same rows for a datastream of their own, copied in by PostgreSQL itself.
FEATURE=$(psql_scratch -c "select feature_of_interest_id from sta_observation where datastream_id = $DATASTREAM limit 1")
CPU_BEFORE=$(cpu_now)
COPY_MS=$(copy_same_rows "$COUNT" "$FEATURE")
sleep 1   # until the postmaster has reaped the backend that copied, whose CPU it then counts
read -r _ _ COPY_CPU _ <<< "$(cpu_per_message "$CPU_BEFORE" "$(cpu_now)")"

MQTT_MS=$(( END - START ))
echo "$COUNT observations of one datastream at QoS 1 over $CONNECTIONS MQTT connections, after a warm-up of $WARMUP (load average during: $LOAD_DURING):"
echo "  the broker alone acknowledged all after   ${BROKER_MS} ms   $(( COUNT * 1000 / BROKER_MS )) messages/s"
echo "  through Chizu, the broker acknowledged after ${ACKED}"
echo "  all stored after                          ${MQTT_MS} ms   $(( COUNT * 1000 / MQTT_MS )) observations/s   (target >= 20,000/s)"
echo "  PostgreSQL COPY of the same rows           ${COPY_MS} ms   $(( COUNT * 1000 / COPY_MS )) rows/s"
awk -v m="$MQTT_MS" -v b="$BROKER_MS" -v c="$COPY_MS" 'BEGIN {
  printf "  ratio to the broker alone                 %.2f (stored rate / the broker alone'"'"'s rate)\n", b / m
  printf "  ratio to COPY                             %.2f (MQTT ingest time / COPY time)\n", m / c }'
awk -v n="$COUNT" -v ba="$BROKER_ALONE_CPU" -v bl="$BROKER_LOAD_CPU" -v ch="$CHIZU_CPU" -v br="$BROKER_CPU" -v pg="$POSTGRES_CPU" -v jit="$COMPILER_CPU" -v cp="$COPY_CPU" -v ld="$LOAD_CPU" 'BEGIN {
  bl = bl * 1000 / n; ld = ld * 1000 / n
  print "CPU time per message in microseconds (the machine'"'"'s 2 cores give 100 per message at 20,000/s):"
  printf "  the broker alone: Mosquitto %d + the publishers %d = %d   2 cores allow %d messages/s\n", ba, bl, ba + bl, 2e6 / (ba + bl)
  printf "  through Chizu: Chizu %d + Mosquitto %d + PostgreSQL %d = %d   2 cores allow %d observations/s\n", ch, br, pg, ch + br + pg, 2e6 / (ch + br + pg)
  printf "                 with the publishers %d on the same cores: %d   2 cores allow %d observations/s\n", ld, ch + br + pg + ld, 2e6 / (ch + br + pg + ld)
  printf "                 (of Chizu'"'"'s %d, its JIT compiler still took %d: without it, %d observations/s with the publishers)\n", ch, jit, 2e6 / (ch - jit + br + pg + ld)
  printf "  PostgreSQL for COPY of the same rows: %d\n", cp }'
if [ "$STORED" = "$COUNT" ] && [ "$DISTINCT" = "$COUNT" ]; then
  echo "OK: $STORED stored, none lost, none twice"
else
  echo "FAILED: $STORED stored ($DISTINCT distinct) of $COUNT"
  exit 1
fi
