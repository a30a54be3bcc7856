#!/usr/bin/env bash
# Two report-service processes (ports 18083 and 18084) follow the same feed into the same database at
# once; the advisory lock and the cursor check must make every change apply exactly once.
# Usage: bench/report-service/two-instances.sh [TOTAL]   (needs the packaged service, python3)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=duban_report_two
TOTAL=${1:-30000}
KEYS="$ROOT/test-support/src/main/resources"
JAR="$ROOT/report-service/target/quarkus-app/quarkus-run.jar"
PSQL=(psql -h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
LOG=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
python3 "$ROOT/bench/report-service/feed.py" 18099 "$TOTAL" & PIDS+=($!)
for port in 18083 18084; do
  # health answers on the management port (prod profile): the service's port + 1000
  env DUBAN_REPORT_DB=$DB DUBAN_REPORT_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
      DUBAN_JWT_PRIVATE_KEY="$KEYS/duban-test-private.pem" DUBAN_TASK_URL=http://127.0.0.1:18099 \
      DUBAN_PROJECTION_INTERVAL=1s DUBAN_PROJECTION_BATCH_SIZE=500 DUBAN_PROJECTION_MAX_BATCHES_PER_RUN=5 DUBAN_LOG_LEVEL=DEBUG \
      java -Xmx512m -jar "$JAR" >"$LOG/$port.log" 2>&1 &
  PIDS+=($!)
  # the second instance starts while the first is migrating/following: both race for every batch
done
for _ in $(seq 600); do
  n=$("${PSQL[@]}" -d $DB -tAc "select applied_total from projection_cursor" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge "$TOTAL" ] && break
  sleep 1
done
sleep 3
"${PSQL[@]}" -d $DB -tAc "select 'applied_total=' || applied_total || ' cursor=' || cursor from projection_cursor"
"${PSQL[@]}" -d $DB -tAc "select 'obligations=' || count(*) from obligation"
for port in 18083 18084; do
  echo "instance $port applied $(grep -c 'projection applied' "$LOG/$port.log" || true) batches; up: $(curl -sf http://127.0.0.1:$((port + 1000))/q/health/ready >/dev/null && echo yes || echo no)"
done
n=$("${PSQL[@]}" -d $DB -tAc "select applied_total from projection_cursor")
[ "$n" -eq "$TOTAL" ] && echo "OK: $TOTAL changes applied exactly once by two instances" || { echo "FAIL: applied_total=$n, expected $TOTAL"; exit 1; }
