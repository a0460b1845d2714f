"""A page of events as JSON, GeoJSON or ACLED-style CSV, with the paging links.

GeoJSON features and CSV rows come from rasad.export (geojson.feature,
acled.write_acled_csv), so they are exactly what `rasad export` writes.
"""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import URL
from starlette.responses import Response

from rasad.export.acled import write_acled_csv
from rasad.export.geojson import feature
from rasad.serve.params import EventQuery
from rasad.serve.views import EventPage, event_summary

MEDIA_TYPES = {"json": "application/json", "geojson": "application/geo+json", "csv": "text/csv; charset=utf-8"}


def next_url(url: URL, query: EventQuery, total: int) -> str | None:
    """The URL of the following page (same filters), or None on the last page."""
    following = query.offset + query.limit
    if following >= total:
        return None
    params = [(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if k != "offset"]
    params.append(("offset", str(following)))
    return str(url.replace(query=urlencode(params)))


def paging(url: URL, query: EventQuery, page: EventPage) -> dict[str, Any]:
    return {"total": page.total, "limit": query.limit, "offset": query.offset, "count": len(page.events), "next": next_url(url, query, page.total)}


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def render(fmt: str, url: URL, query: EventQuery, page: EventPage) -> Response:
    """The page in `fmt`; the total and the next page's URL also go in headers (X-Total-Count, Link)."""
    info = paging(url, query, page)
    headers = {"X-Total-Count": str(page.total)}
    if info["next"]:
        headers["Link"] = f'<{info["next"]}>; rel="next"'
    if fmt == "csv":
        out = io.StringIO()
        write_acled_csv(page.events, out)
        return Response(out.getvalue().encode("utf-8"), media_type=MEDIA_TYPES["csv"], headers=headers)
    if fmt == "geojson":
        features = [found for event in page.events if (found := feature(event)) is not None]
        body: dict[str, Any] = {"type": "FeatureCollection", **info, "left_out": len(page.events) - len(features), "features": features}
        return Response(dumps(body), media_type=MEDIA_TYPES["geojson"], headers=headers)
    events = [event_summary(event, row) for event, row in zip(page.events, page.rows, strict=True)]
    return Response(dumps({**info, "events": events}), media_type=MEDIA_TYPES["json"], headers=headers)
