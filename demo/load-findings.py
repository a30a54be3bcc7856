#!/usr/bin/env python3
"""Demo step for report-service's 通报 and 考核 (called by demo/load-reports.sh): REPORT_BASE_URL SUPERVISOR_TOKEN.

Sets the region profile (沂源县 / 沂源县人民政府办公室 / 县大数据中心), records a few 抽测/检查问题 against units
that owe obligations (one of them corrected by a later finding, as corrections are made), and drafts the Q3
and Q4 2023 通报. Each part runs only when the region has none yet, so ./duban up can run it again.
"""
import json
import sys
import urllib.error
import urllib.request

base, token = sys.argv[1], sys.argv[2]


def call(method, path, body=None, headers=None, raw=False):
    h = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    h.update(headers or {})
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r if raw else json.loads(r.read() or b"null")


profile = {"name": "沂源县", "issuer": "沂源县人民政府办公室", "bulletinOffice": "县大数据中心"}
try:
    etag = call("GET", "/profile", raw=True).headers["ETag"]
    call("PUT", "/profile", profile, {"If-Match": etag})
except urllib.error.HTTPError as e:
    if e.code != 404:
        raise
    call("PUT", "/profile", profile)

if call("GET", "/findings?size=1")["total"] == 0:
    overdue_q3 = call("GET", "/overdue?asOf=2023-09-30&size=50")["items"]
    overdue_q4 = call("GET", "/overdue?asOf=2023-12-31&size=50")["items"]
    done_q3 = call("GET", "/obligations?asOf=2023-09-30&status=DONE_ON_TIME&size=50")["items"]
    units = []
    for o in overdue_q3[:1] + done_q3[:1] + overdue_q4[-1:] + done_q3[1:2]:
        if o["unitId"] not in [u for u, _ in units]:
            units.append((o["unitId"], o["unitName"]))

    def finding(i, found_on, source, text, points, voids=None):
        if i >= len(units):
            return None
        body = {"unitId": units[i][0], "foundOn": found_on, "source": source, "description": text, "points": points}
        if voids:
            body["voids"] = voids
        return call("POST", "/findings", body)["id"]

    finding(0, "2023-09-20", "DAILY_CHECK", "政府信息公开专栏“政策解读”栏目超过一个月未更新", 2)
    wrong = finding(1, "2023-09-28", "QUARTERLY_CHECK", "主动公开基本目录未按要求动态调整", 1)
    finding(1, "2023-09-29", "QUARTERLY_CHECK", "主动公开基本目录未按要求动态调整（复核后扣分更正）", 0.5, wrong)
    finding(2, "2023-12-15", "QUARTERLY_CHECK", "政策文件未同步发布解读材料", 3)
    finding(3, "2023-11-20", "SPECIAL_CHECK", "依申请公开答复超过法定期限", 1.5)
    print("report-service: demo findings recorded for %d units" % len(units))

if call("GET", "/bulletins?year=2023")["total"] == 0:
    for q in (3, 4):
        b = call("POST", "/bulletins", {"year": 2023, "quarter": q})
        o = b["content"]["overall"]
        print("report-service: %s draft %s — due %d, on time %d, late %d, overdue %d"
              % (b["content"]["title"], b["id"], o["due"], o["onTime"], o["late"], o["overdue"]))
a = call("GET", "/assessments/2023")
print("report-service: 2023 考核 of %d units; lowest: %s" % (len(a["units"]), ", ".join(
    "%s %.2f" % (u["unitName"], u["total"]) for u in reversed(a["units"][-3:]))))
print("  Word:  curl -H 'Authorization: Bearer …' -H 'Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document'"
      " -o bulletin.docx %s/bulletins/<id>" % base)
print("  Excel: curl -H 'Authorization: Bearer …' -H 'Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'"
      " -o assessment-2023.xlsx %s/assessments/2023" % base)
