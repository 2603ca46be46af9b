#!/usr/bin/env bash
# Restart to ready, measured (issue 10: "restart to ready in 10 s or less with data present").
# Builds the backend if needed, makes sure its database holds the demo data (the first start of a
# fresh database loads it and replays the 2010 weekend; not timed), then N times: starts the backend
# as stack/up.sh does (start_backend: AppCDS archive when it fits, demo loader on, which finds
# everything in place), times from the process's start to /q/health/ready answering 200 on the
# management port, and kills it. Prints each run, min/median/max, and the startup phases that took
# longest (Quarkus' own step timings, median over the runs).
#
#   stack/measure-restart.sh [-n RUNS] [--port API_PORT] [--db NAME] [--signal KILL|TERM] [--no-cds] [--no-demo]
#
# --no-demo restarts as production does (GJ_DEMO=false: no demo loader); GJ_JAVA_OPTS adds JVM options.
# Defaults: 5 runs, API port 8093 (management 9093), database grandjour_restart, SIGKILL (a crash).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=5 port=${GJ_RESTART_PORT:-8093} db=${GJ_RESTART_DB:-grandjour_restart} signal=KILL demo=true
while [ $# -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --signal) signal=$2; shift 2 ;;
    --no-cds) export GJ_APPCDS=false; shift ;;
    --no-demo) demo=false; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive number"
name=restart-$port
mgmt=$(mgmt_port "$port")
log="$LOGS/$name.log"
ready_url="http://127.0.0.1:$mgmt/q/health/ready"
trap 'stop_bg "$name"' EXIT

for p in "$port" "$mgmt"; do
  ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/" || die "port $p is taken"
done

step "Backend build"
build_backend

step "Database $db with the demo data"
ensure_database "$db"
if [ "$(psql -d "$db" -Atqc "select count(*) from ticket" 2>/dev/null || echo 0)" -gt 0 ]; then
  echo "data present: $(psql -d "$db" -Atqc "select count(*) from ticket") tickets, $(psql -d "$db" -Atqc "select count(*) from scan") scans"
else
  echo "loading the demo data (first start of this database: a minute or two)"
  start_backend "$name" "$port" "$db" true
  wait_backend "$name" "$port"
  stop_bg "$name"
  echo "loaded: $(psql -d "$db" -Atqc "select count(*) from ticket") tickets"
fi

# Quarkus prints each startup step's time with this; it costs nothing measurable.
export GJ_JAVA_OPTS="${GJ_JAVA_OPTS:--Xmx512m} -Dquarkus.debug.print-startup-times=true"
cds=$(appcds_opts -Xmx512m 2>&1) || true
echo "AppCDS: ${cds:-off (GJ_APPCDS=false)}"

ms() { echo $(( $(date +%s%N) / 1000000 )); }
day_ms() { # a log time stamp (HH:MM:SS,mmm, the JVM's local time) as milliseconds of the day
  local h m s ms; IFS=':,' read -r h m s ms <<< "$1"; echo $(( (10#$h * 3600 + 10#$m * 60 + 10#$s) * 1000 + 10#$ms ))
}
phases=$(mktemp)
times=() cpus=()
step "$runs restarts (kill with SIG$signal, start, wait for $ready_url)"
for i in $(seq 1 "$runs"); do
  t0_day=$(day_ms "$(date +%H:%M:%S,%3N)")
  t0=$(ms)
  start_backend "$name" "$port" "$db" "$demo" 2>/dev/null
  until curl -fs -o /dev/null --max-time 1 "$ready_url"; do
    live_pid "$RUN/$name.pid" >/dev/null || { tail -n 40 "$log" >&2; die "the backend exited while starting"; }
    (( $(ms) - t0 < 120000 )) || { tail -n 40 "$log" >&2; die "not ready within 120 s"; }
    sleep 0.05
  done
  t=$(( $(ms) - t0 ))
  times+=("$t")
  # CPU time the JVM spent to get there (all its threads): what the machine's load does not change
  pid=$(live_pid "$RUN/$name.pid") || true
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  cpus+=("$cpu")
  # phases: JVM start to Quarkus' first step, each step, and from "started" to the first UP probe
  first=$(grep -m1 -oE '^[0-9-]+ ([0-9:,]+) Build step' "$log" | awk '{print $2}')
  started=$(grep -m1 -E 'started in [0-9.]+s' "$log" | awk '{print $2}')
  {
    [ -n "$first" ] && echo "JVM start, class loading and static init (until the first runtime step) $(( $(day_ms "$first") - t0_day ))"
    sed -nE 's/.*Build step ([^ ]+) completed in: ([0-9]+)ms.*/\1 \2/p' "$log"
    [ -n "$started" ] && echo "after 'started': first readiness probe UP (Keycloak keys, database) $(( t0_day + t - $(day_ms "$started") ))"
  } | sed "s/^/$i /" >> "$phases"
  printf 'run %d: ready in %d.%03d s (CPU %d.%03d s, load average %s)\n' "$i" $((t / 1000)) $((t % 1000)) \
    $((cpu / 1000)) $((cpu % 1000)) "$(cut -d' ' -f1 /proc/loadavg)"
  [ -n "$pid" ] && kill "-$signal" -- "-$pid" 2>/dev/null || true
  { stop_bg "$name"; wait "$pid"; } 2>/dev/null || true
done

sorted=($(printf '%s\n' "${times[@]}" | sort -n))
fmt() { printf '%d.%03d s' $(($1 / 1000)) $(($1 % 1000)); }
median=${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}
step "Restart to ready, $runs runs ($([[ "$cds" == -XX:* ]] && echo "with AppCDS" || echo "without AppCDS"))"
echo "min $(fmt "${sorted[0]}")  median $(fmt "$median")  max $(fmt "${sorted[-1]}")"
sorted=($(printf '%s\n' "${cpus[@]}" | sort -n))
echo "CPU time to ready: min $(fmt "${sorted[0]}")  median $(fmt "${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}")  max $(fmt "${sorted[-1]}") ($(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "Longest startup phases (median over the runs, ms):"
# "<run> <phase...> <ms>": median per phase, the ten longest
awk '{ v = $NF; $1 = ""; $NF = ""; sub(/^ /, ""); sub(/ $/, ""); n[$0]++; vals[$0, n[$0]] = v }
     END { for (p in n) { k = n[p]; for (i = 1; i <= k; i++) a[i] = vals[p, i];
             for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
             printf "%6d  %s\n", a[int((k + 1) / 2)], p } }' "$phases" | sort -rn | head -n 10
rm -f "$phases"
