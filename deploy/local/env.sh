# Shared settings of the local run; sourced by up.sh, down.sh and token.sh.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${PEERCIRCLE_HOME:-$ROOT/.local}
LOGS=$STATE/logs
RUN=$STATE/run
KEYS=$STATE/keys
ISSUER=peercircle-local
PG_PORT=${PEERCIRCLE_PG_PORT:-15432}
KAFKA_PORT=${PEERCIRCLE_KAFKA_PORT:-9092}
# services listen on PORT_BASE+1 .. +4 (8081-8084 by default); name:port, in start order
PORT_BASE=${PEERCIRCLE_PORT_BASE:-8080}
SERVICES="participant-service:$((PORT_BASE + 1)) session-service:$((PORT_BASE + 2)) assessment-service:$((PORT_BASE + 3)) reporting-service:$((PORT_BASE + 4))"
DATABASES="participant,session,assessment,reporting"
TOPICS="participant-events,session-events,assessment-events"
INFRA_CP="$ROOT/local-infra/target/classes:$ROOT/local-infra/target/lib/*"

running() { # pid file -> true while its process lives
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}
