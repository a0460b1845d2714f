"""Score predicted `rasad.document/1` dicts against `rasad.gold/1` answers: pure functions, no I/O.

Events. A prediction is compatible with a gold event when
- the PLOVER types are equal;
- the dates fit: |pred − gold| ≤ tolerance_days; checked only when both have a date;
- the places fit: a prediction's coordinates lie within `radius_km` of one gold
  point (haversine), or the prediction claims no finer place (geo_precision 3, or
  no coordinates) and the gold has a country-level option of the same country; a
  prediction with no location at all fits any country-level option; a gold event
  without `location_any` fits any place.
Compatible pairs are matched one-to-one, best match first (most arguments right,
then required gold before optional, then the closer date and place, then order).
Precision = matched predictions / predictions; recall = matched required gold /
required gold: optional gold (`required: false`) neither costs recall when missed
nor makes a false alarm when found.

Arguments of matched pairs are scored by `rasad.evaluate.arguments`.

Mentions: recall of the gold `entities`, found as `rasad.evaluate.mentions` says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasad.evaluate.arguments import (
    ARGUMENTS,
    argument_results,
    date_fits,
    day_distance,
    location_distance,
)
from rasad.evaluate.mentions import EntityResult, entity_result

Json = dict[str, Any]
__all__ = ["ARGUMENTS", "ArticleScore", "Ratio", "Score", "Tally", "match_events", "score", "score_article"]


# ---------------------------------------------------------------- ratios and tallies


@dataclass(frozen=True)
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.right + other.right, self.total + other.total)

    def to_dict(self) -> Json:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(frozen=True)
class Tally:
    """Event counts: predictions (and how many matched), required gold (and how many matched)."""

    predicted: int = 0
    predicted_matched: int = 0
    required: int = 0
    required_matched: int = 0
    optional_matched: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.required_matched / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.predicted + other.predicted,
            self.predicted_matched + other.predicted_matched,
            self.required + other.required,
            self.required_matched + other.required_matched,
            self.optional_matched + other.optional_matched,
        )

    def to_dict(self) -> Json:
        return {
            "predicted": self.predicted,
            "predicted_matched": self.predicted_matched,
            "required": self.required,
            "required_matched": self.required_matched,
            "optional_matched": self.optional_matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class Candidate:
    gold_index: int
    pred_index: int
    key: tuple[float, ...]  # smaller is better


def candidate(
    gold_index: int, gold: Mapping[str, Any], pred_index: int, pred: Mapping[str, Any]
) -> Candidate | None:
    """The pair if the prediction is compatible with the gold event, with its ranking key."""
    if gold.get("type") != pred.get("type") or not date_fits(gold, pred):
        return None
    km = location_distance(gold, pred)
    if km is None:
        return None
    right = sum(1 for ok in argument_results(gold, pred).values() if ok)
    days = float(day_distance(gold, pred) or 0)
    key = (
        -float(right),
        0.0 if gold.get("required", True) else 1.0,
        days,
        km,
        float(gold_index),
        float(pred_index),
    )
    return Candidate(gold_index, pred_index, key)


def match_events(
    gold_events: Sequence[Mapping[str, Any]], pred_events: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best match first, sorted by gold index."""
    candidates = [
        c
        for gi, gold in enumerate(gold_events)
        for pi, pred in enumerate(pred_events)
        if (c := candidate(gi, gold, pi, pred)) is not None
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: c.key):
        if c.gold_index not in used_gold and c.pred_index not in used_pred:
            used_gold.add(c.gold_index)
            used_pred.add(c.pred_index)
            pairs.append((c.gold_index, c.pred_index))
    return sorted(pairs)


# ---------------------------------------------------------------- articles and corpus


@dataclass(frozen=True)
class EventMatch:
    gold_id: str
    type: str
    required: bool
    pred_index: int
    arguments: dict[str, bool | None]

    def to_dict(self) -> Json:
        return {
            "gold_id": self.gold_id,
            "type": self.type,
            "required": self.required,
            "pred_index": self.pred_index,
            "arguments": self.arguments,
        }


@dataclass(frozen=True)
class ArticleScore:
    id: str
    matches: tuple[EventMatch, ...]
    misses: tuple[Json, ...]  # required gold events with no prediction
    false_alarms: tuple[Json, ...]  # predictions matching no gold event
    per_type: dict[str, Tally]
    entities: tuple[EntityResult, ...]

    @property
    def events(self) -> Tally:
        return sum(self.per_type.values(), Tally())

    def to_dict(self) -> Json:
        return {
            "id": self.id,
            "events": self.events.to_dict(),
            "matches": [m.to_dict() for m in self.matches],
            "misses": list(self.misses),
            "false_alarms": list(self.false_alarms),
            "entities_missed": [e.to_dict() for e in self.entities if not e.found],
            "entities_unlocated": [e.to_dict() for e in self.entities if not e.located],
        }


def miss_summary(gold: Mapping[str, Any]) -> Json:
    return {"id": gold.get("id"), "type": gold.get("type"), "what": gold.get("what")}


def false_alarm_summary(index: int, pred: Mapping[str, Any], text: str) -> Json:
    evidence = pred.get("evidence") or []
    snippet = text[int(evidence[0]["start"]) : int(evidence[0]["end"])][:120] if evidence else None
    location = pred.get("location") or {}
    actor1 = pred.get("actor1") or {}
    return {
        "index": index,
        "type": pred.get("type"),
        "date": (pred.get("date") or {}).get("value"),
        "location": location.get("name"),
        "actor1": actor1.get("name") or actor1.get("text"),
        "evidence": snippet,
    }


def type_tallies(
    gold_events: Sequence[Json], pred_events: Sequence[Json], pairs: Sequence[tuple[int, int]]
) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}

    def add(kind: str, tally: Tally) -> None:
        tallies[kind] = tallies.get(kind, Tally()) + tally

    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, gold in enumerate(gold_events):
        required = bool(gold.get("required", True))
        hit = gi in matched_gold
        add(
            str(gold["type"]),
            Tally(
                required=int(required),
                required_matched=int(required and hit),
                optional_matched=int(hit and not required),
            ),
        )
    for pi, pred in enumerate(pred_events):
        add(str(pred.get("type")), Tally(predicted=1, predicted_matched=int(pi in matched_pred)))
    return tallies


def score_article(article_id: str, gold: Mapping[str, Any], document: Mapping[str, Any]) -> ArticleScore:
    """One article: the event matching, its misses and false alarms, and the gold entities found."""
    gold_events: list[Json] = list(gold.get("events", []))
    pred_events: list[Json] = list(document.get("events") or [])
    text = str(document.get("text") or "")
    pairs = match_events(gold_events, pred_events)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    matches = tuple(
        EventMatch(
            str(gold_events[gi]["id"]),
            str(gold_events[gi]["type"]),
            bool(gold_events[gi].get("required", True)),
            pi,
            argument_results(gold_events[gi], pred_events[pi]),
        )
        for gi, pi in pairs
    )
    misses = tuple(
        miss_summary(g)
        for gi, g in enumerate(gold_events)
        if gi not in matched_gold and g.get("required", True)
    )
    false_alarms = tuple(
        false_alarm_summary(pi, p, text) for pi, p in enumerate(pred_events) if pi not in matched_pred
    )
    mentions: list[Json] = list(document.get("mentions") or [])
    entities = tuple(entity_result(e, text, mentions) for e in gold.get("entities", []))
    return ArticleScore(
        article_id, matches, misses, false_alarms, type_tallies(gold_events, pred_events, pairs), entities
    )


@dataclass(frozen=True)
class Score:
    articles: tuple[ArticleScore, ...]
    per_type: dict[str, Tally] = field(default_factory=dict)
    arguments: dict[str, Ratio] = field(default_factory=dict)
    mentions: Ratio = Ratio()
    mentions_per_kind: dict[str, Ratio] = field(default_factory=dict)

    @property
    def events(self) -> Tally:
        return sum(self.per_type.values(), Tally())

    def to_dict(self) -> Json:
        return {
            "events": self.events.to_dict(),
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "arguments": {k: v.to_dict() for k, v in self.arguments.items()},
            "mentions": {
                "recall": self.mentions.to_dict(),
                "per_kind": {k: v.to_dict() for k, v in sorted(self.mentions_per_kind.items())},
            },
            "articles": [a.to_dict() for a in self.articles],
        }


def merge_tallies(parts: Iterable[Mapping[str, Tally]]) -> dict[str, Tally]:
    merged: dict[str, Tally] = {}
    for part in parts:
        for kind, tally in part.items():
            merged[kind] = merged.get(kind, Tally()) + tally
    return merged


def argument_accuracy(matches: Iterable[EventMatch]) -> dict[str, Ratio]:
    ratios = {name: Ratio() for name in ARGUMENTS}
    for match in matches:
        for name, ok in match.arguments.items():
            if ok is not None:
                ratios[name] += Ratio(int(ok), 1)
    return ratios


def mention_recall(entities: Iterable[EntityResult]) -> tuple[Ratio, dict[str, Ratio]]:
    per_kind: dict[str, Ratio] = {}
    for entity in entities:
        per_kind[entity.kind] = per_kind.get(entity.kind, Ratio()) + Ratio(int(entity.found), 1)
    return sum(per_kind.values(), Ratio()), per_kind


def score(items: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]]) -> Score:
    """Score (article id, gold dict, predicted document dict) triples."""
    articles = tuple(score_article(article_id, gold, document) for article_id, gold, document in items)
    total, per_kind = mention_recall(e for a in articles for e in a.entities)
    return Score(
        articles=articles,
        per_type=merge_tallies(a.per_type for a in articles),
        arguments=argument_accuracy(m for a in articles for m in a.matches),
        mentions=total,
        mentions_per_kind=per_kind,
    )
