#!/usr/bin/env python3
"""Demo step for issue 14's 督办 (called by demo/load-reports.sh): REPORT_BASE_URL SUPERVISOR_TOKEN DUBAN_SCRIPT REGION.

Runs once per region (skipped when the region has any extension): the supervisor extends one unit's task-17 obligation
directly (the 2023 items are all past due today, so a unit's own request would be refused as overdue); a unit rectifies a
finding, the supervisor fails it once and passes the second report (销号), while the other findings stay open and
overdue; the supervisor urges a unit and the unit reads it (when the region has an alert channel); a unit's calendar key
is issued. Then it prints the dashboard's lights as of 2023-09-07.
"""
import json
import subprocess
import sys
import urllib.error
import urllib.request

base, token, duban, region = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]


def call(method, path, body=None, headers=None, as_token=None, raw=False):
    h = {"Authorization": "Bearer " + (as_token or token), "Content-Type": "application/json"}
    h.update(headers or {})
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r if raw else json.loads(r.read() or b"null")


def unit_token(unit):
    return subprocess.run([duban, "token", "--role", "unit", "--region", region, "--unit", unit],
                          check=True, capture_output=True, text=True).stdout.strip()


if call("GET", "/extension-requests?size=1")["total"] > 0 or call("GET", "/urges?size=1")["total"] > 0:
    sys.exit(0)

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

# 催办 and its receipt (needs an alert channel: PUT /alert-channels first)
overdue = call("GET", "/overdue?size=1")["items"]
if overdue:
    u = overdue[0]
    try:
        urge = call("POST", "/urges", {"unitId": u["unitId"], "obligationIds": [u["id"]], "message": "请尽快办结并报送进展（演示数据）"})
        call("POST", "/urges/%s/receipt" % urge["id"], as_token=unit_token(u["unitId"]))
        print("report-service: urged %s, read by the unit" % u["unitName"])
    except urllib.error.HTTPError as e:
        if e.code != 422:
            raise
        print("report-service: no urge sent (no alert channel; PUT /alert-channels to try 催办)")

# calendar subscription of the same unit
if overdue:
    k = call("POST", "/units/%s/calendar-key" % overdue[0]["unitId"])
    print("report-service: calendar of %s: %s%s" % (overdue[0]["unitName"], base.split("/api/v1/")[0], k["path"]))

lights = call("GET", "/dashboard?asOf=2023-09-07")["supervision"]["lights"]
print("report-service: lights as of 2023-09-07: red %d, yellow %d, blue %d" % (lights["RED"], lights["YELLOW"], lights["BLUE"]))
