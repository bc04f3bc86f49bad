#!/usr/bin/env bash
# Runs every test of PeerCircle: unit tests, and integration tests against a real PostgreSQL and a real Kafka
# broker that the tests start themselves (no Docker). Needs Java 17; Maven comes through ./mvnw.
# The dashboard test drives Debian's headless Chromium; it is installed here when missing (as root).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the dashboard test ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "test.sh needs chromium and chromium-driver (Debian packages); install them or run as root" >&2
    exit 1
  fi
fi
exec ./mvnw -B -ntp verify "$@"
