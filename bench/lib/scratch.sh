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
