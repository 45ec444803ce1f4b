#!/usr/bin/env bash
# Reading sensor data at scale: starts Chizu on a scratch CHIZU_HOME (./chizu run, loopback only),
# generates COUNT observations (50 million unless told) over 1,000 datastreams inside PostgreSQL
# (generate_series, one reading a minute per datastream up to now, into the partitioned table as a
# bulk load, a day per statement), makes the hourly and daily aggregates in SQL as Chizu would, then
# times three SensorThings requests over HTTP, each beside the bare SQL that answers the same
# question (run in psql on the same database), and prints the ratios:
#   - the latest value of every datastream   (target < 50 ms)
#   - $count of one datastream in a week     (target < 100 ms)
#   - a day of one datastream's hourly aggregates (target < 50 ms)
# A floor row first: the cheapest request (one datastream's id), what any answer costs on this machine
# now. Everything it started is stopped and deleted.
#   bench/sensors-scale.sh [COUNT]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${1:-50000000}
DATASTREAMS=1000
RUNS=20
BENCH_NAME=sensors-scale
source "$ROOT/bench/lib/scratch.sh"

PER_DATASTREAM=$(( COUNT / DATASTREAMS ))
DAYS=$(( (PER_DATASTREAM + 1439) / 1440 ))
say "load before: $(uptime | sed 's/.*load average: //')"
say "$(( PER_DATASTREAM * DATASTREAMS )) observations: $DATASTREAMS datastreams x $PER_DATASTREAM readings (one a minute, $DAYS days)"
start_chizu

source "$ROOT/bench/lib/sensors.sh"
say "making $DATASTREAMS datastreams"
new_datastreams $DATASTREAMS >/dev/null
psql_scratch -c "insert into sta_feature_of_interest (name, feature) values ('bench', st_setsrid(st_point(131.84, 34.68), 4326))"
FIRST_DATASTREAM=$(psql_scratch -c "select min(id) from sta_datastream")
FEATURE=$(psql_scratch -c "select max(id) from sta_feature_of_interest")
END_MINUTE=$(psql_scratch -c "select date_trunc('minute', now())")
# Months ahead of the data get their partitions (Chizu makes the coming ones itself).
psql_scratch -c "select sta_ensure_observation_partition((date_trunc('month', timestamptz '$END_MINUTE' - interval '1 minute' * $PER_DATASTREAM) + make_interval(months => m))::date)
                 from generate_series(0, ($DAYS / 28) + 1) m" >/dev/null

say "generating the observations, a day per statement"
LOAD_START=$(date +%s)
# Loaded as a bulk load is: the session's triggers off (the foreign-key checks, which hold by
# construction, and the notes of changed hours, whose aggregates are made below in one statement),
# and the two secondary indexes built once the rows are in. Through the triggers and indexes row by
# row 50 M rows took about an hour on the shared machine.
psql_scratch -c "drop index sta_observation_datastream_newest" -c "drop index sta_observation_feature"
for (( day = DAYS - 1; day >= 0; day-- )); do
  # Minutes counted back from the end: minute m of datastream d is reading number m (oldest first).
  psql_scratch -c "set session_replication_role = replica" -c "
    insert into sta_observation (datastream_id, phenomenon_time_start, result_number, feature_of_interest_id)
    select $FIRST_DATASTREAM + d, timestamptz '$END_MINUTE' - interval '1 minute' * m, 1 + sin(m / 90.0 + d) + d % 7 * 0.1, $FEATURE
    from generate_series(greatest($day * 1440, 0), least(($day + 1) * 1440, $PER_DATASTREAM) - 1) m, generate_series(0, $DATASTREAMS - 1) d"
done
ROWS_S=$(( $(date +%s) - LOAD_START ))
psql_scratch -c "set maintenance_work_mem = '1GB'" \
  -c "create index sta_observation_datastream_newest on sta_observation (datastream_id, phenomenon_time_start desc, id desc)" \
  -c "create index sta_observation_feature on sta_observation (feature_of_interest_id)"
INDEX_S=$(( $(date +%s) - LOAD_START - ROWS_S ))
say "generated in $(( ROWS_S + INDEX_S )) s (rows $ROWS_S s, indexes $INDEX_S s); latest values, extents, aggregates and statistics"
psql_scratch -c "
  insert into sta_latest_observation (datastream_id, observation_id, phenomenon_time_start, result_number)
  select d.id, o.id, o.phenomenon_time_start, o.result_number from sta_datastream d
  cross join lateral (select id, phenomenon_time_start, result_number from sta_observation where datastream_id = d.id
                      order by phenomenon_time_start desc, id desc limit 1) o;
  update sta_datastream set phenomenon_time_start = timestamptz '$END_MINUTE' - interval '1 minute' * $PER_DATASTREAM,
                            phenomenon_time_end = timestamptz '$END_MINUTE'"
AGGREGATE_START=$(date +%s)
# The hours and days as Chizu's catching up makes them (ObservationAggregates), in one statement each.
psql_scratch -c "set work_mem = '512MB'" -c "
  insert into sta_observation_aggregate (datastream_id, period, period_start, period_end, readings, total, minimum, maximum)
  select datastream_id, 'hour', date_trunc('hour', phenomenon_time_start), date_trunc('hour', phenomenon_time_start) + interval '1 hour',
         count(*), sum(result_number), min(result_number), max(result_number)
  from sta_observation where result_number is not null and not sta_flagged(result_quality) group by 1, 3" -c "
  insert into sta_observation_aggregate (datastream_id, period, period_start, period_end, readings, total, minimum, maximum)
  select datastream_id, 'day', date_trunc('day', period_start, 'Asia/Tokyo'),
         (date_trunc('day', period_start, 'Asia/Tokyo') at time zone 'Asia/Tokyo' + interval '1 day') at time zone 'Asia/Tokyo',
         sum(readings), sum(total), min(minimum), max(maximum)
  from sta_observation_aggregate where period = 'hour' group by 1, 3"
AGGREGATE_S=$(( $(date +%s) - AGGREGATE_START ))
psql_scratch -c "vacuum analyze sta_observation" -c "vacuum analyze sta_observation_aggregate"
STORED=$(psql_scratch -c "select count(*) from sta_observation")

DATASTREAM=$(( FIRST_DATASTREAM + DATASTREAMS / 2 ))
WEEK_END=$(psql_scratch -c "select to_char(date_trunc('day', timestamptz '$END_MINUTE' - interval '1 day') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
WEEK_START=$(psql_scratch -c "select to_char((timestamptz '$WEEK_END' - interval '7 days') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
DAY_START=$(psql_scratch -c "select to_char((timestamptz '$WEEK_END' - interval '1 day') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
API=http://127.0.0.1:$PORT/sta/v1.1
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="$=&(),;/"))' "$1"; }

# Median milliseconds of RUNS requests (after two to warm up).
http_ms() {
  for _ in 1 2; do curl -fsS -o /dev/null "$1"; done
  for _ in $(seq 1 $RUNS); do curl -fsS -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] * 1000 }'
}
# Median milliseconds of RUNS runs of the query in one psql session (after two to warm up).
sql_ms() {
  { echo '\timing on'; for _ in $(seq 1 $(( RUNS + 2 ))); do echo "$1;"; done; } | psql_scratch -o /dev/null 2>&1 \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +3 | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] }'
}
row() { # name, target (0 for none), http ms, sql ms
  awk -v n="$1" -v t="$2" -v h="$3" -v s="$4" 'BEGIN { target = t > 0 ? sprintf("(target < %3d ms)", t) : "                 "
    ratio = s > 0 ? sprintf("ratio %5.1f", h / s) : "(SQL under 0.05 ms)"
    printf "  %-44s %8.1f ms  %s   bare SQL %7.1f ms   %s\n", n, h, target, s, ratio }'
}

FLOOR_HTTP=$(http_ms "$API/Datastreams($DATASTREAM)?\$select=id")
FLOOR_SQL=$(sql_ms "select id from sta_datastream where id = $DATASTREAM")
LATEST_HTTP=$(http_ms "$API/Datastreams?\$top=$DATASTREAMS&\$select=id,name&\$expand=$(enc 'Observations($orderby=phenomenonTime desc;$top=1;$select=phenomenonTime,result)')")
LATEST_SQL=$(sql_ms "select d.id, d.name, o.phenomenon_time_start, o.result_number from sta_datastream d cross join lateral (select phenomenon_time_start, result_number from sta_observation where datastream_id = d.id order by phenomenon_time_start desc limit 1) o order by d.id")
LATEST_TABLE=$(sql_ms "select datastream_id, phenomenon_time_start, result_number from sta_latest_observation")
COUNT_HTTP=$(http_ms "$API/Datastreams($DATASTREAM)/Observations?\$count=true&\$top=0&\$filter=$(enc "phenomenonTime ge $WEEK_START and phenomenonTime lt $WEEK_END")")
COUNT_SQL=$(sql_ms "select count(*) from sta_observation where datastream_id = $DATASTREAM and phenomenon_time_start >= '$WEEK_START' and phenomenon_time_start < '$WEEK_END'")
HOURS_HTTP=$(http_ms "$API/Datastreams($DATASTREAM)/Observations?\$aggregate=hour&\$top=24&\$filter=$(enc "phenomenonTime ge $DAY_START and phenomenonTime le $WEEK_END")")
HOURS_SQL=$(sql_ms "select period_start, readings, total / readings, minimum, maximum from sta_observation_aggregate where datastream_id = $DATASTREAM and period = 'hour' and period_start >= '$DAY_START' and period_start < '$WEEK_END' order by period_start")
HOURS_RAW=$(sql_ms "select date_trunc('hour', phenomenon_time_start), count(*), avg(result_number), min(result_number), max(result_number) from sta_observation where datastream_id = $DATASTREAM and phenomenon_time_start >= '$DAY_START' and phenomenon_time_start < '$WEEK_END' and not sta_flagged(result_quality) group by 1 order by 1")
WEEK_COUNT=$(curl -fsS "$API/Datastreams($DATASTREAM)/Observations?\$count=true&\$top=0&\$filter=$(enc "phenomenonTime ge $WEEK_START and phenomenonTime lt $WEEK_END")" | python3 -c 'import json, sys; print(json.load(sys.stdin)["@iot.count"])')
HOURS=$(curl -fsS "$API/Datastreams($DATASTREAM)/Observations?\$aggregate=hour&\$top=24&\$filter=$(enc "phenomenonTime ge $DAY_START and phenomenonTime le $WEEK_END")" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["value"]))')

echo "$STORED observations over $DATASTREAMS datastreams (one a minute each, $DAYS days; default COUNT is 50,000,000): rows loaded in $ROWS_S s, indexes in $INDEX_S s, aggregates in ${AGGREGATE_S} s"
echo "median of $RUNS, HTTP through Chizu beside bare SQL in psql (load average now: $(uptime | sed 's/.*load average: //')):"
row "floor: one datastream's id" 0 "$FLOOR_HTTP" "$FLOOR_SQL"
row "latest value of every datastream" 50 "$LATEST_HTTP" "$LATEST_SQL"
echo "    (the kept latest-value table in SQL: $LATEST_TABLE ms)"
row "\$count of one datastream in a week ($WEEK_COUNT)" 100 "$COUNT_HTTP" "$COUNT_SQL"
row "a day of hourly aggregates ($HOURS hours)" 50 "$HOURS_HTTP" "$HOURS_SQL"
echo "    (the same hours computed from the raw readings in SQL: $HOURS_RAW ms)"
