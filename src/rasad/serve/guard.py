"""Plain ASGI middleware that guards the app: body size, request rate, and security headers.

- BodyLimit reads a request body only up to the limit (the declared
  Content-Length is checked first) and answers 413 past it, before any view runs.
- RateLimit keeps one token bucket per client address: `per_minute` requests,
  bursts of a tenth of that; POST requests draw on a second, smaller bucket.
  Static files are not counted. Past the limit: 429 with Retry-After.
- SecurityHeaders adds a strict Content-Security-Policy (scripts and styles
  only from this server, no inline script), nosniff, no framing, no referrer.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from rasad.serve.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_CLIENTS = 10_000  # buckets kept; the fullest are forgotten first


async def send_error(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(error_body(status, message)).encode()
    base = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": base + (headers or [])})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        too_large = f"the body is larger than {self.max_bytes} bytes"
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await send_error(send, 413 if declared.isdigit() else 400, too_large if declared.isdigit() else "bad Content-Length")
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await send_error(send, 413, too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


@dataclass
class Buckets:
    """Token buckets keyed by client: `per_minute` tokens a minute, holding at most `burst`."""

    per_minute: int
    burst: int
    levels: dict[str, tuple[float, float]] = field(default_factory=dict)  # client → (tokens, at)

    def take(self, client: str, now: float) -> float:
        """0 if the request may go ahead, else the seconds until it may."""
        rate = self.per_minute / 60.0
        tokens, at = self.levels.get(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - at) * rate)
        if tokens < 1.0:
            self.levels[client] = (tokens, now)
            return (1.0 - tokens) / rate
        self.levels[client] = (tokens - 1.0, now)
        if len(self.levels) > MAX_CLIENTS:
            self._forget(now)
        return 0.0

    def _forget(self, now: float) -> None:
        rate = self.per_minute / 60.0
        fullest = sorted(self.levels, key=lambda c: -(self.levels[c][0] + (now - self.levels[c][1]) * rate))
        for client in fullest[: len(fullest) // 2]:
            del self.levels[client]


class RateLimit:
    def __init__(self, app: ASGIApp, per_minute: int, write_per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.reads = Buckets(per_minute, max(1, per_minute // 10)) if per_minute > 0 else None
        self.writes = Buckets(write_per_minute, max(1, write_per_minute // 10)) if write_per_minute > 0 else None
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        now = self.clock()
        for buckets in (self.reads, self.writes if scope["method"] == "POST" else None):
            wait = buckets.take(client, now) if buckets is not None else 0.0
            if wait > 0:
                retry = str(max(1, math.ceil(wait)))
                await send_error(send, 429, f"too many requests: try again in {retry} s", [(b"retry-after", retry.encode())])
                return
        await self.app(scope, receive, send)


def content_security_policy(tile_origin: str | None) -> str:
    images = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; font-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


class SecurityHeaders:
    def __init__(self, app: ASGIApp, tile_origin: str | None = None) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy(tile_origin).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)
