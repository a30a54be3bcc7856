#!/usr/bin/env bash
# 通报 and 考核 generation for one county of the province data set (issue 6). Usage: bench/report-service/documents.sh
# Needs the packaged service (./mvnw -B -pl report-service package -DskipTests), PostgreSQL, python3, openssl.
# Own database duban_bench_h6 (dropped and recreated), port 18936. Loads generate.sql (136 regions, 2,000,016
# obligations), then for county 371042: the profile and 60 findings, and times (documents.py, N calls each)
# bulletin creation and its JSON/DOCX/HTML, the 2023 assessment as JSON/XLSX/CSV.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/report-service"
DB=${BENCH_DB:-duban_bench_h6}
PORT=${BENCH_PORT:-18936}
N=${N:-10}
REGION=371042
PSQL=(psql -h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
JAR="$ROOT/report-service/target/quarkus-app/quarkus-run.jar"
LOG=$(mktemp -d)
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl report-service package -DskipTests" >&2; exit 1; }

source "$ROOT/bench/lib.sh"   # token ROLE REGION

SERVICE=
cleanup() { [ -n "$SERVICE" ] && kill "$SERVICE" 2>/dev/null || true; }
trap cleanup EXIT

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# health answers on the management port (prod profile): the service's port + 1000
env DUBAN_REPORT_DB=$DB DUBAN_REPORT_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
    DUBAN_JWT_PRIVATE_KEY="$KEYS/duban-test-private.pem" DUBAN_PROJECTION_ENABLED=false \
    java -Xmx1g -jar "$JAR" >"$LOG/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null || { echo "service did not start; see $LOG/service.log" >&2; exit 1; }

t0=$(date +%s)
"${PSQL[@]}" -d $DB -f "$HERE/generate.sql" >/dev/null
echo "province data set generated in $(( $(date +%s) - t0 )) s"
# 60 findings over the county's units in 2023, as a year of 日常抽测 and 季度检查 might give
"${PSQL[@]}" -d $DB -c "INSERT INTO finding (region, id, unit_id, unit_name, found_on, source, description, points)
  SELECT '$REGION', md5('f' || g)::uuid, 'unit-' || (g * 13 % 100), '单位' || (g * 13 % 100), DATE '2023-01-05' + g * 6,
         CASE WHEN g % 4 = 0 THEN 'QUARTERLY_CHECK' ELSE 'DAILY_CHECK' END, '抽测发现第' || g || '个问题', 0.5 + g % 3
  FROM generate_series(1, 60) g"

SUP=$(token supervisor $REGION)
BASE="http://127.0.0.1:$PORT/api/v1/regions/$REGION"
curl -sf -X PUT -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' \
  --data '{"name":"基准县","issuer":"基准县人民政府办公室","bulletinOffice":"县大数据中心"}' "$BASE/profile" >/dev/null
echo "## one county ($REGION, 14,706 obligations in 2023), $N calls each"
python3 "$HERE/documents.py" "$BASE" "$SUP" "$N"
