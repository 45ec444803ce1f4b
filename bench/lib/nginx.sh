# nginx instances with their own prefix under $BENCH_BASE/nginx-NAME. Sourced (from the anchor harness).
nginx_start() {
  local name=$1 servers=$2 pfx=$BENCH_BASE/nginx-$1
  mkdir -p "$pfx/logs" "$pfx/tmp"
  cat > "$pfx/nginx.conf" <<CONF
worker_processes ${NGINX_WORKERS:-auto};
pid $pfx/nginx.pid;
error_log $pfx/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  types { application/vnd.mapbox-vector-tile mvt pbf; }
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000; keepalive_timeout 65;
  client_body_temp_path $pfx/tmp/body; fastcgi_temp_path $pfx/tmp/fcgi; proxy_temp_path $pfx/tmp/proxy;
  uwsgi_temp_path $pfx/tmp/uwsgi; scgi_temp_path $pfx/tmp/scgi;
$servers
}
CONF
  nginx -t -q -p "$pfx" -c "$pfx/nginx.conf"
  nginx -p "$pfx" -c "$pfx/nginx.conf"
  local i; for i in $(seq 50); do [ -s "$pfx/nginx.pid" ] && break; sleep 0.1; done
}

nginx_stop() {
  local pfx=$BENCH_BASE/nginx-$1 pid
  [ -s "$pfx/nginx.pid" ] || return 0
  pid=$(cat "$pfx/nginx.pid"); kill "$pid" 2>/dev/null || true
  local i; for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$pfx/nginx.pid"
}
