#!/usr/bin/env bash
# Demo step for report-service (called by ./duban up): REPORT_BASE_URL SUPERVISOR_TOKEN [SYSTEM_TOKEN]
# REPORT_BASE_URL is …/api/v1/regions/<region>. report-service follows task-service by itself every few
# seconds; this makes it catch up now (so the demo plan's obligations are there at once) and shows the
# dashboard numbers as of 2023-09-07 (the day after task 17's 20-working-day deadline).
# Then (issue 6) it sets the region's profile, records a few inspection findings and drafts the Q3 and Q4
# 2023 通报 (each only once), and prints how to fetch them and the 2023 考核 as Word / Excel files.
set -euo pipefail
base="${1:?REPORT_BASE_URL}"
token="${2:?SUPERVISOR_TOKEN}"
root="${base%%/api/v1/*}"
auth=(-H "Authorization: Bearer $token")
# syncing the projection is an operator's action (system token); without one the scheduled follower catches up
operator=(-H "Authorization: Bearer ${3:-$token}")

for _ in 1 2 3 4 5; do
  if curl -sf -X POST "${operator[@]}" "$root/api/v1/admin/projection/sync" >/dev/null; then
    break
  fi
  sleep 2   # task-service may still be starting: the scheduled follower catches up anyway
done
summary=$(curl -sf "${auth[@]}" "$base/dashboard?asOf=2023-09-07" || true)
if [ -n "$summary" ]; then
  echo "report-service dashboard (asOf 2023-09-07): $(printf '%s' "$summary" | sed -E 's/.*"totals":(\{[^}]*\}).*"total":([0-9]+).*/totals \1, obligations \2/')"
fi

# Issue 13: the assignment's life as report-service judges it (签收 windows run from today: look a week ahead)
ahead=$(date -d '+7 days' +%F 2>/dev/null || true)
if [ -n "$ahead" ]; then
  life=$(curl -sf "${auth[@]}" "$base/dashboard?asOf=$ahead" || true)
  if [ -n "$life" ]; then
    echo "report-service assignment life (asOf $ahead): $(printf '%s' "$life" | sed -E 's/.*"assignmentLife":(\{[^}]*\}).*/\1/')"
  fi
fi

# Issue 6: profile, findings and the two demo bulletins (python3 for the JSON; skipped without it).
if command -v python3 >/dev/null; then
  python3 "$(cd "$(dirname "$0")" && pwd)/load-findings.py" "$base" "$token" || echo "report-service: demo findings not loaded" >&2
  # Issue 14: an extension, a finding's 整改 loop, an urge with its receipt, a calendar key, the lights
  here="$(cd "$(dirname "$0")" && pwd)"
  python3 "$here/load-supervision.py" "$base" "$token" "$here/../duban" "${base##*/regions/}" \
    || echo "report-service: demo 督办 not loaded" >&2
fi
