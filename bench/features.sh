#!/usr/bin/env bash
# OGC API – Features throughput, side by side in one run, on the same generated roads table (ROWS, default 200,000):
#   raw:       pgbench runs the SQL that builds the same FeatureCollection inside PostgreSQL (the database's own rate),
#              without (raw) and with numberMatched (raw_cnt, a count(*) over the same filter, as Chizu and MapServer send)
#   chizu:     GET /ogc/collections/roads/items from the Chizu server (wrk, lib/paths.lua)
#   mapserver: MapServer 8's OGC API – Features (FastCGI behind nginx) on the same table
# Two request lists: 1,000-feature pages (limit=1000&offset=K, every page, in md5 order) and 90 small bboxes
# (~0.5-1 km, limit=100). Concurrency CONNS (default "2 8"), DURATION seconds each (default 20) after WARMUP
# (CHIZU_WARMUP, default 15 s, for Chizu, whose JIT needs it).
# Prints pages/s per peer and the ratios chizu/raw_cnt, chizu/raw and chizu/mapserver, then checks paging: walking
# the next links returns every feature exactly once (whole layer, and a bbox + CQL2 filter).
# Runs on a throwaway PostgreSQL cluster of its own. Needs Debian's mapserver-bin cgi-mapserver spawn-fcgi
# nginx-light wrk (installed when missing, as root). Usage: DURATION=5 bench/features.sh
# A part only: KINDS=bbox (default "page bbox") and PEERS="raw chizu" (default "raw chizu mapserver").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE=$ROOT/bench
ROWS=${ROWS:-200000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
CHIZU_WARMUP=${CHIZU_WARMUP:-15}   # the JIT compiles Chizu's hot paths in the first thousands of requests
CONNS=${CONNS:-"2 8"}
KINDS=${KINDS:-"page bbox"}
PEERS=${PEERS:-"raw chizu mapserver"}
HEAP=${CHIZU_BENCH_HEAP:-512m}
WORK=${BENCH_DIR:-/tmp/chizu-features-bench}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${BENCH_PGPORT:-55498}
HTTP_PORT=${BENCH_HTTP_PORT:-58098}
MS_PORT=${BENCH_MS_PORT:-58097}
MS_FCGI_PORT=${BENCH_MS_FCGI_PORT:-59097}
MS_PROCS=${MS_PROCS:-8}
DB=chizu_bench
export PGHOST=127.0.0.1 PGPORT PGUSER=chizu PGDATABASE=$DB
PAGE_LIMIT=1000
BBOX_LIMIT=100

missing=()
for tool in wrk nginx spawn-fcgi pgbench; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x /usr/lib/cgi-bin/mapserv ] || missing+=(mapserv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[bench] installing mapserver-bin cgi-mapserver spawn-fcgi nginx-light wrk (missing: ${missing[*]})"
  apt-get install -y -q mapserver-bin cgi-mapserver spawn-fcgi nginx-light wrk >/dev/null
fi

mkdir -p "$WORK/logs"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_q() { psql -X -v ON_ERROR_STOP=1 -qAt "$@"; }
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -s "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  if [ -s "$WORK/fcgi.pids" ]; then for p in $(cat "$WORK/fcgi.pids"); do kill "$p" 2>/dev/null || true; done; fi
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- database and server ------------------------------------------------------------------------
if [ ! -d "$WORK/pg" ]; then
  mkdir -p "$WORK/pg"; [ "$(id -u)" = 0 ] && chown postgres: "$WORK" "$WORK/pg"
  as_pg "$PGBIN/initdb" -D "$WORK/pg" -U chizu --auth=trust >/dev/null
fi
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=100" \
  -l "$WORK/pg.log" -w start >/dev/null
psql_q -d postgres -c "select 1 from pg_database where datname = '$DB'" | grep -q 1 || psql_q -d postgres -c "create database $DB"

JAR=$ROOT/app/target/chizu.jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -pl app -am package -DskipTests)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ -z "${JAVA_HOME:-}" ]; then  # the newest JDK of at least 21, as the launcher picks it
  for j in /usr/lib/jvm/*/bin/java; do
    v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    [ "${v:-0}" -ge 21 ] && JAVA=$j
  done
fi
"$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port=$HTTP_PORT --chizu.home="$WORK/home" ${CHIZU_BENCH_ARGS:-} \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" --spring.datasource.username=chizu \
  --spring.datasource.password= > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/ogc/collections/roads" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$HTTP_PORT/ogc/collections/roads" >/dev/null || { tail -40 "$WORK/server.log"; exit 1; }

have=$(psql_q -c "select count(*) from roads")
if [ "$have" != "$ROWS" ]; then
  echo "[bench] generating $ROWS roads"
  psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f "$ROOT/bench/sql/grid-roads.sql"
  psql -X -q -c "vacuum analyze roads"
fi
N=$(psql_q -c "select count(*) from roads")

# --- fixed request lists ------------------------------------------------------------------------
psql_q -c "select k * $PAGE_LIMIT from generate_series(0, ($N - 1) / $PAGE_LIMIT) k order by md5(k::text)" > "$WORK/offsets.txt"
# 90 boxes of about 1 km and 0.5 km scattered deterministically over the data (lon 131.5-132.3, lat 34.4-34.56).
psql_q -c "select round((131.5 + (n * 37 % 97) / 97.0 * 0.78)::numeric, 6) || ',' || round((34.4 + (n * 53 % 89) / 89.0 * 0.14)::numeric, 6)
            || ',' || round((131.5 + (n * 37 % 97) / 97.0 * 0.78 + case when n % 2 = 0 then 0.011 else 0.0055 end)::numeric, 6)
            || ',' || round((34.4 + (n * 53 % 89) / 89.0 * 0.14 + case when n % 2 = 0 then 0.009 else 0.0045 end)::numeric, 6)
            from generate_series(1, 90) n" > "$WORK/bboxes.txt"
NOFF=$(wc -l < "$WORK/offsets.txt")

# --- raw: the same FeatureCollections built inside PostgreSQL -----------------------------------
FEAT="json_build_object('type','Feature','id',id,'geometry',ST_AsGeoJSON(ST_Transform(geom,4326),8)::json,'properties',json_build_object('route_no',route_no,'name',name,'road_class',road_class,'administrator',administrator,'width_m',width_m,'surface',surface))"
BOX="ST_Transform(ST_MakeEnvelope(:minx,:miny,:maxx,:maxy,4326),6668)"
psql_q -c "create table if not exists bench_bboxes (n int, minx float8, miny float8, maxx float8, maxy float8); truncate bench_bboxes"
awk -F, '{print NR","$0}' "$WORK/bboxes.txt" | psql_q -c "\\copy bench_bboxes from stdin with (format csv)"
declare -A RATE
measure_pgbench() { # name script
  local name=$1 script=$2 c log
  pgbench -n -f "$script" -c 2 -j 2 -T "$WARMUP" >/dev/null 2>&1 || true
  for c in $CONNS; do
    log=$WORK/logs/pgbench_${name}_c$c.log
    pgbench -n -f "$script" -c "$c" -j "$(( c < 2 ? c : 2 ))" -T "$DURATION" > "$log" 2>&1
    RATE[$name,$c]=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log")
  done
}
for variant in raw raw_cnt; do
  if [ $variant = raw_cnt ]; then mp="'numberMatched',(select count(*) from roads),"; mb="'numberMatched',(select count(*) from roads where ST_Intersects(geom, $BOX)),"
  else mp=""; mb=""; fi
  cat > "$WORK/${variant}_page.pgbench" <<SQL
\set k random(0, $((NOFF - 1)))
\set off :k * $PAGE_LIMIT
select json_build_object('type','FeatureCollection',$mp'numberReturned',count(*),'features',coalesce(json_agg($FEAT order by id),'[]'::json))::text from (select * from roads order by id limit $PAGE_LIMIT offset :off) t;
SQL
  cat > "$WORK/${variant}_bbox.pgbench" <<SQL
\set n random(1, 90)
select minx, miny, maxx, maxy from bench_bboxes where n = :n \gset
select json_build_object('type','FeatureCollection',$mb'numberReturned',count(*),'features',coalesce(json_agg($FEAT order by id),'[]'::json))::text from (select * from roads where ST_Intersects(geom, $BOX) order by id limit $BBOX_LIMIT) t;
SQL
  for kind in $KINDS; do
    [[ " $PEERS " == *" raw "* ]] && measure_pgbench "${variant}_$kind" "$WORK/${variant}_$kind.pgbench"
  done
done

# --- HTTP peers ---------------------------------------------------------------------------------
measure_http() { # name base_url path_prefix
  local name=$1 base=$2 prefix=$3 kind c log
  for kind in $KINDS; do
    if [ $kind = page ]; then sed "s#^#$prefix/collections/roads/items?limit=$PAGE_LIMIT\&offset=#" "$WORK/offsets.txt"
    else sed "s#^\(.*\)\$#$prefix/collections/roads/items?bbox=\1\&limit=$BBOX_LIMIT#" "$WORK/bboxes.txt"; fi > "$WORK/paths_${name}_$kind.txt"
    # every request once first: all must answer 200 with a FeatureCollection
    python3 - "$base" "$WORK/paths_${name}_$kind.txt" "$name $kind" <<'PY'
import json, sys, urllib.request
base, paths, label = sys.argv[1], [l.strip() for l in open(sys.argv[2]) if l.strip()], sys.argv[3]
n = 0
for p in paths:
    with urllib.request.urlopen(urllib.request.Request(base + p, headers={"Accept": "application/geo+json"}), timeout=120) as r:
        d = json.loads(r.read()); assert d["type"] == "FeatureCollection"; n += len(d["features"])
print(f"[bench] {label}: {len(paths)} requests answered, {n / len(paths):.1f} features per request")
PY
    export PATHS_FILE=$WORK/paths_${name}_$kind.txt ACCEPT=application/geo+json
    wrk -t2 -c2 -d"$([ "$name" = chizu ] && echo "$CHIZU_WARMUP" || echo "$WARMUP")s" -s "$HERE/lib/paths.lua" "$base" >/dev/null 2>&1 || true
    for c in $CONNS; do
      log=$WORK/logs/wrk_${name}_${kind}_c$c.log
      wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${DURATION}s" --timeout 60s -s "$HERE/lib/paths.lua" "$base" > "$log" 2>&1
      RATE[${name}_$kind,$c]=$(awk '/^Requests\/sec:/{print $2}' "$log")
      if grep -q "Non-2xx" "$log"; then echo "[bench] $name $kind c=$c: $(grep Non-2xx "$log")"; fi
    done
  done
}
[[ " $PEERS " == *" chizu "* ]] && measure_http chizu "http://127.0.0.1:$HTTP_PORT" /ogc

# MapServer 8 on the same table; a sub-select ordered by id, since its PostGIS driver pages without ORDER BY.
if [[ " $PEERS " == *" mapserver "* ]]; then
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
MS_ROOT=http://127.0.0.1:$MS_PORT/cgi-bin/mapserv/roads/ogcapi
cat > "$WORK/features.map" <<MAPFILE
MAP
  NAME "roads"
  EXTENT 131 34 133 35
  PROJECTION "init=epsg:4326" END
  WEB METADATA
    "oga_enable_request" "*"  "oga_onlineresource" "$MS_ROOT"  "oga_title" "roads"  "oga_max_limit" "10000"
    "oga_html_template_directory" "/usr/share/mapserver/ogcapi/templates/html-plain/"  "ows_srs" "EPSG:4326"
  END END
  LAYER
    NAME "roads" TYPE LINE STATUS ON CONNECTIONTYPE POSTGIS
    CONNECTION "host=127.0.0.1 port=$PGPORT dbname=$DB user=chizu"
    DATA "geom from (select id, route_no, name, road_class, administrator, width_m, surface, geom from roads order by id) as sub using unique id using srid=6668"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    PROJECTION "init=epsg:6668" END
    TEMPLATE "query"
    METADATA "oga_featureid" "id" "gml_featureid" "id" "gml_include_items" "all" "gml_types" "auto" "wfs_srs" "EPSG:4326" END
  END
END
MAPFILE
printf 'CONFIG\n  ENV\n    MS_MAP_NO_PATH "1"\n  END\n  MAPS\n    "roads" "%s"\n  END\nEND\n' "$WORK/features.map" > "$WORK/mapserver.conf"
MAPSERVER_CONFIG_FILE=$WORK/mapserver.conf spawn-fcgi -a 127.0.0.1 -p "$MS_FCGI_PORT" -F "$MS_PROCS" -- /usr/lib/cgi-bin/mapserv \
  > "$WORK/spawn-fcgi.log" 2>&1
sed -n 's/.*PID: *\([0-9]*\).*/\1/p' "$WORK/spawn-fcgi.log" > "$WORK/fcgi.pids"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off; keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/tmp/body; fastcgi_temp_path $WORK/nginx/tmp/fcgi; proxy_temp_path $WORK/nginx/tmp/proxy;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi; scgi_temp_path $WORK/nginx/tmp/scgi;
  server { listen 127.0.0.1:$MS_PORT;
    location /cgi-bin/mapserv { fastcgi_split_path_info ^(/cgi-bin/mapserv)(/.*)\$; include /etc/nginx/fastcgi_params;
      fastcgi_param PATH_INFO \$fastcgi_path_info; fastcgi_buffers 64 16k; fastcgi_pass 127.0.0.1:$MS_FCGI_PORT; } }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
measure_http mapserver "http://127.0.0.1:$MS_PORT" /cgi-bin/mapserv/roads/ogcapi
fi

# --- paging correctness: walk next links ----------------------------------------------------------
walk() { # query expected_sql
  python3 - "http://127.0.0.1:$HTTP_PORT/ogc/collections/roads/items?$1" <<'PY'
import json, sys, urllib.request
url, ids, pages, matched = sys.argv[1], [], 0, None
while url:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/geo+json"}), timeout=120) as r:
        d = json.loads(r.read())
    matched = d["numberMatched"]; ids += [f["id"] for f in d["features"]]; pages += 1
    url = next((l["href"] for l in d["links"] if l["rel"] == "next"), None)
print(len(ids), len(set(ids)), matched, pages)
PY
}
check_paging() { # label query sql_count
  read -r got distinct matched pages <<< "$(walk "$2")"
  local want; want=$(psql_q -c "$3")
  local verdict=OK; [ "$got" = "$want" ] && [ "$distinct" = "$want" ] && [ "$matched" = "$want" ] || verdict=FAILED
  echo "[bench] paging $1: $pages pages, $got features, $distinct distinct, numberMatched=$matched, database=$want: $verdict"
}
check_paging "whole layer, limit=10000" "limit=10000" "select count(*) from roads"
check_paging "bbox + CQL2, limit=100" "limit=100&bbox=131.6,34.42,131.8,34.5&filter=road_class%20IN%20('national','municipal')%20AND%20width_m%20%3E%205" \
  "select count(*) from roads where ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(131.6,34.42,131.8,34.5,4326),6668)) and road_class in ('national','municipal') and width_m > 5"

# --- table ----------------------------------------------------------------------------------------
echo
echo "[bench] $(date -u +%Y-%m-%d) $ROWS roads, ${DURATION}s per cell, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s' "pages/s"; for c in $CONNS; do printf '%12s' "c=$c"; done; echo
for row in raw_page raw_cnt_page chizu_page mapserver_page raw_bbox raw_cnt_bbox chizu_bbox mapserver_bbox; do
  printf '%-22s' "$row"; for c in $CONNS; do printf '%12s' "${RATE[$row,$c]:-}"; done; echo
done
for kind in $KINDS; do
  for peer in raw_cnt raw mapserver; do
    printf '%-22s' "chizu/${peer} $kind"
    for c in $CONNS; do awk -v a="${RATE[chizu_$kind,$c]:-0}" -v b="${RATE[${peer}_$kind,$c]:-0}" 'BEGIN {printf "%11.2fx", (b > 0 ? a / b : 0)}'; done; echo
  done
done
