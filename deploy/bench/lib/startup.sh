# Start-up of each service (sourced by deploy/bench/run): a second instance of each service of the running stack is
# started beside it, with the running instance's environment (same database, broker and Keycloak, so its dependencies
# are up) on free ports, and timed from the process start until its readiness probe answers 200; its RSS is read
# once it has been idle for a few seconds, then it is stopped (TERM, by its PID). A posts-service or
# cooperation-service instance joins the running one's consumer groups for that time (the suite runs replicas:
# deploy/faults ReplicasIT), which is why this scenario runs last.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

service_pid() { pgrep -f -- "-jar $ROOT/$1/target/quarkus-app/quarkus-run.jar" | head -1 || true; }

# The local stack's defaults (deploy/devstack StackStarter.DEFAULT_SERVICE_JAVA_OPTS): DCIS_SERVICE_JAVA_OPTS replaces them.
SERVICE_JAVA_OPTS_DEFAULT="-Xmx384m -XX:+UseSerialGC -Xms32m"

# The JVM options of a service started from its target/quarkus-app directory: DCIS_SERVICE_JAVA_OPTS or the defaults,
# plus the build's AppCDS archive (app-cds.jsa) when there is one and the options neither name one nor turn sharing off.
service_java_opts() {
  local opts="${DCIS_SERVICE_JAVA_OPTS:-$SERVICE_JAVA_OPTS_DEFAULT}"
  if [[ -f app-cds.jsa && " $opts $* " != *" -XX:SharedArchiveFile="* && " $opts $* " != *" -Xshare:"* \
        && " $opts $* " != *" -XX:ArchiveClassesAtExit="* ]]; then
    opts="$opts -XX:SharedArchiveFile=app-cds.jsa"
  fi
  echo "$opts"
}

# startup_measure SERVICE [extra JVM options...]: prints one RESULT line (BENCH_JAVA: another java binary, e.g. a newer
# JDK; not taken from PATH, which the running instance's environment replaces)
startup_measure() {
  local service="$1"; shift
  local running http mgmt probe pid start ready_ms rss log started
  running="$(service_pid "$service")"
  [[ -n "$running" ]] || { echo "RESULT service=$service ready_ms=-1 started_in_s=-1 rss_idle_mb=-1 note=not-running"; return; }
  http="$(free_port)"; mgmt="$(free_port)"
  log="$(mktemp)"
  probe="http://127.0.0.1:$mgmt/q/health/ready"
  [[ "$service" == gateway ]] && probe="http://127.0.0.1:$http/q/health/ready"
  start=$(date +%s%N)
  (
    # the running instance's environment: its database, broker, Keycloak and settings
    while IFS= read -r -d '' kv; do export "$kv"; done < "/proc/$running/environ"
    export QUARKUS_HTTP_PORT="$http" QUARKUS_MANAGEMENT_PORT="$mgmt"
    # as the local stack launches it (StackStarter): from the jar's directory (the AppCDS archive names the jar
    # relative to it), with the stack's default options and the build's archive unless the options name one
    cd "$ROOT/$service/target/quarkus-app"
    # shellcheck disable=SC2086
    exec "${BENCH_JAVA:-java}" $(service_java_opts) "$@" -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar"
  ) > "$log" 2>&1 &
  pid=$!
  ready_ms=-1
  for _ in $(seq 1 1200); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$probe")" == 200 ]]; then
      ready_ms=$(( ($(date +%s%N) - start) / 1000000 )); break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  sleep "${BENCH_STARTUP_IDLE_S:-5}"
  rss="$(rss_mb "$pid")"
  started="$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$log" | head -1)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "RESULT service=$service ready_ms=$ready_ms started_in_s=${started:-?} rss_idle_mb=$rss jvm_options=$(cd "$ROOT/$service/target/quarkus-app" && echo "$(service_java_opts "$@") $*" | tr ' ' '_')"
  rm -f "$log"
}
