# The nginx reference proxy of the benchmark (sourced by deploy/bench/run). It stands where the gateway stands and
# only routes: /api/posts/... to posts-service and /api/cooperation/... to cooperation-service, prefix stripped, the
# Authorization header passed along, kept-alive upstream connections. No token check, no roles, no rate limit: the
# gap between its figures and the gateway's is what the gateway's own work costs, above routing alone.
# Debian's nginx (apt-get install -y nginx-light); it runs in the foreground of a background job ("daemon off"),
# from a configuration generated into a temporary directory, and is stopped by its own PID.

nginx_start() { # dir port posts_port cooperation_port
  local dir="$1" port="$2"
  mkdir -p "$dir/logs" "$dir/tmp"
  cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log $dir/logs/access.log combined buffer=64k flush=1s;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  keepalive_requests 100000;
  client_max_body_size 1m;
  upstream posts { server 127.0.0.1:$3; keepalive 64; }
  upstream cooperation { server 127.0.0.1:$4; keepalive 64; }
  server {
    listen 127.0.0.1:$port;
    location /api/posts/ {
      proxy_pass http://posts/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
    location /api/cooperation/ {
      proxy_pass http://cooperation/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/logs/error.log" > "$dir/logs/stdout.log" 2>&1 &
  echo $! > "$dir/job.pid"
  local i
  for i in $(seq 1 50); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" != 000 ]] && return 0
    sleep 0.1
  done
  echo "nginx did not start: $(cat "$dir/logs/error.log" "$dir/logs/stdout.log" 2>/dev/null)" >&2
  return 1
}

nginx_stop() { # dir
  local pid
  pid="$(cat "$1/nginx.pid" 2>/dev/null || cat "$1/job.pid" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 0
  kill -QUIT "$pid" 2>/dev/null || true   # graceful: the master stops its workers
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -TERM "$pid" 2>/dev/null || true
}

nginx_ensure_installed() {
  command -v nginx >/dev/null && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing nginx (apt-get install -y nginx-light) ..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) >/dev/null 2>&1 \
      || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx) >/dev/null 2>&1
  fi
  command -v nginx >/dev/null
}
