#!/usr/bin/env bash
# Runs the whole Grand Jour system locally: Keycloak (realm + demo users), the backend on the
# machine's PostgreSQL with demo data, and the SPA. Idempotent: downloads, builds, the database and
# a running Keycloak are reused. Stop everything with stack/down.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

API_PORT=8080
SPA_PORT=5173

step "Checking the machine"
preflight
ensure_database grandjour

step "Mail server (GreenMail: Keycloak's verify-email and the backend's mails)"
"$ROOT/stack/greenmail.sh" start

step "Keycloak (in the background while we build)"
"$ROOT/stack/keycloak.sh" start > "$LOGS/keycloak-start.log" 2>&1 &
kc_pid=$!

step "Building the backend"
build_backend

step "Building the SPA"
install_frontend
build_frontend

step "Waiting for Keycloak"
if ! wait "$kc_pid"; then
  cat "$LOGS/keycloak-start.log" >&2
  die "Keycloak did not start"
fi
cat "$LOGS/keycloak-start.log"

step "Starting the backend with demo data (the first time, it replays the 2010 weekend, then the same weekend with the tools: two to five minutes)"
start_backend backend "$API_PORT" grandjour true
wait_backend backend "$API_PORT"

step "Starting the SPA"
start_spa spa "$SPA_PORT" "$API_PORT"

cat <<MSG

  Grand Jour is running.

    App (SPA)          http://127.0.0.1:$SPA_PORT
    API                http://127.0.0.1:$API_PORT/api/editions
    API contract       http://127.0.0.1:$API_PORT/q/openapi   (Swagger UI: /q/swagger-ui)
    Health, metrics    http://127.0.0.1:$(mgmt_port "$API_PORT")/q/health   /q/metrics   (loopback only)
    Keycloak admin     http://127.0.0.1:8180/admin            admin / admin
    Mail (GreenMail)   http://127.0.0.1:8025/api/user/<address>/messages/   (SMTP 127.0.0.1:3025)

  Demo logins (password = username):
    resident        resident of Pas-de-Calais (62300)
    resident-kent   resident of Kent (CT1 2EH)
    outsider        lives in Paris (75001): not eligible
    staff           door staff (Louvre-Lens, Base 11/19, Nausicaá)
    organiser       organiser

  Logs: stack/.run/logs/   Stop: stack/down.sh
MSG
