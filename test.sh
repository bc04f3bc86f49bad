#!/usr/bin/env bash
# Runs every test of PeerCircle: unit tests, and integration tests against a real PostgreSQL and a real Kafka
# broker that the tests start themselves (no Docker). Needs only Java 17; Maven comes through ./mvnw.
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw -B -ntp verify "$@"
