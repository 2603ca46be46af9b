#!/usr/bin/env bash
# Regenerates the committed contract /openapi.yaml from the backend, then the SPA's types from it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
(cd "$ROOT/backend" && ./mvnw -q -B package -DskipTests)
cp "$ROOT/backend/target/openapi/openapi.yaml" "$ROOT/openapi.yaml"
echo "openapi.yaml regenerated"
if [ -d "$ROOT/frontend/node_modules" ]; then
  (cd "$ROOT/frontend" && npm run --silent gen:api) && echo "frontend/src/lib/api/schema.d.ts regenerated"
fi
