#!/usr/bin/env bash
# Commit-to-receiver latency of outbound webhooks at a steady write rate (WebhookLatencyBench).
# Usage: bench/webhooks/run.sh [db=postgresql|sqlite|mysql] [writes_per_second=200] [seconds=20]
# Needs the test databases of scripts/test-databases for postgresql and mysql. Prints p50/p90/p99/max.
set -euo pipefail
cd "$(dirname "$0")/../.."
db="${1:-postgresql}"; rate="${2:-200}"; seconds="${3:-20}"
mvn -o -q -pl bundles/snackbase-webhooks -am test -Dtest=WebhookLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.db="$db" -Dbench.rate="$rate" -Dbench.seconds="$seconds" \
  -DargLine="-Dbench.db=$db -Dbench.rate=$rate -Dbench.seconds=$seconds"
grep -h "webhook latency" bundles/snackbase-webhooks/target/surefire-reports/*WebhookLatencyBench-output.txt
