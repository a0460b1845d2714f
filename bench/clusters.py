"""Clustering quality: pairwise precision, recall and F1 of the store's event clusters on tests/clusters.

    python bench/clusters.py [--db PATH_OR_URL | --postgres URL] [--show]

The dev set (tests/clusters/gold.yaml) lists reports (development gold articles
and rewrites of their events as other outlets would tell them, plus other events
of the same day and place) and, for each report, the real events it tells of.
Every report is ingested with `rasad ingest`'s own job (real pipeline, real
store, clusters rebuilt at the end) into a temporary SQLite file, or `--db`, or a
fresh schema of the PostgreSQL database `--postgres` (dropped afterwards).

Each gold event of a report is matched to the stored events of that article that
report it: the same PLOVER type, a date whose window (precision-aware) comes within
a day of the gold day, and the gold place when one is given (see `match`). Pairs
are counted over all gold events: a pair is predicted together when the two share
a cluster, truly together when they have the same gold cluster. A gold event the
pipeline missed is alone, so extraction misses count against recall. `--show`
lists the events not found and the pairs split or merged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.engine import make_url

from rasad.config import Settings, default_cache_dir
from rasad.ingest.job import IngestOptions, ingest
from rasad.model import Article
from rasad.pipeline import Pipeline, default_pipeline
from rasad.store import Store
from rasad.store.dedupe import Report, date_window
from rasad.store.engine import make_engine
from rasad.store.tables import articles, events

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "clusters"
GOLD_ARTICLES = ROOT / "tests" / "gold"
FORMAT = "rasad.clusters/1"
DAY_SLACK = 1


@dataclass(frozen=True)
class GoldEvent:
    report: str
    cluster: str
    type: str
    date: str
    place: str | None = None


@dataclass
class DevSet:
    clusters: dict[str, str]  # id → what happened
    reports: dict[str, Article]  # report name → the article to ingest (its id is the name)
    events: list[GoldEvent]

    def multi_report_clusters(self) -> list[str]:
        reports: dict[str, set[str]] = {}
        for event in self.events:
            reports.setdefault(event.cluster, set()).add(event.report)
        return sorted(c for c, members in reports.items() if len(members) >= 2)


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    gold_events: int
    matched: int
    split: list[tuple[GoldEvent, GoldEvent]] = field(default_factory=list)  # together in truth, apart in the store
    merged: list[tuple[GoldEvent, GoldEvent]] = field(default_factory=list)  # apart in truth, together in the store
    unmatched: list[GoldEvent] = field(default_factory=list)


class DevSetError(ValueError):
    """gold.yaml is inconsistent; the message says where."""


def load_dev_set(folder: Path = DEV_SET) -> DevSet:
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise DevSetError(f"{folder / 'gold.yaml'}: format is not {FORMAT}")
    clusters: dict[str, str] = {str(k): str(v) for k, v in data["clusters"].items()}
    reports: dict[str, Article] = {}
    gold: list[GoldEvent] = []
    for name, entry in data["reports"].items():
        reports[name] = _article(folder, str(name), entry)
        for item in entry.get("events") or []:
            event = GoldEvent(name, str(item["cluster"]), str(item["type"]), str(item["date"]), item.get("place"))
            if event.cluster not in clusters:
                raise DevSetError(f"{name}: cluster {event.cluster!r} is not described under clusters")
            dt.date.fromisoformat(event.date)
            gold.append(event)
        if not entry.get("events"):
            raise DevSetError(f"{name}: no events")
    unused = set(clusters) - {e.cluster for e in gold}
    if unused:
        raise DevSetError(f"clusters without reports: {sorted(unused)}")
    return DevSet(clusters, reports, gold)


def _article(folder: Path, name: str, entry: dict[str, Any]) -> Article:
    if name.startswith("gold/"):
        stem = GOLD_ARTICLES / name.removeprefix("gold/")
        meta = json.loads(stem.with_suffix(".gold.json").read_text(encoding="utf-8"))["article"]
        text, outlet, published = stem.with_suffix(".txt").read_text(encoding="utf-8"), meta["outlet"], meta["published"]
    else:
        text = (folder / "reports" / f"{name}.txt").read_text(encoding="utf-8")
        outlet, published = entry["outlet"], str(entry["published"])
    return Article(id=name, text=text, published=str(published), outlet=str(outlet), origin=f"tests/clusters:{name}")


class Prebuilt:
    """A pipeline factory handing out one already-built pipeline (extraction in this process)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def __call__(self, _settings: Settings) -> Pipeline:
        return self.pipeline


def ingest_dev_set(dev: DevSet, store: Store, pipeline: Pipeline) -> None:
    options = IngestOptions(workers=1, factory=Prebuilt(pipeline))  # type: ignore[arg-type]
    report = ingest(list(dev.reports.values()), store, options)
    if report.skipped or report.new != len(dev.reports):
        raise SystemExit(f"clusters: unexpected ingest result: {report.detail()} {report.skipped}")


def stored_events(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Report name → its stored events (uid, seq, type, date, precision, place, cluster) in text order."""
    query = (
        select(articles.c.source_id, events.c.uid, events.c.seq, events.c.type, events.c.date, events.c.date_precision, events.c.location_name, events.c.cluster_id)
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(articles.c.source_id, events.c.seq)
    )
    found: dict[str, list[dict[str, Any]]] = {}
    with store.connect() as connection:
        for row in connection.execute(query).mappings():
            found.setdefault(row["source_id"], []).append(dict(row))
    return found


def _close_enough(gold_day: dt.date, stored: dict[str, Any]) -> bool:
    window = date_window(Report(uid="", article_id=0, type="", date=stored["date"], date_precision=stored["date_precision"]))
    if window is None:
        return False
    return window[0] - dt.timedelta(days=DAY_SLACK) <= gold_day <= window[1] + dt.timedelta(days=DAY_SLACK)


def match(dev: DevSet, stored: dict[str, list[dict[str, Any]]]) -> dict[GoldEvent, list[dict[str, Any]]]:
    """Each gold event → the stored events of its article that report it (empty when the pipeline missed it).

    Those are the events of the same PLOVER type whose date comes within a day of the gold day and, when the
    gold names a place, that are at that place. An article may hold more than one: the pipeline sometimes
    codes one event twice (an attack and the clash it turned into); the store never merges two events of
    one article, so a pair counts as linked when any report of the one shares a cluster with any of the other.
    """
    matched: dict[GoldEvent, list[dict[str, Any]]] = {}
    for gold in dev.events:
        day = dt.date.fromisoformat(gold.date)
        matched[gold] = [
            s
            for s in stored.get(gold.report, [])
            if s["type"] == gold.type and _close_enough(day, s) and (gold.place is None or s["location_name"] == gold.place)
        ]
    return matched


def pairwise(gold: list[GoldEvent], predicted: dict[GoldEvent, set[str]]) -> Scores:
    """Pairwise precision/recall/F1 of `predicted` (gold event → the clusters its reports are in; empty when
    not found) against the gold clusters: a pair is predicted together when the two share a cluster."""
    true_pairs = predicted_pairs = correct = 0
    split: list[tuple[GoldEvent, GoldEvent]] = []
    merged: list[tuple[GoldEvent, GoldEvent]] = []
    for a, b in combinations(gold, 2):
        together = a.cluster == b.cluster
        guessed = bool(predicted.get(a, set()) & predicted.get(b, set()))
        true_pairs += together
        predicted_pairs += guessed
        correct += together and guessed
        if together and not guessed:
            split.append((a, b))
        elif guessed and not together:
            merged.append((a, b))
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    unmatched = [e for e in gold if not predicted.get(e)]
    return Scores(precision, recall, f1, true_pairs, predicted_pairs, correct, len(gold), len(gold) - len(unmatched), split, merged, unmatched)


def evaluate(target: str, pipeline: Pipeline, dev: DevSet | None = None) -> Scores:
    """Ingest the dev set into the (empty) store at `target` and score its clusters."""
    dev = dev or load_dev_set()
    store = Store.open(target)
    try:
        ingest_dev_set(dev, store, pipeline)
        matched = match(dev, stored_events(store))
    finally:
        store.close()
    return pairwise(dev.events, {gold: {s["cluster_id"] for s in reports if s["cluster_id"]} for gold, reports in matched.items()})


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A URL whose tables go into a new, empty schema, dropped afterwards."""
    schema = f"rasad_clusters_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    parsed = make_url(url)
    options = parsed.query.get("options") or ""
    if isinstance(options, tuple):
        options = " ".join(options)
    try:
        yield parsed.update_query_dict({"options": f"{options} -csearch_path={schema}".strip()}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def _label(event: GoldEvent) -> str:
    return f"{event.report} [{event.cluster}]"


def print_scores(dev: DevSet, scores: Scores, engine: str, show: bool) -> None:
    multi = dev.multi_report_clusters()
    print(
        f"dev set: {len(dev.reports)} reports, {len(dev.events)} gold events in {len(dev.clusters)} real events "
        f"({len(multi)} told by two or more reports)"
    )
    print(f"matched to stored events: {scores.matched}/{scores.gold_events}")
    print(
        f"pairwise on {engine}: precision {scores.precision:.3f} ({scores.correct_pairs}/{scores.predicted_pairs}), "
        f"recall {scores.recall:.3f} ({scores.correct_pairs}/{scores.true_pairs}), F1 {scores.f1:.3f}"
    )
    if show:
        for event in scores.unmatched:
            print(f"  not found: {_label(event)} {event.type} {event.date}")
        for a, b in scores.split:
            print(f"  split:  {_label(a)}  |  {_label(b)}")
        for a, b in scores.merged:
            print(f"  merged: {_label(a)}  |  {_label(b)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", help="an empty store to fill: SQLite path or postgresql:// URL [default: a temporary SQLite file]")
    where.add_argument("--postgres", metavar="URL", help="a PostgreSQL database: the set goes into a fresh schema, dropped afterwards")
    parser.add_argument("--show", action="store_true", help="list the gold events not found and the pairs split or merged")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    dev = load_dev_set()
    pipeline = default_pipeline(Settings(cache_dir=default_cache_dir()))
    with tempfile.TemporaryDirectory() as scratch:
        if args.postgres:
            with postgres_schema(args.postgres) as target:
                scores, engine = evaluate(target, pipeline, dev), "PostgreSQL"
        else:
            target = args.db or str(Path(scratch) / "clusters.db")
            scores = evaluate(target, pipeline, dev)
            engine = "PostgreSQL" if target.startswith("postgres") else "SQLite"
    if args.json:
        values = asdict(scores)
        for key in ("split", "merged", "unmatched"):
            values[key] = len(values[key])
        print(json.dumps(values, indent=1))
    else:
        print_scores(dev, scores, engine, args.show)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
