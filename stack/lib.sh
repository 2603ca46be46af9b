# Shared by up.sh, down.sh and test.sh: paths, preflight checks, and starting/stopping our own
# background processes (backend, SPA) with pid files under stack/.run/.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
RUN="$ROOT/stack/.run"
LOGS="$RUN/logs"
mkdir -p "$LOGS"

PGHOST="${GJ_DB_HOST:-127.0.0.1}"
PGPORT="${GJ_DB_PORT:-5432}"
PGUSER="${GJ_DB_USER:-postgres}"
export PGHOST PGPORT PGUSER

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { echo "error: $*" >&2; exit 1; }

preflight() {
  command -v java >/dev/null || die "Java 17+ is needed (java not found)"
  local jv; jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${jv%%.*}" -ge 17 ] 2>/dev/null || die "Java 17+ is needed (found $jv)"
  command -v node >/dev/null || die "Node.js 20+ is needed (node not found)"
  local nv; nv=$(node -p 'process.versions.node.split(".")[0]')
  [ "$nv" -ge 20 ] || die "Node.js 20+ is needed (found $(node -v))"
  command -v psql >/dev/null || die "the PostgreSQL client (psql) is needed"
  psql -d postgres -Atqc 'select 1' >/dev/null 2>&1 \
    || die "PostgreSQL is not answering on $PGHOST:$PGPORT as $PGUSER (trust auth expected)"
}

ensure_database() { # ensure_database <name>
  if [ "$(psql -d postgres -Atqc "select 1 from pg_database where datname = '$1'")" != 1 ]; then
    createdb "$1" && echo "created database $1"
  fi
}

recreate_database() { # recreate_database <name>: an empty database, for a test run
  dropdb --if-exists --force "$1" && createdb "$1"
}

http_ok() { curl -fs -o /dev/null --max-time 3 "$1"; }

# live_pid <pidfile> [pattern]: prints the pid written there while that process lives (not a
# zombie, and, with a pattern, not a recycled pid: its command line must contain the pattern)
live_pid() {
  local pid state
  [ -f "$1" ] || return 1
  pid=$(cat "$1" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  state=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z* ]] || return 1
  if [ -n "${2:-}" ]; then tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1; fi
  echo "$pid"
}

# wait_until <seconds> <name> <log> <pidfile or -> <command...>: polls the command every second;
# gives up early when the process of the pid file has gone, or after the time, with the log's tail
wait_until() {
  local seconds=$1 name=$2 log=$3 pidfile=$4; shift 4
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [ "$pidfile" != - ] && ! live_pid "$pidfile" >/dev/null; then
      echo "$name exited while starting; last lines of $log:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "$name was not ready within $seconds s; last lines of $log:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

wait_for() { # wait_for <url> <seconds> <name> <log> [pidfile]
  wait_until "$2" "$3" "$4" "${5:--}" http_ok "$1"
}

# start_bg <name> <log> <command...>: runs it in a session of its own (setsid), so that stop_bg
# ends its whole process group, children included; the pid file is $RUN/<name>.pid
start_bg() {
  local name=$1 log=$2; shift 2
  stop_bg "$name"
  : > "$log"
  setsid nohup "$@" >>"$log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

# stop_group <pidfile> [pattern]: TERM to the process group, KILL to what is left after 30 s
stop_group() {
  local pidfile=$1 pid
  if pid=$(live_pid "$pidfile" "${2:-}"); then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do live_pid "$pidfile" >/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop_bg() { stop_group "$RUN/$1.pid"; } # stop_bg <name>

backend_app="$ROOT/backend/target/quarkus-app"
backend_jar="$backend_app/quarkus-run.jar"
# The build's own time stamp: touching the jar itself would invalidate its AppCDS archive (the JVM
# checks the jar's modification time against the one recorded in the archive).
backend_stamp="$ROOT/backend/target/.gj-backend-built"

build_backend() { # skips Maven when nothing changed since the last build (ours, or a `./mvnw package`)
  local built=$backend_jar
  [ "$backend_stamp" -nt "$backend_jar" ] && built=$backend_stamp
  if [ -f "$backend_jar" ] && [ -z "$(find "$ROOT/backend/src/main" "$ROOT/backend/pom.xml" -newer "$built" -print -quit)" ]; then
    echo "backend: up to date"
    return 0
  fi
  (cd "$ROOT/backend" && ./mvnw -q -B package -DskipTests) && touch "$backend_stamp"
}

# appcds_opts [java options...]: prints -XX:SharedArchiveFile=app-cds.jsa when the build's AppCDS
# archive (quarkus.package.jar.appcds.enabled; made by `package`) exists and fits this JVM and this
# build; otherwise a note on stderr and nothing: the backend then starts without it, only slower.
# The archive names the jar by the relative path it was made with, so the JVM must run in
# $backend_app with `-jar quarkus-run.jar` (start_backend does). GJ_APPCDS=false turns it off.
appcds_opts() {
  [ "${GJ_APPCDS:-true}" = true ] || return 0
  if [ ! -f "$backend_app/app-cds.jsa" ]; then
    echo "note: no AppCDS archive at $backend_app/app-cds.jsa: the backend starts without it (slower)" >&2
    return 0
  fi
  if ! (cd "$backend_app" && java "$@" -Xshare:on -XX:SharedArchiveFile=app-cds.jsa -cp quarkus-run.jar -version >/dev/null 2>&1); then
    echo "note: $backend_app/app-cds.jsa does not fit this JVM or this build (rebuild with package): the backend starts without it (slower)" >&2
    return 0
  fi
  echo "-XX:SharedArchiveFile=app-cds.jsa"
}

# A backend's management interface (health, metrics; loopback only) listens on its API port + 1000.
mgmt_port() { echo $(( $1 + 1000 )); }

# start_backend <name> <port> <database> <demo true|false>: starts it; wait_backend waits for it.
# With demo data on a fresh database the first start replays the 2010 weekend, then the same weekend
# with Grand Jour's tools (two to five minutes).
# Runs in the build's folder with the AppCDS archive when it fits (appcds_opts).
start_backend() {
  local name=$1 port=$2 db=$3 demo=$4 log="$LOGS/$1.log" opts cds
  read -r -a opts <<< "${GJ_JAVA_OPTS:--Xmx512m}"
  cds=$(appcds_opts "${opts[@]}")
  start_bg "$name" "$log" env -C "$backend_app" GJ_HTTP_PORT="$port" GJ_MGMT_PORT="$(mgmt_port "$port")" GJ_DB_NAME="$db" GJ_DEMO="$demo" \
    java "${opts[@]}" $cds -jar quarkus-run.jar
}

wait_backend() { # wait_backend <name> <api port>: readiness, on the management port
  # up to 15 min: a first start with demo data replays the 2010 weekend twice (2-5 min on 2 busy cores);
  # a backend that dies meanwhile is noticed at once (its pid)
  wait_for "http://127.0.0.1:$(mgmt_port "$2")/q/health/ready" 900 "the backend" "$LOGS/$1.log" "$RUN/$1.pid"
}

install_frontend() { # npm ci only when the lockfile changed since the last install
  local stamp="$ROOT/frontend/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$ROOT/frontend/package-lock.json" -ot "$stamp" ]; then
    return 0
  fi
  (cd "$ROOT/frontend" && npm ci --no-audit --no-fund --loglevel=error)
}

build_frontend() {
  local dist="$ROOT/frontend/dist/index.html"
  if [ -f "$dist" ] && [ -z "$(find "$ROOT/frontend/src" "$ROOT/frontend/public" "$ROOT/frontend/index.html" \
      "$ROOT/frontend/package.json" "$ROOT/frontend/vite.config.ts" -newer "$dist" -print -quit 2>/dev/null)" ]; then
    echo "frontend: up to date"
    return 0
  fi
  (cd "$ROOT/frontend" && npm run --silent build)
}

# install_debian_packages <package...>: the browser-test tools, when missing (root with apt only)
install_debian_packages() {
  command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] || die "please install: $* (apt-get install -y $*)"
  echo "installing $* with apt"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# start_spa <name> <port> <api port>: the built SPA, with /api proxied to that backend
start_spa() {
  local name=$1 port=$2 api=$3 log="$LOGS/$1.log"
  start_bg "$name" "$log" env -C "$ROOT/frontend" GJ_SPA_PORT="$port" GJ_API_URL="http://127.0.0.1:$api" \
    "$ROOT/frontend/node_modules/.bin/vite" preview
  wait_for "http://127.0.0.1:$port/" 60 "the SPA" "$log" "$RUN/$name.pid"
}
