#!/usr/bin/env python3
"""A synthetic task-service change feed for the catch-up benchmark: feed.py PORT TOTAL.

Item n is generated from n alone, in blocks of 1000 per region (380000 + block): 1 PLAN,
150 TASKs (20 工作日 relative rules, every 5th FIXED), 300 ASSIGNMENTs (LEAD + CO per task),
275 trigger EVENTs and 274 DONE REPORTs on the LEAD assignments. Cursors are decimal positions.
"""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOTAL = int(sys.argv[2])


def uid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_OID, ":".join(map(str, parts))))


def item(n):
    block, j = divmod(n, 1000)
    region = str(380000 + block)
    plan = uid(region, "plan")
    if j == 0:
        return "PLAN", region, plan, {"id": plan, "region": region, "title": "基准方案", "docNumber": "x",
                                      "issuedOn": "2023-03-01", "year": 2023, "kind": "KEY_TASKS", "version": 1}
    if j <= 150:
        tid = uid(region, "task", j)
        rule = ({"kind": "FIXED", "date": "2023-12-31"} if j % 5 == 0 else
                {"kind": "RELATIVE", "trigger": "INFO_CHANGED", "period": {"amount": 20, "unit": "WORKDAY"}})
        return "TASK", region, tid, {"id": tid, "region": region, "planId": plan, "seq": j, "category": ["公开"],
                                     "requirement": "要求" + str(j), "responsibleText": "县直各部门",
                                     "deadlineText": "…", "deadline": rule, "needsReview": False, "version": 1}
    if j <= 450:
        seq, k = divmod(j - 151, 2)
        seq += 1
        aid = uid(region, "asg", seq, k)
        return "ASSIGNMENT", region, aid, {"id": aid, "region": region, "planId": plan, "taskId": uid(region, "task", seq),
                                           "unitId": uid(region, "unit", (seq * 7 + k) % 100), "unitName": "单位",
                                           "role": "LEAD" if k == 0 else "CO", "status": "IN_PROGRESS",
                                           "active": True, "version": 1}
    seq = (j - 451) % 150 + 1
    aid = uid(region, "asg", seq, 0)
    if j <= 725:
        eid = uid(region, "event", j)
        day = 1 + j % 28
        return "EVENT", region, eid, {"id": eid, "region": region, "assignmentId": aid, "trigger": "INFO_CHANGED",
                                      "occurredOn": f"2023-09-{day:02d}", "occurredAt": f"2023-09-{day:02d}T01:00:00Z",
                                      "title": "信息形成", "recordedBy": "u", "recordedAt": "2023-09-28T01:00:00Z"}
    rid = uid(region, "report", j)
    return "REPORT", region, rid, {"id": rid, "region": region, "assignmentId": aid, "status": "DONE", "note": "",
                                   "evidenceUrls": [], "completedOn": "2023-10-20", "eventId": None,
                                   "reportedBy": "u", "reportedAt": "2023-10-20T01:00:00Z"}


class Feed(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        q = parse_qs(urlsplit(self.path).query)
        after = int(q.get("after", ["0"])[0])
        limit = int(q.get("limit", ["500"])[0])
        end = min(TOTAL, after + limit)
        items = []
        for n in range(after, end):
            t, region, eid, data = item(n)
            items.append({"cursor": str(n + 1), "region": region, "type": t, "id": eid, "data": data})
        body = json.dumps({"items": items, "next": str(end), "hasMore": end < TOTAL}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Feed).serve_forever()
