#!/usr/bin/env bash
# PostgreSQL's own limit for our claim and scan work on this machine, as the load benchmark's yardstick:
# pgbench runs the same SQL as one claim (spread over 40 offers, and all on one offer) and one
# admission, on a scratch database built from our migrations. Prints transactions per second.
# The hot offer runs twice: as one quota row (the lock queue to beat) and with our 8 quota slices.
#   backend/src/bench/pgbench/run.sh [clients=16] [seconds=20]
# With GJ_PGBENCH_OUT=<file>, also writes the figures there as properties (the load benchmark reads them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
migrations="$here/../../main/resources/db/migration"
clients=${1:-16}
seconds=${2:-20}
db=grandjour_pgbench
export PGHOST=${GJ_DB_HOST:-127.0.0.1} PGPORT=${GJ_DB_PORT:-5432} PGUSER=${GJ_DB_USER:-postgres}

dropdb --if-exists --force "$db" && createdb "$db"
for f in $(ls "$migrations"/V*.sql | sort -V); do psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" >/dev/null; done
psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL' >/dev/null
INSERT INTO territory (code, name_fr, name_en, country, language, time_zone, postcode_pattern)
  VALUES ('FR-62', 'Pas-de-Calais', 'Pas-de-Calais', 'FR', 'fr', 'Europe/Paris', '^62[0-9]{3}$');
INSERT INTO edition (slug, name, time_zone, first_day, last_day, claim_opens_at, claim_closes_at, max_tickets_per_resident, max_party_size)
  VALUES ('bench', 'Bench', 'Europe/Paris', current_date, current_date, now() - interval '1 day', now() + interval '1 day', 4, 6);
INSERT INTO attraction (slug, territory_id, category, name_fr, name_en, address, town, postcode)
  SELECT 'bench-' || i, 1, 'MUSEUM', 'Lieu ' || i, 'Place ' || i, 'x', 'Lens', '62300' FROM generate_series(1, 40) i;
-- quotas large enough that no run sells out: we measure the work, not the refusals
INSERT INTO offer (edition_id, attraction_id, day, capacity) SELECT 1, i, current_date, 100000000 FROM generate_series(1, 40) i;
INSERT INTO ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size)
  SELECT 'T' || i, 1, 1, 'door-' || i, 'door', '62300', 1000000 FROM generate_series(1, 200000) i;
VACUUM ANALYZE;
SQL

bench() { # bench <label> <key> <script> <extra pgbench args...>
  local label=$1 script_key=$2 script=$3; shift 3
  local tps
  tps=$(pgbench -n -c "$clients" -j 2 -T "$seconds" -f "$here/$script" "$@" "$db" 2>&1 | awk '/^tps/ {print int($3)}')
  printf '%-44s %8s TPS\n' "$label" "$tps"
  [ -z "${GJ_PGBENCH_OUT:-}" ] || echo "$script_key=$tps" >> "$GJ_PGBENCH_OUT"
}
echo "pgbench, $clients clients, $seconds s each, $(nproc) cores"
[ -z "${GJ_PGBENCH_OUT:-}" ] || echo "clients=$clients" > "$GJ_PGBENCH_OUT"
bench "claim, 40 offers" claim-spread claim-spread.sql -D offers=40
bench "claim, one hot offer, one quota row" claim-hot claim-hot.sql
# our design on the hot offer: the same claim SQL as spread, all on offer 1 and its 8 quota slices
bench "claim, one hot offer, 8 quota slices (ours)" claim-hot-sliced claim-spread.sql -D offers=1
bench "scan (admission)" scan scan.sql -D tickets=200000
dropdb --force "$db"
