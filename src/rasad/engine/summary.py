"""What a run did: counts, throughput overall and per worker, skipped inputs with their reasons."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from rasad.engine.base import EngineInfo
from rasad.engine.codes import EngineError
from rasad.engine.task import Outcome, PartitionFailure
from rasad.model import Problem

MAX_LISTED = 20
PHASES = ("read", "extract", "write")


@dataclass
class WorkerTally:
    worker: str
    partitions: int = 0
    articles: int = 0
    busy_seconds: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.busy_seconds if self.busy_seconds > 0 else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


@dataclass
class Summary:
    engine: EngineInfo
    out: str
    partitions: int
    inputs: int  # files, archive lines and stdin articles named by the partitions
    done: int = 0
    articles: int = 0
    events: int = 0
    mentions: int = 0
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PHASES, 0.0))  # summed over partitions
    skipped: list[Problem] = field(default_factory=list)  # errors: inputs missing from the output
    warnings: list[Problem] = field(default_factory=list)
    failures: list[PartitionFailure] = field(default_factory=list)
    workers: dict[str, WorkerTally] = field(default_factory=dict)
    planned: bool = False  # every partition is known (`partitions` is the total)
    _problems: dict[int, tuple[Problem, ...]] = field(default_factory=dict, repr=False)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def record(self, outcome: Outcome) -> None:
        if isinstance(outcome, PartitionFailure):
            self.failures.append(outcome)
            self._problems[outcome.index] = (EngineError("E301", f"{outcome.label}: {outcome.reason}").problem(outcome.label, "engine"),)
            return
        self.done += 1
        self.articles += outcome.articles
        self.events += outcome.events
        self.mentions += outcome.mentions
        for phase, seconds in zip(PHASES, (outcome.read_seconds, outcome.extract_seconds, outcome.write_seconds), strict=True):
            self.phase_seconds[phase] += seconds
        tally = self.workers.setdefault(outcome.worker, WorkerTally(outcome.worker))
        tally.partitions += 1
        tally.articles += outcome.articles
        tally.busy_seconds += outcome.seconds
        tally.cpu_seconds += outcome.cpu_seconds
        self._problems[outcome.index] = outcome.problems

    def progress(self) -> str:
        """Partitions done of those planned so far ("12/40+ partitions" while planning goes on)."""
        return f"{self.done + len(self.failures)}/{self.partitions}{'' if self.planned else '+'} partitions"

    def close(self, planned: list[Problem], seconds: float) -> None:
        """Gather the problems in input order (planning first, then by partition)."""
        self.seconds = seconds
        every = [*planned, *(p for index in sorted(self._problems) for p in self._problems[index])]
        self.skipped = [p for p in every if p.severity == "error"]
        self.warnings = [p for p in every if p.severity != "error"]

    def lines(self) -> list[str]:
        """The end-of-run report, for stderr."""
        engine = self.engine
        lines = [
            f"rasad: {self.articles} articles → {self.events} events, {self.mentions} mentions in {self.out} "
            f"({self.done} of {self.partitions} partitions) in {self.seconds:.1f} s, {self.rate:.1f} articles/s",
            f"rasad: engine {engine.name}, {engine.workers} worker{'' if engine.workers == 1 else 's'} ready in {engine.startup_seconds:.1f} s"
            + (f", scheduler {engine.scheduler}" if engine.scheduler else "")
            + (f", dashboard {engine.dashboard}" if engine.dashboard else ""),
        ]
        for tally in sorted(self.workers.values(), key=lambda t: t.worker):
            lines.append(
                f"  worker {tally.worker}: {tally.partitions} partitions, {tally.articles} articles, "
                f"{tally.busy_seconds:.1f} s busy, {tally.rate:.1f} articles/s, {tally.cpu_ms_per_article:.1f} CPU ms/article"
            )
        for code, number in sorted(Counter(p.code for p in self.warnings).items()):
            lines.append(f"rasad: warning {code} ×{number}")
        if self.skipped:
            lines.append(f"rasad: skipped {len(self.skipped)} inputs:")
            lines.extend(f"  - {p.origin}: {p.code} {p.message}" for p in self.skipped[:MAX_LISTED])
            if len(self.skipped) > MAX_LISTED:
                lines.append(f"  … and {len(self.skipped) - MAX_LISTED} more (all in {self.out}/_rasad.json)")
        return lines

    def manifest(self) -> dict[str, Any]:
        """The summary as JSON for `_rasad.json`."""
        return {
            "complete": not self.failures,
            "engine": asdict(self.engine),
            "partitions": self.partitions,
            "partitions_done": self.done,
            "articles": self.articles,
            "events": self.events,
            "mentions": self.mentions,
            "seconds": round(self.seconds, 3),
            "phase_seconds": {k: round(v, 3) for k, v in sorted(self.phase_seconds.items())},
            "workers": [asdict(t) for t in sorted(self.workers.values(), key=lambda t: t.worker)],
            "skipped": [asdict(p) for p in self.skipped],
            "warnings": len(self.warnings),
            "failed_partitions": [asdict(f) for f in sorted(self.failures, key=lambda f: f.index)],
        }
