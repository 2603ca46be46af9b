#!/usr/bin/env bash
# Stops what stack/up.sh started: the SPA, the backend, Keycloak and GreenMail. The database stays.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
stop_bg spa && echo "SPA stopped"
stop_bg backend && echo "backend stopped"
"$ROOT/stack/keycloak.sh" stop
"$ROOT/stack/greenmail.sh" stop
