"""Each event of a list, rendered once per format and kept until the database changes.

A page of /api/events is its events' renderings joined: the JSON summary
(rasad.serve.views.event_summary), the GeoJSON feature (rasad.export.geojson)
or the ACLED CSV row (rasad.export.acled), each built from the event's
ExportEvent as `rasad export` builds it. Building them is most of a page's cost
(about 40 µs an event, against a few µs to find it), and the same events appear
in page after page of different filters and sorts, so each rendering is kept,
by format and event id, while the database stays the same: the same version
(rasad.serve.cache.DatabaseVersion: file size and times, and a counter bumped
after each stored article) that the response cache follows. When it changes,
every rendering is dropped. Unlike the response cache, this one serves queries
nobody asked before, as long as their events were shown once.

A store given as a database URL has no version the server can watch: nothing is
kept there, every event is rendered for every page.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections import OrderedDict
from typing import Any

from rasad.export.acled import ACLED_COLUMNS, acled_row
from rasad.export.geojson import feature
from rasad.export.rows import ExportEvent, from_cluster
from rasad.serve.cache import DatabaseVersion
from rasad.serve.views import event_summary

FORMATS = ("json", "geojson", "csv")
NO_FEATURE = b""  # the GeoJSON rendering of an event without coordinates: counted in left_out


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def csv_line(row: dict[str, Any]) -> bytes:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n").writerow(row)
    return out.getvalue().encode("utf-8")


def csv_header() -> bytes:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n").writeheader()
    return out.getvalue().encode("utf-8")


def render_event(fmt: str, event: ExportEvent, row: dict[str, Any]) -> bytes:
    """One event in `fmt`: a JSON object, a GeoJSON feature (NO_FEATURE without coordinates) or a CSV line."""
    if fmt == "json":
        return dumps(event_summary(event, row))
    if fmt == "geojson":
        found = feature(event)
        return NO_FEATURE if found is None else dumps(found)
    if fmt == "csv":
        return csv_line(acled_row(event))
    raise ValueError(f"no rendering for format {fmt!r}")


def render_row(fmt: str, row: dict[str, Any]) -> bytes:
    """A cluster row (with its "reports" for GeoJSON and CSV, which count them) rendered in `fmt`."""
    return render_event(fmt, from_cluster(row), row)


class Renderings:
    """The renderings memo: (format, event id) → bytes, for one database version at a time.

    `lookup` gives what is known and a token (the version it was read at); `keep` stores new renderings only
    if the version is still that token's, so a page read while the database changed is never kept for the
    new version. At most `max_entries` renderings, least recently used first out. Safe across threads."""

    def __init__(self, version: DatabaseVersion, max_entries: int) -> None:
        self.version = version
        self.max_entries = max_entries
        self.entries: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self.seen: tuple[Any, ...] | None = None
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def lookup(self, fmt: str, ids: list[str]) -> tuple[tuple[Any, ...] | None, dict[str, bytes]]:
        """(token for `keep`, the renderings already known among `ids`)."""
        if self.max_entries <= 0:
            return None, {}
        current = self.version.current()
        found: dict[str, bytes] = {}
        with self._lock:
            if current != self.seen:
                self.entries.clear()
                self.seen = current
            if current is None:
                return None, {}
            for event_id in ids:
                rendered = self.entries.get((fmt, event_id))
                if rendered is not None:
                    self.entries.move_to_end((fmt, event_id))
                    found[event_id] = rendered
            self.hits += len(found)
            self.misses += len(ids) - len(found)
        return current, found

    def keep(self, token: tuple[Any, ...] | None, fmt: str, rendered: dict[str, bytes]) -> None:
        if token is None or not rendered:
            return
        with self._lock:
            if token != self.seen:
                return
            for event_id, body in rendered.items():
                self.entries[(fmt, event_id)] = body
                self.entries.move_to_end((fmt, event_id))
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
