#!/usr/bin/env bash
# Province-scale benchmark of report-service (issue 5). Usage: bench/report-service/run.sh
# Switches: SKIP_CATCHUP=1 (start at step 2), ONLY_CATCHUP=1 (step 1 only), ONLY_PROVINCE=1 (stop after step 4).
# Needs: PostgreSQL at $DUBAN_DB_HOST:$DUBAN_DB_PORT (default 127.0.0.1:5432, user postgres), the packaged
# service (./mvnw -B -pl report-service package -DskipTests), python3, openssl.
# Uses its own database duban_report_bench (dropped and recreated) and ports 18083 (service), 18099 (feed); env DB,
# PORT, FEED_PORT and JAR (a copied quarkus-app/quarkus-run.jar) override them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/report-service"
DB=${DB:-duban_report_bench}
PORT=${PORT:-18083}
FEED_PORT=${FEED_PORT:-18099}
FEED_TOTAL=${FEED_TOTAL:-200000}
PSQL=(psql -h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
JAR=${JAR:-"$ROOT/report-service/target/quarkus-app/quarkus-run.jar"}
LOG=$(mktemp -d)
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl report-service package -DskipTests" >&2; exit 1; }

source "$ROOT/bench/lib.sh"   # token ROLE REGION

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_service() { # extra env assignments…
  # health answers on the management port (prod profile): the service's port + 1000
  env DUBAN_REPORT_DB=$DB DUBAN_REPORT_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
      DUBAN_JWT_PRIVATE_KEY="$KEYS/duban-test-private.pem" DUBAN_TASK_URL="http://127.0.0.1:$FEED_PORT" "$@" \
      java -Xmx1g -jar "$JAR" >"$LOG/service.log" 2>&1 &
  SERVICE=$!
  PIDS+=("$SERVICE")
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "service did not start; see $LOG/service.log" >&2; exit 1
}
stop_service() { kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; }

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" ${BENCH_DB_SETTINGS:+-c "ALTER DATABASE $DB SET $BENCH_DB_SETTINGS"}

if [ "${SKIP_CATCHUP:-}" != 1 ]; then
echo "## 1. projection catch-up ($FEED_TOTAL synthetic changes)"
python3 "$HERE/feed.py" $FEED_PORT "$FEED_TOTAL" & PIDS+=($!)
start_service DUBAN_PROJECTION_INTERVAL=1s DUBAN_PROJECTION_BATCH_SIZE=${BATCH:-2000} DUBAN_PROJECTION_MAX_BATCHES_PER_RUN=1000000
t0=$(date +%s.%N)
while :; do
  n=$("${PSQL[@]}" -d $DB -tAc "select applied_total from projection_cursor")
  [ "$n" -ge "$FEED_TOTAL" ] && break
  sleep 0.5
done
t1=$(date +%s.%N)
obl=$("${PSQL[@]}" -d $DB -tAc "select count(*) from obligation")
python3 -c "print(f'applied $FEED_TOTAL changes in {($t1-$t0):.1f} s = {$FEED_TOTAL/($t1-$t0):.0f} changes/s; obligations derived: $obl')"
stop_service
[ "${ONLY_CATCHUP:-}" = 1 ] && exit 0
else
start_service DUBAN_PROJECTION_ENABLED=false   # Flyway creates the schema the generator fills
stop_service
fi

echo "## 2. province data set (136 regions, 2,000,016 obligations)"
t0=$(date +%s)
"${PSQL[@]}" -d $DB -f "$HERE/generate.sql"
echo "generated in $(( $(date +%s) - t0 )) s"
start_service DUBAN_PROJECTION_ENABLED=false
SUP=$(token supervisor 371042)
SYS=$(token system '*')
BASE="http://127.0.0.1:$PORT"

echo "## 3. GET /dashboard, one county (371042), asOf 2023-10-01"
python3 "$HERE/measure.py" latency "$BASE/api/v1/regions/371042/dashboard?asOf=2023-10-01" "$SUP" 300
echo "## 4. province-wide open overdue: GET /api/v1/overdue/summary (one call) vs 136 /overdue calls vs hand-written SQL"
PROV=$(token viewer 370000)
python3 "$HERE/measure.py" summary "$BASE" "$PROV" 2023-10-01 20
python3 "$HERE/measure.py" overdue "$BASE" "$SYS" 2023-10-01
for _ in 1 2 3; do
  t0=$(date +%s%N)
  "${PSQL[@]}" -d $DB -tAc "select count(*) from obligation where (completed_on is null or completed_on > date '2023-10-01') and due_on < date '2023-10-01'"
  echo "hand-written SQL: $(( ($(date +%s%N) - t0) / 1000000 )) ms (psql, incl. connection)"
done
[ "${ONLY_PROVINCE:-}" = 1 ] && exit 0

echo "## 5. recompute after uploading a changed 2023 schedule"
curl -sf -H "Authorization: Bearer $SUP" "$BASE/api/v1/calendar/2023" | python3 -c "
import json,sys
d=json.load(sys.stdin)
s={'year':d['year'],'notice':d['notice'],'holidays':d['holidays']+[{'name':'基准测试','offDays':['2023-06-26'],'makeupDays':[]}]}
json.dump(s,open('$LOG/2023.json','w'),ensure_ascii=False)"
python3 "$HERE/measure.py" put "$BASE/api/v1/calendar/2023" "$SUP" "$LOG/2023.json"
echo "logs: $LOG"
