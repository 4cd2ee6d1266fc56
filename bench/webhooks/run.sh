#!/usr/bin/env bash
# Commit-to-receiver latency of outbound webhooks at a steady write rate (WebhookLatencyBench).
# Usage: bench/webhooks/run.sh [db=postgresql|sqlite|mysql] [writes_per_second=200] [seconds=20]
# Needs the test databases of scripts/test-databases for postgresql and mysql. Prints p50/p90/p99/max.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-postgresql}"; rate="${2:-200}"; seconds="${3:-20}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The bench prints its figures on the console (surefire does not redirect test output to files here).
if ! mvn -o -q -pl bundles/snackbase-webhooks -am test -Dtest=WebhookLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.db="$db" -Dbench.rate="$rate" -Dbench.seconds="$seconds" \
  -DargLine="-Dbench.db=$db -Dbench.rate=$rate -Dbench.seconds=$seconds" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
grep -h "webhook latency" "$log"
