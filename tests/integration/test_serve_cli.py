"""`rasad serve` through the real command line: option errors via click's runner, and a real server process."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_serve_help_lists_its_options() -> None:
    code, output = run(["serve", "--help"])
    assert code == 0
    for option in ("--db", "--host", "--port", "--token", "--writable", "--cors-origin", "--rate-limit", "--tile-url", "--cache-size"):
        assert option in output


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    code, output = run(["serve", "--db", str(tmp_path / "nothing.db")])
    assert code == 1 and "no such database" in output


def test_serve_writable_needs_a_token(tmp_path: Path) -> None:
    code, output = run(["serve", "--db", str(tmp_path / "x.db"), "--writable"])
    assert code == 2 and "--writable needs --token" in output


def test_serve_tile_url_needs_a_template(tmp_path: Path) -> None:
    code, output = run(["serve", "--db", str(tmp_path / "x.db"), "--tile-url", "https://tiles.example.org/"])
    assert code == 2 and "{z}" in output


@pytest.fixture(scope="module")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve-cli") / "rasad.db"
    code, output = run(["ingest", str(ROOT / "examples"), "--db", str(db), "--published", "2024-06-10", "--workers", "1", "--no-progress"])
    assert code == 0, output
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, *options: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from rasad.cli import main; main()", "serve", "--db", str(db), "--port", str(port), "--log-level", "warning", *options]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "RASAD_TOKEN": "cli-token"})
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5).close()
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise AssertionError("rasad serve did not start: " + (server.stderr.read().decode() if server.stderr else "")) from None
            time.sleep(0.2)


@pytest.fixture(scope="module")
def served(served_db: Path) -> Iterator[str]:
    port = free_port()
    server = start_server(served_db, port)
    yield f"http://127.0.0.1:{port}"
    server.send_signal(signal.SIGINT)
    server.wait(15)


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def test_serve_workers_needs_a_read_only_server(tmp_path: Path) -> None:
    code, output = run(["serve", "--db", str(tmp_path / "x.db"), "--token", "t", "--writable", "--workers", "2"])
    assert code == 2 and "--writable needs --workers 1" in output


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts worker processes through /proc")
def test_serve_workers_answer_on_one_port_and_stop_together(served_db: Path) -> None:
    port = free_port()
    server = start_server(served_db, port, "--workers", "2")
    try:
        workers = {pid for pid in children(server.pid) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()}
        bodies = []
        for _ in range(6):  # a new connection each time: the kernel deals them out to the workers
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?country=IRN", timeout=10) as response:
                bodies.append(response.read())
        assert len(set(bodies)) == 1 and json.loads(bodies[0])["total"] >= 3
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) == 0
    assert len(workers) == 2
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_served_api_and_page_answer(served: str) -> None:
    with urllib.request.urlopen(served + "/api/events?country=IRN", timeout=10) as response:
        body = json.load(response)
    assert body["total"] >= 3 and all(e["location"]["country"] == "IRN" for e in body["events"])
    with urllib.request.urlopen(served + "/", timeout=10) as response:
        page = response.read().decode()
        assert "leaflet.js" in page and response.headers["content-security-policy"]
    with urllib.request.urlopen(served + "/openapi.json", timeout=10) as response:
        assert json.load(response)["info"]["title"] == "rasad"


def test_served_token_comes_from_the_environment(served: str) -> None:
    request = urllib.request.Request(served + "/api/extract", data=b'{"text": "no Persian"}', headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 401
    request.add_header("Authorization", "Bearer cli-token")
    with pytest.raises(urllib.error.HTTPError) as rejected:
        urllib.request.urlopen(request, timeout=60)
    assert rejected.value.code == 422 and json.load(rejected.value)["detail"] == {"code": "E105"}
