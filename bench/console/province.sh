#!/usr/bin/env bash
# The console's province page (各县概况) over the 2M-obligation data set (issue 15 §4: p99 ≤ 300 ms), beside the bare
# API call it is built on (GET /api/v1/overdue/summary with the same province token), in the same run.
#   DB=prov2m bench/console/province.sh
# Needs: a running ./duban up (its org-service signs the province viewer in; its keys sign the tokens), the data set
# (SKIP_CATCHUP=1 ONLY_PROVINCE=1 DB=prov2m PORT=9330 FEED_PORT=9331 bench/report-service/run.sh: 136 counties of
# 370000, 2,000,016 obligations), wrk, python3.
# Starts and stops: report-service on that database (PORT, management PORT+1000) accepting the demo's tokens, and a
# second console (CONSOLE_PORT, management CONSOLE_PORT+1000) whose report-service is that one. Creates (or resets)
# the account prov_viewer (viewer of region 370000) on the demo's org-service.
# Env: DB (prov2m) PORT (9330) CONSOLE_PORT (9340) SESSIONS (16) SECONDS_PER_PHASE (10) ASOF (2023-10-01)
#      REPORT_JAR, CONSOLE_JAR (the packaged ones by default)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DB=${DB:-prov2m}
PORT=${PORT:-9330}
CONSOLE_PORT=${CONSOLE_PORT:-9340}
SESSIONS=${SESSIONS:-16}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-10}
ASOF=${ASOF:-2023-10-01}
REPORT_JAR=${REPORT_JAR:-"$ROOT/report-service/target/quarkus-app/quarkus-run.jar"}
CONSOLE_JAR=${CONSOLE_JAR:-"$ROOT/console/target/quarkus-app/quarkus-run.jar"}
STATE="$ROOT/.duban"
ORG="http://127.0.0.1:${DUBAN_ORG_PORT:-8081}"
LOG=$(mktemp -d)
[ -s "$STATE/keys/jwt-public.pem" ] || { echo "start the demo first: ./duban up" >&2; exit 1; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
ready() { # MANAGEMENT_PORT
  for _ in $(seq 180); do curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return 0; sleep 1; done
  echo "no service became ready on management port $1 (logs: $LOG)" >&2; exit 1
}

env DUBAN_REPORT_DB="$DB" DUBAN_REPORT_PORT="$PORT" DUBAN_REPORT_MANAGEMENT_PORT=$((PORT + 1000)) \
    DUBAN_JWT_PUBLIC_KEY="$STATE/keys/jwt-public.pem" DUBAN_JWT_PRIVATE_KEY="$STATE/keys/jwt-private.pem" \
    DUBAN_TASK_URL="http://127.0.0.1:9" DUBAN_PROJECTION_ENABLED=false DUBAN_ALERTS_DELIVERY_INTERVAL=off DUBAN_LOG_LEVEL=WARN \
    java -Xmx1g -jar "$REPORT_JAR" >"$LOG/report.log" 2>&1 &
PIDS+=($!)
env DUBAN_CONSOLE_PORT="$CONSOLE_PORT" DUBAN_CONSOLE_MANAGEMENT_PORT=$((CONSOLE_PORT + 1000)) DUBAN_ORG_URL="$ORG" \
    DUBAN_TASK_URL="http://127.0.0.1:${DUBAN_TASK_PORT:-8082}" DUBAN_REPORT_URL="http://127.0.0.1:$PORT" \
    DUBAN_CONSOLE_SESSION_KEY="$(openssl rand -base64 32)" \
    java -Xmx512m -jar "$CONSOLE_JAR" >"$LOG/console.log" 2>&1 &
PIDS+=($!)
ready $((PORT + 1000))
ready $((CONSOLE_PORT + 1000))

# the province viewer: created with a system token, or its password set anew when it exists
SYS=$("$ROOT/duban" token --role system --region 370000)
PASSWORD="Pv$(openssl rand -hex 6)#1"
body="{\"username\":\"prov_viewer\",\"displayName\":\"省大数据局（查看）\",\"role\":\"viewer\",\"password\":\"$PASSWORD\",\"mustChangePassword\":false}"
code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $SYS" -H 'Content-Type: application/json' \
  --data "$body" "$ORG/api/v1/regions/370000/accounts")
if [ "$code" = 409 ]; then
  id=$(curl -sf -H "Authorization: Bearer $SYS" "$ORG/api/v1/regions/370000/accounts?size=500" \
    | grep -o '"id":"[0-9a-f-]*","username":"prov_viewer"' | head -1 | sed -E 's/.*"id":"([^"]*)".*/\1/')
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $SYS" -H 'Content-Type: application/json' \
    --data "{\"password\":\"$PASSWORD\",\"mustChangePassword\":false}" "$ORG/api/v1/regions/370000/accounts/$id/password-reset"
elif [ "$code" != 201 ]; then
  echo "creating prov_viewer failed: HTTP $code" >&2; exit 1
fi
TOKEN=$("$ROOT/duban" token --role viewer --region 370000)

# the same driver as the dashboard page (load.py): sessions signed in through the console, wrk phases api, page, api, page
python3 - "$ROOT/bench/console" "http://127.0.0.1:$CONSOLE_PORT" "http://127.0.0.1:$PORT" "$PASSWORD" "$TOKEN" "$ASOF" \
    "$SESSIONS" "$SECONDS_PER_PHASE" <<'EOF'
import json, sys
here, console, report, password, token, as_of, sessions, seconds = sys.argv[1:9]
sys.path.insert(0, here)
import load
sessions, seconds = int(sessions), int(seconds)
cookies = [load.sign_in(console, "prov_viewer", password) for _ in range(sessions)]
api_path, page_path = f"/api/v1/overdue/summary?asOf={as_of}", f"/province?asOf={as_of}"
api_lines, page_lines = ["Authorization: Bearer " + token], ["Cookie: " + c for c in cookies]
load.wrk_phase(report, api_path, api_lines, sessions, 5)   # warm-up, and the first (missing) summary
load.wrk_phase(console, page_path, page_lines, sessions, 5)
runs = [(load.wrk_phase(report, api_path, api_lines, sessions, seconds),
         load.wrk_phase(console, page_path, page_lines, sessions, seconds)) for _ in range(2)]
a, p = load.merge(runs[0][0], runs[1][0]), load.merge(runs[0][1], runs[1][1])
print(json.dumps({"page": "province", "sessions": sessions, "asOf": as_of, "api": a, "province_page": p,
                  "p99_ratio_page_over_api": round(p["p99_ms"] / a["p99_ms"], 2)}, ensure_ascii=False))
EOF
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
