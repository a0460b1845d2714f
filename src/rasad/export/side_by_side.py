"""A cluster's reports side by side, as plain text: one column per report, one row per field."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from rasad.store.reconcile import CLAIMED, CREDIBLE

LABEL_WIDTH = 12
MIN_COLUMN = 22
FIELDS = (
    ("outlet", lambda r: r.get("outlet")),
    ("published", lambda r: r.get("published")),
    ("date", lambda r: _date(r)),
    ("place", lambda r: _place(r)),
    ("actor1", lambda r: r.get("actor1_name")),
    ("actor2", lambda r: r.get("actor2_name")),
    ("type", lambda r: " / ".join(x for x in (r.get("event_type"), r.get("sub_event_type")) if x) or r.get("type")),
    ("weapon", lambda r: r.get("weapon")),
    ("fatalities", lambda r: r.get("fatalities")),
    ("injured", lambda r: r.get("injured")),
    ("status", lambda r: r.get("status")),
    ("evidence", lambda r: r.get("evidence_text")),
    ("url", lambda r: r.get("url")),
)


def _date(report: dict[str, Any]) -> str | None:
    if not report.get("date"):
        return None
    note = "inferred" if report.get("date_inferred") else report.get("date_precision") or "day"
    return f"{report['date']} ({note})"


def _place(report: dict[str, Any]) -> str | None:
    if not report.get("location_name"):
        return None
    admin = f", {report['admin1']}" if report.get("admin1") and report["admin1"] != report["location_name"] else ""
    return f"{report['location_name']}{admin}, {report.get('country') or '?'} (precision {report.get('geo_precision')})"


def _figures(cluster: dict[str, Any], key: str) -> str:
    reports = cluster["reports"]
    credible = [r[key] for r in reports if (r.get("status") or "reported") in CREDIBLE and r.get(key) is not None]
    claimed = [r[key] for r in reports if r.get("status") in CLAIMED and r.get(key) is not None]
    value = cluster.get(key)
    if value is None:
        return "unknown"
    pool = credible or claimed
    return f"{value} (lowest credible of {', '.join(str(n) for n in pool)})" if len(pool) > 1 else str(value)


def header(cluster: dict[str, Any]) -> list[str]:
    kind = " / ".join(x for x in (cluster.get("event_type"), cluster.get("sub_event_type")) if x)
    place = _place(cluster) or "no place"
    return [
        f"cluster {cluster['id']}: {cluster['type']}{' · ' + kind if kind else ''} · {cluster.get('date') or 'no date'} · {place}",
        f"  actor1 {cluster.get('actor1_name') or '—'} · actor2 {cluster.get('actor2_name') or '—'} · "
        f"fatalities {_figures(cluster, 'fatalities')} · injured {_figures(cluster, 'injured')}",
        f"  {cluster['n_reports']} reports from {cluster['n_articles']} articles; sources: "
        + "; ".join(json.loads(cluster.get("source_names") or "[]")),
    ]


def grid(reports: list[dict[str, Any]], width: int) -> list[str]:
    """The reports as columns, as many per block as fit in `width`."""
    per_block = max(1, (width - LABEL_WIDTH) // (MIN_COLUMN + 3))
    lines: list[str] = []
    for start in range(0, len(reports), per_block):
        block = reports[start : start + per_block]
        column = max(MIN_COLUMN, (width - LABEL_WIDTH) // len(block) - 3)
        titles = [f"report {start + i + 1}" for i in range(len(block))]
        lines.append(_row("", titles, column))
        lines.append("-" * min(width, LABEL_WIDTH + len(block) * (column + 3)))
        for label, get in FIELDS:
            cells = [textwrap.wrap(str(v), column) if (v := get(r)) is not None else ["—"] for r in block]
            for depth in range(max(len(c) for c in cells)):
                lines.append(_row(label if depth == 0 else "", [c[depth] if depth < len(c) else "" for c in cells], column))
        lines.append("")
    return lines


def _row(label: str, cells: list[str], column: int) -> str:
    return f"{label:<{LABEL_WIDTH}}" + "".join(f" | {cell:<{column}}" for cell in cells).rstrip()


def listing(clusters: list[dict[str, Any]]) -> list[str]:
    """One line per cluster, for `rasad cluster` without an id."""
    return [
        f"{c['id']}  {c['n_reports']:>3} reports  {c.get('date') or '—':<10}  {c['type']:<9} "
        f"{c.get('location_name') or '—'} ({c.get('country') or '?'})  {c.get('actor1_name') or ''}"
        for c in clusters
    ]
