#!/usr/bin/env bash
# The catalog benchmark of issue 6: a generated catalog of DATASETS (default 10,000) real layers,
# declared as a town declares its own (a chizu.layers.directory of YAML files over tables with data,
# versions and extents), served by Chizu with a small heap (CATALOG_HEAP, default 256m).
#
#   bench/catalog.sh                  everything, about 10 minutes the first time (the tables are kept)
#   DURATION=5 bench/catalog.sh       a quick pass
#
# Prints the start-up time, the first (cold) catalog read, package_search latency p50/p95/p99 with
# wrk (a text query + a facet + ext_bbox, and a plain search) at each of CONNS connections, and the
# whole /catalog.ttl and /catalog.nt streamed: size, time, datasets in it, and the largest heap
# left after a GC while streaming. FORCE=1 regenerates the tables. Runs on loopback in $BENCH_BASE
# on a PostgreSQL cluster of its own; everything started here is stopped on exit.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../chizu"          # ensure_*, install_packages, build_app, port_in_use, say, die
BENCH_BASE=${BENCH_BASE:-/tmp/chizu-bench-catalog}
PG_PORT=${PG_PORT:-55480}
CHIZU_PORT=${CHIZU_PORT:-58480}
. "$HERE/lib/env.sh"
. "$HERE/lib/cluster.sh"
DATASETS=${DATASETS:-10000}
BATCH=500                    # tables per generating transaction: the layers of one batch share a version
HEAP=${CATALOG_HEAP:-256m}
LAYERS=$BENCH_BASE/layers
DB=chizu_catalog
BASE_URL=http://127.0.0.1:$CHIZU_PORT

bench_prerequisites() {
  ensure_java; ensure_maven; ensure_npm; ensure_postgis
  command -v wrk >/dev/null || install_packages wrk
  export PATH=$PG_BIN:$PATH
}

# Replaces the calling (sub)shell with Chizu on the bench database; run it with & or in ( ).
# The quality score's link checks are off: on 10,000 datasets they would request (and so build) every
# download of every layer in the background while the searches are timed.
chizu_java() {
  CHIZU_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" CHIZU_DATABASE_USER=postgres CHIZU_DATABASE_PASSWORD= \
    exec "$JAVA_HOME/bin/java" -Xmx"$HEAP" -Xlog:gc:file="$LOGS/gc.log":uptime -jar "$JAR" --chizu.home="$BENCH_BASE/home" \
    --server.port="$CHIZU_PORT" --server.address=127.0.0.1 --chizu.sample-town.enabled=false \
    --chizu.catalog.quality.check-links=false "$@"
}

prepare_database() {
  local have=0 first
  database_exists "$DB" && have=$(psql_q -d "$DB" -c "select count(*) from pg_tables where schemaname = 'public' and tablename like 'cat\_%'")
  if [ "$have" = "$DATASETS" ] && [ "${FORCE:-0}" != 1 ]; then return 0; fi
  psql_q -d postgres -c "drop database if exists $DB" -c "create database $DB"
  (chizu_java user list) >"$LOGS/migrate.log" 2>&1 || { tail -30 "$LOGS/migrate.log" >&2; die "Chizu could not migrate $DB"; }
  say "generating $DATASETS layer tables"
  for ((first = 1; first <= DATASETS; first += BATCH)); do
    psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -v first="$first" -v last="$(( first + BATCH - 1 < DATASETS ? first + BATCH - 1 : DATASETS ))" \
      -f "$HERE/sql/catalog-layers.sql" >/dev/null
  done
  psql_q -d "$DB" -c "vacuum analyze"
}

chizu_start() {
  local started i
  ! port_in_use "$CHIZU_PORT" || die "port $CHIZU_PORT is taken: set CHIZU_PORT to a free one"
  started=$(date +%s.%N)
  chizu_java --chizu.layers.directory="$LAYERS" >"$LOGS/chizu.log" 2>&1 &
  CHIZU_PID=$!
  for i in $(seq 3000); do
    if curl -sf -o /dev/null "$BASE_URL/actuator/health"; then
      STARTUP=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
      return 0
    fi
    kill -0 "$CHIZU_PID" 2>/dev/null || break
    sleep 0.2
  done
  tail -30 "$LOGS/chizu.log" >&2
  die "Chizu did not start"
}

cleanup() {
  if [ -n "${CHIZU_PID:-}" ]; then kill -TERM "$CHIZU_PID" 2>/dev/null || true; wait "$CHIZU_PID" 2>/dev/null || true; fi
  cluster_down
}

# Search paths: a word (town or theme) + the tags facet + a box of about 1°, cycling deterministically.
search_paths() {
  python3 - "$@" <<'PY'
import urllib.parse
words = ["益田市", "道路", "避難所", "parks", "河川", "Matsue", "学校", "防災", "FY2014", "観光"]
for n in range(60):
    lon, lat = 129 + (n * 37 % 150) / 10, 31 + (n * 53 % 130) / 10
    query = {"q": words[n % len(words)], "facet.field": '["tags"]', "ext_bbox": f"{lon:.1f},{lat:.1f},{lon + 1:.1f},{lat + 1:.1f}"}
    print("/api/3/action/package_search?" + urllib.parse.urlencode(query))
PY
}

measure() { # label paths-file
  local label=$1 c log
  export PATHS_FILE=$2
  wrk -t2 -c2 -d"${CHIZU_WARMUP}s" -s "$HERE/lib/paths.lua" "$BASE_URL" >/dev/null 2>&1 || true  # the JIT compiles the hot paths
  for c in $CONNS; do
    log=$LOGS/wrk-$label-c$c.log
    wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${DURATION}s" --timeout 30s -s "$HERE/lib/paths.lua" "$BASE_URL" >"$log" 2>&1
    printf '[bench] %-28s c=%-2s %8s req/s  %s\n' "$label" "$c" "$(awk '/^Requests\/sec:/{print $2}' "$log")" \
      "$(sed -n 's/^LATENCY_MS //p' "$log")"
  done
}

# The heap still live after a full GC now (jcmd asks for one), in MB.
live_heap() {
  "$JAVA_HOME/bin/jcmd" "$CHIZU_PID" GC.run >/dev/null
  sed -n 's/.*Pause Full.*->\([0-9]*\)M(.*/\1/p' "$LOGS/gc.log" | tail -1
}

# The whole catalog in one format: size, time and datasets, the live heap before it and halfway
# through it (a full GC forced while it streams), and the largest heap left after any GC meanwhile.
stream() { # extension
  local ext=$1 before during=- lines curl_pid out datasets heap bytes seconds
  before=$(live_heap)
  lines=$(wc -l < "$LOGS/gc.log")
  curl -sf -o "$BENCH_BASE/catalog.$ext" -w '%{size_download} %{time_total}' "$BASE_URL/catalog.$ext" > "$BENCH_BASE/curl.out" &
  curl_pid=$!
  sleep 2
  kill -0 "$curl_pid" 2>/dev/null && during=$(live_heap)
  wait "$curl_pid"
  if [ "$ext" = nt ]; then
    datasets=$(grep -c '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset>' "$BENCH_BASE/catalog.$ext" || true)
  else
    datasets=$(grep -oE 'dcat:Dataset([^A-Za-z]|$)' "$BENCH_BASE/catalog.$ext" | wc -l)
  fi
  heap=$(tail -n +"$((lines + 1))" "$LOGS/gc.log" | sed -n 's/.*->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2/p' | sort -n | tail -1)
  read -r bytes seconds < "$BENCH_BASE/curl.out" || true  # curl writes no final newline
  printf '[bench] /catalog.%-4s %6.1f MB in %5.1f s, %s datasets; live heap %s MB before, %s MB while streaming; largest heap after a GC meanwhile %s MB of %s MB\n' \
    "$ext" "$(awk -v b="$bytes" 'BEGIN {print b / 1048576}')" "$seconds" "$datasets" "$before" "$during" "${heap% *}" "${heap#* }"
}

bench_prerequisites
build_app
trap cleanup EXIT
cluster_up
prepare_database
say "writing $DATASETS layer declarations"
rm -rf "$LAYERS"; python3 "$HERE/lib/catalog-layers.py" "$LAYERS" "$DATASETS"
chizu_start
say "Chizu pid $CHIZU_PID answered after $STARTUP s"
FIRST=$(curl -sf -o /dev/null -w '%{time_total}' "$BASE_URL/api/3/action/package_search?rows=0")
COUNT=$(curl -sf "$BASE_URL/api/3/action/package_search?rows=0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["count"])')

search_paths > "$BENCH_BASE/paths-search.txt"
printf '%s\n' "/api/3/action/package_search" "/api/3/action/package_search?rows=100&start=5000" > "$BENCH_BASE/paths-plain.txt"
python3 - "$BASE_URL" "$BENCH_BASE/paths-search.txt" <<'PY'
import json, sys, urllib.request
base, paths = sys.argv[1], [l.strip() for l in open(sys.argv[2]) if l.strip()]
counts = [json.load(urllib.request.urlopen(base + p, timeout=60))["result"]["count"] for p in paths]
print(f"[bench] searches: {len(paths)} distinct, each matched {min(counts)}-{max(counts)} datasets (mean {sum(counts) / len(counts):.1f})")
PY

echo
echo "[bench] $(date -u +%Y-%m-%d) $COUNT public datasets ($DATASETS generated), heap -Xmx$HEAP, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "[bench] start-up until /actuator/health answers: $STARTUP s ($(sed -n 's/.*Started \(.*\) in \([0-9.]*\) seconds.*/Spring: \2 s/p' "$LOGS/chizu.log"))"
echo "[bench] first package_search (reads every entry into the cache): $FIRST s"
measure "q + facet + ext_bbox" "$BENCH_BASE/paths-search.txt"
measure "plain" "$BENCH_BASE/paths-plain.txt"
stream ttl
stream nt
echo "[bench] peak resident memory of the server: $(awk '/VmHWM/{printf "%.0f MB", $2 / 1024}' /proc/$CHIZU_PID/status)"
