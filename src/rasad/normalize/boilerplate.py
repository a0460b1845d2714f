"""Site labels around the news text: removed from the body; the lead attribution kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rasad.knowledge.yamlfile import load_yaml
from rasad.normalize.rewrite import TextEdit

DATA_FILE = Path(__file__).parent / "data" / "boilerplate.yaml"


@dataclass(frozen=True)
class Boilerplate:
    """Patterns for site labels, read from a data file."""

    data_file: Path = DATA_FILE

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        with open(self.data_file, encoding="utf-8") as handle:
            data = load_yaml(handle)
        lines = re.compile("|".join(f"(?:{p})" for p in data["lines"]))
        tail = re.compile("|".join(f"(?:{p})" for p in data["tail"]))
        return lines, tail, re.compile(data["lead_source"])

    def edits(self, text: str) -> list[TextEdit]:
        """Remove whole label lines (with their line break) and a label glued to the end."""
        lines, tail, _ = self._patterns
        found: list[TextEdit] = []
        position = 0
        for line in text.split("\n"):
            end = position + len(line)
            if line.strip() and lines.fullmatch(line.strip()):
                # take the line break before it when it is the last line, after it otherwise
                if end >= len(text) and position > 0:
                    found.append((position - 1, end, ""))
                else:
                    found.append((position, min(end + 1, len(text)), ""))
            position = end + 1
        glued = tail.search(text)
        if glued and not any(start <= glued.start() < stop for start, stop, _ in found):
            found.append((glued.start(), glued.end(), ""))
        found.sort()
        merged: list[TextEdit] = []
        for edit in found:
            if merged and edit[0] < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], edit[1]), "")
            else:
                merged.append(edit)
        return merged

    def lead_source(self, text: str) -> tuple[int, int] | None:
        """The span of X in a leading «به گزارش X،», if the article opens with one."""
        match = self._patterns[2].search(text)
        return match.span("source") if match else None
