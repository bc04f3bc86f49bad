#!/usr/bin/env bash
# PeerCircle benchmarks: starts a private, empty copy of the system as deploy/local/up.sh does (own state folder
# under bench/target, own ports), loads it, runs W1–W6 with their raw baselines in the same run, and writes
# bench/results/<date>.json, .md (table) and .svg (chart), and bench/RESULTS.md.
#
#   bench/run.sh            the full run (default sizes; 26–29 minutes on 2 cores, repackaging for W6 included)
#   bench/run.sh --quick    small data and short windows, for trying changes (written to bench/target/quick;
#                           W6 only for participant- and reporting-service, jar and aot-jar-25-lean; ~9 minutes)
#
# It holds /tmp/peercircle-maven.lock for the whole run, so no build disturbs the measurement (and the load does
# not disturb anyone's tests). More knobs: BENCH_OPTS="-Dbench.measure.seconds=60 -Dbench.w6.variants=jar,aot-25"
# (W6 variants: jar appcds-17 aot-25 aot-25-lean aot-jar-25 aot-jar-25-lean), -Dbench.loader=generator (the REST
# part of the city made by deploy/local/generate-city.sh instead of the bench's own registrations), bench.skip-w6.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
LOCK=/tmp/peercircle-maven.lock

# take the shared build lock unless our caller (flock $LOCK bench/run.sh) already holds it for us
if [ -z "${BENCH_LOCKED:-}" ] && ! ps -o args= -p "$PPID" | grep -q "flock.*peercircle-maven.lock"; then
  export BENCH_LOCKED=1
  exec flock "$LOCK" "$0" "$@"
fi

START=$(date +%s)
OPTS=${BENCH_OPTS:-}
OUT=$BENCH
for arg in "$@"; do
  case "$arg" in
    --quick) OPTS="-Dbench.participants=300 -Dbench.w3.events=50000 -Dbench.city.small=1000 -Dbench.city.large=3000 \
-Dbench.step.seconds=3 -Dbench.warmup.seconds=2 -Dbench.w4.first-warmup.seconds=5 -Dbench.measure.seconds=5 -Dbench.w3.measure.seconds=10 \
-Dbench.w4.rate=50 -Dbench.catchup.seconds=60 -Dbench.search.bisections=1 -Dbench.profile.seconds=5 \
-Dbench.generator.participants=150 -Dbench.generator.groups=10 \
-Dbench.w6.services=participant-service,reporting-service -Dbench.w6.variants=jar,aot-jar-25-lean $OPTS"; OUT=$BENCH/target/quick ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done

export PEERCIRCLE_HOME=${PEERCIRCLE_HOME:-$BENCH/target/home}
export PEERCIRCLE_PORT_BASE=${PEERCIRCLE_PORT_BASE:-27380}
export PEERCIRCLE_PG_PORT=${PEERCIRCLE_PG_PORT:-27432}
export PEERCIRCLE_KAFKA_PORT=${PEERCIRCLE_KAFKA_PORT:-27092}
export BENCH_ROOT=$ROOT
export PGPASSWORD=postgres
WORK=$BENCH/target/run-$(date +%Y%m%d-%H%M%S)

# the bench tool itself (we hold the lock: plain ./mvnw)
if [ ! -f "$BENCH/target/bench-1.0.0-SNAPSHOT.jar" ] || [ -n "$(find "$BENCH/src" "$BENCH/pom.xml" -newer "$BENCH/target/bench-1.0.0-SNAPSHOT.jar" 2>/dev/null)" ]; then
  (cd "$ROOT" && ./mvnw -q -B -f bench/pom.xml package)
fi

# W6's aot-jar variants: each service packaged again by Quarkus itself (quarkus.package.jar.type=aot-jar: the
# application classes on the class path, where the JDK's AOT cache can hold them) into bench/target/aot/<service>,
# from the classes the service's own build left in its target/. Rebuilt only when the service was rebuilt. The
# Quarkus plugin also rewrites the module's target/quarkus-artifact.properties (read by its integration tests):
# we put it back at once, still under the build lock.
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && [[ "$OPTS" != *"bench.w6.variants="* || "$OPTS" == *aot-jar* ]]; then
  stale=()
  for svc in participant-service session-service assessment-service reporting-service; do
    built=$BENCH/target/aot/$svc/quarkus-run.jar
    if [ ! -f "$built" ] || [ -n "$(find "$ROOT/$svc/target/quarkus-app" -newer "$built" -name '*.jar' 2>/dev/null | head -1)" ]; then
      stale+=("$svc")
    fi
  done
  if [ ${#stale[@]} -gt 0 ]; then
    t=$(date +%s)
    for svc in "${stale[@]}"; do cp "$ROOT/$svc/target/quarkus-artifact.properties" "$BENCH/target/.qap-$svc" 2>/dev/null || true; done
    list=$(IFS=,; echo "${stale[*]}")
    if ! (cd "$ROOT" && ./mvnw -q -B -pl "$list" quarkus:build -Dquarkus.package.jar.type=aot-jar \
          '-Dquarkus.package.output-directory='"$BENCH"'/target/aot/${quarkus.application.name}') > "$BENCH/target/aot-build.log" 2>&1; then
      echo "aot-jar packaging failed (the aot-jar variants will say so); see $BENCH/target/aot-build.log" >&2
    fi
    for svc in "${stale[@]}"; do
      [ -f "$BENCH/target/.qap-$svc" ] && mv "$BENCH/target/.qap-$svc" "$ROOT/$svc/target/quarkus-artifact.properties"
    done
    echo "aot-jar packaging of ${list}: $(( $(date +%s) - t )) s"
  fi
fi

# an empty private copy, every time
"$ROOT/deploy/local/down.sh" >/dev/null 2>&1 || true
rm -rf "$PEERCIRCLE_HOME"
trap '"$ROOT/deploy/local/down.sh" >/dev/null 2>&1 || true' EXIT
"$ROOT/deploy/local/up.sh" --empty
export BENCH_PUBLIC_KEY=$(openssl rsa -in "$PEERCIRCLE_HOME/keys/private.pem" -pubout -outform DER 2>/dev/null | base64 -w0)
# the services' JVM flags and pool size as up.sh gives them, for the instances the bench starts itself (W3, W6)
export BENCH_SERVICE_JAVA_OPTS BENCH_DB_POOL
BENCH_SERVICE_JAVA_OPTS=$(source "$ROOT/deploy/local/env.sh" && echo "$SERVICE_JAVA_OPTS")
BENCH_DB_POOL=$(source "$ROOT/deploy/local/env.sh" && echo "$DB_POOL")

CP="$BENCH/target/bench-1.0.0-SNAPSHOT.jar:$BENCH/target/lib/*"
# shellcheck disable=SC2086
status=0
java -Xmx1g -cp "$CP" $OPTS org.peercircle.bench.Bench "$WORK" 2>&1 | tee "$WORK.log" || status=$?
# a failed workload still leaves the others' figures: write them, then report the failure
[ -f "$WORK/result.json" ] && java -cp "$CP" org.peercircle.bench.Report "$WORK/result.json" "$OUT"
echo "whole run: $(( $(date +%s) - START )) s; raw files in $WORK"
exit $status
