#!/usr/bin/env bash
# Generates a city in the running local system through the services' REST APIs (for benchmarks and load):
# centres with screening rules, participants registered and screened, groups from the built-in programme
# templates with enrolments, wait-lists, attendance, process records, withdrawals and PRE/POST assessments.
# The same seed makes the same city; a seed already generated is refused (choose another).
#
#   deploy/local/generate-city.sh [--centres 20] [--participants 5000] [--groups 400] [--seed 42] [--concurrency 12]
#
# --participants goes up to 100000. PEERCIRCLE_HOME and PEERCIRCLE_PORT_BASE as for up.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ -f "$KEYS/private.pem" ] || { echo "no signing key yet: run deploy/local/up.sh first" >&2; exit 1; }
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  esac
done
exec "$ROOT/tools/run.sh" city --home "$STATE" --port-base "$PORT_BASE" "$@"
