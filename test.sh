#!/usr/bin/env bash
# Runs every test of PeerCircle: unit tests, and integration tests against a real PostgreSQL and a real Kafka
# broker that the tests start themselves (no Docker). Needs Java 17; Maven comes through ./mvnw.
# The dashboard test drives Debian's headless Chromium and the README walkthrough test runs curl + jq; missing
# Debian packages are installed here (as root).
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} for the dashboard and walkthrough tests ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh needs the Debian packages: ${missing[*]}; install them or run as root" >&2
    exit 1
  fi
fi
exec ./mvnw -B -ntp verify "$@"
