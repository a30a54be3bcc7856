#!/usr/bin/env python3
"""Replaces the section between the HOT-PATHS markers of bench/RESULTS.md with this run's table.

Usage: results.py RESULTS.md SECONDS CONNECTIONS "ENDPOINTS" ROW...
"""
import datetime
import os
import sys

BEGIN, END = "<!-- HOT-PATHS:BEGIN (written by bench/hot-paths.sh) -->", "<!-- HOT-PATHS:END -->"


def main():
    path, secs, conns, endpoints = sys.argv[1:5]
    rows = sys.argv[5:]
    load = open("/proc/loadavg").read().split()[:3]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    table = [BEGIN,
             "Last run: %s, `bench/hot-paths.sh %s` (SECONDS_RUN=%s, CONNECTIONS=%s), load average at the end %s; "
             "the last column is the 1-minute load average when that endpoint's run ended." % (
                 now, endpoints, secs, conns, " / ".join(load)),
             "",
             "| endpoint | service req/s | p50 / p99 ms | SQL tps (pgbench) | p50 / p99 ms | service ÷ SQL | CPU ms/request | non-2xx | load |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"] + rows + [END]
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + "\n".join(table) + tail
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(table) + "\n"
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
