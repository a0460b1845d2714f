"""The progress line on stderr: counts and articles per second, redrawn in place on a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    """Redraws at most every `interval` seconds (a line every `interval * 10` s when not a terminal)."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    interval: float = 0.2
    clock: Callable[[], float] = time.monotonic
    started: float = 0.0
    _last: float = 0.0
    _drawn: bool = False

    def __post_init__(self) -> None:
        self.started = self._last = self.clock()
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        if not self._tty:
            self.interval *= 50

    def rate(self, done: int) -> float:
        elapsed = self.clock() - self.started
        return done / elapsed if elapsed > 0 else 0.0

    def update(self, done: int, detail: str, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        line = f"rasad: {done} articles, {self.rate(done):.1f} articles/s — {detail}"
        if self._tty:
            self.stream.write("\r\x1b[K" + line)
            self._drawn = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        """A line of its own, above the progress line."""
        self.clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False
