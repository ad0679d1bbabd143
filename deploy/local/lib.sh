# Shared by the deploy/local scripts (sourced, not run). Needs bash and a JDK 17+ on the PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
STATE="$ROOT/.devstack"
LAUNCHER_JAR="$STATE/lib/devstack.jar"
CLASSPATH_FILE="$STATE/classpath.txt"
SERVICES=(posts-service cooperation-service gateway)

die() { echo "$*" >&2; exit 1; }

require_java() {
  command -v java >/dev/null 2>&1 || die "java is not on the PATH: install a JDK 17 or later."
}

# A module's build output is stale when it is missing or older than any main source or pom (or than its build mark,
# when that is newer: see build_if_needed).
stale_module() {
  local module="$1" artifact="$2" reference="$2"
  [[ -f "$artifact" ]] || return 0
  [[ -f "$(build_mark "$module")" && "$(build_mark "$module")" -nt "$artifact" ]] && reference="$(build_mark "$module")"
  [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" "$ROOT/pom.xml" -newer "$reference" -print -quit 2>/dev/null)" ]]
}

# When a module was last built by this script: a file of its own, because the jars themselves must keep their time
# (the AppCDS archive beside a service's jar holds the jars' modification times and is ignored once one changes).
build_mark() { echo "$ROOT/$1/target/devstack-built.mark"; }

devstack_jar() {
  local jar
  for jar in "$ROOT"/deploy/devstack/target/devstack-*.jar; do
    [[ "$jar" == *-sources.jar || "$jar" == *-tests.jar ]] && continue
    [[ -f "$jar" ]] && { echo "$jar"; return; }
  done
  echo "$ROOT/deploy/devstack/target/devstack-missing.jar"
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# Builds everything once when any runnable is missing or older than its sources (or when forced).
build_if_needed() {
  local force="$1" reasons=() module
  stale_module deploy/devstack "$(devstack_jar)" && reasons+=("deploy/devstack")
  for module in "${SERVICES[@]}"; do
    stale_module "$module" "$(service_jar "$module")" && reasons+=("$module")
  done
  if [[ "$force" == true ]]; then
    reasons=("--build")
  fi
  if (( ${#reasons[@]} > 0 )); then
    echo "Building (${reasons[*]}): ./mvnw -B -q install -DskipTests ..."
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || die "The build failed; fix it, then run deploy/local/run again."
    # A no-op rebuild may leave an artifact untouched: mark it as current so the next run does not rebuild.
    touch "$(devstack_jar)"
    for module in "${SERVICES[@]}"; do touch "$(build_mark "$module")"; done
    rm -f "$CLASSPATH_FILE"
  fi
}

# The devstack's runtime classpath, computed once by Maven and cached under .devstack.
ensure_classpath() {
  local stale=false entry
  if [[ ! -s "$CLASSPATH_FILE" || "$ROOT/pom.xml" -nt "$CLASSPATH_FILE" || "$ROOT/deploy/devstack/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
    stale=true
  else
    IFS=: read -r -a entries < "$CLASSPATH_FILE" || true   # no trailing newline: read reports EOF
    for entry in "${entries[@]}"; do [[ -f "$entry" ]] || { stale=true; break; }; done
  fi
  if [[ "$stale" == true ]]; then
    mkdir -p "$STATE"
    echo "Computing the devstack runtime classpath (once) ..."
    (cd "$ROOT" && ./mvnw -B -q -pl deploy/devstack dependency:build-classpath \
        -Dmdep.outputFile="$CLASSPATH_FILE.tmp" -Dmdep.includeScope=runtime) \
      || die "Could not resolve the devstack classpath (is the local Maven repository reachable?)"
    mv "$CLASSPATH_FILE.tmp" "$CLASSPATH_FILE"
  fi
}

# The launcher runs from a copy of the devstack jar, so a rebuild or `mvn clean` never pulls it
# from under a running Kafka, and stop still works afterwards.
install_launcher() {
  local jar
  jar="$(devstack_jar)"
  [[ -f "$jar" ]] || die "$jar is missing: run deploy/local/run --build"
  mkdir -p "$STATE/lib"
  cp "$jar" "$LAUNCHER_JAR.tmp" && mv "$LAUNCHER_JAR.tmp" "$LAUNCHER_JAR"
}

launcher_available() { [[ -f "$LAUNCHER_JAR" && -s "$CLASSPATH_FILE" ]]; }

# slf4j-simple is the launcher's logging (the devstack's optional test libraries bring another binding);
# the Kafka admin client's connection retries while the broker boots are not worth showing.
launcher() {
  java -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -Dslf4j.internal.verbosity=WARN \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=off \
    -cp "$LAUNCHER_JAR:$(cat "$CLASSPATH_FILE")" org.dcis.devstack.local.LocalStack "$1" "$ROOT"
}

has_pid_files() { compgen -G "$STATE/pids/*.pid" >/dev/null; }

# Ports of the suite, honouring the same overrides as the launcher.
suite_ports() {
  echo "${DCIS_GATEWAY_PORT:-8080} ${DCIS_POSTS_PORT:-8081} ${DCIS_COOPERATION_PORT:-8082} ${DCIS_KEYCLOAK_PORT:-8180}" \
       "${DCIS_POSTGRES_PORT:-5432} ${DCIS_KAFKA_PORT:-9092} ${DCIS_KAFKA_CONTROLLER_PORT:-9093}" \
       "${DCIS_POSTS_MANAGEMENT_PORT:-9081} ${DCIS_COOPERATION_MANAGEMENT_PORT:-9082}"
}
