#!/bin/sh
# Measures the start-up time and resident memory of an assembled SnackBase instance. Builds nothing.
#
#   bench/startup.sh [instance-dir]      (default: distribution/instance/target/snackbase)
#
# Copies the instance to a temporary folder, starts bin/snackbase on a free port and prints
#   startup_seconds=<s>   from process start to the first 200 on GET /ready
#   rss_mb=<n>            VmRSS of the JVM about 2 s after that
# then stops it with SIGTERM. JAVA_OPTS is passed through, so JVM flags can be compared.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd -P)
instance=${1:-$repo/distribution/instance/target/snackbase}
if [ ! -x "$instance/bin/snackbase" ]; then
  echo "no assembled instance at $instance; build it with: mvn -B install -pl distribution/launcher,distribution/instance" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/snackbase-bench.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

cp -R "$instance" "$work/snackbase"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

now_ms() { date +%s%3N; }

start=$(now_ms)
SNACKBASE_PORT=$port "$work/snackbase/bin/snackbase" >"$work/output.log" 2>&1 &
pid=$!

ready=
while [ -z "$ready" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "instance exited before it was ready; output:" >&2
    cat "$work/output.log" >&2
    exit 1
  fi
  if [ $(( $(now_ms) - start )) -gt 60000 ]; then
    echo "instance not ready within 60 s" >&2
    exit 1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)
  if [ "$code" = 200 ]; then
    ready=$(now_ms)
  else
    sleep 0.05
  fi
done

sleep 2
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
awk -v ms=$((ready - start)) 'BEGIN { printf "startup_seconds=%.2f\n", ms / 1000 }'
echo "rss_mb=$((rss_kb / 1024))"

kill -TERM "$pid"
wait "$pid" || true
pid=
