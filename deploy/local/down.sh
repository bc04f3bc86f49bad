#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (by pid): the four services together, then Kafka, then PostgreSQL.
# Data under .local/ is kept.
set -uo pipefail
source "$(dirname "$0")/env.sh"
stop() { # name
  local pidfile="$RUN/$1.pid"
  if running "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "stopped $1"
  fi
  rm -f "$pidfile"
}
for entry in $SERVICES; do stop "${entry%%:*}" & done
wait
stop kafka
stop postgres
