#!/usr/bin/env bash
# The tile benchmark of issue 3: Chizu side by side with its peers on the same PostGIS data.
#
#   bench/tiles.sh                 everything, about 15 minutes with the default 20 s cells
#   DURATION=5 bench/tiles.sh      a quick pass
#   MAP_ONLY=1 bench/tiles.sh      only 6., the real map
#
# On the synthetic road network of the anchor harness (~200,000 segments, 5,000 hazard zones, the
# "100x" size) and on its central hundredth (the "town" size), loaded into Chizu's own tables:
#   1. the bare ST_AsMVT query through pgbench (the database's own limit), prepared and re-planned,
#   2. MapServer 8's MVT output (FastCGI behind nginx),
#   3. Chizu without its tile cache,
#   4. nginx serving the same tiles as static files,
#   5. Chizu with a warm tile cache,
# all on the same 200 tiles at z12-z16 with the same attributes (the bench_roads layer of
# bench/layers), then 6. the real map: uncached z10-z16 tiles of the declared roads and hazard_zones
# layers, with latency per zoom and tile sizes. Prints tiles/s per concurrency, the ratios the issue
# names and feature counts of sampled tiles across the peers.
#
# Settings in bench/lib/env.sh (DURATION, ZOOM_DURATION, CONNS, ports, BENCH_BASE …), each
# overridable from the environment; FORCE=1 regenerates the data. Everything runs on loopback in
# $BENCH_BASE (never in .chizu) and everything started here is stopped on exit.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../chizu"          # the launcher's prerequisites and build: ensure_*, install_packages, build_app
. "$HERE/lib/env.sh"
. "$HERE/lib/cluster.sh"
. "$HERE/lib/nginx.sh"
MVT=$HERE/lib/mvt.py

# ---------------------------------------------------------------------------------------------
# Prerequisites and data
# ---------------------------------------------------------------------------------------------

bench_prerequisites() {
  ensure_java; ensure_maven; ensure_npm; ensure_postgis
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v mapserv >/dev/null || missing+=(mapserver-bin)
  [ -x /usr/lib/cgi-bin/mapserv ] || missing+=(cgi-mapserver)
  command -v spawn-fcgi >/dev/null || missing+=(spawn-fcgi)
  command -v nginx >/dev/null || missing+=(nginx-light)
  install_packages "${missing[@]}"
  export PATH=$PG_BIN:$PATH
}

# The anchor's synthetic data, generated once in its own database as the anchor harness does.
prepare_anchor() {
  if database_exists anchor && [ "${FORCE:-0}" != 1 ]; then return 0; fi
  psql_q -d postgres -c "drop database if exists anchor" -c "create database anchor"
  psql_q -d anchor -c "create extension postgis"
  say "generating the synthetic data (once)"
  psql -X -q -v ON_ERROR_STOP=1 -d anchor -f "$HERE/sql/synthetic.sql"
}

# A database with Chizu's schema (migrated by Chizu itself) holding the synthetic data at SIZE.
prepare_chizu_database() {
  local size=$1 db=chizu_$1
  if database_exists "$db" && [ "${FORCE:-0}" != 1 ] && [ "$(psql_q -d "$db" -c "select count(*) from bench.tiles" 2>/dev/null)" = 200 ]; then
    return 0
  fi
  psql_q -d postgres -c "drop database if exists $db" -c "create database $db"
  (chizu_java "$db" false user list) >"$LOGS/migrate-$db.log" 2>&1 || { tail -30 "$LOGS/migrate-$db.log" >&2; die "Chizu could not migrate $db"; }
  psql_q -d "$db" -c "create schema bench" \
    -c "create table bench.src_roads (id int, route text, class text, geom geometry(LineString, 3857))" \
    -c "create table bench.src_hazards (id int, kind text, level int, name text, geom geometry(Polygon, 3857))" \
    -c "create table bench.tiles (n int primary key, z int, x int, y int)"
  psql_q -d anchor -c "\copy (select id, route, class, geom from roads) to stdout" | psql_q -d "$db" -c "\copy bench.src_roads from stdin"
  psql_q -d anchor -c "\copy (select id, kind, level, name, geom from hazard_zones) to stdout" | psql_q -d "$db" -c "\copy bench.src_hazards from stdin"
  psql_q -d anchor -c "\copy bench_tiles to stdout" | psql_q -d "$db" -c "\copy bench.tiles from stdin"
  psql -X -qAt -v size="$size" -d "$db" -f "$HERE/sql/load-chizu.sql" | sed "s/^/[$size] /"
}

tile_lists() {
  psql_q -d chizu_full -c "select z || ' ' || x || ' ' || y from bench.tiles order by n" > "$BENCH_BASE/tiles-peers.txt"
  local size z
  for size in full town; do
    psql_q -d "chizu_$size" -f "$HERE/sql/map-tiles.sql" > "$BENCH_BASE/tiles-map-$size.txt"
    for z in 10 11 12 13 14 15 16; do
      awk -v z="$z" '$1 == z' "$BENCH_BASE/tiles-map-$size.txt" > "$BENCH_BASE/tiles-map-$size-z$z.txt"
    done
  done
}

# ---------------------------------------------------------------------------------------------
# The servers
# ---------------------------------------------------------------------------------------------

# Replaces the calling (sub)shell with Chizu on DB, tile cache on (true) or off (false), so that its
# PID is the one to stop: run it with & or in ( ).
chizu_java() {
  local db=$1 cache=$2; shift 2
  CHIZU_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" CHIZU_DATABASE_USER=postgres CHIZU_DATABASE_PASSWORD= \
    exec "$JAVA_HOME/bin/java" $CHIZU_JAVA_OPTS -jar "$JAR" --chizu.home="$BENCH_BASE/home-$db" --server.port="$CHIZU_PORT" \
    --server.address=127.0.0.1 --chizu.layers.directory="$HERE/layers" --chizu.tiles.cache-enabled="$cache" "$@"
}

# Starts Chizu on DB with its tile cache on (true) or off (false) and waits until it answers.
chizu_start() {
  local db=$1 cache=$2 i
  ! port_in_use "$CHIZU_PORT" || die "port $CHIZU_PORT is taken: set CHIZU_PORT to a free one"
  rm -rf "$BENCH_BASE/home-$db/cache"
  chizu_java "$db" "$cache" >"$LOGS/chizu-$db-cache-$cache.log" 2>&1 &
  CHIZU_PID=$!
  for i in $(seq 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$CHIZU_PORT/actuator/health" && { say "Chizu pid $CHIZU_PID on $db, cache $cache"; return 0; }
    kill -0 "$CHIZU_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -30 "$LOGS/chizu-$db-cache-$cache.log" >&2
  die "Chizu did not start"
}

chizu_stop() {
  [ -n "${CHIZU_PID:-}" ] || return 0
  kill -TERM "$CHIZU_PID" 2>/dev/null || true
  wait "$CHIZU_PID" 2>/dev/null || true
  CHIZU_PID=
}

# MapServer 8 over the same table and attributes, FastCGI processes behind nginx (the anchor's set-up).
mapserver_start() {
  local dir=$BENCH_BASE/mapserver
  mkdir -p "$dir"
  cat > "$dir/bench.map" <<MAPFILE
MAP
  NAME "bench"
  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34
  SIZE 256 256
  UNITS METERS
  IMAGETYPE "mvt"
  PROJECTION "init=epsg:3857" END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=0"
  END
  LAYER
    NAME "bench_roads"
    TYPE LINE
    STATUS DEFAULT
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=127.0.0.1 port=$PG_PORT dbname=chizu_full user=postgres"
    DATA "geom_3857 from roads using unique id using srid=3857"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    PROJECTION "init=epsg:3857" END
    METADATA
      "gml_include_items" "route_no,road_class"
      "gml_types" "auto"
    END
    CLASS STYLE COLOR 0 0 0 END END
  END
END
MAPFILE
  printf 'CONFIG\n  ENV\n    MS_MAPFILE "%s"\n  END\nEND\n' "$dir/bench.map" > "$dir/mapserver.conf"
  MAPSERVER_CONFIG_FILE=$dir/mapserver.conf spawn-fcgi -a 127.0.0.1 -p "$MS_FCGI_PORT" -F "$MS_PROCS" \
    -- /usr/lib/cgi-bin/mapserv > "$LOGS/spawn-fcgi.log" 2>&1 || { cat "$LOGS/spawn-fcgi.log" >&2; die "spawn-fcgi failed"; }
  sed -n 's/.*PID: *\([0-9]*\).*/\1/p' "$LOGS/spawn-fcgi.log" > "$dir/fcgi.pids"
  nginx_start mapserver "
  server {
    listen 127.0.0.1:$MS_PORT;
    location /cgi-bin/mapserv {
      include /etc/nginx/fastcgi_params;
      fastcgi_pass 127.0.0.1:$MS_FCGI_PORT;
    }
  }"
}

mapserver_stop() {
  nginx_stop mapserver
  local pids=$BENCH_BASE/mapserver/fcgi.pids p
  [ -s "$pids" ] || return 0
  for p in $(cat "$pids"); do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in $(cat "$pids"); do kill -KILL "$p" 2>/dev/null || true; done   # mapserv may ignore TERM
  : > "$pids"
}

static_start() {
  rm -rf "$BENCH_BASE/static"; mkdir -p "$BENCH_BASE/static/tiles"
  cp -r "$BENCH_BASE/fetched/chizu" "$BENCH_BASE/static/tiles/bench_roads"
  nginx_start static "
  server {
    listen 127.0.0.1:$STATIC_PORT;
    root $BENCH_BASE/static;
    open_file_cache max=1000 inactive=60s;
    location /tiles/ { }
  }"
}

stop_everything() {
  chizu_stop
  mapserver_stop
  nginx_stop static
  cluster_down
}

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------

# wrk at each of CONNS (or $4) for DURATION (or $5): one "NAME CONNS TILES/S p50=MS p99=MS non2xx=N" line each.
wrk_cells() {
  local name=$1 url=$2 list=$3 conns=${4:-$CONNS} duration=${5:-$DURATION} base c log
  base=$(echo "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
  # The tile list as request paths for the path-list wrk script the other benches use too.
  export PATHS_FILE=$LOGS/paths-$name.txt
  awk -v template="${url#"$base"}" '{ p = template; sub(/\{z\}/, $1, p); sub(/\{x\}/, $2, p); sub(/\{y\}/, $3, p); print p }' "$list" > "$PATHS_FILE"
  wrk -t2 -c2 -d"${WARM:-$WARMUP}s" -s "$HERE/lib/paths.lua" "$base" >/dev/null 2>&1 || true
  for c in $conns; do
    log=$LOGS/wrk-$name-c$c.log
    wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${duration}s" --latency --timeout 10s -s "$HERE/lib/paths.lua" "$base" > "$log" 2>&1
    awk -v name="$name" -v c="$c" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      /^Requests\/sec:/ { rps = $2 } /Non-2xx or 3xx responses:/ { bad = $NF }
      $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
      END { printf "%s %s %s p50=%.1f p99=%.1f non2xx=%d\n", name, c, rps, p50, p99, bad }' "$log" | tee -a "$RESULTS/cells.txt"
  done
}

# The bare query as a prepared statement ("raw", the database's own limit and the baseline of every
# ratio, as a server that prepares its tile SQL once can reach it) and re-planned on every call
# ("raw-simple", pgbench's default protocol, as the anchor harness measured it).
pgbench_cells() {
  local mode name c log tps
  for mode in prepared simple; do
    name=raw; [ "$mode" = prepared ] || name=raw-$mode
    pgbench -n -M "$mode" -D ntiles=200 -f "$HERE/lib/raw-mvt.pgbench" -c 2 -j 2 -T "$WARMUP" chizu_full >/dev/null 2>&1 || true
    for c in $CONNS; do
      log=$LOGS/pgbench-$mode-c$c.log
      pgbench -n -M "$mode" -D ntiles=200 -f "$HERE/lib/raw-mvt.pgbench" -c "$c" -j "$(( c < 2 ? c : 2 ))" -T "$DURATION" chizu_full > "$log" 2>&1
      tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$log")
      echo "$name $c $tps" | tee -a "$RESULTS/cells.txt"
    done
  done
}

# The bare query's tiles, for the feature-count comparison.
raw_tiles() {
  psql_q -F ' ' -d chizu_full -c "
    select t.z, t.x, t.y, encode((select st_asmvt(tile, 'bench_roads', 4096, '_geom', '_id') from (
        select id as _id, route_no, road_class, st_asmvtgeom(geom_3857, st_tileenvelope(t.z, t.x, t.y), 4096, 0, true) as _geom
        from roads where geom_3857 && st_tileenvelope(t.z, t.x, t.y, margin => 0)) as tile where _geom is not null), 'hex')
    from bench.tiles t order by t.n" | python3 "$MVT" unhex "$BENCH_BASE/fetched/raw"
}

# The real map on SIZE: every tile once (sizes), then wrk over all zooms at CONNS and per zoom at 2.
real_map() {
  local size=$1 layer z
  for layer in roads hazard_zones; do
    python3 "$MVT" fetch "map-$size-$layer" "http://127.0.0.1:$CHIZU_PORT/tiles/$layer/{z}/{x}/{y}.mvt" \
      "$BENCH_BASE/tiles-map-$size.txt" "$BENCH_BASE/fetched/map-$size-$layer"
    python3 "$MVT" sizes "$size $layer" "$BENCH_BASE/fetched/map-$size-$layer" | tee -a "$RESULTS/sizes.txt"
    WARM=$CHIZU_WARMUP wrk_cells "map-$size-$layer" "http://127.0.0.1:$CHIZU_PORT/tiles/$layer/{z}/{x}/{y}.mvt" "$BENCH_BASE/tiles-map-$size.txt"
    for z in 10 11 12 13 14 15 16; do
      [ -s "$BENCH_BASE/tiles-map-$size-z$z.txt" ] || continue
      wrk_cells "map-$size-$layer-z$z" "http://127.0.0.1:$CHIZU_PORT/tiles/$layer/{z}/{x}/{y}.mvt" \
        "$BENCH_BASE/tiles-map-$size-z$z.txt" 2 "$ZOOM_DURATION"
    done
  done
}

# ---------------------------------------------------------------------------------------------

main() {
  trap stop_everything EXIT
  trap 'exit 130' INT TERM
  bench_prerequisites
  build_app
  cluster_up
  prepare_anchor
  prepare_chizu_database full
  prepare_chizu_database town
  tile_lists
  rm -rf "$RESULTS" "$BENCH_BASE/fetched"; mkdir -p "$RESULTS" "$BENCH_BASE/fetched"
  { echo "date $(date -Is)"; echo "cpus $(nproc)"; echo "load_before $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "duration $DURATION"; } > "$RESULTS/machine.txt"
  local peers=http://127.0.0.1:$CHIZU_PORT/tiles/bench_roads/{z}/{x}/{y}.mvt size
  if [ "${MAP_ONLY:-0}" = 1 ]; then
    say "6/6 only: the real map at both sizes (MAP_ONLY=1)"
    for size in full town; do chizu_start "chizu_$size" false; real_map "$size"; chizu_stop; done
    echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
    python3 "$HERE/lib/report.py" "$RESULTS"
    return 0
  fi

  say "1/6 the bare ST_AsMVT query through pgbench"
  pgbench_cells
  raw_tiles

  say "2/6 MapServer 8"
  mapserver_start
  python3 "$MVT" fetch mapserver "http://127.0.0.1:$MS_PORT/cgi-bin/mapserv?mode=tile&tilemode=gmap&tile={x}+{y}+{z}&map.imagetype=mvt" \
    "$BENCH_BASE/tiles-peers.txt" "$BENCH_BASE/fetched/mapserver"
  wrk_cells mapserver "http://127.0.0.1:$MS_PORT/cgi-bin/mapserv?mode=tile&tilemode=gmap&tile={x}+{y}+{z}&map.imagetype=mvt" "$BENCH_BASE/tiles-peers.txt"
  mapserver_stop

  say "3/6 Chizu without its tile cache, and 6/6 the real map at the 100x size"
  chizu_start chizu_full false
  python3 "$MVT" fetch chizu "$peers" "$BENCH_BASE/tiles-peers.txt" "$BENCH_BASE/fetched/chizu"
  WARM=$CHIZU_WARMUP wrk_cells chizu "$peers" "$BENCH_BASE/tiles-peers.txt"
  real_map full
  chizu_stop

  say "4/6 nginx serving the same tiles as static files"
  static_start
  wrk_cells static "http://127.0.0.1:$STATIC_PORT/tiles/bench_roads/{z}/{x}/{y}.mvt" "$BENCH_BASE/tiles-peers.txt"
  nginx_stop static

  say "5/6 Chizu with a warm tile cache"
  chizu_start chizu_full true
  python3 "$MVT" fetch chizu-cached "$peers" "$BENCH_BASE/tiles-peers.txt" "$BENCH_BASE/fetched/chizu-cached"
  WARM=$CHIZU_WARMUP wrk_cells chizu-cached "$peers" "$BENCH_BASE/tiles-peers.txt"
  chizu_stop

  say "6/6 the real map at the town size"
  chizu_start chizu_town false
  real_map town
  chizu_stop

  python3 "$MVT" compare "$BENCH_BASE/tiles-peers.txt" 10 raw="$BENCH_BASE/fetched/raw" \
    mapserver="$BENCH_BASE/fetched/mapserver" chizu="$BENCH_BASE/fetched/chizu" \
    chizu-cached="$BENCH_BASE/fetched/chizu-cached" > "$RESULTS/compare.txt"
  echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
  python3 "$HERE/lib/report.py" "$RESULTS"
}

main "$@"
