#!/usr/bin/env bash
# Every hot endpoint beside the bare SQL it runs, in one run (issue 17).
# Usage: bench/hot-paths.sh [ENDPOINT ...]     (no argument: all of them, in this order)
#   assignments-plan  GET  task-service   /assignments?planId=…&after=…   (keyset pages of 50 over a 20k-row plan)
#   assignments-unit  GET  task-service   /assignments?unitId=…&after=…   (a department's own list, keyset pages)
#   assignments-page  GET  task-service   /assignments?page=1…400          (numbered pages with total: the compatible way)
#   assignment        GET  task-service   /assignments/{id}
#   report            POST task-service   /assignments/{id}/reports        (If-Match; one connection per wrk thread)
#   obligations       GET  report-service /obligations?after=…             (keyset pages of 50)
#   overdue           GET  report-service /overdue?after=…
#   agenda            GET  report-service /units/{id}/agenda               (one department)
#   dashboard         GET  report-service /dashboard
#   resolve-batch     POST org-service    /responsibility/resolve-batch    (100 real 责任单位 cells)
# For each: wrk (CONNECTIONS, SECONDS) against the packaged service, then pgbench (-M prepared, same number of
# clients, same seconds) running the statements that endpoint runs, on the same data; prints req/s, p50/p99, the
# ratio service ÷ SQL and the service's CPU per request (utime+stime of its process from /proc ÷ requests), and
# writes the table between the HOT-PATHS markers of bench/RESULTS.md (RESULTS=0 to skip).
#
# Data: region 370399 with two plans of a synthetic 10,000-row 任务分解表 (bench/task-service/generate.py): 40,220
# assignments; report-service follows task-service's real change feed (~34k obligations); org-service holds
# 沂源县's units. Built once into databases ${PREFIX}_task/_report/_org and reused (FRESH=1 rebuilds).
# The SQL side: list/get/report scripts are hand-written beside the repository's statements (sql/*.sql, one extra
# primary-key lookup per transaction picks the random page or id); agenda, dashboard and resolve-batch are
# captured from the PostgreSQL log of one real request (capture.py), so they are exactly what the service sent.
#
# Env: SECONDS_RUN (10) WARMUP (10, seconds of wrk before each measured run) CONNECTIONS (16) PREFIX (duban_hot) PORT_BASE (18090: task, report, org, fake org +0…+3)
#      APPS (a folder of <module>/quarkus-run.jar copies, e.g. to measure one build while another compiles)
#      SERVICE_ENV (env assignments for every service, e.g. "DUBAN_JWT_CACHE_ENABLED=false DUBAN_DASHBOARD_CACHE_ENABLED=false"
#      to measure without the verified-token and dashboard caches) RECAPTURE=1 (capture agenda/dashboard/resolve-batch
#      again on the existing data)
# Needs: the packaged services (./mvnw -B -pl org-service,task-service,report-service -am package -DskipTests),
# wrk (apt-get install wrk), pgbench, python3, openssl, read access to the PostgreSQL server log (LOG, for capture).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HERE="$ROOT/bench/hot-paths"
SECONDS_RUN=${SECONDS_RUN:-10}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-16}
PREFIX=${PREFIX:-duban_hot}
PORT_BASE=${PORT_BASE:-18090}
SERVICE_ENV=${SERVICE_ENV:-}
TASK_PORT=$PORT_BASE; REPORT_PORT=$((PORT_BASE + 1)); ORG_PORT=$((PORT_BASE + 2)); FAKE_ORG_PORT=$((PORT_BASE + 3))
LOG=${LOG:-/var/log/postgresql/postgresql-15-main.log}
REGION=370399
AS_OF=2024-01-10
ALL=(assignments-plan assignments-unit assignments-page assignment report obligations overdue agenda dashboard resolve-batch)
ENDPOINTS=("$@"); [ ${#ENDPOINTS[@]} -eq 0 ] && ENDPOINTS=("${ALL[@]}")
PGARGS=(-h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}")
PSQL=(psql "${PGARGS[@]}" -v ON_ERROR_STOP=1 -q -X)
TASK_DB=${PREFIX}_task; REPORT_DB=${PREFIX}_report; ORG_DB=${PREFIX}_org
WORK=${WORK:-$ROOT/bench/hot-paths/.work}   # cursors, ids, captured scripts (gitignored), reused with the databases
mkdir -p "$WORK"
APPS=${APPS:-}   # a folder with <module>/quarkus-run.jar copies instead of each module's target/quarkus-app
app_jar() { if [ -n "$APPS" ]; then echo "$APPS/$1/quarkus-run.jar"; else echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; fi; }
for m in task-service report-service org-service; do
  [ -f "$(app_jar $m)" ] || { echo "build first: ./mvnw -B -pl $m -am package -DskipTests" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
source "$ROOT/bench/lib.sh"   # token ROLE REGION
SUP=$(token supervisor $REGION)

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_ready() { # PORT NAME LOGFILE (health answers on the management port, PORT + 1000, in the prod profile)
  for _ in $(seq 180); do curl -sf "http://127.0.0.1:$(($1 + 1000))/q/health/ready" >/dev/null && return 0; sleep 1; done
  echo "$2 did not start; see $3" >&2; tail -20 "$3" >&2; exit 1
}
start_task() {
  env DUBAN_TASK_DB=$TASK_DB DUBAN_TASK_PORT=$TASK_PORT QUARKUS_MANAGEMENT_PORT=$((TASK_PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
      DUBAN_ORG_URL="http://127.0.0.1:$FAKE_ORG_PORT" DUBAN_LOG_LEVEL=WARN $SERVICE_ENV \
      java -Xmx1g ${JAVA_OPTS_TASK:-} -jar "$(app_jar task-service)" >"$WORK/task.log" 2>&1 &
  TASK_PID=$!; PIDS+=($TASK_PID); wait_ready $TASK_PORT task-service "$WORK/task.log"
}
start_report() { # extra env…
  env DUBAN_REPORT_DB=$REPORT_DB DUBAN_REPORT_PORT=$REPORT_PORT QUARKUS_MANAGEMENT_PORT=$((REPORT_PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
      DUBAN_JWT_PRIVATE_KEY="$KEYS/duban-test-private.pem" DUBAN_TASK_URL="http://127.0.0.1:$TASK_PORT" DUBAN_LOG_LEVEL=WARN $SERVICE_ENV "$@" \
      java -Xmx1g ${JAVA_OPTS_REPORT:-} -jar "$(app_jar report-service)" >"$WORK/report.log" 2>&1 &
  REPORT_PID=$!; PIDS+=($REPORT_PID); wait_ready $REPORT_PORT report-service "$WORK/report.log"
}
start_org() {
  env DUBAN_ORG_DB=$ORG_DB DUBAN_ORG_PORT=$ORG_PORT QUARKUS_MANAGEMENT_PORT=$((ORG_PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" DUBAN_LOG_LEVEL=WARN $SERVICE_ENV \
      java -Xmx512m ${JAVA_OPTS_ORG:-} -jar "$(app_jar org-service)" >"$WORK/org.log" 2>&1 &
  ORG_PID=$!; PIDS+=($ORG_PID); wait_ready $ORG_PORT org-service "$WORK/org.log"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
db_exists() { [ "$("${PSQL[@]}" -d postgres -Atc "select count(*) from pg_database where datname = '$1'")" = 1 ]; }
log_size() { stat -c %s "$LOG"; }
versions() { "${PSQL[@]}" -d $TASK_DB -Atc "select id || E'\t' || version from assignment where region = '$REGION' and active" >"$WORK/versions.tsv"; }

TASK_API="http://127.0.0.1:$TASK_PORT/api/v1/regions/$REGION"
REPORT_API="http://127.0.0.1:$REPORT_PORT/api/v1/regions/$REGION"
ORG_API="http://127.0.0.1:$ORG_PORT/api/v1/regions/$REGION"
python3 "$ROOT/bench/task-service/fake_org.py" $FAKE_ORG_PORT & PIDS+=($!)

# ---- data (once) ---------------------------------------------------------------------------------------------
if [ "${FRESH:-}" = 1 ] || ! db_exists "$TASK_DB" || ! db_exists "$REPORT_DB" || ! db_exists "$ORG_DB" || [ ! -f "$WORK/ready" ]; then
  rm -f "$WORK"/*
  for db in $TASK_DB $REPORT_DB $ORG_DB; do "${PSQL[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"; done
  start_task
  python3 "$ROOT/bench/task-service/generate.py" "$WORK/table.tsv" 10000
  for title in 基准方案一 基准方案二; do
    plan=$(curl -fsS -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' -X POST "$TASK_API/plans" \
      --data "{\"title\":\"$title\",\"year\":2023,\"issuedOn\":\"2023-08-09\",\"kind\":\"KEY_TASKS\"}" | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
    curl -fsS -o /dev/null -w "import into $title: %{time_total} s\n" -H "Authorization: Bearer $SUP" \
      -H 'Content-Type: text/tab-separated-values' --data-binary @"$WORK/table.tsv" "$TASK_API/plans/$plan/import"
  done
  start_report DUBAN_PROJECTION_INTERVAL=1s DUBAN_PROJECTION_MAX_BATCHES_PER_RUN=1000000
  changes=$("${PSQL[@]}" -d $TASK_DB -Atc "select count(*) from change_log")
  for _ in $(seq 600); do
    n=$("${PSQL[@]}" -d $REPORT_DB -Atc "select applied_total from projection_cursor")
    [ "$n" -ge "$changes" ] && break; sleep 1
  done
  start_org
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $SUP" -H 'Content-Type: text/tab-separated-values' \
    --data-binary @"$ROOT/test-support/src/main/resources/fixtures/yiyuan-units.tsv" "$ORG_API/units/import"
  python3 - "$ROOT/test-support/src/main/resources/fixtures/yiyuan-2023-key-tasks.tsv" >"$WORK/resolve-batch.json" <<'PY'
import json, sys
cells = [l.split('\t')[4] for l in open(sys.argv[1], encoding='utf-8').read().splitlines()[1:] if l.split('\t')[4].strip()]
print(json.dumps({"texts": [cells[i % len(cells)] for i in range(100)]}, ensure_ascii=False))
PY
  # the lists' positions: every page's cursor, walked through the API (what a client holds), and the same page
  # boundaries as rows for pgbench (bench_*_pos), from the same order
  python3 "$HERE/positions.py" "$TASK_API" "$REPORT_API" "$SUP" "$AS_OF" "$WORK"
  "${PSQL[@]}" -d $TASK_DB -f "$HERE/sql/task-positions.sql"
  "${PSQL[@]}" -d $REPORT_DB -f "$HERE/sql/report-positions.sql"
  versions
  cut -f1 "$WORK/versions.tsv" | sed "s|^|/api/v1/regions/$REGION/assignments/|" >"$WORK/assignment-paths.txt"
  "${PSQL[@]}" -d $REPORT_DB -Atc "select unit_id from obligation where region = '$REGION' group by unit_id order by count(*) desc, unit_id limit 1" >"$WORK/agenda-unit"
  BUILT=1
fi
if [ "${BUILT:-}" = 1 ] || [ "${RECAPTURE:-}" = 1 ]; then
  # capture: the report and org databases log every statement while one request of each kind runs, with nothing in
  # the background (projection and alert delivery off), then the services start again without logging
  stop "${REPORT_PID:-}"; stop "${ORG_PID:-}"
  for db in $REPORT_DB $ORG_DB; do "${PSQL[@]}" -d postgres -c "alter database $db set log_min_duration_statement = 0"; done
  # the dashboard's SQL side is what a cache miss runs (the data version, then the aggregates)
  start_report DUBAN_PROJECTION_ENABLED=false DUBAN_ALERTS_DELIVERY_INTERVAL=off DUBAN_DASHBOARD_CACHE_ENABLED=false
  start_org
  UNIT=$(cat "$WORK/agenda-unit")
  curl -fsS -o /dev/null -H "Authorization: Bearer $SUP" "$REPORT_API/units/$UNIT/agenda?asOf=$AS_OF"   # warm (calendar cache)
  curl -fsS -o /dev/null -H "Authorization: Bearer $SUP" "$REPORT_API/dashboard?asOf=$AS_OF"
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' --data-binary @"$WORK/resolve-batch.json" "$ORG_API/responsibility/resolve-batch"
  sleep 1
  off=$(log_size)
  curl -fsS -o /dev/null -H "Authorization: Bearer $SUP" "$REPORT_API/units/$UNIT/agenda?asOf=$AS_OF"; sleep 1
  python3 "$HERE/capture.py" "$LOG" "$off" $REPORT_DB "$WORK/agenda.sql" "$WORK/agenda.defs"
  off=$(log_size)
  curl -fsS -o /dev/null -H "Authorization: Bearer $SUP" "$REPORT_API/dashboard?asOf=$AS_OF"; sleep 1
  python3 "$HERE/capture.py" "$LOG" "$off" $REPORT_DB "$WORK/dashboard.sql" "$WORK/dashboard.defs"
  off=$(log_size)
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' --data-binary @"$WORK/resolve-batch.json" "$ORG_API/responsibility/resolve-batch"; sleep 1
  python3 "$HERE/capture.py" "$LOG" "$off" $ORG_DB "$WORK/resolve-batch.sql" "$WORK/resolve-batch.defs"
  for db in $REPORT_DB $ORG_DB; do "${PSQL[@]}" -d postgres -c "alter database $db reset log_min_duration_statement"; done
  stop $REPORT_PID; stop $ORG_PID; stop "${TASK_PID:-}"
  "${PSQL[@]}" -d $TASK_DB -c "vacuum analyze"; "${PSQL[@]}" -d $REPORT_DB -c "vacuum analyze"; "${PSQL[@]}" -d $ORG_DB -c "vacuum analyze"
  touch "$WORK/ready"
fi

# ---- runs ----------------------------------------------------------------------------------------------------
start_task; start_report DUBAN_PROJECTION_ENABLED=false; start_org   # the projection stands still while reports are written
TICK=$(getconf CLK_TCK)
tcount() { "${PSQL[@]}" -d "$1" -Atc "select count(*) from $2"; }
SOON=$("${PSQL[@]}" -d $REPORT_DB -Atc "select (select day from calendar_day where workday and day >= '$AS_OF' order by day offset 3 limit 1) - 1")
SIZES=(-D n_plan="$(tcount $TASK_DB bench_plan_pos)" -D n_unit="$(tcount $TASK_DB bench_unit_pos)" -D n_ids="$(tcount $TASK_DB bench_ids)"
       -D n_obligation="$(tcount $REPORT_DB bench_obligation_pos)" -D n_overdue="$(tcount $REPORT_DB bench_overdue_pos)" -D soon="$SOON")
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ROWS=()
run() { # NAME PID DB PGSCRIPT WRK-ARGS…   (pgbench defines in $WORK/NAME.defs when present)
  local name=$1 pid=$2 db=$3 script=$4; shift 4
  local c0 c1 out
  wrk -d"${WARMUP}s" "$@" >/dev/null 2>&1 || true   # warm-up (JIT: a cold JVM's compiler threads would count as request CPU)
  [ "$name" = report ] && versions        # the versions the warm-up left
  c0=$(cpu "$pid")
  out=$(wrk --timeout 10s -d"${SECONDS_RUN}s" "$@" 2>&1 | grep '^RESULT' || true)
  c1=$(cpu "$pid")
  local defs=(); if [ -f "$WORK/$name.defs" ]; then while IFS= read -r l; do defs+=(-D "$l"); done <"$WORK/$name.defs"; fi
  rm -f "$WORK"/pgbench_log.*
  local pg
  pg=$(cd "$WORK" && pgbench "${PGARGS[@]}" -n -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_RUN" -l \
        -D region=$REGION -D asof=$AS_OF "${SIZES[@]}" "${defs[@]}" -f "$script" "$db" 2>&1) || { echo "$pg" | tail -3 >&2; pg="tps = 0"; }
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  ROWS+=("$(python3 "$HERE/row.py" "$name" "$out" "$pg" "$WORK" "$c0" "$c1" "$TICK" "$load")")
  echo "${ROWS[-1]}"
}
echo "| endpoint | service req/s | p50 / p99 ms | SQL tps (pgbench) | p50 / p99 ms | service ÷ SQL | CPU ms/request | non-2xx | load |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for e in "${ENDPOINTS[@]}"; do
  case $e in
    assignments-plan) run $e $TASK_PID $TASK_DB "$HERE/sql/assignments-plan.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$TASK_PORT" -- "$WORK/plan-cursors.txt" "$SUP" ;;
    assignments-unit) run $e $TASK_PID $TASK_DB "$HERE/sql/assignments-unit.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$TASK_PORT" -- "$WORK/unit-cursors.txt" "$SUP" ;;
    assignments-page) run $e $TASK_PID $TASK_DB "$HERE/sql/assignments-page.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$TASK_PORT" -- "$WORK/plan-pages.txt" "$SUP" ;;
    assignment) run $e $TASK_PID $TASK_DB "$HERE/sql/assignment.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$TASK_PORT" -- "$WORK/assignment-paths.txt" "$SUP" ;;
    report) run $e $TASK_PID $TASK_DB "$HERE/sql/report.sql" -t"$CONNECTIONS" -c"$CONNECTIONS" -s "$HERE/report.lua" "http://127.0.0.1:$TASK_PORT" -- "$WORK/versions.tsv" "$SUP" "/api/v1/regions/$REGION" "$CONNECTIONS" ;;
    obligations) run $e $REPORT_PID $REPORT_DB "$HERE/sql/obligations.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$REPORT_PORT" -- "$WORK/obligation-cursors.txt" "$SUP" ;;
    overdue) run $e $REPORT_PID $REPORT_DB "$HERE/sql/overdue.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$REPORT_PORT" -- "$WORK/overdue-cursors.txt" "$SUP" ;;
    agenda) echo "/api/v1/regions/$REGION/units/$(cat "$WORK/agenda-unit")/agenda?asOf=$AS_OF" >"$WORK/agenda-path.txt"
            run $e $REPORT_PID $REPORT_DB "$WORK/agenda.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$REPORT_PORT" -- "$WORK/agenda-path.txt" "$SUP" ;;
    dashboard) echo "/api/v1/regions/$REGION/dashboard?asOf=$AS_OF" >"$WORK/dashboard-path.txt"
            run $e $REPORT_PID $REPORT_DB "$WORK/dashboard.sql" -t4 -c"$CONNECTIONS" -s "$HERE/get.lua" "http://127.0.0.1:$REPORT_PORT" -- "$WORK/dashboard-path.txt" "$SUP" ;;
    resolve-batch) run $e $ORG_PID $ORG_DB "$WORK/resolve-batch.sql" -t4 -c"$CONNECTIONS" -s "$HERE/post.lua" "http://127.0.0.1:$ORG_PORT/api/v1/regions/$REGION/responsibility/resolve-batch" -- "$WORK/resolve-batch.json" "$SUP" ;;
    *) echo "unknown endpoint $e (one of: ${ALL[*]})" >&2; exit 2 ;;
  esac
done

if [ "${RESULTS:-1}" = 1 ]; then
  python3 "$HERE/results.py" "$ROOT/bench/RESULTS.md" "$SECONDS_RUN" "$CONNECTIONS" "$*" "${ROWS[@]}"
fi
