#!/usr/bin/env bash
# Runs PeerCircle on this machine without Docker: a real PostgreSQL (embedded binaries, data kept under
# .local/postgres) unless PEERCIRCLE_PG_URL points at one, a KRaft Kafka broker on localhost:9092 unless
# PEERCIRCLE_KAFKA points at one, and the four services on 8081-8084. Running it twice is harmless.
#
#   deploy/local/up.sh [--empty]      --empty: do not load the demo data
#
# External infrastructure: PEERCIRCLE_PG_URL=jdbc:postgresql://host:5432 PEERCIRCLE_PG_USER=.. PEERCIRCLE_PG_PASSWORD=..
#                          PEERCIRCLE_KAFKA=host:9092
# Elsewhere on this machine: PEERCIRCLE_HOME (state, default .local), PEERCIRCLE_PORT_BASE (services on +1..+4),
#                          PEERCIRCLE_PG_PORT, PEERCIRCLE_KAFKA_PORT
# The services' JVM flags and connection pools: PEERCIRCLE_JAVA_OPTS, PEERCIRCLE_DB_POOL (see env.sh)
set -euo pipefail
source "$(dirname "$0")/env.sh"
LOAD_DEMO=true
for arg in "$@"; do
  case "$arg" in
    --empty) LOAD_DEMO=false ;;
    *) echo "usage: $0 [--empty]" >&2; exit 2 ;;
  esac
done
mkdir -p "$LOGS" "$RUN" "$KEYS"

# --- build what is not built ------------------------------------------------------------------------------
need_build=false
for svc in $SERVICES; do
  [ -f "$ROOT/${svc%%:*}/target/quarkus-app/quarkus-run.jar" ] || need_build=true
done
[ -d "$ROOT/local-infra/target/lib" ] || need_build=true
if $need_build; then
  echo "Building PeerCircle (first run: a few minutes) ..."
  (cd "$ROOT" && ./mvnw -q -B -DskipTests install) > "$LOGS/build.log" 2>&1 \
    || { echo "build failed, see $LOGS/build.log" >&2; exit 1; }
fi

# --- token signing key: made on first run, the services trust its public half ------------------------------
if [ ! -f "$KEYS/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null
  chmod 600 "$KEYS/private.pem"
fi
PUBLIC_KEY=$(openssl rsa -in "$KEYS/private.pem" -pubout -outform DER 2>/dev/null | base64 -w0)

wait_for_file() { # file seconds what
  for _ in $(seq 1 "$2"); do [ -f "$1" ] && return 0; sleep 1; done
  echo "$3 did not start; see $LOGS" >&2; exit 1
}

start_infra() { # name args...
  local name=$1; shift
  if running "$RUN/$name.pid"; then echo "  $name already running"; return; fi
  rm -f "$STATE/$name.ready"
  nohup java -Xmx512m -cp "$INFRA_CP" org.peercircle.infra.LocalInfra "$name" "$@" > "$LOGS/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
  wait_for_file "$STATE/$name.ready" 120 "$name"
  echo "  $name started (pid $(cat "$RUN/$name.pid"))"
}

# --- PostgreSQL ------------------------------------------------------------------------------------------
if [ -n "${PEERCIRCLE_PG_URL:-}" ]; then
  PG_URL=$PEERCIRCLE_PG_URL; PG_USER=${PEERCIRCLE_PG_USER:-postgres}; PG_PASSWORD=${PEERCIRCLE_PG_PASSWORD:-}
  echo "Using external PostgreSQL at $PG_URL"
  java -cp "$INFRA_CP" org.peercircle.infra.LocalInfra create-databases --url "$PG_URL/postgres" \
    --user "$PG_USER" --password "$PG_PASSWORD" --databases "$DATABASES"
else
  PG_URL=jdbc:postgresql://localhost:$PG_PORT; PG_USER=postgres; PG_PASSWORD=postgres
  start_infra postgres --port "$PG_PORT" --data "$STATE/postgres" --databases "$DATABASES"
fi

# --- Kafka -------------------------------------------------------------------------------------------------
if [ -n "${PEERCIRCLE_KAFKA:-}" ]; then
  KAFKA=$PEERCIRCLE_KAFKA
  echo "Using external Kafka at $KAFKA"
else
  KAFKA=localhost:$KAFKA_PORT
  start_infra kafka --port "$KAFKA_PORT" --data "$STATE/kafka" --topics "$TOPICS"
fi

# --- the four services -------------------------------------------------------------------------------------
for entry in $SERVICES; do
  svc=${entry%%:*}; port=${entry##*:}; db=${svc%-service}
  if running "$RUN/$svc.pid"; then echo "  $svc already running"; continue; fi
  QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_JDBC_URL="$PG_URL/$db" QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
  QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" QUARKUS_OIDC_TOKEN_ISSUER="$ISSUER" \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$DB_POOL" MALLOC_ARENA_MAX=2 \
  nohup java $SERVICE_JAVA_OPTS "-Xlog:gc:file=$LOGS/$svc-gc.log:time,uptime:filecount=2,filesize=10m" \
    -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" > "$LOGS/$svc.log" 2>&1 &
  echo $! > "$RUN/$svc.pid"
  echo "  $svc starting on $port (pid $!)"
done

for entry in $SERVICES; do
  svc=${entry%%:*}; port=${entry##*:}
  ready=false
  for _ in $(seq 1 120); do
    if curl -fs "http://localhost:$port/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; then ready=true; break; fi
    running "$RUN/$svc.pid" || break
    sleep 1
  done
  $ready || { echo "$svc is not ready; see $LOGS/$svc.log" >&2; exit 1; }
done

if $LOAD_DEMO; then
  if [ -x "$ROOT/deploy/local/demo.sh" ]; then "$ROOT/deploy/local/demo.sh"; else echo "(no demo data yet)"; fi
fi

cat <<INFO

PeerCircle is up.
  participant-service  http://localhost:$((PORT_BASE + 1))   (OpenAPI: /q/openapi, Swagger UI: /q/swagger-ui)
  session-service      http://localhost:$((PORT_BASE + 2))
  assessment-service   http://localhost:$((PORT_BASE + 3))
  reporting-service    http://localhost:$((PORT_BASE + 4))   (dashboard: /dashboard)
  PostgreSQL           $PG_URL  (databases: $DATABASES)
  Kafka                $KAFKA  (topics: $TOPICS)
  logs                 $LOGS

A token:  TOKEN=\$(deploy/local/token.sh --role coordinator)
          curl -H "Authorization: Bearer \$TOKEN" http://localhost:$((PORT_BASE + 1))/api/v1/centres
Stop:     deploy/local/down.sh
INFO
