"""Polite HTTP fetching: timeouts, retries with back-off, a per-host rate limit, a User-Agent, a size cap.

Retried: time-outs, connection failures, HTTP 429 and 5xx (honouring a short
Retry-After). Not retried: other 4xx answers, oversized bodies. Every failure is a
SourceError with a numbered code; nothing here raises anything else.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from rasad import __version__
from rasad.ingest.codes import SourceError

USER_AGENT = f"rasad/{__version__} (Persian conflict-event research; +https://github.com/rasad-project/rasad)"
MAX_RETRY_AFTER = 30.0


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds to connect, and between two received chunks
    retries: int = 2  # further attempts after the first
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    per_host_delay: float = 1.0  # at least this many seconds between two requests to one host
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case: "text/html"
    charset: str | None
    body: bytes


@dataclass
class Fetcher:
    """One HTTP client for a whole batch; `get` returns a Fetched or raises SourceError."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _client: httpx.Client | None = None
    _last: dict[str, float] = field(default_factory=dict)

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.settings.user_agent, "Accept-Language": "fa,en;q=0.5"},
                timeout=httpx.Timeout(self.settings.timeout),
                follow_redirects=True,
                max_redirects=10,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str) -> Fetched:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError("E215", "only http:// and https:// URLs can be fetched")
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            self._wait_for_host(parts.hostname)
            try:
                return self._get_once(url)
            except _Retryable as error:
                if attempt == attempts - 1:
                    raise error.final(attempts) from None
                self.sleep(error.retry_after if error.retry_after is not None else self.settings.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_for_host(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.settings.per_host_delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _get_once(self, url: str) -> Fetched:
        deadline = self.clock() + 3 * self.settings.timeout
        try:
            with self.client().stream("GET", url) as response:
                if response.status_code == 429 or response.status_code >= 500:
                    raise _Retryable("E211", f"{response.status_code} {response.reason_phrase}", _retry_after(response))
                if response.status_code >= 400:
                    raise SourceError("E211", f"{response.status_code} {response.reason_phrase}")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
                    raise SourceError("E213", f"{int(declared) // 1024} KB declared, the limit is {self._limit()}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.settings.max_bytes:
                        raise SourceError("E213", f"more than {self._limit()}")
                    if self.clock() > deadline:
                        raise _Retryable("E210", f"the whole answer took more than {3 * self.settings.timeout:g} s")
                media, _, params = response.headers.get("Content-Type", "").partition(";")
                return Fetched(str(response.url), response.status_code, media.strip().lower(), _charset(params), bytes(body))
        except httpx.TimeoutException:
            raise _Retryable("E210", f"no answer within {self.settings.timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise SourceError("E212", "too many redirects") from None
        except httpx.TransportError as error:
            raise _Retryable("E212", f"{type(error).__name__}: {error}"[:160]) from None
        except httpx.InvalidURL as error:
            raise SourceError("E215", str(error)) from None

    def _limit(self) -> str:
        return f"{self.settings.max_bytes // 1024} KB"


class _Retryable(Exception):
    def __init__(self, code: str, detail: str, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.retry_after = retry_after

    def final(self, attempts: int) -> SourceError:
        tries = f", {attempts} attempts" if attempts > 1 else ""
        return SourceError(self.code, f"{self.detail}{tries}")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.isdigit() else None


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"').lower()
    return None
