"""`rasad ingest URL…` against a real HTTP server on 127.0.0.1: pages, a feed, a 500 and a server too slow to answer."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ROUTES: dict[str, tuple[int, str, bytes, float]] = {
    "/fa/news/20145": (200, "text/html; charset=utf-8", (EXAMPLES / "pages" / "2024-06-10_saravan_border_post.html").read_bytes(), 0.0),
    "/fa/rss": (200, "application/rss+xml; charset=utf-8", (EXAMPLES / "feeds" / "news_example.rss").read_bytes(), 0.0),
    "/fa/broken": (500, "text/html", b"<h1>Internal Server Error</h1>", 0.0),
    "/fa/slow": (200, "text/html", b"<html><body><p>too late</p></body></html>", 3.0),
    "/fa/feed": (200, "text/html", b"<!DOCTYPE html><html><body><p>not a feed</p></body></html>", 0.0),
}


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        Handler.hits.append(self.path)
        status, kind, body, delay = ROUTES.get(self.path, (404, "text/plain", b"", 0.0))
        time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_urls_pages_feed_and_failures(server: str, tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    urls = [f"{server}/fa/news/20145", f"{server}/fa/rss", f"{server}/fa/broken", f"{server}/fa/slow", f"{server}/fa/feed"]
    args = ["ingest", *urls, "--db", str(db), "--timeout", "0.5", "--retries", "1", "--delay", "0", "--workers", "1", "--no-progress"]
    started = time.monotonic()
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1, result.stderr
    assert time.monotonic() - started < 15
    err = result.stderr
    assert "4 new, 0 updated, 0 unchanged, 3 skipped" in err
    assert f"{server}/fa/broken: E211 HTTP error 500 Internal Server Error, 2 attempts" in err
    assert f"{server}/fa/slow: E210 timed out" in err
    assert f"{server}/fa/feed: E201 not an RSS/Atom feed" in err
    assert Handler.hits.count("/fa/broken") == 2
    with sqlite3.connect(db) as connection:
        urls_stored = {row[0] for row in connection.execute("SELECT url FROM articles")}
    assert "https://news.example.ir/fa/news/20145/saravan-border-post" in urls_stored
    assert "https://news.example.ir/fa/news/20160/ahvaz-retirees" in urls_stored and len(urls_stored) == 4
    again = CliRunner().invoke(main, [*args[:1], f"{server}/fa/rss", *args[6:]], catch_exceptions=False)
    assert again.exit_code == 0 and "0 new, 0 updated, 3 unchanged" in again.stderr
