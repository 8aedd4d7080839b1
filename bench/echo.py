"""The baseline's action server: answers every POST /webhook with one "ok" and no events.

Run on its own as `python -m bench.echo PORT` so it does not share the load client's CPU.
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ECHO_REPLY = json.dumps({"events": [], "responses": [{"text": "ok"}]}).encode()


class EchoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        if self.path.split("?")[0] != "/webhook":
            self._send(404, b"{}")
            return
        self._send(200, ECHO_REPLY)

    def do_GET(self) -> None:
        self._send(200, b'{"status": "ok"}')

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: nothing per request."""


def make_server(port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), EchoHandler)
    server.daemon_threads = True
    return server


def main(argv: list[str]) -> int:
    port = int(argv[0]) if argv else 5056
    server = make_server(port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
