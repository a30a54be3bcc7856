#!/usr/bin/env python3
"""Demo of an assignment's life (issue 13), after load-progress.py on the freshly imported demo plan.

Shows each state at least once: 签收 (some signed for, the rest 待签收 — late ones appear three working days on,
e.g. GET …/acknowledgements/overdue?asOf=<a week from today> on report-service), 申诉 (task 39 upheld with a
designation, one rejected, one open), 办结审核 (the region turned to REQUIRED after the demo progress: one completion
waiting, one returned, one returned and accepted on the second try) and 工作台账 (plan due 2023-08-16; 县教育和体育局's
ledger recorded as handed in on 2023-08-15, 县商务局's submitted today — late — and edited after submission).
Usage: load-life.py TASK_BASE_URL SUPERVISOR_TOKEN PLAN_ID
"""
import json
import sys
import urllib.error
import urllib.request

base, token, plan = sys.argv[1], sys.argv[2], sys.argv[3]


def call(method, path, body=None, headers=None, want_etag=False):
    h = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    h.update(headers or {})
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=30) as r:
        payload = json.loads(r.read() or b"null")
        return (payload, r.headers.get("ETag")) if want_etag else payload


def ifm(version):
    return {"If-Match": '"%d"' % version}


done_steps = []
failed = []


def step(name, fn):
    try:
        fn()
        done_steps.append(name)
    except urllib.error.HTTPError as e:
        failed.append("%s: %d %s" % (name, e.code, e.read()[:200].decode("utf-8", "replace")))
    except Exception as e:  # the demo goes on with the other states
        failed.append("%s: %r" % (name, e))


tasks = {t["seq"]: t for t in call("GET", "/plans/%s/tasks?size=500" % plan)["items"]}


def assignments(seq, roles=("LEAD", "RESPONSIBLE")):
    t = tasks.get(seq)
    if not t:
        return []
    t = call("GET", "/tasks/%s" % t["id"])
    return sorted((a for a in t.get("assignments") or [] if a["role"] in roles and a["active"]),
                  key=lambda a: a["unitName"] or "")


def fresh(a):
    return call("GET", "/assignments/%s" % a["id"])


# 工作台账 due day of the plan, and 办结审核 from now on (the demo progress before stays as it was)
def ledger_due():
    p = call("GET", "/plans/%s" % plan)
    call("PUT", "/plans/%s/ledger-due-on" % plan, {"ledgerDueOn": "2023-08-16"}, ifm(p["version"]))


def review_on():
    s, etag = call("GET", "/settings", want_etag=True)
    call("PUT", "/settings", {"ackWorkingDays": 3, "completionReview": "REQUIRED"}, {"If-Match": etag})


step("ledgerDueOn", ledger_due)
step("completionReview", review_on)


# 签收: the units of task 1 sign for theirs
def acknowledge():
    for a in assignments(1, ("LEAD", "CO", "RESPONSIBLE")):
        a = fresh(a)
        if a["status"] == "PENDING_ACK":
            call("POST", "/assignments/%s/acknowledgement" % a["id"], None, ifm(a["version"]))


step("acknowledgements", acknowledge)


# 申诉: task 39's lead says it is not its duty; upheld, 县大数据中心 designated. Task 40: rejected. Task 41: open.
def big_data_unit():
    for seq in sorted(tasks):
        for a in assignments(seq, ("LEAD", "CO", "RESPONSIBLE")):
            if a["unitName"] == "县大数据中心":
                return a["unitId"]
    return None


def disputes():
    designate = big_data_unit()
    # the demo table keeps the original's typo in task 39 (县政府和审批服务局): correct it first, as a supervisor would
    t39 = tasks.get(39)
    if t39 and not assignments(39):
        task, etag = call("GET", "/tasks/%s" % t39["id"], want_etag=True)
        call("PUT", "/tasks/%s" % t39["id"], {"responsibleText": "县行政审批服务局"}, {"If-Match": etag})
    for seq, decision in ((39, "UPHOLD"), (40, "REJECT"), (41, None)):
        owing = assignments(seq)
        if not owing:
            continue
        a = owing[0]
        d = call("POST", "/assignments/%s/disputes" % a["id"], {"reason": "该项工作不属于本单位职责（演示数据）"})
        if decision == "UPHOLD":
            body = {"decision": "UPHOLD", "comment": "申诉成立，改由县大数据中心负责"}
            if designate and designate != a["unitId"]:
                body["designateUnitIds"] = [designate]
            call("POST", "/disputes/%s/decision" % d["id"], body, ifm(d["version"]))
        elif decision == "REJECT":
            call("POST", "/disputes/%s/decision" % d["id"], {"decision": "REJECT", "comment": "按分解表由本单位牵头，请按时办理"},
                 ifm(d["version"]))


step("disputes", disputes)


# 办结审核: task 2's owing units complete; one waits, one is returned, one returned and accepted on the second try
def report_done(a, day):
    a = fresh(a)
    r = call("POST", "/assignments/%s/reports" % a["id"],
             {"status": "DONE", "note": "已完成（演示数据）", "completedOn": day}, ifm(a["version"]))
    return r["assignmentVersion"]


def open_owing(n):
    """n owing assignments not yet done, from the first tasks of the table on."""
    out = []
    for seq in sorted(tasks):
        for a in assignments(seq):
            if a["status"] != "DONE" and all(o["unitId"] != a["unitId"] for o in out):
                out.append(a)
                if len(out) == n:
                    return out
    return out


def reviews():
    waiting, returned, twice = open_owing(3)
    report_done(waiting, "2023-12-15")
    v = report_done(returned, "2023-12-10")
    call("POST", "/assignments/%s/reviews" % returned["id"], {"decision": "RETURN", "comment": "佐证材料不全，请补充公开链接"}, ifm(v))
    v = report_done(twice, "2023-12-05")
    r = call("POST", "/assignments/%s/reviews" % twice["id"], {"decision": "RETURN", "comment": "未附政策解读链接"}, ifm(v))
    v = report_done(twice, "2023-12-20")
    call("POST", "/assignments/%s/reviews" % twice["id"], {"decision": "ACCEPT", "comment": "通过"}, ifm(v))


step("reviews", reviews)


# 工作台账
def ledgers():
    units = {}
    for seq in sorted(tasks):
        for a in assignments(seq):
            units.setdefault(a["unitName"], []).append((seq, a))
    for name, submitted_on, late_edit in (("县教育和体育局", "2023-08-15", False), ("县商务局", None, True)):
        for seq, a in units.get(name, [])[:3]:
            call("PUT", "/assignments/%s/ledger" % a["id"], {
                "office": "办公室", "owner": "联络员", "ownerPhone": "0533-3222000",
                "measures": "对照分解表第%d项，明确科室与时限，按月调度" % seq, "plannedOn": "2023-12-31"})
        if not units.get(name):
            continue
        unit_id = units[name][0][1]["unitId"]
        call("POST", "/units/%s/ledgers/%s/submission" % (unit_id, plan), {"submittedOn": submitted_on} if submitted_on else {})
        if late_edit:
            seq, a = units[name][0]
            e, etag = call("GET", "/assignments/%s/ledger" % a["id"], want_etag=True)
            call("PUT", "/assignments/%s/ledger" % a["id"], {
                "office": "综合科", "owner": "联络员", "ownerPhone": "0533-3222000",
                "measures": "报送后调整：改由综合科负责", "plannedOn": "2023-11-30"}, {"If-Match": etag})


step("ledgers", ledgers)
print("task-service: demo assignment life: " + ", ".join(done_steps))
for f in failed:
    print("task-service: demo step failed: " + f, file=sys.stderr)
