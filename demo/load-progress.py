#!/usr/bin/env python3
"""Demo progress for the freshly imported demo plan (called by demo/load-tasks.sh once, right after the import).

Posts 触发事件 and 进展报告 to task-service so that report-service's demo Q3/Q4 2023 通报 and 2023 考核 show
units on time, late and overdue:
  task 17 (本方案发布之日起20个工作日内, due 2023-09-06): a third of the owing units on time, a sixth late, the rest open;
  tasks 12 / 27 / 10 (信息形成或变更之日起20个工作日内): an event each, done late / on time / on time;
  tasks 16 and 18 (2023年10月底前): half on time, a quarter late, the rest open;
  tasks 5, 8, 11 (年底前) done in December; task 36's lead unit only on 2024-01-05 (late).
Usage: load-progress.py TASK_BASE_URL SUPERVISOR_TOKEN PLAN_ID
"""
import json
import sys
import urllib.error
import urllib.request

base, token, plan = sys.argv[1], sys.argv[2], sys.argv[3]


def call(method, path, body=None, headers=None):
    h = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    h.update(headers or {})
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")


tasks = {t["seq"]: t for t in call("GET", "/plans/%s/tasks?size=500" % plan)["items"]}


def owing(seq):
    """The task's LEAD and RESPONSIBLE assignments, by unit name (stable across runs)."""
    t = tasks.get(seq)
    if not t:
        return []
    t = call("GET", "/tasks/%s" % t["id"])  # the list leaves out assignments
    return sorted((a for a in t.get("assignments") or [] if a["role"] in ("LEAD", "RESPONSIBLE") and a["active"]),
                  key=lambda a: a["unitName"] or "")


posted = 0
refused = []


def done(a, completed_on, event_id=None):
    """One DONE report; a refusal is noted and the demo goes on with the rest."""
    global posted
    body = {"status": "DONE", "note": "已完成（演示数据）", "completedOn": completed_on}
    if event_id:
        body["eventId"] = event_id
    try:
        call("POST", "/assignments/%s/reports" % a["id"], body, {"If-Match": '"%d"' % a["version"]})
    except urllib.error.HTTPError as e:
        refused.append("%s %s: %d %s" % (a["unitName"], completed_on, e.code, e.read()[:200].decode("utf-8", "replace")))
        return
    a["version"] += 1
    posted += 1


def event(a, occurred_on, title):
    try:
        return call("POST", "/assignments/%s/events" % a["id"],
                    {"trigger": "INFO_CHANGED", "occurredOn": occurred_on, "title": title})["id"]
    except urllib.error.HTTPError as e:
        refused.append("event %s %s: %d" % (a["unitName"], occurred_on, e.code))
        return None


def split(items, on_time, late, on_time_day, late_day):
    n = len(items)
    for i, a in enumerate(items):
        if i < n * on_time:
            done(a, on_time_day)
        elif i < n * (on_time + late):
            done(a, late_day)


split(owing(17), 1 / 3, 1 / 6, "2023-09-05", "2023-09-15")
for seq, occurred, completed, title in ((12, "2023-08-15", "2023-10-10", "困难群众救助标准调整"),
                                        (27, "2023-08-21", "2023-09-18", "行政执法信息形成"),
                                        (10, "2023-09-25", "2023-10-20", "秋季学期入学政策")):
    for a in owing(seq)[:1]:
        eid = event(a, occurred, title)
        if eid:
            done(a, completed, eid)
split(owing(16), 1 / 2, 1 / 4, "2023-10-25", "2023-11-10")
split(owing(18), 1 / 2, 1 / 4, "2023-10-30", "2023-11-06")
for seq in (5, 8, 11):
    for a in owing(seq):
        done(a, "2023-12-20")
for a in owing(36)[:1]:
    done(a, "2024-01-05")
print("task-service: demo progress posted: %d reports" % posted)
for r in refused[:5]:
    print("task-service: demo report refused: " + r, file=sys.stderr)
