#!/usr/bin/env bash
# How fast the staff triage list answers with 5,000 reports (issue 14 asks for under 200 ms): starts
# Chizu on a scratch PostGIS cluster (as bench/reports.sh), loads Masuda's test roads and the 5,000
# reports the browser test uses, then asks /staff/api/reports for pages, filters, a sort and a
# number 50 times each (after 100 warm-up requests) with the demo staff account's token, printing the median and the slowest, and
# PostgreSQL's plan for the list's query. Its peer, in the same run: pgbench sends the same list queries as bare SQL
# (the count, the page with its photo counts and the page's history, as ReportStore runs them) straight to the
# database, and the ratio says what Chizu adds on top (HTTP, JSON, authentication). Everything it started is stopped
# and deleted at the end.
#   bench/staff-reports.sh [ROUNDS]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${1:-50}
BENCH_NAME=staff-reports
source "$ROOT/bench/lib/scratch.sh"

say "starting Chizu on 127.0.0.1:$PORT with a scratch database in $SCRATCH"
CHIZU_HOME=$SCRATCH CHIZU_PORT=$PORT "$ROOT/chizu" run --server.address=127.0.0.1 >"$LOG" 2>&1 &
RUN_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && [ -s "$SCRATCH/demo-staff.txt" ] && break
  kill -0 "$RUN_PID" 2>/dev/null || { tail -30 "$LOG" >&2; say "Chizu did not start"; exit 1; }
  sleep 1
done
TOKEN=$(sed -n 's/^API token[^:]*: *//p' "$SCRATCH/demo-staff.txt")
[ -n "$TOKEN" ] || { say "no demo staff token in $SCRATCH/demo-staff.txt"; exit 1; }

CLUSTER=$SCRATCH/postgres
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V -r | head -1)
DB_PORT=$(sed -n 4p "$CLUSTER/data/postmaster.pid")
psql_scratch() { PGPASSWORD=$(cat "$CLUSTER/password") "$PG_BIN/psql" -h 127.0.0.1 -p "$DB_PORT" -U chizu -d chizu -tAq -v ON_ERROR_STOP=1 "$@"; }
psql_scratch -f "$ROOT/reports/src/test/resources/report-town.sql" >/dev/null 2>&1 || say "(report-town.sql: the sample town already has Masuda)"
psql_scratch -f "$ROOT/app/src/test/resources/five-thousand-reports.sql"
psql_scratch -c "analyze report"
say "$(psql_scratch -c "select count(*) from report") reports in the database"

# A fresh JVM compiles as it goes: warm it up first, as a server that has been running is.
for _ in $(seq 1 100); do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/staff/api/reports?page=$(( RANDOM % 100 + 1 ))&size=50"
done

declare -A MEDIAN_MS
for QUERY in "page=1&size=50" "page=60&size=50" "page=30&size=50&sort=priority" "status=closed&category=pothole" \
             "moderation=new&town=32204&from=2026-09-01&to=2026-11-30" "number=2500" "size=200"; do
  TIMES=$(for _ in $(seq 1 "$ROUNDS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/staff/api/reports?$QUERY"
  done | sort -n)
  MEDIAN=$(echo "$TIMES" | sed -n "$(( (ROUNDS + 1) / 2 ))p")
  SLOWEST=$(echo "$TIMES" | tail -1)
  MEDIAN_MS[$QUERY]=$(echo "$MEDIAN * 1000" | bc -l)
  printf '%-60s median %6.1f ms   slowest %6.1f ms\n' "/staff/api/reports?$QUERY" \
    "$(echo "$MEDIAN * 1000" | bc -l)" "$(echo "$SLOWEST * 1000" | bc -l)"
done

echo "plan of the list's commonest query (status filter, newest first, page 2):"
psql_scratch -c "explain analyze select r.id from report r where r.status = 'open'
                 order by r.reported_at desc, r.id desc limit 50 offset 50"

# The peer: the same list as bare SQL through pgbench (prepared statements, as the JDBC driver ends up using), for
# the first page and for a filtered page.
peer_ms() {
  local CONDITION=$1 SCRIPT=$SCRATCH/peer.sql
  cat >"$SCRIPT" <<SQL
select count(*) from report r $CONDITION;
select r.*, st_x(r.geom) as lon, st_y(r.geom) as lat,
       (select count(*) from report_photo p where p.report_id = r.id) as photo_count
from report r $CONDITION order by r.reported_at desc, r.id desc limit 50 offset 0;
select * from report_update where report_id in
  (select r.id from report r $CONDITION order by r.reported_at desc, r.id desc limit 50) order by changed_at, id;
SQL
  PGPASSWORD=$(cat "$CLUSTER/password") "$PG_BIN/pgbench" -h 127.0.0.1 -p "$DB_PORT" -U chizu -n -M prepared \
    -t "$ROUNDS" -f "$SCRIPT" chizu 2>/dev/null | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p'
}
for PAIR in "page=1&size=50|" "status=closed&category=pothole|where r.status = 'closed' and r.category = 'pothole'"; do
  QUERY=${PAIR%%|*}
  BARE=$(peer_ms "${PAIR#*|}")
  printf '%-60s Chizu median %6.1f ms   bare SQL (pgbench) %6.2f ms   ratio %5.1f×\n' "$QUERY" \
    "${MEDIAN_MS[$QUERY]}" "$BARE" "$(echo "${MEDIAN_MS[$QUERY]} / $BARE" | bc -l)"
done
