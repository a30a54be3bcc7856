#!/usr/bin/env bash
# Import of the other forms (issue 20), end to end: a generated 10,000-row 常态化 list (raw PDF text, ROUTINE plan)
# and a generated 500-measure 实施意见 in prose (TXT). Usage: bench/task-service/import-forms.sh
# Needs: PostgreSQL, the packaged service (./mvnw -B -pl task-service -am package -DskipTests), python3, a JDK.
# Uses its own database duban_task_bench20 (dropped and recreated) and ports 18582 (service), 18581 (fake org-service).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/task-service"
DB=duban_task_bench20
PORT=18582
ORG_PORT=18581
REGION=370398
PGARGS=(-h "${DUBAN_DB_HOST:-127.0.0.1}" -p "${DUBAN_DB_PORT:-5432}" -U "${DUBAN_DB_USER:-postgres}")
JAR="$ROOT/task-service/target/quarkus-app/quarkus-run.jar"
WORK=$(mktemp -d)
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -pl task-service -am package -DskipTests" >&2; exit 1; }
source "$ROOT/bench/lib.sh"   # token ROLE REGION

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

psql "${PGARGS[@]}" -q -X -d postgres -c "drop database if exists $DB" -c "create database $DB"
python3 "$HERE/fake_org.py" $ORG_PORT & PIDS+=($!)
# health answers on the management port (prod profile): the service's port + 1000
env DUBAN_TASK_DB=$DB DUBAN_TASK_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) DUBAN_JWT_PUBLIC_KEY="$KEYS/duban-test-public.pem" \
    DUBAN_ORG_URL="http://127.0.0.1:$ORG_PORT" java -Xmx1g -jar "$JAR" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null || { cat "$WORK/service.log"; exit 1; }

SUP=$(token supervisor $REGION)
BASE="http://127.0.0.1:$PORT/api/v1/regions/$REGION"
python3 "$HERE/generate_forms.py" routine "$WORK/routine.tsv" 10000
python3 "$HERE/generate_forms.py" prose "$WORK/prose.txt" 500

plan() {
  curl -fsS -H "Authorization: Bearer $SUP" -H 'Content-Type: application/json' -X POST "$BASE/plans" \
    --data "{\"title\":\"$1\",\"year\":2023,\"issuedOn\":\"2023-08-09\",\"kind\":\"$2\"}" | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/'
}
run() { # label kind content-type file
  for attempt in first again; do
    local p; p=$(plan "$1 $attempt" "$2")
    curl -fsS -o "$WORK/import.json" -w "$1 ($attempt): %{time_total} s" -H "Authorization: Bearer $SUP" \
      -H "Content-Type: $3" --data-binary @"$4" "$BASE/plans/$p/import"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); rv=r["needsReview"]; print(" — %d tasks, %d assignments, %d repairs, review: %s" % (r["tasks"], r["assignments"], len(r.get("repairs") or []), {k: sum(1 for i in rv if i["reason"] == k) for k in set(i["reason"] for i in rv)}))' "$WORK/import.json"
  done
}
echo "== import end to end (curl time_total), first into a freshly started service, then again"
run "常态化 list, 10,000 rows (raw PDF text)" ROUTINE text/tab-separated-values "$WORK/routine.tsv"
run "实施意见 in prose, 500 measures (TXT)" KEY_TASKS "text/plain;charset=UTF-8" "$WORK/prose.txt"
grep -o 'import region.*' "$WORK/service.log" | sed 's/^/  service log: /'
