from __future__ import annotations

import json
from dataclasses import replace

from rasad.store.dedupe import Report
from rasad.store.reconcile import cluster_record, conservative_figure

R = Report(uid="a", article_id=1, type="ASSAULT", status="reported", date="2024-06-10", date_precision="day")


def deaths(*pairs: tuple[str, int | None]) -> int | None:
    reports = [replace(R, uid=str(i), status=status, fatalities=n) for i, (status, n) in enumerate(pairs)]
    return conservative_figure(reports, lambda r: r.fatalities)


def test_reconcile_lowest_reported_figure_wins() -> None:
    assert deaths(("reported", 4), ("reported", 3), ("reported", None)) == 3


def test_reconcile_claims_count_only_without_reports() -> None:
    assert deaths(("claimed", 20), ("reported", 4)) == 4
    assert deaths(("claimed", 20), ("alleged", 12)) == 12


def test_reconcile_denied_and_threatened_give_no_figure() -> None:
    assert deaths(("denied", 1), ("threatened", 2)) is None


def test_reconcile_zero_is_a_figure_and_none_is_unknown() -> None:
    assert deaths(("reported", 0), ("reported", 5)) == 0
    assert deaths(("reported", None)) is None


def test_reconcile_record_picks_precise_place_and_common_actor() -> None:
    town = replace(R, uid="a", outlet="IRNA", location_name="Saravan", geo_precision=1, country="IRN", actor1_id="jaish-al-adl", actor1_name="Jaish al-Adl")
    region = replace(R, uid="b", article_id=2, outlet="Tasnim", location_name="Sistan and Baluchestan", geo_precision=3, country="IRN", actor1_id="jaish-al-adl", actor1_name="Jaish al-Adl", date_inferred=True, date="2024-06-11")
    vague = replace(R, uid="c", article_id=3, outlet="IRNA", actor1_id=None, actor1_name="attackers", status="claimed", fatalities=9)
    record = cluster_record("a", [town, region, vague], {"a": ["Reuters"]}, "2024-06-12T00:00:00+00:00")
    assert (record["location_name"], record["geo_precision"], record["actor1_id"]) == ("Saravan", 1, "jaish-al-adl")
    assert (record["date"], record["date_first"], record["date_last"]) == ("2024-06-10", "2024-06-10", "2024-06-11")
    assert (record["n_reports"], record["n_articles"], record["n_outlets"], record["status"]) == (3, 3, 2, "reported")
    assert record["fatalities"] == 9  # only the claim gives a figure
    assert json.loads(record["source_names"]) == ["IRNA", "Reuters", "Tasnim"]
