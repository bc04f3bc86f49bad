# Shared settings of the local run; sourced by up.sh, down.sh and token.sh.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${PEERCIRCLE_HOME:-$ROOT/.local}
LOGS=$STATE/logs
RUN=$STATE/run
KEYS=$STATE/keys
ISSUER=peercircle-local
PG_PORT=${PEERCIRCLE_PG_PORT:-15432}
KAFKA_PORT=${PEERCIRCLE_KAFKA_PORT:-9092}
# name:port, in start order
SERVICES="participant-service:8081 session-service:8082 assessment-service:8083 reporting-service:8084"
DATABASES="participant,session,assessment,reporting"
TOPICS="participant-events,session-events,assessment-events"
INFRA_CP="$ROOT/local-infra/target/classes:$ROOT/local-infra/target/lib/*"

running() { # pid file -> true while its process lives
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}
