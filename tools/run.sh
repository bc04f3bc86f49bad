#!/usr/bin/env bash
# Runs a PeerCircle tool (demo | city), building the tools module first if it is not built yet.
#   tools/run.sh demo|city [--home DIR] [--port-base N] [options]
set -euo pipefail
TOOLS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$TOOLS")
if [ ! -f "$TOOLS/target/tools.jar" ] || [ ! -d "$TOOLS/target/lib" ]; then
  echo "Building the tools ..." >&2
  log=$(mktemp)
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -f tools/pom.xml install) > "$log" 2>&1 \
    || { tail -40 "$log" >&2; echo "building the tools failed" >&2; exit 1; }
  rm -f "$log"
fi
exec java -Xmx512m -cp "$TOOLS/target/tools.jar:$TOOLS/target/lib/*" org.peercircle.tools.Main "$@"
