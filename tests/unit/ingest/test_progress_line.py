from __future__ import annotations

import io

from rasad.ingest.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_redraws_in_place_with_articles_per_second() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(stream=stream, interval=0.2, clock=clock)
    clock.now = 2.0
    progress.update(50, "3 events found")
    progress.update(51, "too soon: not drawn")
    clock.now = 4.0
    progress.message("rasad: skipped x: E103 empty article")
    progress.update(100, "7 events found")
    progress.clear()
    out = stream.getvalue()
    assert "\r\x1b[Krasad: 50 articles, 25.0 articles/s — 3 events found" in out
    assert "too soon" not in out
    assert "\r\x1b[Krasad: skipped x: E103 empty article\n" in out
    assert "rasad: 100 articles, 25.0 articles/s — 7 events found" in out and out.endswith("\r\x1b[K")


def test_progress_off_a_terminal_prints_rare_lines() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream=stream, interval=0.2, clock=clock)
    clock.now = 5.0
    progress.update(10, "x")
    clock.now = 11.0
    progress.update(20, "y")
    assert stream.getvalue() == "rasad: 20 articles, 1.8 articles/s — y\n"
