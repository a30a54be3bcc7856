#!/usr/bin/env bash
# Measures POST /responsibility/resolve-batch with N real 责任单位 cells (the 46 non-blank cells of the
# 2023 沂源县 key-task table, repeated) against the packaged org-service on the test database.
# Usage: org-service/bench/resolve-batch.sh [N=10000] [RUNS=5]   (after ./mvnw -B -pl org-service verify)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-10000}
RUNS=${2:-5}
PORT=${BENCH_PORT:-18181}
REGION=${BENCH_REGION:-$((800000 + RANDOM % 90000))}
KEY="$ROOT/test-support/src/main/resources/duban-test-private.pem"
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# health answers on the management port (prod profile): the service's port + 1000
DUBAN_ORG_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) DUBAN_ORG_DB=${DUBAN_ORG_BENCH_DB:-duban_org_test} \
  DUBAN_JWT_PUBLIC_KEY="$ROOT/test-support/src/main/resources/duban-test-public.pem" \
  java -Xmx512m -jar "$ROOT/org-service/target/quarkus-app/quarkus-run.jar" >"$WORK/org.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"duban","upn":"bench","groups":["supervisor"],"region":"%s","iat":%s,"exp":%s}' "$REGION" "$now" $((now + 3600)) | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
TOKEN="$header.$payload.$sig"
API="http://127.0.0.1:$PORT/api/v1/regions/$REGION"

curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/tab-separated-values' \
  --data-binary @"$ROOT/test-support/src/main/resources/fixtures/yiyuan-units.tsv" "$API/units/import" >/dev/null
python3 - "$ROOT/test-support/src/main/resources/fixtures/yiyuan-2023-key-tasks.tsv" "$N" >"$WORK/batch.json" <<'PY'
import json, sys
cells = [l.split('\t')[4] for l in open(sys.argv[1], encoding='utf-8').read().splitlines()[1:] if l.split('\t')[4].strip()]
n = int(sys.argv[2])
print(json.dumps({"texts": [cells[i % len(cells)] for i in range(n)]}, ensure_ascii=False))
PY
echo "region $REGION, $N texts, $(wc -c <"$WORK/batch.json") bytes"
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data-binary @"$WORK/batch.json" "$API/responsibility/resolve-batch"   # warm-up
for r in $(seq 1 "$RUNS"); do
  curl -fsS -o "$WORK/out.json" -w "run $r: %{time_total}s, %{size_download} bytes\n" -X POST \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/batch.json" "$API/responsibility/resolve-batch"
done
curl -fsS -o /dev/null -w "single resolve: %{time_total}s\n" -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"text":"县发改局、县教体局"}' "$API/responsibility/resolve"
