#!/usr/bin/env python3
"""Times 通报 and 考核 generation for one county (issue 6), sequential calls on one keep-alive connection.

  documents.py BASE_URL TOKEN N  (BASE_URL = …/api/v1/regions/<region>)
Prints one JSON line per measurement: p50 / max wall time of N calls (after 2 warm-up calls), response size.
"""
import http.client
import json
import sys
import time
import urllib.parse

base, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
u = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def call(method, path, accept="application/json", body=None):
    headers = {"Authorization": "Bearer " + token, "Accept": accept}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body, ensure_ascii=False).encode()
    conn.request(method, u.path + path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300:
        raise SystemExit(f"{method} {path} -> {r.status} {data[:300]!r}")
    return data


def measure(name, method, path, accept="application/json", body=None):
    for _ in range(2):
        call(method, path, accept, body)
    samples, size = [], 0
    for _ in range(n):
        t = time.perf_counter()
        size = len(call(method, path, accept, body))
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    print(json.dumps({"measure": name, "n": n, "p50_ms": round(samples[len(samples) // 2], 1),
                      "max_ms": round(samples[-1], 1), "bytes": size}, ensure_ascii=False), flush=True)


created = json.loads(call("POST", "/bulletins", body={"year": 2023, "quarter": 3}))
c = created["content"]
print(json.dumps({"bulletin": created["id"], "due": c["overall"]["due"], "lateItems": len(c["lateItems"]),
                  "units": len(c["units"]), "findingUnits": len(c["findings"])}, ensure_ascii=False))
measure("POST /bulletins (Q3 2023: compute, freeze, store; JSON)", "POST", "/bulletins", body={"year": 2023, "quarter": 3})
bid = created["id"]
measure("GET /bulletins/{id} JSON", "GET", "/bulletins/" + bid)
measure("GET /bulletins/{id} DOCX", "GET", "/bulletins/" + bid, DOCX)
measure("GET /bulletins/{id} HTML", "GET", "/bulletins/" + bid, "text/html")
a = json.loads(call("GET", "/assessments/2023"))
print(json.dumps({"assessmentUnits": len(a["units"])}))
measure("GET /assessments/2023 JSON (computed)", "GET", "/assessments/2023")
measure("GET /assessments/2023 XLSX (computed, 3 sheets)", "GET", "/assessments/2023", XLSX)
measure("GET /assessments/2023 CSV", "GET", "/assessments/2023", "text/csv")
