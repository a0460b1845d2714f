"""Every error the server sends: one JSON shape, one status per kind of mistake.

    {"error": "bad_parameter", "message": "since: bad date '2024-13-01' …", "detail": …}

400 a query parameter or a body that is not JSON; 401 no token; 403 wrong token,
or a feature the operator left off; 404 no such event, article or page; 405
wrong method; 413 body too large; 415 body not JSON; 422 a JSON body with
wrong or missing fields, or text that is not a Persian article; 429 too many
requests; 503 the server is busy extracting. Pages (not /api) get the same
status with a short HTML page.
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_body",
    429: "too_many_requests",
    503: "busy",
}


class ApiError(Exception):
    """Raised by a view; becomes the JSON error above."""

    def __init__(self, status: int, message: str, code: str | None = None, detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.detail = detail
        self.headers = headers or {}


def error_body(status: int, message: str, code: str | None = None, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": code or CODES.get(status, "error"), "message": message}
    if detail is not None:
        body["detail"] = detail
    return body


def error_response(request: Request | None, error: ApiError) -> Response:
    path = request.url.path if request is not None else "/api"
    if not path.startswith("/api") and error.status in (404, 405):
        page = f"<!doctype html><meta charset=utf-8><title>rasad: {error.status}</title><h1>{error.status}</h1><p>{html.escape(error.message)}</p><p><a href=/>rasad</a></p>"
        return HTMLResponse(page, status_code=error.status, headers=error.headers)
    return JSONResponse(error_body(error.status, error.message, error.code, error.detail), status_code=error.status, headers=error.headers)


def _validation_message(errors: list[Any]) -> tuple[int, str, list[dict[str, Any]]]:
    """400 for the query string, the path or a body that is not JSON at all; 422 for wrong fields."""
    detail = [{"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in errors]
    first = detail[0] if detail else {"loc": [], "msg": "invalid request", "type": ""}
    where = first["loc"][0] if first["loc"] else ""
    status = 400 if where in ("query", "path", "header") or first["type"] == "json_invalid" else 422
    name = ".".join(first["loc"][1:]) or where or "request"
    message = "the body is not valid JSON" if first["type"] == "json_invalid" else f"{name}: {first['msg']}"
    return status, message, detail


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the shape above."""

    async def on_api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(request, error)

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        status, message, detail = _validation_message(list(error.errors()))
        return error_response(request, ApiError(status, message, "bad_parameter" if status == 400 else None, detail))

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        message = {404: "no such page", 405: "method not allowed"}.get(error.status_code, str(error.detail))
        return error_response(request, ApiError(error.status_code, message, headers=dict(error.headers or {})))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
