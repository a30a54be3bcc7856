#!/usr/bin/env bash
# task-service benchmark (issue 4). Usage: bench/task-service/run.sh [SECONDS]
# Needs: PostgreSQL at $DUBAN_DB_HOST:$DUBAN_DB_PORT (default 127.0.0.1:5432, user postgres), the packaged
# service (./mvnw -B -pl task-service package -DskipTests), python3, openssl, pgbench, a JDK.
# Uses its own database duban_task_bench (dropped and recreated) and ports 18082 (service), 18181 (fake org-service).
# Measures: import of a synthetic 10,000-row table (100 units) end to end; POST …/reports and GET /assignments
# at 16 connections; the raw PostgreSQL ceiling of the same report write with pgbench (16 clients).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/task-service"
SECONDS_RUN=${1:-20}
DB=duban_task_bench
PORT=18082
ORG_PORT=18181
REGION=370399
PGARGS=(-h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}")
PSQL=(psql "${PGARGS[@]}" -v ON_ERROR_STOP=1 -q -X)
JAR="$ROOT/task-service/target/quarkus-app/quarkus-run.jar"
WORK=$(mktemp -d)
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl task-service package -DskipTests" >&2; exit 1; }

source "$ROOT/bench/lib.sh"   # token ROLE REGION

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

SUP=$(token supervisor $REGION)
BASE="http://127.0.0.1:$PORT/api/v1/regions/$REGION"
python3 "$HERE/generate.py" "$WORK/table.tsv" 10000
PLAN=$(curl -fsS -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' -X POST "$BASE/plans" \
  --data '{"title":"基准测试方案","year":2023,"issuedOn":"2023-08-09","kind":"KEY_TASKS"}' | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
echo "== import of 10,000 rows (end to end, curl time_total): first into a freshly started service, then again into a second plan"
for attempt in cold warm; do
  [ $attempt = warm ] && PLAN=$(curl -fsS -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' -X POST "$BASE/plans" \
    --data '{"title":"基准测试方案二","year":2023,"issuedOn":"2023-08-09","kind":"KEY_TASKS"}' | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
  curl -fsS -o "$WORK/import.json" -w "import ($attempt): %{time_total} s" -H "Authorization: Bearer $SUP" \
    -H 'Content-Type: text/tab-separated-values' --data-binary @"$WORK/table.tsv" "$BASE/plans/$PLAN/import"
  sed -E 's/.*"tasks":([0-9]+),"assignments":([0-9]+).*/ — \1 tasks, \2 assignments/' "$WORK/import.json"; echo
done
grep -o 'import region.*' "$WORK/service.log" | sed 's/^/  service log: /'

"${PSQL[@]}" -d $DB -At -c "select id from assignment where region = '$REGION'" > "$WORK/ids.txt"
"${PSQL[@]}" -d $DB -c "create table bench_ids as select row_number() over () as n, region, id from assignment" \
  -c "vacuum analyze"
COUNT=$(wc -l < "$WORK/ids.txt")

echo "== service, 16 connections, ${SECONDS_RUN} s (after 3 s warm-up)"
java "$HERE/LoadDriver.java" reports "$BASE" "$SUP" "$WORK/ids.txt" 16 "$SECONDS_RUN"
java "$HERE/LoadDriver.java" list "$BASE" "$SUP" "$WORK/ids.txt" 16 "$SECONDS_RUN"

echo "== raw PostgreSQL, same report write, 16 clients, ${SECONDS_RUN} s"
pgbench "${PGARGS[@]}" -n -M prepared -c 16 -j 2 -T "$SECONDS_RUN" -D count="$COUNT" -f "$HERE/report-write.sql" $DB \
  | grep -E 'tps|latency average|number of transactions actually processed|failed'
