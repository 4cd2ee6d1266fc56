#!/bin/sh
# audit-cost.sh in an ABBAABBA order (A = auditing on, B = off) in one run of run.sh. The instance
# keeps getting faster through a run (JIT, caches), so audit-cost.sh's single on-then-off pair
# charges that warm-up to auditing; here both sides get the same share of early and late workloads.
# Prints the eight workload lines, then the means and the cost.
#
#   bench/records/audit-cost-abba.sh [rows=2000] [connections=32] [seconds=20]
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
states=$(mktemp "${TMPDIR:-/tmp}/snackbase-audit-states.XXXXXX")
out=$(mktemp "${TMPDIR:-/tmp}/snackbase-audit-abba.XXXXXX")
trap 'rm -f "$states" "$out"' EXIT INT TERM
printf 'false\nfalse\ntrue\ntrue\nfalse\nfalse\ntrue\n' > "$states"
BENCH_AUDIT_STATES="$states" BENCH_WORKLOADS=create,create,create,create,create,create,create,create \
  BENCH_BETWEEN_WORKLOADS="$here/audit-set.sh" "$here/run.sh" "${1:-2000}" "${2:-32}" "${3:-20}" | tee "$out"
awk '/^workload=create/ {
    for (i = 1; i <= NF; i++) if ($i ~ /^req_per_s=/) { split($i, kv, "="); rate[++n] = kv[2] }
  }
  END {
    if (n != 8) { print "expected eight create runs" > "/dev/stderr"; exit 1 }
    on = rate[1] + rate[4] + rate[5] + rate[8]; off = rate[2] + rate[3] + rate[6] + rate[7]
    printf "audit_on_req_per_s=%.0f audit_off_req_per_s=%.0f audit_cost_percent=%.1f (ABBAABBA)\n", on / 4, off / 4, (off - on) * 100 / off
  }' "$out"
