#!/usr/bin/env python3
"""One markdown row of bench/hot-paths.sh from wrk's RESULT line and pgbench's output and per-transaction log.

Usage: row.py NAME WRK_RESULT PGBENCH_OUTPUT WORK CPU0 CPU1 CLK_TCK LOAD
"""
import glob
import re
import sys


def main():
    name, wrk, pg, work, c0, c1, tick, load = sys.argv[1:9]
    m = dict(re.findall(r"(\w+)=(\d+)", wrk))
    if not m:
        print("| %s | wrk failed | | | | | | | %s |" % (name, load))
        return
    reqs, secs = int(m["requests"]), int(m["duration_us"]) / 1e6
    rps = reqs / secs
    tps = float(re.search(r"tps = ([\d.]+)", pg).group(1))
    if tps == 0:
        tps = float("nan")   # pgbench failed (e.g. the server's max_connections); said on stderr
    lat = []
    for f in glob.glob(work + "/pgbench_log.*"):
        with open(f) as fh:
            lat.extend(int(line.split()[2]) for line in fh if line.strip())
    lat.sort()
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1000 if lat else float("nan")
    cpu_ms = (float(c1) - float(c0)) / float(tick) * 1000 / max(reqs, 1)
    bad = int(m["non2xx"]) + int(m["errors"])
    print("| %s | %.0f | %.1f / %.1f | %.0f | %.1f / %.1f | %.2f | %.2f | %d | %s |" % (
        name, rps, int(m["p50_us"]) / 1000, int(m["p99_us"]) / 1000, tps, pct(0.5), pct(0.99), rps / tps, cpu_ms, bad, load))


if __name__ == "__main__":
    main()
