"""One record per cluster: the reports' fields reconciled.

Fatalities (and, by the same rule, injuries) follow ACLED's rule of the most
conservative credible figure:

1. a report that is denied, threatened or hypothetical gives no figure;
2. figures from reports with status `reported` are credible; figures from
   `claimed` or `alleged` reports (a party's own claim) count only when no
   `reported` figure exists;
3. of the credible figures the lowest is kept; `null` when no report gives one.
   `0` is a figure ("nobody was killed") and wins over higher ones.

So a rising toll («the death toll rose to 12») is not followed: each report
keeps its own figure, shown side by side by `rasad cluster ID`.

Other fields: the most precise place (lowest geo_precision; ties go to the place
most reports name), the date most day-precise reports give (ties: the earliest),
for each actor role the id most reports name, and the commonest ACLED type.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from rasad.store.dedupe import Report

CREDIBLE = ("reported",)
CLAIMED = ("claimed", "alleged")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def conservative_figure(reports: list[Report], figure: Callable[[Report], int | None]) -> int | None:
    """The most conservative credible figure among the reports (the rule above)."""
    credible = [figure(r) for r in reports if (r.status or "reported") in CREDIBLE]
    numbers = [n for n in credible if n is not None]
    if not numbers:
        numbers = [n for n in (figure(r) for r in reports if r.status in CLAIMED) if n is not None]
    return min(numbers) if numbers else None


def _commonest(values: list[Any]) -> Any:
    counted = Counter(v for v in values if v is not None)
    if not counted:
        return None
    first_seen = {v: i for i, v in reversed(list(enumerate(values)))}
    return max(counted, key=lambda v: (counted[v], -first_seen[v]))


def _by_confidence(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: -(r.confidence or 0.0))


def _date(reports: list[Report]) -> Report:
    explicit = [r for r in reports if r.date and not r.date_inferred] or [r for r in reports if r.date] or reports
    best_rank = min(_PRECISION_RANK.get(r.date_precision or "day", 0) for r in explicit)
    finest = [r for r in explicit if _PRECISION_RANK.get(r.date_precision or "day", 0) == best_rank]
    counted = Counter(r.date for r in finest)
    return min(finest, key=lambda r: (-counted[r.date], r.date or ""))


def _place(reports: list[Report]) -> Report | None:
    placed = [r for r in reports if r.location_name is not None]
    if not placed:
        return None
    finest = min(r.geo_precision or 3 for r in placed)
    candidates = [r for r in placed if (r.geo_precision or 3) == finest]
    counted = Counter(r.gazetteer_id or r.location_name for r in candidates)
    return max(_by_confidence(candidates), key=lambda r: counted[r.gazetteer_id or r.location_name])


def _actor(reports: list[Report], slot: str) -> dict[str, Any]:
    ids = [getattr(r, f"{slot}_id") for r in reports]
    chosen_id = _commonest(ids)
    pool = [r for r in reports if getattr(r, f"{slot}_id") == chosen_id] if chosen_id else reports
    name = _commonest([getattr(r, f"{slot}_name") for r in pool])
    holder = next((r for r in pool if getattr(r, f"{slot}_name") == name), None)
    return {
        f"{slot}_id": chosen_id,
        f"{slot}_name": name,
        f"{slot}_country": getattr(holder, f"{slot}_country") if holder else None,
        f"{slot}_kind": getattr(holder, f"{slot}_kind") if holder else None,
    }


def cluster_record(cluster_id: str, reports: list[Report], source_names: dict[str, list[str]], now: str) -> dict[str, Any]:
    """The `clusters` row for one group of reports."""
    ordered = _by_confidence(reports)
    dated = _date(reports)
    place = _place(reports)
    kinds = _commonest([(r.event_type, r.sub_event_type) for r in ordered if r.event_type])
    dates = sorted(r.date for r in reports if r.date)
    names: list[str] = []
    for report in sorted(reports, key=lambda r: (r.published or "", r.uid)):
        for name in [report.outlet, *source_names.get(report.uid, [])]:
            if name and name not in names:
                names.append(name)
    statuses = [r.status for r in reports]
    record: dict[str, Any] = {
        "id": cluster_id,
        "type": reports[0].type,
        "mode": _commonest([r.mode for r in ordered]),
        "event_type": kinds[0] if kinds else None,
        "sub_event_type": kinds[1] if kinds else None,
        "date": dated.date,
        "date_precision": dated.date_precision,
        "date_first": dates[0] if dates else None,
        "date_last": dates[-1] if dates else None,
        "location_name": place.location_name if place else None,
        "country": place.country if place else _commonest([r.country for r in reports]),
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": place.geo_precision if place else None,
        "gazetteer_id": place.gazetteer_id if place else None,
        "weapon": _commonest([r.weapon for r in ordered]),
        "fatalities": conservative_figure(reports, lambda r: r.fatalities),
        "injured": conservative_figure(reports, lambda r: r.injured),
        "status": "reported" if "reported" in statuses else _commonest(statuses),
        "n_reports": len(reports),
        "n_articles": len({r.article_id for r in reports}),
        "n_outlets": len({r.outlet for r in reports if r.outlet}),
        "source_names": json.dumps(names, ensure_ascii=False),
        "updated_at": now,
    }
    record.update(_actor(ordered, "actor1"))
    record.update(_actor(ordered, "actor2"))
    return record
