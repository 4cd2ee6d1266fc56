#!/bin/sh
# Turns auditing off in a running instance through its configuration (conf/io.snackbase.audit.cfg,
# enabled=false, picked up by FileInstall) and waits until /health reports audit_logging_enabled false.
# Run by RecordsLoad.java between workloads (BENCH_BETWEEN_WORKLOADS), which passes the instance's
# BENCH_INSTANCE_HOME and BENCH_INSTANCE_URL from run.sh.
set -eu
printf 'enabled=false\n' > "$BENCH_INSTANCE_HOME/conf/io.snackbase.audit.cfg"
for _ in $(seq 1 60); do
  if curl -s "$BENCH_INSTANCE_URL/health" | grep -q '"audit_logging_enabled":false'; then
    sleep 2 # let the records bundle rebind its audit reference before the next workload
    exit 0
  fi
  sleep 0.5
done
echo "auditing did not turn off" >&2
exit 1
