"""Plain-text tables and the JSON report of a gold evaluation (`rasad eval`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasad.evaluate.ner import NerScore
from rasad.evaluate.scorer import ARGUMENTS, ArticleScore, Ratio, Score, Tally

REPORT_FORMAT = "rasad.eval/1"


def headline(tally: Tally) -> str:
    return (
        f"events P={tally.precision:.3f} R={tally.recall:.3f} F1={tally.f1:.3f}"
        f"  (predicted {tally.predicted}, matched {tally.predicted_matched};"
        f" required gold {tally.required}, found {tally.required_matched}; optional found {tally.optional_matched})"
    )


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned numbers."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        rest = [str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def type_table(per_type: dict[str, Tally]) -> list[str]:
    rows = [
        [
            kind,
            str(t.required),
            str(t.predicted),
            str(t.required_matched),
            f"{t.precision:.3f}",
            f"{t.recall:.3f}",
            f"{t.f1:.3f}",
        ]
        for kind, t in sorted(per_type.items())
    ]
    return table(["type", "gold", "pred", "found", "P", "R", "F1"], rows)


def ratio_cells(ratio: Ratio) -> list[str]:
    return [str(ratio.right), str(ratio.total), f"{ratio.value:.3f}" if ratio.total else "-"]


def argument_table(arguments: dict[str, Ratio]) -> list[str]:
    rows = [[name, *ratio_cells(arguments.get(name, Ratio()))] for name in ARGUMENTS]
    return table(["argument", "right", "scored", "accuracy"], rows)


def mention_table(total: Ratio, per_kind: dict[str, Ratio]) -> list[str]:
    rows = [[kind, *ratio_cells(r)] for kind, r in sorted(per_kind.items())]
    return table(["entity", "found", "gold", "recall"], [*rows, ["all", *ratio_cells(total)]])


def article_lines(article: ArticleScore) -> list[str]:
    """The misses and false alarms of one article; nothing when it is perfect."""
    lines: list[str] = []
    for miss in article.misses:
        lines.append(f"  miss   {miss['id']} {miss['type']}: {miss['what']}")
    for alarm in article.false_alarms:
        where = ", ".join(str(alarm[k]) for k in ("date", "location", "actor1") if alarm.get(k))
        evidence = f" «{alarm['evidence']}»" if alarm.get("evidence") else ""
        lines.append(
            f"  false  #{alarm['index']} {alarm['type']}" + (f" ({where})" if where else "") + evidence
        )
    for match in article.matches:
        wrong = [name for name, ok in match.arguments.items() if ok is False]
        if wrong:
            lines.append(
                f"  wrong  {match.gold_id} {match.type} (prediction #{match.pred_index}): " + ", ".join(wrong)
            )
    missed = [e.text for e in article.entities if not e.found]
    if missed:
        lines.append(f"  entities missed ({len(missed)}/{len(article.entities)}): " + "، ".join(missed))
    unlocated = [e.text for e in article.entities if not e.located]
    if unlocated:
        lines.append("  gold entities not in the text: " + "، ".join(unlocated))
    return [article.id, *lines] if lines else []


def render(result: Score, problems: Sequence[str] = ()) -> str:
    """The full text report: headline, per-type table, arguments, mentions, per-article details."""
    parts = [headline(result.events), "", *type_table(result.per_type), ""]
    parts += [*argument_table(result.arguments), ""]
    parts += [f"mention recall {result.mentions.value:.3f} ({result.mentions.right}/{result.mentions.total})"]
    parts += [*mention_table(result.mentions, result.mentions_per_kind), ""]
    details = [line for article in result.articles for line in article_lines(article)]
    if details:
        parts += ["per article: misses and false alarms", *details, ""]
    if problems:
        parts += [f"problems ({len(problems)})", *(f"  {p}" for p in problems), ""]
    parts.append(summary(result))
    return "\n".join(parts)


def summary(result: Score) -> str:
    """The last line: the figures again, for readers of the tail of a long report."""
    events = result.events
    return (
        f"{len(result.articles)} articles: events P={events.precision:.3f} R={events.recall:.3f} F1={events.f1:.3f},"
        f" mention recall {result.mentions.value:.3f}"
    )


def report_data(result: Score, sources: Sequence[str] = (), problems: Sequence[str] = ()) -> dict[str, Any]:
    return {"format": REPORT_FORMAT, "sources": list(sources), "problems": list(problems), **result.to_dict()}


def write_report(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def render_ner(result: NerScore) -> str:
    """Strict span scores per type and micro-averaged, with the corpus and sentence count."""
    rows = [
        [kind, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]
        for kind, c in [*sorted(result.per_type.items()), ("micro", result.overall)]
    ]
    overall = result.overall
    lines = [
        f"ner P={overall.precision:.3f} R={overall.recall:.3f} F1={overall.f1:.3f}"
        f"  ({result.corpus}, {result.format}, {result.sentences} sentences)",
        "",
        *table(["type", "tp", "fp", "fn", "P", "R", "F1"], rows),
    ]
    if result.problems:
        lines += ["", f"problems ({len(result.problems)})", *(f"  {p}" for p in result.problems)]
    return "\n".join(lines)
