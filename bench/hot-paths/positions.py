#!/usr/bin/env python3
"""Walks the keyset lists once through the API and writes, for wrk, one request path per page (with its cursor).

Usage: positions.py TASK_API REPORT_API TOKEN AS_OF WORK
Writes WORK/plan-cursors.txt (both plans' lists), unit-cursors.txt (each department's list), plan-pages.txt
(numbered pages 1…400 of the region's list, with total), obligation-cursors.txt and overdue-cursors.txt.
Only pages after the first carry a cursor, so they are the pages the pgbench scripts pick (every 50th row's key).
"""
import http.client
import json
import sys
import urllib.parse
import uuid


def main():
    task_api, report_api, token, as_of, work = sys.argv[1:6]
    conns = {}

    def get(api, path):
        u = urllib.parse.urlsplit(api)
        c = conns.get(u.netloc) or http.client.HTTPConnection(u.netloc, timeout=60)
        conns[u.netloc] = c
        c.request("GET", u.path + path, headers={"Authorization": "Bearer " + token})
        r = c.getresponse()
        body = r.read()
        if r.status != 200:
            sys.exit("%s %s%s: %s" % (r.status, api, path, body[:300]))
        return json.loads(body)

    def walk(api, query, out):
        base = urllib.parse.urlsplit(api).path
        n = 0
        page = get(api, query + "&total=false")
        while page.get("next"):
            line = "%s%s&after=%s" % (base, query, page["next"])
            out.write(line + "\n")
            n += 1
            page = get(api, query + "&after=" + page["next"])
        return n

    plans = [p["id"] for p in get(task_api, "/plans?size=100")["items"]]
    with open(work + "/plan-cursors.txt", "w") as out:
        print("plan lists: %d pages" % sum(walk(task_api, "/assignments?planId=%s&size=50" % p, out) for p in plans))
    units = [str(uuid.uuid3(uuid.NAMESPACE_OID, "单位%03d" % i)) for i in range(1, 101)]   # fake_org.py's ids
    with open(work + "/unit-cursors.txt", "w") as out:
        print("unit lists: %d pages" % sum(walk(task_api, "/assignments?unitId=%s&size=50" % u, out) for u in units))
    with open(work + "/plan-pages.txt", "w") as out:
        base = urllib.parse.urlsplit(task_api).path
        for p in range(1, 401):
            out.write("%s/assignments?size=50&page=%d\n" % (base, p))
    for name in ("obligations", "overdue"):
        with open("%s/%s-cursors.txt" % (work, name.rstrip("s") if name == "obligations" else name), "w") as out:
            print("%s: %d pages" % (name, walk(report_api, "/%s?asOf=%s&size=50" % (name, as_of), out)))


if __name__ == "__main__":
    main()
