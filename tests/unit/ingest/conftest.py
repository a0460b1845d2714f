"""A real HTTP server on 127.0.0.1 (a thread), serving pages, a feed, errors and a slow answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
PAGE = (EXAMPLES / "pages" / "2024-06-10_saravan_border_post.html").read_bytes()
FEED = (EXAMPLES / "feeds" / "news_example.rss").read_bytes()


@dataclass
class Route:
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


ROUTES: dict[str, Route] = {
    "/news/20145": Route(body=PAGE),
    "/rss": Route(content_type="application/rss+xml", body=FEED),
    "/feed.xml": Route(body=b"<!DOCTYPE html><html><body><p>\xd8\xae\xd8\xa8\xd8\xb1</p></body></html>"),
    "/plain": Route(content_type="text/plain; charset=utf-8", body="انفجار در شهر اهواز رخ داد.".encode()),
    "/binary": Route(content_type="application/octet-stream", body=bytes(range(256)) * 4),
    "/big": Route(content_type="text/plain", body=b"x" * 300_000),
    "/missing": Route(status=404, body=b"not here"),
    "/broken": Route(status=500, body=b"oops"),
    "/busy": Route(status=429, body=b"slow down", headers={"Retry-After": "1"}),
    "/slow": Route(body=PAGE, delay=3.0),
}


@dataclass
class LocalServer:
    base: str
    requests: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def _handler(requests: list[tuple[str, dict[str, str]]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            requests.append((self.path, dict(self.headers)))
            route = ROUTES.get(self.path, Route(status=404))
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def local_server() -> Iterator[LocalServer]:
    requests: list[tuple[str, dict[str, str]]] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(requests))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", requests)
    server.shutdown()
    server.server_close()
