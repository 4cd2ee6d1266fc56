#!/bin/sh
# What auditing costs the records create workload (issue 7: at most 30% of create throughput), in one
# run of run.sh: the create workload with auditing on, then, after audit-set.sh has turned it off
# through the instance setting, the same workload again. Prints both workload lines, the cost and the
# number of audit entries written. Builds nothing (see run.sh). Each create writes one entry per
# column (10 for the orders collection), all in the record's transaction.
#
#   bench/records/audit-cost.sh [rows=2000] [connections=32] [seconds=20]
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
pg_admin=${SNACKBASE_BENCH_PG_ADMIN:-"-h 127.0.0.1 -U postgres"}
export SNACKBASE_BENCH_DB=${SNACKBASE_BENCH_DB:-snackbase_bench}
out=$(mktemp "${TMPDIR:-/tmp}/snackbase-audit-cost.XXXXXX")
trap 'rm -f "$out"' EXIT INT TERM
BENCH_WORKLOADS=create,create BENCH_BETWEEN_WORKLOADS="$here/audit-set.sh false" "$here/run.sh" "${1:-2000}" "${2:-32}" "${3:-20}" | tee "$out"
# shellcheck disable=SC2086
entries=$(psql $pg_admin -tAc "SELECT count(*) FROM audit_log" "$SNACKBASE_BENCH_DB")
awk -v entries="$entries" '/^workload=create/ {
    for (i = 1; i <= NF; i++) if ($i ~ /^req_per_s=/) { split($i, kv, "="); rate[++n] = kv[2] }
  }
  END {
    if (n != 2) { print "expected two create runs" > "/dev/stderr"; exit 1 }
    printf "audit_on_req_per_s=%s audit_off_req_per_s=%s audit_cost_percent=%.1f audit_entries=%s\n", rate[1], rate[2],
      (rate[2] - rate[1]) * 100 / rate[2], entries
  }' "$out"
