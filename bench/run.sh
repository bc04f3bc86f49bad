#!/usr/bin/env bash
# PeerCircle benchmarks: starts a private, empty copy of the system as deploy/local/up.sh does (own state folder
# under bench/target, own ports), loads it, runs W1–W6 with their raw baselines in the same run, and writes
# bench/results/<date>.json, .md (table) and .svg (chart), and bench/RESULTS.md.
#
#   bench/run.sh            the full run (default sizes; under 30 minutes on 2 cores)
#   bench/run.sh --quick    small data and short windows, for trying changes (written to bench/target/quick)
#
# It holds /tmp/peercircle-maven.lock for the whole run, so no build disturbs the measurement (and the load does
# not disturb anyone's tests). More knobs: BENCH_OPTS="-Dbench.measure.seconds=60 -Dbench.w6.variants=jar,aot-25".
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
LOCK=/tmp/peercircle-maven.lock

# take the shared build lock unless our caller (flock $LOCK bench/run.sh) already holds it for us
if [ -z "${BENCH_LOCKED:-}" ] && ! ps -o args= -p "$PPID" | grep -q "flock.*peercircle-maven.lock"; then
  export BENCH_LOCKED=1
  exec flock "$LOCK" "$0" "$@"
fi

OPTS=${BENCH_OPTS:-}
OUT=$BENCH
for arg in "$@"; do
  case "$arg" in
    --quick) OPTS="-Dbench.participants=300 -Dbench.w3.events=50000 -Dbench.city.small=1000 -Dbench.city.large=3000 \
-Dbench.step.seconds=3 -Dbench.warmup.seconds=2 -Dbench.measure.seconds=5 -Dbench.w3.measure.seconds=10 \
-Dbench.w4.rate=50 -Dbench.w6.variants=jar $OPTS"; OUT=$BENCH/target/quick ;;
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

# an empty private copy, every time
"$ROOT/deploy/local/down.sh" >/dev/null 2>&1 || true
rm -rf "$PEERCIRCLE_HOME"
trap '"$ROOT/deploy/local/down.sh" >/dev/null 2>&1 || true' EXIT
START=$(date +%s)
"$ROOT/deploy/local/up.sh" --empty
export BENCH_PUBLIC_KEY=$(openssl rsa -in "$PEERCIRCLE_HOME/keys/private.pem" -pubout -outform DER 2>/dev/null | base64 -w0)

CP="$BENCH/target/bench-1.0.0-SNAPSHOT.jar:$BENCH/target/lib/*"
# shellcheck disable=SC2086
status=0
java -Xmx1g -cp "$CP" $OPTS org.peercircle.bench.Bench "$WORK" 2>&1 | tee "$WORK.log" || status=$?
# a failed workload still leaves the others' figures: write them, then report the failure
[ -f "$WORK/result.json" ] && java -cp "$CP" org.peercircle.bench.Report "$WORK/result.json" "$OUT"
echo "whole run: $(( $(date +%s) - START )) s; raw files in $WORK"
exit $status
