#!/bin/sh
# What auditing costs the records create workload (issue 7: at most 30% of create throughput), in one
# run: the assembled instance on a fresh PostgreSQL database (snackbase_bench), the orders collection
# and tenant of run.sh, then the create workload with auditing on, then, after turning it off through
# the instance setting (conf/io.snackbase.audit.cfg enabled=false, picked up by FileInstall; /health
# then reports audit_logging_enabled false), the same workload again. Prints both workload lines and
# the cost. Builds nothing: the instance must be assembled (distribution/instance/target/snackbase).
#
#   bench/records/audit-cost.sh [rows=2000] [connections=32] [seconds=20]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
instance=${SNACKBASE_BENCH_INSTANCE:-$repo/distribution/instance/target/snackbase}
pg_admin=${SNACKBASE_BENCH_PG_ADMIN:-"-h 127.0.0.1 -U postgres"}
db=${SNACKBASE_BENCH_DB:-snackbase_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/snackbase-audit-cost.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# shellcheck disable=SC2086
psql $pg_admin -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" postgres
cp -R "$instance" "$work/snackbase"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SNACKBASE_HOME="$work/snackbase" SNACKBASE_PORT=$port SNACKBASE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" \
  SNACKBASE_SUPERADMIN_EMAIL=bench@bench.example.com SNACKBASE_SUPERADMIN_PASSWORD='Bench!Sup3r-admin' \
  "$work/snackbase/bin/snackbase" > "$work/instance.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/auth/me")" = 401 ] && break
  sleep 0.5
done
curl -s "http://127.0.0.1:$port/health" | grep -q '"audit_logging_enabled":true' || { echo "auditing is not on at start" >&2; exit 1; }

# Between the two runs: auditing off through the instance's configuration, and wait until it is in force.
cat > "$work/audit-off.sh" <<OFF
#!/bin/sh
printf 'enabled=false\n' > "$work/snackbase/conf/io.snackbase.audit.cfg"
for _ in \$(seq 1 60); do
  curl -s "http://127.0.0.1:$port/health" | grep -q '"audit_logging_enabled":false' && { sleep 2; exit 0; }
  sleep 0.5
done
echo "auditing did not turn off" >&2
exit 1
OFF
chmod +x "$work/audit-off.sh"

# shellcheck disable=SC2086
BENCH_AFTER_SEED="psql $pg_admin -qc 'ANALYZE' $db" BENCH_WORKLOADS=create,create BENCH_BETWEEN_WORKLOADS="$work/audit-off.sh" \
  java "$repo/bench/records/RecordsLoad.java" "http://127.0.0.1:$port" bench@bench.example.com 'Bench!Sup3r-admin' \
  "${1:-2000}" "${2:-32}" "${3:-20}" | tee "$work/load.out"
# shellcheck disable=SC2086
entries=$(psql $pg_admin -tAc "SELECT count(*) FROM audit_log" $db)
awk -v entries="$entries" '/^workload=create/ {
    for (i = 1; i <= NF; i++) if ($i ~ /^req_per_s=/) { split($i, kv, "="); rate[++n] = kv[2] }
  }
  END {
    if (n != 2) { print "expected two create runs" > "/dev/stderr"; exit 1 }
    printf "audit_on_req_per_s=%s audit_off_req_per_s=%s audit_cost_percent=%.1f audit_entries=%s\n", rate[1], rate[2],
      (rate[2] - rate[1]) * 100 / rate[2], entries
  }' "$work/load.out"
echo "server_rss_mb=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)"
