"""A page of events as JSON, GeoJSON or ACLED-style CSV, with the paging links.

Each event is rendered on its own (rasad.serve.renderings: export's GeoJSON
feature and CSV row, so they are exactly what `rasad export` writes) and the
page is those renderings joined, byte for byte what serialising the whole page
at once would give.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import Connection
from starlette.datastructures import URL
from starlette.responses import Response

from rasad.serve import reader
from rasad.serve.counts import Counts
from rasad.serve.params import EventQuery
from rasad.serve.renderings import NO_FEATURE, Renderings, csv_header, dumps, render_row

MEDIA_TYPES = {"json": "application/json", "geojson": "application/geo+json", "csv": "text/csv; charset=utf-8"}


@dataclass(frozen=True)
class EventPage:
    total: int
    parts: list[bytes]  # the page's events rendered in its format, in order (NO_FEATURE: GeoJSON without coordinates)


def read_page(connection: Connection, query: EventQuery, fmt: str, renderings: Renderings | None = None, counts: Counts | None = None) -> EventPage:
    """The page's events in `fmt`: those rendered before come from `renderings`, the others are read and rendered
    (GeoJSON and CSV need each event's reports too: they count them, and take origin and quantity from the lead);
    the filter's total comes from `counts` when it was counted before."""
    total, ids = reader.page_ids(connection, query, counts)
    token, parts = renderings.lookup(fmt, ids) if renderings is not None else (None, {})
    missing = [event_id for event_id in ids if event_id not in parts]
    if missing:
        fresh = {row["id"]: render_row(fmt, row) for row in reader.cluster_rows(connection, missing, with_reports=fmt != "json")}
        if renderings is not None:
            renderings.keep(token, fmt, fresh)
        parts.update(fresh)
    return EventPage(total, [parts[event_id] for event_id in ids if event_id in parts])


def next_url(url: URL, query: EventQuery, total: int) -> str | None:
    """The URL of the following page (same filters), or None on the last page."""
    following = query.offset + query.limit
    if following >= total:
        return None
    params = [(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if k != "offset"]
    params.append(("offset", str(following)))
    return str(url.replace(query=urlencode(params)))


def paging(url: URL, query: EventQuery, page: EventPage) -> dict[str, Any]:
    return {"total": page.total, "limit": query.limit, "offset": query.offset, "count": len(page.parts), "next": next_url(url, query, page.total)}


def joined(head: dict[str, Any], key: str, parts: list[bytes]) -> bytes:
    """`head` as a JSON object with one more member, `key`: the array of the (already JSON) `parts`."""
    return dumps(head)[:-1] + f',"{key}":['.encode() + b",".join(parts) + b"]}"


def render(fmt: str, url: URL, query: EventQuery, page: EventPage) -> Response:
    """The page in `fmt`; the total and the next page's URL also go in headers (X-Total-Count, Link)."""
    info = paging(url, query, page)
    headers = {"X-Total-Count": str(page.total)}
    if info["next"]:
        headers["Link"] = f'<{info["next"]}>; rel="next"'
    if fmt == "csv":
        return Response(csv_header() + b"".join(page.parts), media_type=MEDIA_TYPES["csv"], headers=headers)
    if fmt == "geojson":
        features = [part for part in page.parts if part != NO_FEATURE]
        head = {"type": "FeatureCollection", **info, "left_out": len(page.parts) - len(features)}
        return Response(joined(head, "features", features), media_type=MEDIA_TYPES["geojson"], headers=headers)
    return Response(joined(info, "events", page.parts), media_type=MEDIA_TYPES["json"], headers=headers)
