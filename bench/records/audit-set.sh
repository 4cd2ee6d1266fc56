#!/bin/sh
# Sets auditing of a running instance to true or false (the argument; without one, the next state
# listed in $BENCH_AUDIT_STATES, a file of "true"/"false" lines, the first consumed per call) through
# conf/io.snackbase.audit.cfg, picked up by FileInstall, and waits until /health agrees. Run by
# RecordsLoad.java between workloads (BENCH_BETWEEN_WORKLOADS), which passes the instance's
# BENCH_INSTANCE_HOME and BENCH_INSTANCE_URL from run.sh: audit-cost.sh turns auditing off once,
# audit-cost-abba.sh follows its list.
set -eu
if [ $# -gt 0 ]; then
  want=$1
else
  want=$(head -1 "$BENCH_AUDIT_STATES")
  sed -i 1d "$BENCH_AUDIT_STATES"
fi
cfg="$BENCH_INSTANCE_HOME/conf/io.snackbase.audit.cfg"
current=true
if [ -f "$cfg" ] && grep -q 'enabled=false' "$cfg"; then current=false; fi
[ "$current" = "$want" ] && exit 0
printf 'enabled=%s\n' "$want" > "$cfg"
for _ in $(seq 1 60); do
  if curl -s "$BENCH_INSTANCE_URL/health" | grep -q "\"audit_logging_enabled\":$want"; then
    sleep 2 # let the records bundle rebind its audit reference before the next workload
    exit 0
  fi
  sleep 0.5
done
echo "auditing did not switch to $want" >&2
exit 1
