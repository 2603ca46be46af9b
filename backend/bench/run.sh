#!/usr/bin/env bash
# The load benchmark (README, "Benchmarks"). First PostgreSQL's own limit on this machine (pgbench
# doing the SQL of one claim and one scan, nothing else), then the Gatling scenarios against a
# backend of its own (port 8095, database grandjour_bench) that validates real Keycloak tokens;
# the invariants are checked from SQL after every scenario and a violation exits non-zero.
#   backend/bench/run.sh            full scale: 20,000 places, 24,000 residents, 1M tickets and scans
#   backend/bench/run.sh --smoke    the same scenarios, small (about a minute; part of stack/test.sh)
#   backend/bench/run.sh --ballot   only the ballot's: the application rush and the draw of 200,000
#                                   applications over 240 offers (BallotSimulation)
#   backend/bench/run.sh -Dbench.residents=8000 ...   other sizes (BenchConfig lists them)
#   GJ_BENCH_JFR=1 backend/bench/run.sh   also records the backend with Java Flight Recorder and lists
#                                   its hottest methods (target/bench/profile-top.txt)
# Writes backend/bench/target/bench/summary.md and Gatling's HTML report under backend/bench/target/gatling/.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)/stack/lib.sh"

scale=full
only_ballot=false
if [ "${1:-}" = "--smoke" ]; then scale=smoke; shift; fi
if [ "${1:-}" = "--ballot" ]; then only_ballot=true; shift; fi
# anything else is passed to Gatling's JVM, e.g. -Dbench.residents=8000 (see BenchConfig)
BENCH="$ROOT/backend/bench"
OUT="$BENCH/target/bench"
PORT=${GJ_BENCH_PORT:-8095}
DB=${GJ_BENCH_DB:-grandjour_bench}
REALM=${GJ_BENCH_REALM:-grandjour-bench}
started_keycloak=false

cleanup() {
  stop_bg bench-backend
  if $started_keycloak; then "$ROOT/stack/keycloak.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
step "Benchmark ($scale scale): preparing"
preflight
command -v pgbench >/dev/null || die "pgbench is needed (Debian package postgresql-contrib or postgresql-client)"
rm -rf "$OUT" && mkdir -p "$OUT"
if ! "$ROOT/stack/keycloak.sh" status >/dev/null 2>&1; then
  started_keycloak=true
  "$ROOT/stack/keycloak.sh" start
fi
build_backend
(cd "$BENCH" && ../mvnw -B -q test-compile)

if ! $only_ballot; then
  step "PostgreSQL's own limit: pgbench"
  if [ "$scale" = smoke ]; then pg_args=(4 3); else pg_args=(16 20); fi
  GJ_PGBENCH_OUT="$OUT/pgbench.properties" "$ROOT/backend/src/bench/pgbench/run.sh" "${pg_args[@]}"
fi

step "Backend for the benchmark on port $PORT (database $DB, realm $REALM)"
recreate_database "$DB"
# its own copy of the build: a rebuild of backend/target during the run must not pull classes from under it
rm -rf "$BENCH/target/backend-app" && mkdir -p "$BENCH/target" && cp -r "$(dirname "$backend_jar")" "$BENCH/target/backend-app"
jfr_opts=""
[ "${GJ_BENCH_JFR:-0}" = 1 ] && jfr_opts="-XX:StartFlightRecording=filename=$OUT/backend.jfr,settings=profile,dumponexit=true"
default_java_opts="-Xms136m -Xmx136m -XX:+UseParallelGC -XX:ReservedCodeCacheSize=48m -Xss512k"
# the draw holds the snapshot, its parse and the result of 200,000 applications at once: a heap of its own
ballot_java_opts="-Xms512m -Xmx1g -XX:+UseParallelGC -XX:ReservedCodeCacheSize=48m -Xss512k"
start_bench_backend() { # start_bench_backend <java options>
  # heap and native memory held small (the target is 400 MB resident): glibc's per-thread malloc arenas
  # otherwise grow with the worker threads
  start_bg bench-backend "$LOGS/bench-backend.log" env MALLOC_ARENA_MAX=2 GJ_HTTP_PORT="$PORT" GJ_MGMT_PORT="$(mgmt_port "$PORT")" GJ_DB_NAME="$DB" GJ_DEMO=false \
    GJ_OIDC_URL="http://127.0.0.1:8180/realms/$REALM" \
    java $1 $jfr_opts -jar "$BENCH/target/backend-app/quarkus-run.jar"
  # live, not ready: readiness needs the realm's signing keys, and the realm is made by the scenarios' set-up
  wait_for "http://127.0.0.1:$(mgmt_port "$PORT")/q/health/live" 400 "the backend" "$LOGS/bench-backend.log" "$RUN/bench-backend.pid"
  backend_pid=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
}
if $only_ballot; then
  start_bench_backend "${GJ_BENCH_BALLOT_JAVA_OPTS:-$ballot_java_opts}"
else
  start_bench_backend "${GJ_BENCH_JAVA_OPTS:-$default_java_opts}"
fi

gatling() { # gatling <simulation class> [args]
  local simulation=$1; shift
  (cd "$BENCH" && ../mvnw -B gatling:test -Dgatling.simulationClass="$simulation" -Dbench.scale="$scale" \
    -Dbench.api-url="http://127.0.0.1:$PORT" -Dbench.realm="$REALM" -Dbench.realm-template="$ROOT/stack/keycloak/grandjour-realm.json" \
    -Dbench.jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" -Dbench.out="$OUT" \
    -Dbench.backend-pid="${backend_pid:-0}" "$@") | grep -v '^\[INFO\] Download'
}
if ! $only_ballot; then
  step "Gatling scenarios (set-up first: Keycloak users and tokens, editions, archive; then the clock)"
  gatling org.grandjour.bench.GrandJourSimulation "$@"
fi
# the ballot's scenarios at full scale only (the smoke run in stack/test.sh keeps its minute)
if [ "$scale" = full ] || $only_ballot; then
  if ! $only_ballot; then
    stop_bg bench-backend
    start_bench_backend "${GJ_BENCH_BALLOT_JAVA_OPTS:-$ballot_java_opts}"
  fi
  step "Ballot scenarios (set-up first: applicants' tokens, two ballot editions, 200,000 applications seeded; then the clock)"
  gatling org.grandjour.bench.BallotSimulation "$@"
fi
if [ -f "$OUT/ballot-summary.md" ]; then
  if [ -f "$OUT/summary.md" ]; then
    cat "$OUT/ballot-summary.md" >> "$OUT/summary.md"
  elif $only_ballot; then
    { echo "## Latest run ($scale scale, ballot only): $(date -u '+%Y-%m-%d %H:%M UTC')"; echo
      echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load average before the run $load_before; backend JVM options: ${GJ_BENCH_BALLOT_JAVA_OPTS:-$ballot_java_opts}."
      cat "$OUT/ballot-summary.md"; } > "$OUT/summary.md"
  fi
fi

if [ -n "$jfr_opts" ]; then
  stop_bg bench-backend   # the recording is written when the JVM exits
  # the top frames of the execution samples: where the backend's CPU went during the run
  jfr print --events jdk.ExecutionSample "$OUT/backend.jfr" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | awk 'NR <= 40' > "$OUT/profile-top.txt"
  echo "Profile: $OUT/backend.jfr (hottest methods in $OUT/profile-top.txt)"
fi
report=$(ls -d "$BENCH"/target/gatling/*/ 2>/dev/null | tail -1)
echo
echo "Summary: $OUT/summary.md"
[ -n "$report" ] && echo "Gatling report: ${report}index.html"
if [ ! -f "$OUT/summary.md" ]; then
  echo "BENCHMARK FAILED: the run did not finish (see above)" >&2; exit 1
elif [ -f "$OUT/INVARIANTS-VIOLATED" ]; then
  echo "BENCHMARK FAILED: an invariant was violated (see the summary)" >&2; exit 1
elif [ -f "$OUT/UNEXPECTED-ANSWERS" ]; then
  echo "BENCHMARK FAILED: unexpected answers (5xx, no answer, wrong verdict; see the summary)" >&2; exit 2
fi
