#!/usr/bin/env bash
# Runs every test of Grand Jour on the real parts: backend tests (Quarkus + REST Assured on the
# machine's PostgreSQL, real Keycloak tokens, the contract check), the SPA's checks and unit tests,
# end-to-end tests in Chromium through the real Keycloak login page, and the load benchmark's
# scenarios at smoke scale (their invariants, not their speed). Installs what it needs
# (Chromium, the Keycloak dist). Uses its own databases and ports, so it can run next to up.sh.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

E2E_API_PORT=8090
E2E_SPA_PORT=5174
failures=()
started_keycloak=false
started_greenmail=false

stage() { # stage <label> <command...>: run one stage, remember a failure, go on with the next
  local label=$1; shift
  step "$label"
  local t0=$SECONDS
  if "$@"; then echo "ok: $(( SECONDS - t0 )) s"; else failures+=("$label"); echo "FAILED: $label"; fi
}

cleanup() {
  stop_bg e2e-spa
  stop_bg e2e-backend
  if $started_keycloak; then "$ROOT/stack/keycloak.sh" stop >/dev/null 2>&1 || true; fi
  if $started_greenmail; then "$ROOT/stack/greenmail.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

test_tools() { # Chromium drives the end-to-end tests; ffmpeg makes the scanner test's fake camera video;
  # HAProxy spreads the three-instance failover test's claims (ThreeInstancesFailoverIT)
  local missing=()
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  command -v haproxy >/dev/null || missing+=(haproxy)
  [ ${#missing[@]} -eq 0 ] || install_debian_packages "${missing[@]}"
}

step "Checking the machine"
preflight
test_tools || die "could not install the test tools"

step "Mail server (GreenMail: tests read the mails back from it)"
if "$ROOT/stack/greenmail.sh" status >/dev/null 2>&1; then
  echo "reusing the running GreenMail"
else
  started_greenmail=true
  "$ROOT/stack/greenmail.sh" start || die "GreenMail did not start"
fi

step "Keycloak (in the background)"
if "$ROOT/stack/keycloak.sh" status >/dev/null 2>&1; then
  echo "reusing the running Keycloak"
else
  started_keycloak=true
  "$ROOT/stack/keycloak.sh" start > "$LOGS/keycloak-start.log" 2>&1 &
  kc_pid=$!
fi

frontend_checks() {
  install_frontend || return 1
  (cd "$ROOT/frontend" && npm run --silent check:api && npm run --silent lint:api && npm run --silent typecheck && npm test --silent)
}
stage "SPA: contract types current, contract lint, type check, unit tests" frontend_checks

if $started_keycloak; then
  step "Waiting for Keycloak"
  wait "$kc_pid" || { cat "$LOGS/keycloak-start.log" >&2; die "Keycloak did not start"; }
fi

backend_tests() { (cd "$ROOT/backend" && ./mvnw -B verify); }
stage "Backend: tests on PostgreSQL with real Keycloak tokens, contract check, package" backend_tests

e2e() {
  [ -f "$backend_jar" ] || { echo "no backend build to test"; return 1; }
  recreate_database grandjour_e2e || return 1
  # reminders every few seconds (the waiting-list spec reads one from the mailbox); mail links to this SPA
  GRANDJOUR_REMINDERS_EVERY=3s GJ_APP_URL="http://127.0.0.1:$E2E_SPA_PORT" \
    start_backend e2e-backend "$E2E_API_PORT" grandjour_e2e true || return 1
  # while the backend loads its demo data; then the home page's JavaScript against issue 11's budget (200 KB)
  (cd "$ROOT/frontend" && npm run --silent build && npm run --silent bundle-size -- --max 200) || return 1
  start_spa e2e-spa "$E2E_SPA_PORT" "$E2E_API_PORT" || return 1
  wait_backend e2e-backend "$E2E_API_PORT" || return 1
  (cd "$ROOT/frontend" && E2E_BASE_URL="http://127.0.0.1:$E2E_SPA_PORT" npm run --silent e2e)
}
stage "End-to-end: Chromium through the Keycloak login page" e2e

# The load benchmark's scenarios, small: keeps the harness working and checks its invariants (not its speed).
bench_smoke() { "$ROOT/backend/bench/run.sh" --smoke > "$LOGS/bench-smoke.log" 2>&1 || { tail -n 60 "$LOGS/bench-smoke.log"; return 1; }
  sed -n '/^## Latest run/,$p' "$ROOT/backend/bench/target/bench/summary.md" | grep -E '^(## |\*\*Throughput|Invariants after)' ; }
stage "Load benchmark, smoke scale: claim rush, hot attraction, door rush, dashboard; invariants from SQL" bench_smoke

echo
if [ ${#failures[@]} -eq 0 ]; then
  echo "All test stages passed."
  exit 0
fi
echo "Failed stages:"; printf '  - %s\n' "${failures[@]}"
exit 1
