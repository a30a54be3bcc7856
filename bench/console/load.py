#!/usr/bin/env python3
"""Server time of the console's dashboard page against the bare report-service call it is built on (stdlib only).

  load.py CONSOLE_URL REPORT_URL REGION USER PASSWORD TOKEN ASOF SESSIONS SECONDS

Signs in SESSIONS times through the console's login form (each a session of its own), then for SECONDS each:
  phase api:  SESSIONS threads GET REPORT_URL/api/v1/regions/REGION/dashboard?asOf=ASOF with the bearer TOKEN;
  phase page: SESSIONS threads GET CONSOLE_URL/dashboard?asOf=ASOF with their session cookie
and the two phases again (api, page, api, page), so both see the same machine. Prints p50/p95/p99 per phase and
the page's p99 over the API's p99. Each thread keeps one HTTP/1.1 connection.
"""
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


def sign_in(console, user, password):
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
    print(json.dumps({"sessions": sessions, "asOf": as_of, "api": a, "page": p,
                      "p99_ratio_page_over_api": round(p["p99_ms"] / a["p99_ms"], 2),
                      "p50_ratio_page_over_api": round(p["p50_ms"] / a["p50_ms"], 2)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
