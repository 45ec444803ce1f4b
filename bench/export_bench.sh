#!/usr/bin/env bash
# Whole-layer GeoJSON export of N generated roads (default 1,000,000), side by side in one run:
#   chizu:   GET /data/roads.geojson?crs=EPSG:4326 from the Chizu server (curl to a file)
#   ogr2ogr: ogr2ogr -f GeoJSON out.geojson PG:… roads -t_srs EPSG:4326 (the same table)
#   copy:    psql \copy of the same features built in PostgreSQL (the database's own rate)
# Prints wall time, features/s, output size, each client's peak RSS, the ratios chizu/ogr2ogr and
# chizu/copy, and the server's peak RSS and heap limit. Runs on a throwaway PostgreSQL cluster of its
# own, so it never touches a real database. Usage: bench/export_bench.sh [ROWS] (REPEAT=2 by default).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${1:-${EXPORT_ROWS:-1000000}}
REPEAT=${REPEAT:-2}
HEAP=${CHIZU_BENCH_HEAP:-256m}
WORK=${BENCH_DIR:-/tmp/chizu-export-bench}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${BENCH_PGPORT:-55499}
HTTP_PORT=${BENCH_HTTP_PORT:-58099}
DB=chizu_bench
export PGHOST=127.0.0.1 PGPORT PGUSER=chizu PGDATABASE=$DB

mkdir -p "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- database -----------------------------------------------------------------------------------
if [ ! -d "$WORK/pg" ]; then
  mkdir -p "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres: "$WORK" "$WORK/pg"
  as_pg "$PGBIN/initdb" -D "$WORK/pg" -U chizu --auth=trust >/dev/null
fi
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" -l "$WORK/pg.log" -w start >/dev/null
psql -X -q -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 || psql -X -q -d postgres -c "create database $DB"

# --- server (it migrates the schema on start) ---------------------------------------------------
JAR=$ROOT/app/target/chizu.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -pl app -am package -DskipTests)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Extra settings for the server under test, e.g. CHIZU_BENCH_ARGS=--logging.level.root=WARN.
EXTRA_ARGS=${CHIZU_BENCH_ARGS:-}
"$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port=$HTTP_PORT --chizu.home="$WORK/home" $EXTRA_ARGS \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" --spring.datasource.username=chizu \
  --spring.datasource.password= > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/data/stats" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$HTTP_PORT/data/stats" >/dev/null || { tail -40 "$WORK/server.log"; exit 1; }

# --- data: ROWS road segments on a grid around Masuda, with Japanese names ---------------------
have=$(psql -X -qAt -c "select count(*) from roads")
if [ "$have" != "$ROWS" ]; then
  echo "[bench] generating $ROWS roads"
  psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f "$ROOT/bench/sql/grid-roads.sql"
  psql -X -q -v ON_ERROR_STOP=1 <<SQL
insert into feature_history (layer_table, feature_id, valid_from, properties, geom)
select 'roads', id, now(), to_jsonb(t) - array['id', 'geom', 'geom_3857'], geom from roads t;
vacuum analyze roads;
SQL
fi

# --- the three peers ----------------------------------------------------------------------------
COPY_SQL="select '{\"type\":\"Feature\",\"id\":' || id || ',\"geometry\":' || ST_AsGeoJSON(ST_Transform(geom, 4326), 8) || ',\"properties\":' || json_build_object('route_no', route_no, 'name', name, 'road_class', road_class, 'administrator', administrator, 'width_m', width_m, 'surface', surface)::text || '}' from roads order by id"
peak() { awk -F': *' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
declare -A FPS
for r in $(seq 1 "$REPEAT"); do
  for m in chizu ogr2ogr copy; do
    out=$WORK/out.$m; rm -f "$out"; log=$WORK/time.$m.log
    case $m in
      chizu)   cmd=(curl -sf -o "$out" "http://127.0.0.1:$HTTP_PORT/data/roads.geojson?crs=EPSG:4326") ;;
      ogr2ogr) cmd=(ogr2ogr -f GeoJSON "$out" "PG:host=127.0.0.1 port=$PGPORT dbname=$DB user=chizu" roads -t_srs EPSG:4326) ;;
      copy)    cmd=(psql -X -q -v ON_ERROR_STOP=1 -c "\\copy ($COPY_SQL) to '$out'") ;;
    esac
    t0=$(date +%s.%N); /usr/bin/time -v "${cmd[@]}" 2> "$log"; t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
    features=$(grep -c '"type": *"Feature"' "$out" || true)
    [ "$features" = "$ROWS" ] || { echo "[bench] $m wrote $features features, expected $ROWS" >&2; exit 1; }
    fps=$(awk -v n="$features" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')
    FPS[$m]=$(( ${FPS[$m]:-0} > fps ? ${FPS[$m]:-0} : fps ))
    printf '[bench] run %d %-8s wall=%6ss features/s=%8s size=%5s MB client_peak_rss=%s MB\n' "$r" "$m" "$wall" "$fps" \
      "$(( $(stat -c %s "$out") / 1000000 ))" "$(peak "$log")"
  done
done
rm -f "$WORK"/out.*
server_rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/$SERVER_PID/status)
echo "[bench] best features/s: chizu=${FPS[chizu]} ogr2ogr=${FPS[ogr2ogr]} copy=${FPS[copy]}"
awk -v c="${FPS[chizu]}" -v o="${FPS[ogr2ogr]}" -v p="${FPS[copy]}" \
  'BEGIN {printf "[bench] chizu/ogr2ogr = %.2fx (target >= 3)   chizu/copy = %.2f (target about 0.5)\n", c / o, c / p}'
echo "[bench] server: heap limit -Xmx$HEAP, peak RSS ${server_rss} MB"
