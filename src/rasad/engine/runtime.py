"""The one pipeline of a worker process: built once (by a worker plugin, a pool initializer or the first task).

Building loads the knowledge base and the cached lexicon, about a second; a
partition then reuses it. Runs are serialised by a lock, so a worker started with
several threads stays correct (the stages are pure Python: threads would not run
them faster anyway; use one thread per worker process).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rasad.config import Settings
from rasad.pipeline import Pipeline, default_pipeline

_building = threading.Lock()
_running = threading.Lock()


@dataclass
class _Built:
    settings: Settings
    pipeline: Pipeline
    seconds: float
    cpu_seconds: float


_built: _Built | None = None
_builds = 0


def worker_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for `settings`, built on first use only."""
    global _built, _builds
    with _building:
        if _built is None or _built.settings != settings:
            started, cpu_started = time.perf_counter(), time.process_time()
            pipeline = default_pipeline(settings)
            _built = _Built(settings, pipeline, time.perf_counter() - started, time.process_time() - cpu_started)
            _builds += 1
        return _built.pipeline


def warm(settings: Settings) -> float:
    """Build the pipeline now (worker start-up); the seconds it took."""
    worker_pipeline(settings)
    return _built.seconds if _built is not None else 0.0


@contextmanager
def exclusive() -> Iterator[None]:
    """Hold while running the pipeline: one article at a time per process."""
    with _running:
        yield


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def worker_stats() -> dict[str, Any]:
    """Who this worker is, how long its pipeline took to build, how much memory it holds."""
    return {
        "worker": worker_name(),
        "pipeline_builds": _builds,
        "build_seconds": _built.seconds if _built is not None else None,
        "build_cpu_seconds": _built.cpu_seconds if _built is not None else None,
        "rss_mb": current_rss_mb(),
        "peak_rss_mb": peak_rss_mb(),
    }


def current_rss_mb() -> float | None:
    """Resident memory now (Linux), None where unknown."""
    return _status_mb("VmRSS")


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process (Linux VmHWM: unlike ru_maxrss, not inherited from a spawning parent)."""
    return _status_mb("VmHWM")


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        return None
    return None
