#!/usr/bin/env bash
# Development mail server (GreenMail standalone): Keycloak's verify-email mails and the backend's own
# mails go to it over SMTP, and tests read them back through its REST API. Nothing leaves the machine.
#
#   stack/greenmail.sh start    fetch if needed, start in the background, wait until ready
#                               (reuses a GreenMail already answering on the API port)
#   stack/greenmail.sh stop     stop the GreenMail this script started
#   stack/greenmail.sh status   exit 0 if running and ready
#   stack/greenmail.sh fetch    download the jar (through backend/mvnw)
#
# Ports (127.0.0.1 only): SMTP $GJ_MAIL_SMTP_PORT (3025), IMAP $GJ_MAIL_IMAP_PORT (3143),
# REST API $GJ_MAIL_API_PORT (8025), e.g. GET /api/user/<address>/messages/ lists a mailbox.
# Any address receives mail (authentication disabled); mail lives in memory until stop.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, RUN, LOGS, die, live_pid, wait_until, stop_group

GM_VERSION=2.1.3
GM_HOST=127.0.0.1
GM_SMTP_PORT="${GJ_MAIL_SMTP_PORT:-3025}"
GM_IMAP_PORT="${GJ_MAIL_IMAP_PORT:-3143}"
GM_API_PORT="${GJ_MAIL_API_PORT:-8025}"
GM_JAR="$RUN/greenmail-standalone-$GM_VERSION.jar"
NAME="greenmail-$GM_API_PORT"
LOG="$LOGS/$NAME.log"
PID_FILE="$RUN/$NAME.pid"
READY_URL="http://$GM_HOST:$GM_API_PORT/api/service/readiness"

say() { echo "greenmail: $*"; }
ready() { http_ok "$READY_URL"; }

do_fetch() {
  [ -f "$GM_JAR" ] && return 0
  say "downloading GreenMail $GM_VERSION (~10 MB, through backend/mvnw)..."
  local tmp; tmp="$(mktemp -d "$RUN/.fetch-gm.XXXXXX")"
  "$ROOT/backend/mvnw" -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GM_VERSION" \
    -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true \
    || { rm -rf "$tmp"; die "download failed (com.icegreen:greenmail-standalone:$GM_VERSION)"; }
  mv "$tmp/greenmail-standalone-$GM_VERSION.jar" "$GM_JAR"   # atomic: complete or absent
  rm -rf "$tmp"
}

cmd_start() {
  if ready; then
    say "GreenMail ready (already running, reused): SMTP $GM_HOST:$GM_SMTP_PORT, API http://$GM_HOST:$GM_API_PORT"
    return 0
  fi
  do_fetch
  start_bg "$NAME" "$LOG" java -Xmx128m \
    -Dgreenmail.smtp.hostname="$GM_HOST" -Dgreenmail.smtp.port="$GM_SMTP_PORT" \
    -Dgreenmail.imap.hostname="$GM_HOST" -Dgreenmail.imap.port="$GM_IMAP_PORT" \
    -Dgreenmail.api.hostname="$GM_HOST" -Dgreenmail.api.port="$GM_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$GM_JAR"
  wait_until 60 GreenMail "$LOG" "$PID_FILE" ready || exit 1
  say "GreenMail ready: SMTP $GM_HOST:$GM_SMTP_PORT, IMAP $GM_HOST:$GM_IMAP_PORT, API http://$GM_HOST:$GM_API_PORT"
}

cmd_stop() {
  if live_pid "$PID_FILE" "greenmail-standalone" >/dev/null; then
    stop_group "$PID_FILE" "greenmail-standalone"
    say "stopped"
  elif ready; then
    say "a GreenMail answers on port $GM_API_PORT but was not started by this script; leaving it"
  else
    rm -f "$PID_FILE"
    say "not running"
  fi
}

cmd_status() {
  if ready; then say "GreenMail ready: SMTP $GM_HOST:$GM_SMTP_PORT, API http://$GM_HOST:$GM_API_PORT"; return 0; fi
  say "not running"; return 1
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  fetch)  do_fetch; say "GreenMail $GM_VERSION is in ${GM_JAR#"$ROOT"/}" ;;
  *) echo "usage: $0 start|stop|status|fetch" >&2; exit 2 ;;
esac
