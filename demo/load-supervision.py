#!/usr/bin/env python3
"""Demo step for issue 14's 督办 (called by demo/load-reports.sh): REPORT_BASE_URL SUPERVISOR_TOKEN DUBAN_SCRIPT REGION.

Environment: DEMO_TASK_BASE (task-service's …/api/v1/regions/<region>), DEMO_INBOX_URL (the demo alert receiver, when
./duban up runs one). Runs once per region (skipped when the region has any extension request or urge):
- 延期 on live items: the 2023 items are all past due today, so two demo units (县教育和体育局, 县民政局) each record a
  trigger event today on an 信息形成或变更之日起 task, which gives them an item due in 20 working days; 教体局 asks to
  move it and the supervisor approves a shorter date than asked, 民政局's request is rejected with a comment. The
  supervisor also extends a task-17 obligation directly (also possible once overdue);
- 整改: a unit rectifies a finding, the supervisor fails it once and passes the second report (销号); the other
  findings stay open and overdue;
- 催办 (when the region has an alert channel; the demo gives it the local receiver): 教体局 is urged and reads it,
  鲁村镇 is urged and leaves it unread (its workbench shows it);
- a unit's calendar key is issued. Then it prints the dashboard's lights as of 2023-09-07.
"""
import datetime
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, token, duban, region = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
task_base = os.environ.get("DEMO_TASK_BASE", "")
inbox_url = os.environ.get("DEMO_INBOX_URL", "")
today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()  # Asia/Shanghai


def call(method, path, body=None, headers=None, as_token=None, raw=False, at=None):
    h = {"Authorization": "Bearer " + (as_token or token), "Content-Type": "application/json"}
    h.update(headers or {})
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    req = urllib.request.Request((at or base) + path, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r if raw else json.loads(r.read() or b"null")


def unit_token(unit):
    return subprocess.run([duban, "token", "--role", "unit", "--region", region, "--unit", unit],
                          check=True, capture_output=True, text=True).stdout.strip()


def etag(path):
    return call("GET", path, raw=True).headers["ETag"]


def live_item(unit_name):
    """A trigger event recorded today by the unit on its first 信息形成或变更之日起 task → its obligation (or None)."""
    if not task_base:
        return None
    plans = call("GET", "/plans?size=50", at=task_base)["items"]
    for plan in plans:
        for t in call("GET", "/plans/%s/tasks?size=500" % plan["id"], at=task_base)["items"]:
            rule = t.get("deadline") or {}
            if rule.get("kind") != "RELATIVE" or rule.get("trigger") != "INFO_CHANGED":
                continue
            task = call("GET", "/tasks/%s" % t["id"], at=task_base)
            mine = [a for a in task.get("assignments") or []
                    if a["unitName"] == unit_name and a["active"] and a["role"] in ("LEAD", "RESPONSIBLE")]
            if not mine:
                continue
            a = mine[0]
            unit = unit_token(a["unitId"])
            call("POST", "/assignments/%s/events" % a["id"],
                 {"trigger": "INFO_CHANGED", "occurredOn": today.isoformat(), "title": "相关政策信息更新（演示数据）"},
                 as_token=unit, at=task_base)
            for _ in range(60):  # report-service follows task-service every few seconds
                items = call("GET", "/obligations?unitId=%s&dueFrom=%s&asOf=%s&size=100"
                             % (a["unitId"], today.isoformat(), today.isoformat()))["items"]
                found = [o for o in items if o["assignmentId"] == a["id"] and o.get("completedOn") is None]
                if found:
                    return found[0], unit
                time.sleep(1)
            return None
    return None


def overdue_of(unit_name):
    """The unit's overdue items today (walking /overdue by its cursor: the list is region-wide)."""
    page, found = call("GET", "/overdue?size=200"), []
    while True:
        found += [o for o in page["items"] if o["unitName"] == unit_name]
        if found or not page.get("next"):
            return found
        page = call("GET", "/overdue?size=200&after=" + urllib.parse.quote(page["next"]))


if call("GET", "/extension-requests?size=1")["total"] > 0 or call("GET", "/urges?size=1")["total"] > 0:
    sys.exit(0)

# 延期申请 by the units themselves, on items due after today: one approved (shorter than asked), one rejected
for unit_name, approve in (("县教育和体育局", True), ("县民政局", False)):
    try:
        got = live_item(unit_name)
    except urllib.error.HTTPError as e:
        print("report-service: no live item for %s (%d)" % (unit_name, e.code), file=sys.stderr)
        got = None
    if not got:
        continue
    o, unit = got
    due = datetime.date.fromisoformat(o["dueOn"])
    asked = (due + datetime.timedelta(days=14)).isoformat()
    r = call("POST", "/obligations/%s/extension-requests" % o["id"],
             {"requestedDueOn": asked, "reason": "需会同相关部门核实数据后再公开（演示数据）"}, as_token=unit)
    if approve:
        decision = {"decision": "APPROVE", "approvedDueOn": (due + datetime.timedelta(days=7)).isoformat(),
                    "comment": "同意延期一周，请按期公开"}
    else:
        decision = {"decision": "REJECT", "comment": "理由不充分，请按原时限完成"}
    call("POST", "/extension-requests/%s/decision" % r["id"], decision,
             {"If-Match": etag("/extension-requests/%s" % r["id"])})
    print("report-service: %s 第%d项 (due %s) asked for %s: %s" % (unit_name, o["taskSeq"], o["dueOn"], asked,
          "approved until " + decision["approvedDueOn"] if approve else "rejected"))

# 延期: task 17 of the first unit that still owes it (a completed item needs no extension), extended directly
t17 = [o for o in call("GET", "/obligations?asOf=2023-09-01&dueFrom=2023-09-06&dueTo=2023-09-06&size=200")["items"]
       if o["taskSeq"] == 17 and o.get("completedOn") is None]
if t17:
    o = t17[0]
    x = call("POST", "/obligations/%s/extensions" % o["id"], {"dueOn": "2023-09-20", "reason": "目录系统升级，统一延期（演示数据）"})
    print("report-service: %s 第17项 延期 %s → %s" % (o["unitName"], x["previousDueOn"], x["dueOn"]))

# 整改: the first open finding is rectified, failed once, rectified again and passed (销号)
findings = [f for f in call("GET", "/findings?status=OPEN&size=50")["items"] if f["voidedBy"] is None]
if findings:
    f = findings[0]
    unit = unit_token(f["unitId"])
    report = {"note": "已按要求更新栏目内容（演示数据）", "evidenceUrls": ["https://www.yiyuan.gov.cn/"], "rectifiedOn": f["foundOn"]}
    call("POST", "/findings/%s/rectifications" % f["id"], report, as_token=unit)
    v = call("GET", "/findings/%s" % f["id"], raw=True).headers["ETag"]
    call("POST", "/findings/%s/verification" % f["id"], {"decision": "FAIL", "comment": "佐证材料不全，请补充栏目截图"}, {"If-Match": v})
    call("POST", "/findings/%s/rectifications" % f["id"], report, as_token=unit)
    v = call("GET", "/findings/%s" % f["id"], raw=True).headers["ETag"]
    call("POST", "/findings/%s/verification" % f["id"], {"decision": "PASS", "comment": "复核通过，予以销号"}, {"If-Match": v})
    print("report-service: finding of %s rectified, failed once, passed (销号); %d still open"
          % (f["unitName"], len(findings) - 1))

# 催办 and its receipt: the region's alert channel is the demo receiver (when ./duban up runs one and none is set)
if inbox_url and etag("/alert-channels") == '"0"':
    call("PUT", "/alert-channels", {"default": {"url": inbox_url, "format": "DINGTALK", "secret": os.urandom(16).hex()}},
         {"If-Match": '"0"'})
    print("report-service: alert channel = the demo receiver %s" % inbox_url)
overdue = call("GET", "/overdue?size=1")["items"]
urged = []
for unit_name, read in (("县教育和体育局", True), ("鲁村镇", False)):
    late = overdue_of(unit_name)
    if not late:
        continue
    try:
        urge = call("POST", "/urges", {"unitId": late[0]["unitId"], "obligationIds": [o["id"] for o in late[:3]],
                                       "message": "以下事项已逾期，请尽快办结并报送进展（演示数据）"})
    except urllib.error.HTTPError as e:
        if e.code != 422:
            raise
        print("report-service: no urge sent (no alert channel; PUT /alert-channels to try 催办)")
        break
    if read:
        call("POST", "/urges/%s/receipt" % urge["id"], as_token=unit_token(late[0]["unitId"]))
    urged.append("%s (%s)" % (unit_name, "已阅" if read else "未读"))
if urged:
    print("report-service: urged " + ", ".join(urged))

# calendar subscription of the same unit
if overdue:
    k = call("POST", "/units/%s/calendar-key" % overdue[0]["unitId"])
    print("report-service: calendar of %s: %s%s" % (overdue[0]["unitName"], base.split("/api/v1/")[0], k["path"]))

lights = call("GET", "/dashboard?asOf=2023-09-07")["supervision"]["lights"]
print("report-service: lights as of 2023-09-07: red %d, yellow %d, blue %d" % (lights["RED"], lights["YELLOW"], lights["BLUE"]))
