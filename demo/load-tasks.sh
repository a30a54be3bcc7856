#!/usr/bin/env bash
# Loads the demo plan into task-service: if the region has no plan yet, creates
# 沂源县2023年政务公开工作方案 (源政办字〔2023〕25号, issued 2023-08-09) and imports its
# 重点工作任务分解表 from demo/yiyuan-2023-key-tasks.tsv; then a second plan, the same 方案's attachment 2
# 全县政务公开常态化工作任务清单（2023年版） (kind ROUTINE), from the PDF's raw text demo/yiyuan-2023-routine.raw.tsv
# (cadence read from each requirement: 按月, 按季度, 每年1月31日前, 及时, 定期 …).
# Usage: demo/load-tasks.sh TASK_BASE_URL SUPERVISOR_TOKEN
#   e.g. demo/load-tasks.sh http://127.0.0.1:8082/api/v1/regions/370323 "$(./duban token --role supervisor --region 370323)"
set -euo pipefail
base="${1:?usage: load-tasks.sh TASK_BASE_URL SUPERVISOR_TOKEN}"
token="${2:?usage: load-tasks.sh TASK_BASE_URL SUPERVISOR_TOKEN}"
here="$(cd "$(dirname "$0")" && pwd)"
auth="Authorization: Bearer $token"

# 建议提案办理 (issue 18): a session of its own (a plan of kind PROPOSALS), loaded once after the plans, also into a
# region that already has them.
load_proposals() {
  if command -v python3 >/dev/null; then
    python3 "$here/load-proposals.py" "$base" "$token" || echo "task-service: demo proposals not loaded" >&2
  fi
}
total=$(curl -fsS -H "$auth" "$base/plans?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
if [ "$total" != 0 ]; then
  echo "task-service: region already has $total plan(s), demo plan not loaded"
  load_proposals
  exit 0
fi
plan=$(curl -fsS -H "$auth" -H 'Content-Type: application/json' -X POST "$base/plans" \
  --data '{"title":"沂源县2023年政务公开工作方案","docNumber":"源政办字〔2023〕25号","issuedOn":"2023-08-09","year":2023,"kind":"KEY_TASKS"}' \
  | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
result=$(curl -fsS -H "$auth" -H 'Content-Type: text/tab-separated-values' -X POST "$base/plans/$plan/import" \
  --data-binary @"$here/yiyuan-2023-key-tasks.tsv")
echo "task-service: demo plan $plan imported: $(echo "$result" | sed -E 's/.*"tasks":([0-9]+),"assignments":([0-9]+).*/\1 tasks, \2 assignments/')"
# Progress for the demo 通报 and 考核 (issue 6): events and reports, on time, late and missing.
if command -v python3 >/dev/null; then
  python3 "$here/load-progress.py" "$base" "$token" "$plan" || echo "task-service: demo progress not posted" >&2
  # 签收, 申诉, 办结审核 and 工作台账 (issue 13)
  python3 "$here/load-life.py" "$base" "$token" "$plan" || echo "task-service: demo assignment life not loaded" >&2
fi
# The 常态化 list: its ongoing and recurring duties show on the dashboard beside the key tasks.
routine=$(curl -fsS -H "$auth" -H 'Content-Type: application/json' -X POST "$base/plans" \
  --data '{"title":"全县政务公开常态化工作任务清单（2023年版）","docNumber":"源政办字〔2023〕25号 附件2","issuedOn":"2023-08-09","year":2023,"kind":"ROUTINE"}' \
  | sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
result=$(curl -fsS -H "$auth" -H 'Content-Type: text/tab-separated-values' -X POST "$base/plans/$routine/import" \
  --data-binary @"$here/yiyuan-2023-routine.raw.tsv")
echo "task-service: routine plan $routine imported: $(echo "$result" | sed -E 's/.*"tasks":([0-9]+),"assignments":([0-9]+).*/\1 tasks, \2 assignments/')"
load_proposals
