#!/usr/bin/env bash
# Load test of citizen reports, bounded and on loopback only: starts Chizu on a scratch PostGIS
# cluster (./chizu run with CHIZU_HOME in a temporary folder), loads central Masuda's roads, has
# 200 residents submit a report with a photo at the same moment, then checks in the database that
# exactly 200 reports with one photo each were stored (none lost, none duplicated) and prints the
# throughput. Everything it started is stopped and deleted at the end.
#   bench/reports.sh [COUNT]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${1:-200}
BENCH_NAME=reports
source "$ROOT/bench/lib/scratch.sh"

say "starting Chizu on 127.0.0.1:$PORT with a scratch database in $SCRATCH"
# The rate limit is per client address; here every resident is the same loopback address.
CHIZU_HOME=$SCRATCH CHIZU_PORT=$PORT CHIZU_SAMPLE_TOWN=false "$ROOT/chizu" run --server.address=127.0.0.1 \
  --chizu.reports.rate-limit.burst=100000 --chizu.reports.rate-limit.per-hour=100000 \
  --spring.datasource.hikari.maximum-pool-size=20 >"$LOG" 2>&1 &
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
psql_scratch() { PGPASSWORD=$(cat "$CLUSTER/password") "$PG_BIN/psql" -h 127.0.0.1 -p "$DB_PORT" -U chizu -d chizu -tAq -v ON_ERROR_STOP=1 "$@"; }
psql_scratch -f "$ROOT/reports/src/test/resources/report-town.sql"

JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
say "$COUNT concurrent submissions with a photo each"
"${JAVA:-java}" "$ROOT/bench/ReportsLoad.java" "http://127.0.0.1:$PORT" "$COUNT"

REPORTS=$(psql_scratch -c "select count(*) from report")
KEYS=$(psql_scratch -c "select count(distinct submission_key) from report")
PHOTOS=$(psql_scratch -c "select count(*) from report_photo")
ORPHANS=$(psql_scratch -c "select count(*) from report r where not exists (select 1 from report_photo p where p.report_id = r.id)")
echo "in the database: $REPORTS reports ($KEYS distinct submissions), $PHOTOS photos, $ORPHANS reports without their photo"
if [ "$REPORTS" = "$COUNT" ] && [ "$KEYS" = "$COUNT" ] && [ "$PHOTOS" = "$COUNT" ] && [ "$ORPHANS" = 0 ]; then
  echo "OK: none lost, none duplicated"
else
  echo "FAILED: expected exactly $COUNT reports with one photo each"
  exit 1
fi
