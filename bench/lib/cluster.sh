# The benchmark's own PostgreSQL cluster on 127.0.0.1:$PG_PORT, tuned as the anchor harness tuned
# it (no durability, large buffers). Sourced. As root it belongs to the 'postgres' system user.
pg_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cluster_up() {
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR"; [ "$(id -u)" = 0 ] && chown postgres: "$BENCH_BASE" "$PGDATA_DIR"
    chmod 700 "$PGDATA_DIR"
    pg_owner "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log"
    cat >>"$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
jit = off
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  fi
  if pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    say "using the bench PostgreSQL that is already running (it stays up)"; return 0
  fi
  touch "$LOGS/postgres.log"; [ "$(id -u)" = 0 ] && chown postgres: "$LOGS/postgres.log"
  pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$LOGS/postgres.log" -w start >/dev/null
  CLUSTER_STARTED=1
  say "bench PostgreSQL pid $(head -1 "$PGDATA_DIR/postmaster.pid") on 127.0.0.1:$PG_PORT"
}

cluster_down() {
  [ -n "${CLUSTER_STARTED:-}" ] || return 0
  pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  say "stopped the bench PostgreSQL"
}

database_exists() { [ "$(psql_q -d postgres -c "select 1 from pg_database where datname = '$1'")" = 1 ]; }
