#!/usr/bin/env bash
# Loads the demo scenario into the running local system, through the services' REST APIs only: T Community's
# old-drifters support group, L Village's six-session adjustment group and S Street's spiritual-comfort
# mutual-aid group, with referred, screened-out and wait-listed people (fixed seed: same numbers every time).
# Running it again on a system that has the demo does nothing. deploy/local/up.sh calls it unless --empty.
#
#   deploy/local/demo.sh          (PEERCIRCLE_HOME and PEERCIRCLE_PORT_BASE as for up.sh)
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ -f "$KEYS/private.pem" ] || { echo "no signing key yet: run deploy/local/up.sh first" >&2; exit 1; }
"$ROOT/tools/run.sh" demo --home "$STATE" --port-base "$PORT_BASE"
echo "Dashboard: http://localhost:$((PORT_BASE + 4))/dashboard"
