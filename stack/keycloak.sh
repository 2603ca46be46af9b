#!/usr/bin/env bash
# Local Keycloak for Grand Jour development and tests.
#
#   stack/keycloak.sh start    fetch if needed, start in the background, wait until ready
#                              (reuses a Keycloak already serving our realm on 127.0.0.1:8180)
#   stack/keycloak.sh stop     stop the Keycloak this script started
#   stack/keycloak.sh status   exit 0 if running and ready
#   stack/keycloak.sh wait     wait until ready (300 s), else print the log tail and exit 1
#   stack/keycloak.sh fetch    download (through backend/mvnw) and unpack the distribution
#
# Keycloak runs in dev mode (H2 database under the dist's data/h2) with the realm
# stack/keycloak/grandjour-realm.json imported at start. When that file changes, the next
# `start` (after a `stop`) wipes data/h2 so the new version is imported: users registered
# or changed in the running Keycloak are lost then, which is the point of a dev realm.
# Admin console: http://127.0.0.1:8180/admin (admin/admin).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, RUN, LOGS, die, live_pid, wait_until, stop_group

KC_VERSION=26.7.3
KC_HOST=127.0.0.1
# Other ports (GJ_KC_PORT, GJ_KC_MGMT_PORT) let a second Keycloak run next to the usual one, e.g. to try realm changes.
KC_PORT="${GJ_KC_PORT:-8180}"
KC_MGMT_PORT="${GJ_KC_MGMT_PORT:-9180}"
KC_URL="http://$KC_HOST:$KC_PORT"
REALM=grandjour
READY_URL="$KC_URL/realms/$REALM/.well-known/openid-configuration"
WAIT_TIMEOUT="${KEYCLOAK_WAIT_TIMEOUT:-300}"   # a first start on a busy 2-core machine can take 3 min

REALM_JSON="$ROOT/stack/keycloak/$REALM-realm.json"
KC_HOME="$RUN/keycloak-$KC_VERSION"
LOG="$LOGS/keycloak.log"
PID_FILE="$RUN/keycloak.pid"
HASH_FILE="$RUN/keycloak-realm.sha256"   # hash of the realm JSON last imported

say() { echo "keycloak: $*"; }

# Serialise start/stop/fetch between concurrent callers (e.g. two test suites starting at once).
lock() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$RUN/.keycloak.lock"
    flock 9
  fi
}

http_code() { # prints the HTTP status of a GET (000 when nothing answers)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true
}

ready() { [ "$(http_code "$READY_URL")" = 200 ]; }

# pid of the Keycloak we started, if it is still alive (the pattern rules out a recycled pid)
running_pid() { live_pid "$PID_FILE" "keycloak-$KC_VERSION"; }

realm_hash() { sha256sum "$REALM_JSON" | cut -d' ' -f1; }

unpack_zip() { # unpack_zip <zip> <dir>: unzip, else jar, else python3
  local zip="$1" dir="$2"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$dir"
  elif command -v jar >/dev/null 2>&1; then
    (cd "$dir" && jar xf "$zip")
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$dir"
  else
    die "need unzip, jar or python3 to unpack $zip"
  fi
}

do_fetch() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then
    return 0
  fi
  rm -rf "$RUN"/.fetch.*            # leftovers of an interrupted fetch (we hold the lock)
  local tmp
  tmp="$(mktemp -d "$RUN/.fetch.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  trap 'exit 130' INT TERM
  say "downloading Keycloak $KC_VERSION (~180 MB, through backend/mvnw)..."
  "$ROOT/backend/mvnw" -q -B dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
    -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true \
    || die "download failed (Maven could not resolve org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip)"
  local zip="$tmp/keycloak-quarkus-dist-$KC_VERSION.zip"
  [ -f "$zip" ] || die "download failed: $zip missing"
  say "unpacking..."
  mkdir "$tmp/unpack"
  unpack_zip "$zip" "$tmp/unpack"
  [ -f "$tmp/unpack/keycloak-$KC_VERSION/bin/kc.sh" ] || die "unexpected zip layout (no keycloak-$KC_VERSION/bin/kc.sh)"
  chmod +x "$tmp/unpack/keycloak-$KC_VERSION"/bin/*.sh
  mv "$tmp/unpack/keycloak-$KC_VERSION" "$KC_HOME"   # atomic: the dist is either complete or absent
  rm -rf "$tmp"
  trap - EXIT INT TERM
  say "Keycloak $KC_VERSION unpacked in ${KC_HOME#"$ROOT"/}"
}

do_wait() { # gives up early when the Keycloak we started has exited
  local pidfile=-
  [ -f "$PID_FILE" ] && pidfile=$PID_FILE
  wait_until "$WAIT_TIMEOUT" Keycloak "$LOG" "$pidfile" ready
}

ready_msg() { say "Keycloak ready on $KC_URL (admin/admin), realm $REALM$1"; }

cmd_start() {
  lock
  [ -f "$REALM_JSON" ] || die "realm file missing: $REALM_JSON"
  local pid
  if ready; then
    ready_msg " (already running, reused)"
    if [ -f "$HASH_FILE" ] && [ "$(cat "$HASH_FILE")" != "$(realm_hash)" ]; then
      say "note: ${REALM_JSON#"$ROOT"/} changed since it was imported; run '$0 stop' then '$0 start' to re-import"
    fi
    return 0
  fi
  if pid="$(running_pid)"; then
    say "Keycloak (pid $pid) is starting; waiting..."
    do_wait || exit 1
    ready_msg ""
    return 0
  fi
  rm -f "$PID_FILE"
  local code
  code="$(http_code "$KC_URL/")"
  if [ "$code" != 000 ]; then
    die "something else answers on $KC_URL (HTTP $code) without realm '$REALM'; stop it first"
  fi

  do_fetch

  local hash
  hash="$(realm_hash)"
  if [ -d "$KC_HOME/data/h2" ] && { [ ! -f "$HASH_FILE" ] || [ "$(cat "$HASH_FILE")" != "$hash" ]; }; then
    say "realm JSON changed since the last import: resetting the dev database so it is re-imported"
    rm -rf "$KC_HOME/data/h2"
  fi
  rm -f "$HASH_FILE"
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME"/data/import/*.json
  cp "$REALM_JSON" "$KC_HOME/data/import/"
  [ -f "$LOG" ] && mv -f "$LOG" "$LOG.1"

  say "starting Keycloak $KC_VERSION on $KC_URL (log: ${LOG#"$ROOT"/}; the first start takes ~1-2 min)"
  # New session (setsid) and no terminal: survives the calling shell. The child writes its own
  # pid, then execs kc.sh (which forwards TERM to the JVM). fd 9 (our lock) is not inherited.
  # shellcheck disable=SC2016  # $$ and $@ are for the child shell
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid nohup bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$PID_FILE" \
      "$KC_HOME/bin/kc.sh" start-dev \
        --http-host="$KC_HOST" --http-port="$KC_PORT" --hostname="$KC_URL" \
        --http-management-port="$KC_MGMT_PORT" --health-enabled=true --import-realm \
      </dev/null >"$LOG" 2>&1 9>&- &
  local t0=$SECONDS _
  for _ in $(seq 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
  if [ ! -s "$PID_FILE" ]; then
    tail -n 40 "$LOG" >&2 || true
    die "Keycloak did not start (no pid written)"
  fi
  if ! do_wait; then
    exit 1
  fi
  echo "$hash" >"$HASH_FILE"
  ready_msg " (pid $(cat "$PID_FILE"), ready in $((SECONDS - t0)) s)"
}

cmd_stop() {
  lock
  if ! running_pid >/dev/null; then
    rm -f "$PID_FILE"
    if ready; then
      say "a Keycloak answers on $KC_URL but was not started by this script (no pid file); leaving it"
    else
      say "not running"
    fi
    return 0
  fi
  say "stopping Keycloak (pid $(cat "$PID_FILE"))..."
  stop_group "$PID_FILE" "keycloak-$KC_VERSION"   # kc.sh and its JVM: the whole process group
  say "stopped"
}

cmd_status() {
  local pid=""
  pid="$(running_pid || true)"
  if ready; then
    say "Keycloak ready on $KC_URL, realm $REALM${pid:+ (pid $pid)}"
    return 0
  fi
  if [ -n "$pid" ]; then
    say "Keycloak (pid $pid) is running but not ready yet"
  else
    say "not running"
  fi
  return 1
}

cmd_wait() {
  do_wait || exit 1
  ready_msg ""
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  wait)   cmd_wait ;;
  fetch)  lock; do_fetch; say "Keycloak $KC_VERSION is in ${KC_HOME#"$ROOT"/}" ;;
  *) echo "usage: $0 start|stop|status|wait|fetch" >&2; exit 2 ;;
esac
