#!/usr/bin/env bash
# How fast the staff triage list answers with 5,000 reports (issue 14 asks for under 200 ms): starts
# Chizu on a scratch PostGIS cluster (as bench/reports.sh), loads Masuda's test roads and the 5,000
# reports the browser test uses, then asks /staff/api/reports for pages, filters, a sort and a
# number 50 times each (after 100 warm-up requests) with the demo staff account's token, printing the median and the slowest, and
# PostgreSQL's plan for the list's query. Everything it started is stopped and deleted at the end.
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

for QUERY in "page=1&size=50" "page=60&size=50" "page=30&size=50&sort=priority" "status=closed&category=pothole" \
             "moderation=new&town=32204&from=2026-09-01&to=2026-11-30" "number=2500" "size=200"; do
  TIMES=$(for _ in $(seq 1 "$ROUNDS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/staff/api/reports?$QUERY"
  done | sort -n)
  MEDIAN=$(echo "$TIMES" | sed -n "$(( (ROUNDS + 1) / 2 ))p")
  SLOWEST=$(echo "$TIMES" | tail -1)
  printf '%-60s median %6.1f ms   slowest %6.1f ms\n' "/staff/api/reports?$QUERY" \
    "$(echo "$MEDIAN * 1000" | bc -l)" "$(echo "$SLOWEST * 1000" | bc -l)"
done

echo "plan of the list's commonest query (status filter, newest first, page 2):"
psql_scratch -c "explain analyze select r.id from report r where r.status = 'open'
                 order by r.reported_at desc, r.id desc limit 50 offset 50"
