# Sourced by the benchmarks that run Chizu itself through ./chizu run: a scratch CHIZU_HOME in /tmp
# (never .chizu), a free-looking port, the log beside them, and a trap that stops Chizu (RUN_PID,
# set by the benchmark once it has started it) and deletes everything the run made.
SCRATCH=$(mktemp -d "/tmp/chizu-bench-${BENCH_NAME:-run}.XXXXXX")
chmod 755 "$SCRATCH"
PORT=$(( 18000 + RANDOM % 2000 ))
LOG=$SCRATCH/chizu.log

say() { printf 'bench: %s\n' "$*" >&2; }

cleanup() {
  if [ -n "${RUN_PID:-}" ] && kill -0 "$RUN_PID" 2>/dev/null; then
    kill -TERM "$RUN_PID" 2>/dev/null || true
    wait "$RUN_PID" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# Starts Chizu from $ROOT on the scratch home (./chizu run on loopback, without the sample town) with
# these further arguments, sets RUN_PID and waits until it answers; psql_scratch then runs psql on its
# database.
start_chizu() {
  say "starting Chizu on 127.0.0.1:$PORT with a scratch database and broker in $SCRATCH"
  CHIZU_HOME=$SCRATCH CHIZU_PORT=$PORT CHIZU_SAMPLE_TOWN=false CHIZU_MQTT_TLS_PORT=off "$ROOT/chizu" run --server.address=127.0.0.1 "$@" >"$LOG" 2>&1 &
  RUN_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$RUN_PID" 2>/dev/null || { tail -30 "$LOG" >&2; say "Chizu did not start"; exit 1; }
    sleep 1
  done
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { tail -30 "$LOG" >&2; say "Chizu did not answer"; exit 1; }
  CLUSTER=$SCRATCH/postgres
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V -r | head -1)
  DB_PORT=$(sed -n 4p "$CLUSTER/data/postmaster.pid")
}
psql_scratch() { PGPASSWORD=$(cat "$CLUSTER/password") "$PG_BIN/psql" -h 127.0.0.1 -p "$DB_PORT" -U chizu -d chizu -tAq -v ON_ERROR_STOP=1 "$@"; }
