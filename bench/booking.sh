#!/usr/bin/env bash
# Booking benchmark, on loopback only: starts Chizu on a scratch PostGIS cluster (./chizu run with
# CHIZU_HOME in a temporary folder), loads bench/sql/booking-town.sql (100 units, a third of
# January 2027 booked, 200 residents with API tokens), then
#   1. 200 residents ask to hold the same free slot at the same moment: exactly one may get it (201),
#      the other 199 must be told it is taken (409 problem "taken"), with no other answer; the
#      database must hold exactly one live booking of that slot;
#   2. the availability of the 100 units for January 2027, ROUNDS times over on CONNECTIONS
#      connections: p50/p95/p99 through Chizu, and the same availability.sql through pgbench
#      (prepared, same connections, same count) as the database's own limit, and their ratio;
#   3. a lottery of 10,000 entries for February 2027 (bench/sql/booking-lottery.sql) drawn through
#      POST /api/booking/lotteries/1/draw (must take under 5 s), beside the bare SQL insert of its
#      winners' bookings (EXPLAIN ANALYZE in a rolled-back transaction), and their ratio.
# Run it on a quiet machine (load average under 3); everything it started is stopped and deleted.
#   bench/booking.sh            ROUNDS=20 CONNECTIONS=2 bench/booking.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${ROUNDS:-20}
CONNECTIONS=${CONNECTIONS:-2}
MONTH=2027-01
BENCH_NAME=booking
source "$ROOT/bench/lib/scratch.sh"

say "load average now: $(cut -d' ' -f1-3 /proc/loadavg) (quiet is under 3)"
say "starting Chizu on 127.0.0.1:$PORT with a scratch database in $SCRATCH"
CHIZU_HOME=$SCRATCH CHIZU_PORT=$PORT CHIZU_SAMPLE_TOWN=false "$ROOT/chizu" run --server.address=127.0.0.1 \
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
export PGPASSWORD=$(cat "$CLUSTER/password")
psql_scratch() { "$PG_BIN/psql" -h 127.0.0.1 -p "$DB_PORT" -U chizu -d chizu -tAq -v ON_ERROR_STOP=1 "$@"; }
psql_scratch -f "$ROOT/bench/sql/booking-town.sql"
psql_scratch -c "vacuum analyze"

JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)
BASE="http://127.0.0.1:$PORT"

# 09:00–11:00 on Tuesday 5 January 2027 is free in every unit (the fixture books 08:00, 11:00, 14:00 …).
say "200 concurrent holds of unit 7, 2027-01-05 09:00–11:00"
HOLDS=$("${JAVA:-java}" "$ROOT/bench/BookingLoad.java" hold "$BASE" 200 7 2027-01-05T09:00:00+09:00 2027-01-05T11:00:00+09:00)
echo "$HOLDS"
LIVE=$(psql_scratch -c "select count(*) from booking where unit_id = 7 and state in ('held', 'applied', 'confirmed')
                        and period && tstzrange('2027-01-05 09:00+09', '2027-01-05 11:00+09')")
echo "in the database: $LIVE live booking(s) of that slot"
if [[ "$HOLDS" == *"{201=1, 409=199}"* ]] && [ "$LIVE" = 1 ]; then
  echo "OK: exactly one held, 199 told it is taken, no errors"
else
  echo "FAILED: expected {201=1, 409=199} and one live booking"
  exit 1
fi

say "availability of 100 units for $MONTH: $ROUNDS rounds on $CONNECTIONS connections, warming up first"
"${JAVA:-java}" "$ROOT/bench/BookingLoad.java" availability "$BASE" 100 2 "$CONNECTIONS" "$MONTH" >/dev/null
CHIZU=$("${JAVA:-java}" "$ROOT/bench/BookingLoad.java" availability "$BASE" 100 "$ROUNDS" "$CONNECTIONS" "$MONTH")
echo "Chizu:   $CHIZU"

SCRIPT=$SCRATCH/availability.pgbench
{ echo '\set unit random(1, 100)'; grep -v '^--' "$ROOT/booking/src/main/resources/org/chizu/booking/availability.sql"; echo ';'; } >"$SCRIPT"
TRANSACTIONS=$(( 100 * ROUNDS / CONNECTIONS ))
# jit off, as Chizu's connections have it (spring.datasource.hikari.connection-init-sql).
(cd "$SCRATCH" && PGOPTIONS='-c jit=off' "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$DB_PORT" -U chizu -M prepared -c "$CONNECTIONS" -j "$CONNECTIONS" \
  -t "$TRANSACTIONS" -D from=2027-01-01 -D to=2027-01-31 -D zone=Asia/Tokyo -l --log-prefix=avail -f "$SCRIPT" chizu >"$SCRATCH/pgbench.out")
PGBENCH=$(cat "$SCRATCH"/avail.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {
  p50=v[int(NR*0.50+0.999)]; p95=v[int(NR*0.95+0.999)]; p99=v[int(NR*0.99+0.999)];
  printf "%d queries, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", NR, p50/1000, p95/1000, p99/1000 }')
echo "pgbench: $PGBENCH, $(grep -o 'tps = [0-9.]*' "$SCRATCH/pgbench.out" | head -1)"
CHIZU_P95=$(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$CHIZU")
PG_P95=$(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$PGBENCH")
awk -v c="$CHIZU_P95" -v p="$PG_P95" 'BEGIN { printf "p95 ratio Chizu / bare SQL: %.2f\n", c / p }'

say "lottery of 10,000 entries for 2027-02, drawn by staff"
psql_scratch -f "$ROOT/bench/sql/booking-lottery.sql" >/dev/null
psql_scratch -c "vacuum analyze booking_lottery_entry"
ENTRIES=$(psql_scratch -c "select count(*) from booking_lottery_entry where lottery_id = 1")
DRAW_SECONDS=$(curl -fs -o "$SCRATCH/draw.json" -w '%{time_total}' -X POST -H 'Authorization: Bearer chizu_bench_staff' \
  -H 'Content-Type: application/json' --data '{"seed": "bench-2027-02"}' "$BASE/api/booking/lotteries/1/draw")
WINNERS=$(psql_scratch -c "select count(*) from booking_lottery_entry where lottery_id = 1 and won")
echo "draw:     $ENTRIES entries, $WINNERS winners, $(awk -v s="$DRAW_SECONDS" 'BEGIN { printf "%.0f ms", s * 1000 }') through Chizu"
BARE_MS=$(psql_scratch <<'SQL' | sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p'
begin;
delete from booking where state = 'held' and held_until >= '2099-01-01';
explain (analyze, timing off, summary on)
insert into booking (unit_id, account_id, period, state, held_until, organisation_id, fee_class, fee_yen, quote)
select unit_id, account_id, period, 'held', '2099-01-01', organisation_id, fee_class, fee_yen, quote
from booking_lottery_entry where lottery_id = 1 and won order by id;
rollback;
SQL
)
echo "bare SQL: insert of the $WINNERS winners' bookings $BARE_MS ms"
awk -v s="$DRAW_SECONDS" -v b="$BARE_MS" 'BEGIN { printf "draw / bare insert: %.1f\n", s * 1000 / b }'
if awk -v s="$DRAW_SECONDS" 'BEGIN { exit !(s < 5) }'; then
  echo "OK: the draw took under 5 s"
else
  echo "FAILED: the draw took 5 s or more"
  exit 1
fi
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
