#!/usr/bin/env bash
# 办结审核 cost (issue 13). Usage: bench/task-service/review-on-off.sh [SECONDS] [ROUNDS]
# POST …/reports (DONE) throughput with the region's completionReview REQUIRED against OFF, measured in the same run:
# one service, two regions with the same 10,000-row table, OFF and ON alternating for ROUNDS rounds of SECONDS each,
# 16 connections. Needs what run.sh needs; own database duban_task_bench_review, ports 18083 / 18182.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/task-service"
SECONDS_RUN=${1:-15}
ROUNDS=${2:-3}
DB=duban_task_bench_review
PORT=18083
ORG_PORT=18182
PGARGS=(-h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}")
PSQL=(psql "${PGARGS[@]}" -v ON_ERROR_STOP=1 -q -X)
JAR="$ROOT/task-service/target/quarkus-app/quarkus-run.jar"
WORK=$(mktemp -d)
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl task-service -am package -DskipTests" >&2; exit 1; }
source "$ROOT/bench/lib.sh"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
python3 "$HERE/fake_org.py" $ORG_PORT & PIDS+=($!)
# health answers on the management port (prod profile): the service's port + 1000
env DUBAN_TASK_DB=$DB DUBAN_TASK_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
    DUBAN_ORG_URL="http://127.0.0.1:$ORG_PORT" java -Xmx1g -jar "$JAR" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null || { cat "$WORK/service.log"; exit 1; }
python3 "$HERE/generate.py" "$WORK/table.tsv" 10000

for REGION in 370398 370399; do
  SUP=$(token supervisor $REGION)
  BASE="http://127.0.0.1:$PORT/api/v1/regions/$REGION"
  PLAN=$(curl -fsS -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' -X POST "$BASE/plans" \
    --data '{"title":"基准测试方案","year":2023,"issuedOn":"2023-08-09","kind":"KEY_TASKS"}' | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
  curl -fsS -o /dev/null -H "Authorization: Bearer $SUP" -H 'Content-Type: text/tab-separated-values' \
    --data-binary @"$WORK/table.tsv" "$BASE/plans/$PLAN/import"
  "${PSQL[@]}" -d $DB -At -c "select id from assignment where region = '$REGION'" > "$WORK/ids-$REGION.txt"
done
# 370399 reviews completions; 370398 does not
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $(token supervisor 370399)" -H 'If-Match: "0"' -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT/api/v1/regions/370399/settings" --data '{"ackWorkingDays":3,"completionReview":"REQUIRED"}'
"${PSQL[@]}" -d $DB -c "vacuum analyze"

echo "== POST …/reports (DONE), 16 connections, ${ROUNDS} × ${SECONDS_RUN} s each, OFF and ON alternating"
for round in $(seq "$ROUNDS"); do
  for REGION in 370398 370399; do
    label=$([ $REGION = 370399 ] && echo "review ON " || echo "review OFF")
    # each round continues from the versions the previous one left: re-read them
    "${PSQL[@]}" -d $DB -At -F ' ' -c "select id, version from assignment where region = '$REGION'" > "$WORK/ids-$REGION.txt"
    echo -n "round $round $label: "
    java "$HERE/LoadDriver.java" done "http://127.0.0.1:$PORT/api/v1/regions/$REGION" "$(token supervisor $REGION)" \
      "$WORK/ids-$REGION.txt" 16 "$SECONDS_RUN" || true
  done
done
"${PSQL[@]}" -d $DB -At -c "select region, status, count(*) from assignment group by 1, 2 order by 1, 2"
