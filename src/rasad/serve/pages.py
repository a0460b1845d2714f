"""The HTML pages: the explorer (/), and one page per event and per article.

/events/{id} and /articles/{id} render the very dict that /api/events/{id} and
/api/articles/{id} send (rasad.serve.views), so each page has a JSON twin that
cannot disagree with it. Templates autoescape everything; the article text is
cut into pieces at the highlight boundaries and each piece is escaped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection
from starlette.responses import Response

from rasad import __version__
from rasad.serve import views
from rasad.serve.errors import ApiError
from rasad.serve.highlights import segments
from rasad.serve.reading import reading
from rasad.serve.settings import ServeSettings

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
FIELD_LABELS = {
    "evidence": "evidence",
    "trigger": "trigger",
    "actor1": "actor 1",
    "actor2": "actor 2",
    "location": "place",
    "origin": "origin",
    "date": "date",
    "fatalities": "fatalities",
    "injured": "injured",
}

router = APIRouter(include_in_schema=False)


def page_config(settings: ServeSettings) -> dict[str, Any]:
    """What the page's script needs to know about this server (sent as data attributes, escaped)."""
    return {
        "tileUrl": settings.tile_url or "",
        "tileAttribution": settings.tile_attribution,
        "extract": "open" if settings.open_extract else ("token" if settings.token else "off"),
        "ingest": "token" if settings.token and settings.writable else "off",
        "version": __version__,
    }


@router.get("/")
def index(request: Request) -> Response:
    settings: ServeSettings = request.app.state.settings
    config = json.dumps(page_config(settings))
    return TEMPLATES.TemplateResponse(request, "index.html", {"config": config, "labels": FIELD_LABELS})


# the pages are read and rendered (Jinja) in a reading thread: a long article takes milliseconds to render,
# which the event loop, answering everyone, should not spend


@router.get("/events/{event_id}")
async def event_page(request: Request, event_id: str) -> Response:
    return await reading(request, lambda connection: _event_page(request, connection, event_id))


def _event_page(request: Request, connection: Connection, event_id: str) -> Response:
    event = views.event_detail(connection, event_id)
    if event is None:
        raise ApiError(404, f"no event {event_id!r}")
    texts = {r["article"]["id"]: (views.reader.select_article(connection, r["article"]["id"]) or {}).get("text") or "" for r in event["reports"]}
    reports = [{**r, "pieces": segments(texts[r["article"]["id"]], r["highlights"])} for r in event["reports"]]
    context = {"event": event, "reports": reports, "labels": FIELD_LABELS, "twin": f"/api/events/{event_id}"}
    return TEMPLATES.TemplateResponse(request, "event.html", context)


@router.get("/articles/{article_id}")
async def article_page(request: Request, article_id: int) -> Response:
    return await reading(request, lambda connection: _article_page(request, connection, article_id))


def _article_page(request: Request, connection: Connection, article_id: int) -> Response:
    article = views.article_detail(connection, article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id}")
    spans = [s for event in article["events"] for s in event["highlights"]]
    context = {"article": article, "pieces": segments(article["text"], spans), "labels": FIELD_LABELS, "twin": f"/api/articles/{article_id}"}
    return TEMPLATES.TemplateResponse(request, "article.html", context)
