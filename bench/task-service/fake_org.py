#!/usr/bin/env python3
"""A stand-in org-service for the benchmark: resolve-batch for 单位001…单位100 (first LEAD, rest CO).

Usage: fake_org.py PORT
"""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def resolve(text):
    names = [n for n in text.replace("，", "、").split("、") if n]
    assignments = [{"unitId": str(uuid.uuid3(uuid.NAMESPACE_OID, n)), "unitName": n, "role": "LEAD" if i == 0 else "CO",
                    "matchedText": n} for i, n in enumerate(names)]
    return {"assignments": assignments, "unresolved": []}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        out = json.dumps({"results": [resolve(t) for t in body["texts"]]}, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
