#!/bin/sh
# Records load benchmark: the assembled instance on a fresh PostgreSQL database, 20,000 rows in
# `orders` for one tenant user with a row rule, then get by id / filtered sorted list / create at 32
# connections (RecordsLoad.java, JDK only). Prints the load generator's lines and the server's RSS.
# Builds nothing: run `mvn -B install -DskipTests` first.
#
#   bench/records/run.sh [rows=20000] [connections=32] [seconds=20]
#
# SNACKBASE_BENCH_DB names the database (default snackbase_bench); BENCH_WORKLOADS and
# BENCH_BETWEEN_WORKLOADS pass to RecordsLoad.java, which runs the latter with BENCH_INSTANCE_HOME and
# BENCH_INSTANCE_URL set (audit-cost.sh uses them to change the instance's configuration).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
instance=${SNACKBASE_BENCH_INSTANCE:-$repo/distribution/instance/target/snackbase}
pg_admin=${SNACKBASE_BENCH_PG_ADMIN:-"-h 127.0.0.1 -U postgres"}
db=${SNACKBASE_BENCH_DB:-snackbase_bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/snackbase-records-bench.XXXXXX")
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
export BENCH_INSTANCE_HOME="$work/snackbase" BENCH_INSTANCE_URL="http://127.0.0.1:$port"
# bundles register their routes independently: wait for the auth and the records routes
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/auth/me")" = 401 ] &&
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/collections")" = 401 ] && break
  sleep 0.5
done
# shellcheck disable=SC2086
BENCH_AFTER_SEED="psql $pg_admin -qc 'ANALYZE' $db" java "$repo/bench/records/RecordsLoad.java" "http://127.0.0.1:$port" bench@bench.example.com 'Bench!Sup3r-admin' \
  "${1:-20000}" "${2:-32}" "${3:-20}"
echo "server_rss_mb=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)"
