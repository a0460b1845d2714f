"""Throughput and latency of `rasad serve` for GET /api/events on a 10,000-event database.

    python bench/serve.py [--events 10000] [--clients 50] [--seconds 20] [--db bench/out/serve.db]

1. The database: the development articles (tests/gold/*.txt) ingested again and
   again by the real `rasad ingest`, each copy with its own id and URL and a
   publication date 9 days after the previous copy's (so the events of each copy
   are dated apart and stay separate events), until the store holds --events
   events (clusters). Built once and kept in bench/out/ (gitignored); a database
   an earlier rasad built is migrated to this one's schema first.
2. The server: `rasad serve --db … --rate-limit 0` in its own process, on loopback
   (`--serve-option=--cache-size=0` for uncached answers, `--serve-option=--workers=2`…).
3. The load: another process keeps --clients connections busy (HTTP/1.1
   keep-alive, a new request as soon as the last answer is read) for --seconds
   after a short warm-up, cycling through a mix of realistic queries (the
   default page, filters by type, country, dates, actor, text, bounding box,
   other sorts and deeper pages, GeoJSON and CSV). Every request has a time-out;
   the loop stops by itself.

Prints requests per second, p50/p90/p99/max latency overall and per query, the
error count, and the server's CPU time per request (its processes' user+system
time during the measured seconds, from /proc): on a machine shared with other
work, latency follows the load of the moment, CPU time much less, so figures
taken at different times compare fairly. `--json FILE` writes the same as JSON.
The target (issue 7): p99 < 100 ms at 50 concurrent clients.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
RASAD = [sys.executable, "-c", "from rasad.cli import main; main()"]  # this interpreter's rasad
QUERIES = [
    ("default", "/api/events"),
    ("type", "/api/events?type=ASSAULT"),
    ("acled-type", "/api/events?type=Explosions/Remote%20violence"),
    ("country", "/api/events?country=IRN,IRQ"),
    ("dates", "/api/events?since=2020-06-01&until=2020-09-30"),
    ("actor", "/api/events?actor=hezbollah"),
    ("text", "/api/events?q=%D8%B3%D8%B1%D8%A7%D9%88%D8%A7%D9%86"),  # «سراوان»
    ("bbox", "/api/events?bbox=44,25,63.5,40"),
    ("sorted", "/api/events?sort=-fatalities&limit=50"),
    ("deep-page", "/api/events?offset=5000&limit=100"),
    ("geojson", "/api/events?format=geojson&limit=100"),
    ("csv", "/api/events?format=csv&limit=100"),
]


def count_clusters(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM clusters").fetchone()[0])


def build_database(db: Path, events: int, batch: int = 8) -> None:
    """Ingest copies of the development articles until `db` holds `events` clusters."""
    articles = sorted(GOLD.glob("*.txt"))
    if not articles:
        raise SystemExit(f"no articles in {GOLD}")
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in articles]
    db.parent.mkdir(parents=True, exist_ok=True)
    copy = 0
    if db.exists():
        with sqlite3.connect(db) as connection:
            copy = int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]) // len(texts)
    while count_clusters(db) < events:
        with tempfile.TemporaryDirectory() as folder:
            archive = Path(folder) / "copies.jsonl"
            with open(archive, "w", encoding="utf-8") as out:
                for number in range(copy, copy + batch):
                    published = (date(2020, 1, 1) + timedelta(days=9 * number)).isoformat()
                    for stem, text in texts:
                        row = {"id": f"{stem}-{number}", "text": text, "published": published, "url": f"https://bench.rasad.invalid/{number}/{stem}"}
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
            started = time.monotonic()
            subprocess.run([*RASAD, "ingest", str(archive), "--db", str(db), "--no-progress"], check=True, stderr=subprocess.DEVNULL)
        copy += batch
        print(f"bench: {copy} copies ingested, {count_clusters(db)} events ({time.monotonic() - started:.0f} s for the last {batch})", file=sys.stderr)


def migrate_database(db: Path) -> None:
    """Bring a database built by an earlier rasad up to this one's schema (the server only opens it read-only)."""
    code = f"from rasad.store import Store; Store.open({str(db)!r}).close()"
    subprocess.run([sys.executable, "-c", code], check=True)


def server_cpu_seconds(pid: int) -> float:
    """CPU time used so far by the server process and its children (its workers); -1 where /proc is missing.

    Latency on a shared machine depends on what else runs; CPU time a request does not, so before/after
    comparisons made at different times stay fair."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def used(stat: str) -> tuple[int, float]:
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) ": state, ppid, … utime (12th), stime
        return int(fields[1]), (int(fields[11]) + int(fields[12])) / tick

    try:
        total = used(Path(f"/proc/{pid}/stat").read_text())[1]
    except OSError:
        return -1.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(pid):
            try:
                parent, seconds = used((entry / "stat").read_text())
            except (OSError, ValueError, IndexError):
                continue
            if parent == pid:
                total += seconds
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, options: list[str]) -> subprocess.Popen[bytes]:
    command = [*RASAD, "serve", "--db", str(db), "--port", str(port), "--rate-limit", "0", "--log-level", "warning", *options]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("bench: the server did not start")


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def _client(
    port: int, queries: list[tuple[str, str]], start: int, stop_at: float, warm_until: float, timeout: float, results: list[tuple[str, float, int]]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    index = start
    try:
        while time.monotonic() < stop_at:
            name, path = queries[index % len(queries)]
            index += 1
            began = time.perf_counter()
            try:
                status = await asyncio.wait_for(_request(reader, writer, path), timeout)
            except (TimeoutError, OSError, asyncio.IncompleteReadError):
                status = 0
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if time.monotonic() >= warm_until:
                results.append((name, time.perf_counter() - began, status))
    finally:
        writer.close()


def run_load(port: int, queries: list[tuple[str, str]], clients: int, seconds: float, warmup: float, timeout: float, out: str) -> None:
    """The load generator (run in its own process): writes [(query, seconds, status)] as JSON to `out`."""
    results: list[tuple[str, float, int]] = []

    async def main() -> None:
        now = time.monotonic()
        warm_until, stop_at = now + warmup, now + warmup + seconds
        await asyncio.gather(*(_client(port, queries, n, stop_at, warm_until, timeout, results) for n in range(clients)))

    asyncio.run(main())
    Path(out).write_text(json.dumps(results))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summarise(results: list[tuple[str, float, int]], seconds: float) -> dict[str, object]:
    def figures(latencies: list[float]) -> dict[str, float]:
        return {
            "requests": len(latencies),
            "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
            "p90_ms": round(percentile(latencies, 0.90) * 1000, 1),
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
            "max_ms": round(max(latencies) * 1000, 1),
            "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
        }

    good = [(name, latency) for name, latency, status in results if status == 200]
    summary: dict[str, object] = {
        "requests_per_second": round(len(good) / seconds, 1),
        "errors": sum(1 for _, _, status in results if status != 200),
        **figures([latency for _, latency in good]),
        "by_query": {name: figures([lat for n, lat in good if n == name]) for name, _ in QUERIES if any(n == name for n, _ in good)},
    }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "serve.db", help="The benchmark database (built if missing or too small).")
    parser.add_argument("--events", type=int, default=10_000, help="Events (clusters) the database must hold.")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent clients (connections).")
    parser.add_argument("--seconds", type=float, default=20.0, help="How long the measured load lasts.")
    parser.add_argument("--warmup", type=float, default=3.0, help="Seconds of load before measuring.")
    parser.add_argument("--timeout", type=float, default=10.0, help="Seconds before one request counts as failed.")
    parser.add_argument("--only", help="Run only this query of the mix (default, type, text, geojson …).")
    parser.add_argument("--serve-option", action="append", default=[], help="Extra option for `rasad serve` (repeatable), e.g. --serve-option=--cache-size=0.")
    parser.add_argument("--json", dest="json_out", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args()
    if args.only:
        QUERIES[:] = [q for q in QUERIES if q[0] == args.only]
        if not QUERIES:
            raise SystemExit(f"bench: no query named {args.only!r}")
    build_database(args.db, args.events)
    migrate_database(args.db)
    total = count_clusters(args.db)
    port = free_port()
    server = start_server(args.db, port, args.serve_option)
    try:
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "results.json")
            load = multiprocessing.get_context("spawn").Process(target=run_load, args=(port, QUERIES, args.clients, args.seconds, args.warmup, args.timeout, out))
            load.start()
            time.sleep(args.warmup)
            cpu_before = server_cpu_seconds(server.pid)
            load.join(args.seconds + args.timeout + 30)
            cpu_used = server_cpu_seconds(server.pid) - cpu_before
            if load.is_alive():
                load.terminate()
                raise SystemExit("bench: the load generator did not stop in time")
            results = [tuple(r) for r in json.loads(Path(out).read_text())]
    finally:
        server.terminate()
        server.wait(20)
    summary = {"events": total, "clients": args.clients, "seconds": args.seconds, **summarise(results, args.seconds)}  # type: ignore[arg-type]
    if cpu_used >= 0 and results:
        summary["server_cpu_ms_per_request"] = round(cpu_used * 1000 / len(results), 2)
        summary["server_cores_busy"] = round(cpu_used / args.seconds, 2)
    print(f"rasad serve: GET /api/events on {total} events, {args.clients} clients, {args.seconds:.0f} s (loopback, load from a second process)")
    print(
        f"  {summary['requests_per_second']} requests/s   p50 {summary['p50_ms']} ms   p90 {summary['p90_ms']} ms   "
        f"p99 {summary['p99_ms']} ms   max {summary['max_ms']} ms   errors {summary['errors']}"
    )
    if "server_cpu_ms_per_request" in summary:
        print(f"  server CPU {summary['server_cpu_ms_per_request']} ms a request ({summary['server_cores_busy']} cores busy; other programs take the rest)")
    for name, figures in summary["by_query"].items():  # type: ignore[attr-defined]
        print(f"  {name:10} {figures['requests']:6} requests   p50 {figures['p50_ms']:7} ms   p99 {figures['p99_ms']:7} ms")
    if args.json_out:
        args.json_out.write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
