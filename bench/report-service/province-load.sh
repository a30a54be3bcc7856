#!/usr/bin/env bash
# The province page's API over the 2M-obligation data set (issue 15 §4): GET /api/v1/overdue/summary (a province token,
# 136 counties) and one county's GET /api/v1/counties/{county}/dashboard, each at SESSIONS concurrent connections
# (wrk --latency), against two instances of the same build on the same database side by side: one with the
# per-data-version caches (DUBAN_DASHBOARD_CACHE_ENABLED=true, the default) and one without, in alternating rounds so
# both see the same machine. Also the cost of a miss: the summary's first call after a write (one row of a county).
# Needs the data set of bench/report-service/run.sh (SKIP_CATCHUP=1 ONLY_PROVINCE=1 DB=… run.sh makes it) and wrk.
#   DB=h_pf_province PORT=9330 bench/report-service/province-load.sh      (uses PORT and PORT+1)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=${DB:-duban_report_bench}
PORT=${PORT:-18083}
SESSIONS=${SESSIONS:-4}
SECONDS_RUN=${SECONDS_RUN:-10}
ROUNDS=${ROUNDS:-2}
ASOF=${ASOF:-2023-10-01}
JAR=${JAR:-"$ROOT/report-service/target/quarkus-app/quarkus-run.jar"}
PSQL=(psql -h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -qAt)
LOG=$(mktemp -d)
source "$ROOT/bench/lib.sh"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # PORT CACHE
  env DUBAN_REPORT_DB=$DB DUBAN_REPORT_PORT=$1 DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
      DUBAN_JWT_PRIVATE_KEY="$KEYS/duban-test-private.pem" DUBAN_TASK_URL="http://127.0.0.1:9" DUBAN_LOG_LEVEL=WARN \
      DUBAN_PROJECTION_ENABLED=false DUBAN_ALERTS_DELIVERY_INTERVAL=off DUBAN_DASHBOARD_CACHE_ENABLED=$2 \
      java -Xmx1g -jar "$JAR" >"$LOG/service-$1.log" 2>&1 &
  PIDS+=($!)
}
start $PORT true
start $((PORT + 1)) false
for p in $PORT $((PORT + 1)); do
  for _ in $(seq 180); do curl -sf "http://127.0.0.1:$p/q/health/ready" >/dev/null && break; sleep 1; done
done
PROV=$(token viewer 370000)
SUP=$(token supervisor 371042)
one() { # LABEL URL TOKEN → "label req/s p50 p99"
  wrk -t2 -c"$SESSIONS" -d"${SECONDS_RUN}s" --timeout 20s --latency -H "Authorization: Bearer $3" "$2" 2>&1 | awk -v l="$1" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {printf "%-40s %8s req/s  p50 %8s  p99 %8s  non-2xx %s\n", l, rps, p50, p99, (bad==""?0:bad)}'
}
for path in "/api/v1/overdue/summary?asOf=$ASOF" "/api/v1/counties/371042/dashboard?asOf=$ASOF"; do
  tok=$PROV
  for p in $PORT $((PORT + 1)); do curl -sf -o /dev/null -H "Authorization: Bearer $tok" "http://127.0.0.1:$p$path"; done
  wrk -t2 -c"$SESSIONS" -d5s -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT$path" >/dev/null 2>&1   # warm-up
  wrk -t2 -c"$SESSIONS" -d5s -H "Authorization: Bearer $tok" "http://127.0.0.1:$((PORT + 1))$path" >/dev/null 2>&1
  for r in $(seq "$ROUNDS"); do
    one "cached   $SESSIONS sessions ${path%%\?*}" "http://127.0.0.1:$PORT$path" "$tok"
    one "uncached $SESSIONS sessions ${path%%\?*}" "http://127.0.0.1:$((PORT + 1))$path" "$tok"
    echo "  load average $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
# a miss: move one county's data version (what the triggers do on any write there), then time the next summary call, five times
for _ in 1 2 3 4 5; do
  "${PSQL[@]}" -d "$DB" -c "insert into region_data_version values ('371042', 1) on conflict (region) do update set version = region_data_version.version + 1" >/dev/null
  curl -sf -o /dev/null -w "summary after a write (miss): %{time_total} s\n" -H "Authorization: Bearer $PROV" "http://127.0.0.1:$PORT/api/v1/overdue/summary?asOf=$ASOF"
  curl -sf -o /dev/null -w "summary again (hit):          %{time_total} s\n" -H "Authorization: Bearer $PROV" "http://127.0.0.1:$PORT/api/v1/overdue/summary?asOf=$ASOF"
done
