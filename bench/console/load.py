#!/usr/bin/env python3
"""Server time of the console's dashboard page against the bare report-service call it is built on (stdlib only).

  load.py CONSOLE_URL REPORT_URL REGION USER PASSWORD TOKEN ASOF SESSIONS SECONDS

Signs in SESSIONS times through the console's login form (each a session of its own), then for SECONDS each:
  phase api:  SESSIONS threads GET REPORT_URL/api/v1/regions/REGION/dashboard?asOf=ASOF with the bearer TOKEN;
  phase page: SESSIONS threads GET CONSOLE_URL/dashboard?asOf=ASOF with their session cookie
and the two phases again (api, page, api, page), so both see the same machine. Prints p50/p95/p99 per phase and
the page's p99 over the API's p99. Each thread keeps one HTTP/1.1 connection.

With wrk installed (the default; LOAD_DRIVER=python for the threads below), each phase is wrk with SESSIONS threads of
one connection each (sessions.lua: its own session cookie per connection, taken again when the console reseals it,
Accept-Encoding: gzip as a browser sends): Python's threads share one interpreter lock, so at 16 threads the driver's
own queueing showed in the tail it measured.
"""
import os
import shutil
import subprocess
import tempfile
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse


def connect(url):
    u = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)


def sign_in(console, user, password, attempt=0):
    c = connect(console)
    c.request("GET", "/login")
    r = c.getresponse()
    body = r.read().decode()
    cookie = re.search(r"duban_login_csrf=([^;]+)", r.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token})
    c.request("POST", "/login", body=form, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                     "Cookie": "duban_login_csrf=" + cookie})
    r = c.getresponse()
    r.read()
    if r.status == 429 and attempt < 3:
        # org-service allows 20 sign-ins a minute per client address: a second run within the minute waits its turn
        time.sleep(int(r.getheader("Retry-After") or "30") + 1)
        return sign_in(console, user, password, attempt + 1)
    if r.status != 303:
        raise SystemExit(f"sign-in of {user} answered {r.status}")
    for h, v in r.getheaders():
        if h.lower() == "set-cookie" and v.startswith("duban_session="):
            return v.split(";")[0]
    raise SystemExit("no session cookie")


def phase(name, url, path, headers_for, sessions, seconds):
    samples = [[] for _ in range(sessions)]
    stop = time.perf_counter() + seconds

    def worker(i):
        c = connect(url)
        headers = headers_for(i)
        while time.perf_counter() < stop:
            t = time.perf_counter()
            c.request("GET", path, headers=headers)
            r = c.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"{name}: {path} -> {r.status}")
            samples[i].append((time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [s for per in samples for s in per]


def wrk_phase(url, path, header_lines, sessions, seconds):
    """One phase under wrk: a dict like stats() (percentiles from wrk's HdrHistogram-like record, in ms)."""
    with tempfile.NamedTemporaryFile("w", suffix=".headers", delete=False) as f:
        f.write("".join(h + "\n" for h in header_lines))
        name = f.name
    try:
        out = subprocess.run(["wrk", "-t", str(sessions), "-c", str(sessions), "-d", f"{int(seconds)}s", "--timeout", "10s",
                              "-s", os.path.join(os.path.dirname(os.path.abspath(__file__)), "sessions.lua"), url + path],
                             env=dict(os.environ, WRK_HEADERS=name), capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(name)
    m = dict(kv.split("=") for kv in next(l for l in out.splitlines() if l.startswith("RESULT ")).split()[1:])
    n, us = int(m["requests"]), int(m["duration_us"])
    if int(m["non2xx"]) or int(m["errors"]):
        raise SystemExit(f"{url}{path}: {m['non2xx']} non-2xx, {m['errors']} errors")
    return {"n": n, "per_s": round(n / (us / 1e6), 1), "p50_ms": int(m["p50_us"]) / 1000, "p95_ms": int(m["p95_us"]) / 1000,
            "p99_ms": int(m["p99_us"]) / 1000, "max_ms": int(m["max_us"]) / 1000}


def merge(a, b):
    """Two wrk phases as one row: counts and rates added up, percentiles the worse of the two (no raw samples)."""
    return {"n": a["n"] + b["n"], "per_s": round((a["per_s"] + b["per_s"]) / 2, 1),
            **{k: max(a[k], b[k]) for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")}}


def stats(samples, seconds):
    samples = sorted(samples)
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))]
    return {"n": len(samples), "per_s": round(len(samples) / seconds, 1), "p50_ms": round(pick(0.50), 1),
            "p95_ms": round(pick(0.95), 1), "p99_ms": round(pick(0.99), 1), "max_ms": round(samples[-1], 1)}


def main():
    console, report, region, user, password, token, as_of, sessions, seconds = sys.argv[1:10]
    sessions, seconds = int(sessions), float(seconds)
    cookies = [sign_in(console, user, password) for _ in range(sessions)]
    api_path = f"/api/v1/regions/{region}/dashboard?asOf={as_of}"
    page_path = f"/dashboard?asOf={as_of}"
    if os.environ.get("LOAD_DRIVER", "wrk") == "wrk" and shutil.which("wrk"):
        api_lines = ["Authorization: Bearer " + token]
        page_lines = ["Cookie: " + c for c in cookies]
        wrk_phase(report, api_path, api_lines, sessions, 5)  # warm-up (JIT, connection pools)
        wrk_phase(console, page_path, page_lines, sessions, 5)
        runs = []
        for _ in range(2):
            runs.append((wrk_phase(report, api_path, api_lines, sessions, seconds),
                         wrk_phase(console, page_path, page_lines, sessions, seconds)))
        a, p = merge(runs[0][0], runs[1][0]), merge(runs[0][1], runs[1][1])
        driver = "wrk"
    else:
        api_headers = lambda i: {"Authorization": "Bearer " + token}
        page_headers = lambda i: {"Cookie": cookies[i]}
        # warm-up (JIT, connection pools)
        phase("api", report, api_path, api_headers, sessions, 5)
        phase("page", console, page_path, page_headers, sessions, 5)
        api, page = [], []
        for _ in range(2):
            api += phase("api", report, api_path, api_headers, sessions, seconds)
            page += phase("page", console, page_path, page_headers, sessions, seconds)
        a, p = stats(api, 2 * seconds), stats(page, 2 * seconds)
        driver = "python"
    print(json.dumps({"driver": driver, "sessions": sessions, "asOf": as_of, "api": a, "page": p,
                      "p99_ratio_page_over_api": round(p["p99_ms"] / a["p99_ms"], 2),
                      "p50_ratio_page_over_api": round(p["p50_ms"] / a["p50_ms"], 2)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
