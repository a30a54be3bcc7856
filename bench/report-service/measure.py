#!/usr/bin/env python3
"""Latency and throughput probes for report-service (stdlib only).

  measure.py latency URL TOKEN N        -> p50/p95/p99/max of N sequential GETs (after 20 warm-up calls)
  measure.py overdue BASE TOKEN ASOF    -> total open overdue over the 136 bench regions, and the wall time
  measure.py summary BASE TOKEN ASOF N  -> GET /api/v1/overdue/summary (the province view) N times: total, p50/max wall
  measure.py put URL TOKEN FILE         -> status, body and wall time of one PUT
"""
import http.client
import json
import sys
import time
import urllib.parse


def conn_for(url):
    u = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120), u.path + ("?" + u.query if u.query else "")


def get(conn, path, token):
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"GET {path} -> {r.status} {body[:300]!r}")
    return body


def latency(url, token, n):
    conn, path = conn_for(url)
    for _ in range(20):
        get(conn, path, token)
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        get(conn, path, token)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]
    print(json.dumps({"n": n, "p50_ms": round(pick(0.50), 1), "p95_ms": round(pick(0.95), 1),
                      "p99_ms": round(pick(0.99), 1), "max_ms": round(samples[-1], 1)}))


def overdue(base, token, as_of):
    conn, _ = conn_for(base)
    t = time.perf_counter()
    total = 0
    for g in range(136):
        region = str(371000 + g)
        body = json.loads(get(conn, f"/api/v1/regions/{region}/overdue?asOf={as_of}&size=1", token))
        total += body["total"]
    print(json.dumps({"regions": 136, "overdue": total, "wall_s": round(time.perf_counter() - t, 2)}))


def summary(base, token, as_of, n):
    conn, _ = conn_for(base)
    path = f"/api/v1/overdue/summary?asOf={as_of}"
    body = json.loads(get(conn, path, token))
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        body = json.loads(get(conn, path, token))
        samples.append(time.perf_counter() - t)
    samples.sort()
    print(json.dumps({"regionPrefix": body["regionPrefix"], "regions": len(body["regions"]), "overdue": body["total"],
                      "n": n, "p50_s": round(samples[len(samples) // 2], 3), "max_s": round(samples[-1], 3)}))


def put(url, token, file):
    conn, path = conn_for(url)
    with open(file, "rb") as f:
        data = f.read()
    t = time.perf_counter()
    conn.request("PUT", path, body=data, headers={"Authorization": "Bearer " + token,
                                                   "Content-Type": "application/json"})
    r = conn.getresponse()
    body = r.read().decode()
    print(json.dumps({"status": r.status, "wall_s": round(time.perf_counter() - t, 2), "body": body[:300]},
                     ensure_ascii=False))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "latency":
        latency(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "overdue":
        overdue(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "summary":
        summary(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif cmd == "put":
        put(sys.argv[2], sys.argv[3], sys.argv[4])
