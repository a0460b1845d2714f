"""`rasad serve --workers N`: N server processes on one port, the kernel sharing the connections out evenly.

uvicorn's own `--workers` hands one listening socket to every process, and
whichever wakes first takes the next connection: with keep-alive clients the
split comes out lopsided (measured: 41 and 9 of 50 benchmark connections), and
the busier process sets everyone's latency. Here each process listens on a
socket of its own, all bound to the same port with SO_REUSEPORT, and Linux
spreads new connections over them by a hash of their addresses. Where the
option does not exist (Windows), uvicorn's way is used instead.

Every worker builds its own app from the settings (rasad.serve.app.app_from_environment),
so each opens the store read-only and keeps its own caches. The parent only
watches: when one worker stops, or the parent is told to stop (Ctrl-C,
SIGTERM), every worker is stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import time
from collections.abc import Sequence
from multiprocessing.process import BaseProcess
from types import FrameType

from rasad.serve.settings import SETTINGS_ENV, ServeSettings, settings_json

BACKLOG = 2048
STOP_SECONDS = 15.0


def reuse_port_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, listen: bool = True) -> socket.socket:
    """A TCP socket bound to (host, port) that other sockets may share (SO_REUSEPORT); listening if `listen`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    if listen:
        sock.listen(BACKLOG)
    sock.set_inheritable(False)
    return sock


def serve_one(host: str, port: int, log_level: str) -> None:
    """One worker process: its own socket on the shared port, its own app."""
    import uvicorn

    from rasad.serve.app import app_from_environment

    sock = listening_socket(host, port)
    config = uvicorn.Config(app_from_environment(), log_level=log_level, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(settings: ServeSettings, host: str, port: int, log_level: str) -> int:
    """Serve with `settings.workers` processes until stopped; the exit status (0 when told to stop)."""
    os.environ[SETTINGS_ENV] = settings_json(settings)
    if not reuse_port_supported():
        import uvicorn

        uvicorn.run("rasad.serve.app:app_from_environment", factory=True, workers=settings.workers, host=host, port=port, log_level=log_level, server_header=False)
        return 0
    # held (bound, never listening, so it takes no connections) while the workers run: it fixes the port when
    # --port 0 asks for any free one, and keeps another program from taking it between two workers' starts
    holder = listening_socket(host, port, listen=False)
    port = int(holder.getsockname()[1])
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=serve_one, args=(host, port, log_level), name=f"rasad-serve-{n + 1}") for n in range(settings.workers)]
    stopping = False

    def stop(_signal: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for worker in workers:
            worker.start()
        while not stopping and all(worker.is_alive() for worker in workers):
            time.sleep(0.2)
    finally:
        stop_all(workers)
        holder.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if stopping else 1


def stop_all(workers: Sequence[BaseProcess]) -> None:
    """SIGTERM (uvicorn finishes the requests in hand), then SIGKILL for any still running after STOP_SECONDS."""
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.kill()
            worker.join()
