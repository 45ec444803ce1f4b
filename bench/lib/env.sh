# Settings of bench/tiles.sh. Sourced. Each may be overridden from the environment.
BENCH_BASE=${BENCH_BASE:-/tmp/chizu-bench-tiles}    # cluster, tiles, logs; never the developer's .chizu
PG_PORT=${PG_PORT:-55470}
CHIZU_PORT=${CHIZU_PORT:-58470}
STATIC_PORT=${STATIC_PORT:-58471}
MS_PORT=${MS_PORT:-58472}                            # nginx in front of MapServer
MS_FCGI_PORT=${MS_FCGI_PORT:-59470}
MS_PROCS=${MS_PROCS:-8}                              # mapserv FastCGI processes, as the anchor measured
DURATION=${DURATION:-20}                             # seconds per throughput cell
ZOOM_DURATION=${ZOOM_DURATION:-$(( DURATION < 10 ? DURATION : 10 ))}  # seconds per zoom of the real map
CONNS=${CONNS:-"2 8"}                                # client connections per cell
WARMUP=${WARMUP:-3}
CHIZU_WARMUP=${CHIZU_WARMUP:-15}                     # the JIT compiles the hot paths in the first thousands of requests
CHIZU_JAVA_OPTS=${CHIZU_JAVA_OPTS:--Xmx1g}
RESULTS=$BENCH_BASE/results
LOGS=$BENCH_BASE/logs
PGDATA_DIR=$BENCH_BASE/pg
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGOPTIONS="-c client_min_messages=warning"
mkdir -p "$BENCH_BASE" "$RESULTS" "$LOGS"
psql_q() { psql -X -v ON_ERROR_STOP=1 -qAt "$@"; }
