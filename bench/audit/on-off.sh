#!/usr/bin/env bash
# What the audit trail costs (issue 16). Usage: bench/audit/on-off.sh [SECONDS] [ROUNDS]
# POST …/reports (task-service's hot write, its audit record written in the report's own transaction) with auditing
# ON against OFF, side by side in one run: two task-service processes on one database (DUBAN_AUDIT_ENABLED true /
# false), each its own region with the same 10,000-row table, 16 connections, ROUNDS rounds of SECONDS each; the
# order alternates (ON first in odd rounds, OFF first in even ones) so warm-up does not favour one side.
# Needs what bench/task-service/run.sh needs; own database duban_task_bench_audit, ports 16081 (fake org) 16082 16083
# (management ports 17082 17083). Env: BENCH_DB, ORG_PORT, ON_PORT, OFF_PORT, ON_MANAGEMENT_PORT, OFF_MANAGEMENT_PORT
# to run beside another checkout; JAVA_OPTS_ON / JAVA_OPTS_OFF for the two services' JVMs (e.g. a JFR recording).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/task-service"
SECONDS_RUN=${1:-15}
ROUNDS=${2:-4}
DB=${BENCH_DB:-duban_task_bench_audit}
ORG_PORT=${ORG_PORT:-16081}
declare -A PORT=([on]=${ON_PORT:-16082} [off]=${OFF_PORT:-16083})
declare -A MANAGEMENT=([on]=${ON_MANAGEMENT_PORT:-17082} [off]=${OFF_MANAGEMENT_PORT:-17083})
declare -A OPTS=([on]="${JAVA_OPTS_ON:-}" [off]="${JAVA_OPTS_OFF:-}")
declare -A REGION=([on]=370391 [off]=370392)
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
start() { # on|off
  # health answers on the management port (prod profile)
  env DUBAN_TASK_DB=$DB DUBAN_TASK_PORT=${PORT[$1]} QUARKUS_MANAGEMENT_PORT=${MANAGEMENT[$1]} DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
      DUBAN_AUDIT_ENABLED=$([ "$1" = on ] && echo true || echo false) \
      DUBAN_ORG_URL="http://127.0.0.1:$ORG_PORT" java -Xmx512m ${OPTS[$1]} -jar "$JAR" >"$WORK/service-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 180); do curl -sf "http://127.0.0.1:${MANAGEMENT[$1]}/q/health/ready" >/dev/null && return 0; sleep 1; done
  cat "$WORK/service-$1.log"; exit 1
}
start on   # the first one migrates the database
start off
python3 "$HERE/generate.py" "$WORK/table.tsv" 10000

for side in on off; do
  SUP=$(token supervisor ${REGION[$side]})
  BASE="http://127.0.0.1:${PORT[$side]}/api/v1/regions/${REGION[$side]}"
  PLAN=$(curl -fsS -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' -X POST "$BASE/plans" \
    --data '{"title":"基准测试方案","year":2023,"issuedOn":"2023-08-09","kind":"KEY_TASKS"}' | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
  curl -fsS -o /dev/null -H "Authorization: Bearer $SUP" -H 'Content-Type: text/tab-separated-values' \
    --data-binary @"$WORK/table.tsv" "$BASE/plans/$PLAN/import"
done
"${PSQL[@]}" -d $DB -c "vacuum analyze"

echo "== POST …/reports (DONE), 16 connections, ${ROUNDS} × ${SECONDS_RUN} s each side; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  order=$([ $((round % 2)) = 1 ] && echo "on off" || echo "off on")
  for side in $order; do
    "${PSQL[@]}" -d $DB -At -F ' ' -c "select id, version from assignment where region = '${REGION[$side]}'" > "$WORK/ids-$side.txt"
    echo -n "round $round audit $(printf '%-3s' $side): "
    java "$HERE/LoadDriver.java" done "http://127.0.0.1:${PORT[$side]}/api/v1/regions/${REGION[$side]}" \
      "$(token supervisor ${REGION[$side]})" "$WORK/ids-$side.txt" 16 "$SECONDS_RUN" || true
  done
  echo "   load average after round $round: $(cut -d' ' -f1-3 /proc/loadavg)"
done
# every report of the ON side has its audit record; the OFF side none
"${PSQL[@]}" -d $DB -At -c "select region, count(*) as reports from progress_report group by 1 order by 1"
"${PSQL[@]}" -d $DB -At -c "select region, count(*) as audited_reports from audit_record where route like '%/reports' and status = 201 group by 1 order by 1"
