"""The JSON API under /api: thin handlers that parse, call a view, and send its result."""

from __future__ import annotations

import hmac
import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.routing import APIRoute
from pydantic import ValidationError
from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from rasad.serve import views
from rasad.serve.counts import Counts
from rasad.serve.errors import ApiError
from rasad.serve.extraction import ArticleInput, Busy, Extraction, Rejected, to_article
from rasad.serve.formats import read_page, render
from rasad.serve.params import (
    BadParameter,
    EventQuery,
    parse_filter,
    parse_format,
    parse_page,
    parse_q,
    parse_sort,
)
from rasad.serve.reading import reading
from rasad.serve.renderings import Renderings, dumps
from rasad.serve.schemas import ArticleBody, ArticleDetail, Error, EventDetail, EventList, IngestResult, Stats
from rasad.serve.settings import ServeSettings
from rasad.store import EventFilter

router = APIRouter(prefix="/api")

ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error, "description": "A bad query parameter"}}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Error, "description": text}
    for status, text in (
        (400, "The body is not JSON"),
        (401, "No token given"),
        (403, "Wrong token, or the endpoint is off on this server"),
        (413, "The body is too large"),
        (415, "The body is not application/json"),
        (422, "Missing or wrong fields, or a text that is not a Persian article (code E103–E106, E112)"),
        (429, "Too many requests"),
        (503, "Too many extractions waiting"),
    )
}
ARTICLE_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": ArticleBody.model_json_schema()}}}}
FILTER_HELP = {
    "since": "Events on or after this date (YYYY-MM-DD; Jalali accepted)",
    "until": "Events on or before this date",
    "country": "ISO 3166-1 alpha-3 country; repeat or separate with commas",
    "type": "PLOVER type, ACLED event type or sub-event type; repeat or separate with commas",
    "actor": "Part of an actor's id or name; repeat: all must match",
    "bbox": "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT",
    "q": "Words in the articles (Persian, full text) or in the English place and actor names",
}
Since = Annotated[str | None, Query(description=FILTER_HELP["since"])]
Until = Annotated[str | None, Query(description=FILTER_HELP["until"])]
Countries = Annotated[list[str] | None, Query(description=FILTER_HELP["country"])]
Types = Annotated[list[str] | None, Query(alias="type", description=FILTER_HELP["type"])]
Actors = Annotated[list[str] | None, Query(description=FILTER_HELP["actor"])]
Bbox = Annotated[str | None, Query(description=FILTER_HELP["bbox"])]
Words = Annotated[str | None, Query(description=FILTER_HELP["q"])]


def _settings(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def _filter(since: str | None, until: str | None, country: list[str] | None, types: list[str] | None, actor: list[str] | None, bbox: str | None) -> EventFilter:
    try:
        return parse_filter(since, until, country, types, actor, bbox)
    except BadParameter as error:
        raise ApiError(400, str(error), "bad_parameter") from None


def _q(q: str | None) -> str | None:
    try:
        return parse_q(q)
    except BadParameter as error:
        raise ApiError(400, str(error), "bad_parameter") from None


def _json(value: Any) -> Response:
    return Response(dumps(value), media_type="application/json")


def _dumped(value: dict[str, Any] | None) -> bytes | None:
    """JSON in the reading thread: an article's text runs to many kilobytes, not for the event loop to encode."""
    return None if value is None else dumps(value)


@router.get("/events", response_model=EventList, responses={**ERRORS, 200: {"content": {"application/geo+json": {}, "text/csv": {}}}})
async def list_events(
    request: Request,
    since: Since = None,
    until: Until = None,
    country: Countries = None,
    types: Types = None,
    actor: Actors = None,
    bbox: Bbox = None,
    q: Words = None,
    sort: Annotated[str | None, Query(description="date, fatalities, injured, country, type, reports, updated or location; -KEY for descending [-date]")] = None,
    limit: Annotated[int | None, Query(description="Events per page [100]")] = None,
    offset: Annotated[int | None, Query(description="Events to skip [0]")] = None,
    format: Annotated[str | None, Query(description="json, geojson (only events with coordinates) or csv (ACLED columns) [json]")] = None,
) -> Response:
    """Events (one per real event, its reports merged), filtered as `rasad export` filters, sorted and paged."""
    try:
        fmt = parse_format(format)
        chosen_limit, chosen_offset = parse_page(limit, offset, _settings(request).max_limit)
        query = EventQuery(_filter(since, until, country, types, actor, bbox), _q(q), parse_sort(sort), chosen_limit, chosen_offset)
    except BadParameter as error:
        raise ApiError(400, str(error), "bad_parameter") from None
    return await events_page(request, fmt, query)


async def events_page(request: Request, fmt: str, query: EventQuery) -> Response:
    """The page of `query` in `fmt`, read in a reading thread: both routes of GET /api/events end here."""
    renderings: Renderings = request.app.state.renderings
    counts: Counts = request.app.state.counts
    page = await reading(request, lambda connection: read_page(connection, query, fmt, renderings, counts))
    return render(fmt, request.url, query, page)


# A number of events or events to skip as the fast path takes it: plain decimal digits, which pydantic turns
# into the same int. Anything else ("+5", " 5", "5.0", "1e3", a 30-digit number) goes to the documented route.
PLAIN_INT = re.compile(r"-?[0-9]{1,9}")


class NotPlain(ValueError):
    """A query string the fast path leaves to FastAPI, which parses and rejects it as documented."""


def plain_int(value: str | None) -> int | None:
    if value is None:
        return None
    if PLAIN_INT.fullmatch(value) is None:
        raise NotPlain(value)
    return int(value)


def plain_event_query(params: QueryParams, max_limit: int) -> tuple[str, EventQuery]:
    """(format, query) of a well-formed /api/events query string, read as FastAPI reads it for list_events:
    the last of a repeated single value, every one of a list (none: None); BadParameter or NotPlain else."""

    def many(name: str) -> list[str] | None:
        return params.getlist(name) or None

    where = parse_filter(params.get("since"), params.get("until"), many("country"), many("type"), many("actor"), params.get("bbox"))
    limit, offset = parse_page(plain_int(params.get("limit")), plain_int(params.get("offset")), max_limit)
    return parse_format(params.get("format")), EventQuery(where, parse_q(params.get("q")), parse_sort(params.get("sort")), limit, offset)


class FastEventList:
    """GET /api/events without FastAPI's routing, parameter injection and validation, which took 0.4 ms of a
    2.1 ms uncached page (in process, the benchmark's twelve queries). The route is mounted ahead of the
    documented one (list_events, which stays in the OpenAPI document); a query string that is not plainly
    valid is handed to that one, so every error answer is still FastAPI's or list_events', byte for byte."""

    def __init__(self, documented: BaseRoute) -> None:
        self.documented = documented

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            fmt, query = plain_event_query(request.query_params, _settings(request).max_limit)
        except (BadParameter, NotPlain):
            _, child = self.documented.matches(scope)
            scope.update(child)
            await self.documented.handle(scope, receive, send)
            return
        response = await events_page(request, fmt, query)
        await response(scope, receive, send)


def fast_event_list() -> Route:
    """The fast GET /api/events route, to be mounted before `router`."""
    documented = next(route for route in router.routes if isinstance(route, APIRoute) and route.path == "/api/events")
    route = Route("/api/events", FastEventList(documented), methods=["GET"], include_in_schema=False)
    route.methods = {"GET"}  # Starlette adds HEAD to a GET route; the documented one answers HEAD with 405
    return route


@router.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": Error}})
async def get_event(request: Request, event_id: str) -> Response:
    """One event: its coded fields, an English note, and every report with its sources and evidence spans."""
    found = await reading(request, lambda connection: _dumped(views.event_detail(connection, event_id)))
    if found is None:
        raise ApiError(404, f"no event {event_id!r}")
    return Response(found, media_type="application/json")


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses={**ERRORS, 404: {"model": Error}})
async def get_article(request: Request, article_id: int) -> Response:
    """One stored article: its text, every mention, every event with the spans behind its fields."""
    found = await reading(request, lambda connection: _dumped(views.article_detail(connection, article_id)))
    if found is None:
        raise ApiError(404, f"no article {article_id}")
    return Response(found, media_type="application/json")


@router.get("/stats", response_model=Stats, responses=ERRORS)
async def get_stats(
    request: Request,
    since: Since = None,
    until: Until = None,
    country: Countries = None,
    types: Types = None,
    actor: Actors = None,
    bbox: Bbox = None,
    q: Words = None,
) -> Response:
    """Counts of the matching events by day and type, type, ACLED type, country and actor, for charts."""
    where, text = _filter(since, until, country, types, actor, bbox), _q(q)
    return _json(await reading(request, lambda connection: views.stats(connection, where, text)))


def check_token(request: Request, anyone: bool = False) -> None:
    """Let the request through if it carries the operator's token (or `anyone` may call)."""
    if anyone:
        return
    token = _settings(request).token
    if token is None:
        raise ApiError(403, "this endpoint is off: the operator turns it on with `rasad serve --token …`")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "this endpoint needs the API token: send Authorization: Bearer TOKEN", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "wrong token")


async def read_article(request: Request) -> ArticleInput:
    """The JSON body as an ArticleInput: 415 if not JSON, 400 if it does not parse, 422 for wrong fields."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(415, f"send the article as application/json, not {content_type or 'nothing'}")
    try:
        data = json.loads(await request.body())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ApiError(400, f"the body is not valid JSON ({error})", "bad_body") from None
    try:
        body = ArticleBody.model_validate(data)
    except ValidationError as error:
        detail = [{"loc": ["body", *map(str, e["loc"])], "msg": e["msg"], "type": e["type"]} for e in error.errors()]
        first = detail[0]
        raise ApiError(422, f"{'.'.join(first['loc'][1:]) or 'body'}: {first['msg']}", detail=detail) from None
    return ArticleInput(body.text, body.published, body.outlet, body.title, body.url, body.id)


def _extraction(request: Request) -> Extraction:
    extraction: Extraction = request.app.state.extraction
    return extraction


@router.post("/extract", responses=WRITE_ERRORS, openapi_extra=ARTICLE_BODY)
async def extract(request: Request, highlights: Annotated[bool, Query(description="Add each event's highlight spans (as the page uses)")] = False) -> Response:
    """Run the pipeline on a pasted article and return its rasad.document/1 object; nothing is stored."""
    check_token(request, anyone=_settings(request).open_extract)
    given = await read_article(request)
    try:
        document = await _extraction(request).extract(to_article(given))
    except Rejected as error:
        raise ApiError(422, str(error), "invalid_article", {"code": error.code}) from None
    except Busy as error:
        raise ApiError(503, str(error), headers={"Retry-After": "5"}) from None
    return _json(views.document_highlights(document) if highlights else document)


@router.post("/ingest", response_model=IngestResult, responses=WRITE_ERRORS, openapi_extra=ARTICLE_BODY)
async def ingest(request: Request) -> Response:
    """Extract a pasted article and store it (an article with the same URL, or text, is replaced)."""
    check_token(request)
    if not _settings(request).writable:
        raise ApiError(403, "this server is read-only: the operator allows storing with `rasad serve --writable`")
    given = await read_article(request)
    try:
        result = await _extraction(request).ingest(to_article(given))
        request.app.state.db_version.bump()  # cached answers are stale now
    except Rejected as error:
        raise ApiError(422, str(error), "invalid_article", {"code": error.code}) from None
    except Busy as error:
        raise ApiError(503, str(error), headers={"Retry-After": "5"}) from None
    return Response(dumps(result), status_code=201 if result["status"] == "new" else 200, media_type="application/json")
