#!/usr/bin/env bash
# The console's dashboard page: server time at 16 concurrent sessions against the bare report-service call, and the
# first and second load in Chromium. Against a running ./duban up (or set CONSOLE, REPORT, REGION, SUP_USER, SUP_PASSWORD).
#   bench/console/run.sh            # results as JSON lines on stdout
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CONSOLE="${CONSOLE:-http://127.0.0.1:${DUBAN_CONSOLE_PORT:-8080}}"
REPORT="${REPORT:-http://127.0.0.1:${DUBAN_REPORT_PORT:-8083}}"
REGION="${REGION:-370323}"
ASOF="${ASOF:-2023-10-09}"
SESSIONS="${SESSIONS:-16}"
SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-15}"
if [ -z "${SUP_USER:-}" ]; then
  read -r SUP_USER SUP_PASSWORD _ < <(awk -F'\t' '$3=="supervisor"{print $1, $2; exit}' "$ROOT/.duban/demo-accounts.tsv")
fi
TOKEN="${TOKEN:-$("$ROOT/duban" token --role supervisor --region "$REGION")}"

echo "# dashboard page vs /dashboard API, $SESSIONS sessions, ${SECONDS_PER_PHASE}s x 2 per phase" >&2
python3 "$ROOT/bench/console/load.py" "$CONSOLE" "$REPORT" "$REGION" "$SUP_USER" "$SUP_PASSWORD" "$TOKEN" "$ASOF" \
  "$SESSIONS" "$SECONDS_PER_PHASE"

# Playwright for Java from Maven Central, driving Debian's Chromium (no browser download)
V=1.57.0
"$ROOT/mvnw" -q dependency:get -Dartifact=com.microsoft.playwright:playwright:$V >/dev/null
M="${MAVEN_REPO:-$HOME/.m2/repository}"
GSON=$(ls "$M"/com/google/code/gson/gson/*/gson-*.jar | sort -V | tail -1)
CP="$M/com/microsoft/playwright/playwright/$V/playwright-$V.jar:$M/com/microsoft/playwright/driver/$V/driver-$V.jar"
CP="$CP:$M/com/microsoft/playwright/driver-bundle/$V/driver-bundle-$V.jar:$GSON"
echo "# first and second load in Chromium" >&2
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$CP" "$ROOT/bench/console/FirstLoad.java" "$CONSOLE" "$SUP_USER" "$SUP_PASSWORD" "$ASOF" "${RUNS:-5}"
