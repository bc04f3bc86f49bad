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
# The JVM of each service: Serial GC on a small machine, a heap sized to what a replica holds (tens of MB live) with
# a small young generation (it is touched in full, so it is most of the heap's RSS), a capped code cache, and a first
# metaspace GC threshold above what a service loads (83-101 MB of class metadata): from the default 21 MB, each
# service started with three full collections to raise it (0.6-0.9 s of pauses each in the GC logs of 2026-12-07).
SERVICE_JAVA_OPTS=${PEERCIRCLE_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m -Xmn32m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MetaspaceSize=128m}
# Connections from each service to PostgreSQL, which shares this machine with everything else: a few per core
# (more only queue inside PostgreSQL and cost it CPU)
DB_POOL=${PEERCIRCLE_DB_POOL:-$((4 * $(nproc)))}

running() { # pid file -> true while its process lives
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}
