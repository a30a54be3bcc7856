#!/usr/bin/env python3
"""Turns the statements one request made into a pgbench script that runs exactly them.

Usage: capture.py LOG OFFSET DB OUT_SQL OUT_DEFINES [--vary VALUE=:var ...] [--prelude LINE ...]

Reads the PostgreSQL server log from byte OFFSET (the services' database logs every statement while
log_min_duration_statement = 0), keeps what database DB executed — extended-protocol `execute` lines with their
`parameters:` detail, and simple-protocol statements such as BEGIN/COMMIT — in log order, and writes them as a
pgbench script. Every bound parameter becomes a pgbench variable (`-D` definitions in OUT_DEFINES, one
`name=value` a line), so pgbench -M prepared sends the same statement text with the same parameters the service
sent. `--vary VALUE=:var` binds every parameter whose value is VALUE to `:var` instead (set by a --prelude line,
e.g. a \\gset), so each pgbench transaction can pick another id or page as the service's load driver does.
"""
import re
import sys

HEAD = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] \S*@(\S+) (LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT):\s+(.*)$")
EXEC = re.compile(r"^duration: [\d.]+ ms\s+(execute [^:]*|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def entries(path, offset, db):
    with open(path, "rb") as f:
        f.seek(offset)
        text = f.read().decode("utf-8", "replace")
    current = None
    for line in text.split("\n"):
        m = HEAD.match(line)
        if m:
            if current:
                yield current
            current = None if m.group(2) != db else [m.group(3), m.group(4), m.group(1)]
        elif current is not None and line.startswith("\t"):
            current[1] += "\n" + line[1:]
    if current:
        yield current


def main():
    log, offset, db, out_sql, out_defs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    vary, prelude = {}, []
    args = sys.argv[6:]
    while args:
        flag, value = args[0], args[1]
        args = args[2:]
        if flag == "--vary":
            k, v = value.split("=", 1)
            vary[k] = v
        elif flag == "--prelude":
            prelude.append(value)
    statements = []   # [sql, {n: literal}], in log order (a request's parallel statements run in turn here)
    last = {}         # backend pid -> its last statement, for the parameters detail that follows it
    for kind, msg, pid in entries(log, offset, db):
        if kind == "LOG":
            m = EXEC.match(msg)
            if m and not m.group(2).lstrip().upper().startswith(("SHOW", "SET ", "DISCARD")):
                statements.append([m.group(2), {}])
                last[pid] = statements[-1]
        elif kind == "DETAIL" and msg.startswith("parameters:") and pid in last:
            last[pid][1] = {int(n): v for n, v in PARAM.findall(msg)}
    defines, script = [], list(prelude)
    for i, (sql, params) in enumerate(statements, 1):
        def repl(m):
            n = int(m.group(1))
            if n not in params or params[n] == "NULL":
                return "NULL"
            value = params[n][1:-1].replace("''", "'")
            if value in vary:
                return vary[value]
            name = "s%d_%d" % (i, n)
            defines.append("%s=%s" % (name, value))
            return ":" + name
        body = re.sub(r"\$(\d+)\b", repl, sql.strip()).rstrip(";")
        script.append(body + ";")
    if not statements:
        sys.exit("no statements of %s in the log after byte %d" % (db, offset))
    with open(out_sql, "w", encoding="utf-8") as f:
        f.write("\n".join(script) + "\n")
    with open(out_defs, "w", encoding="utf-8") as f:
        f.write("\n".join(defines) + ("\n" if defines else ""))
    print("%s: %d statements" % (out_sql, len(statements)))


if __name__ == "__main__":
    main()
