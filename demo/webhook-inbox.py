#!/usr/bin/env python3
"""The demo's alert receiver (started by ./duban up): WEBHOOK_INBOX_PORT FILE.

Stands in for a department's DingTalk / WeCom robot so that the demo's 临期/逾期 alerts and 催办 are really delivered
and can be read: every POST is answered 200 {"errcode":0} (what the robots answer) and appended to FILE as one JSON
line {receivedAt, path, alertId, signature?, body}. Listens on 127.0.0.1 only; a demo tool, not a production component.
"""
import datetime
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, path = int(sys.argv[1]), sys.argv[2]


class Inbox(BaseHTTPRequestHandler):
    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), 1 << 20)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = raw.decode("utf-8", "replace")
        entry = {"receivedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                 "path": self.path, "alertId": self.headers.get("X-Duban-Alert-Id"),
                 "signed": self.headers.get("X-Duban-Signature") is not None, "body": body}
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        answer = b'{"errcode":0,"errmsg":"ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_GET(self):  # a liveness answer for ./duban
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Inbox).serve_forever()
