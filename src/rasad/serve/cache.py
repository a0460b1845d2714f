"""A response cache for the read-only API: the same GET on the same database gets the same bytes.

The server reads a store nobody else should be writing while it serves, so an
answer stays right until the database changes. Each entry remembers the
database's version: the size and modification time of the SQLite file and of
its write-ahead log, and a counter the server bumps after each POST /api/ingest.
A `rasad ingest` into the same file while serving changes the version too, so
nothing stale is ever sent. Only GET answers with status 200 under /api/ are
kept, at most `max_entries` of them (least recently used go first), none
larger than MAX_BODY. A store given as a database URL (not a file) is not cached.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasad.serve.guard import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 4_000_000
Entry = tuple[tuple[Any, ...], int, list[tuple[bytes, bytes]], bytes]


@dataclass
class DatabaseVersion:
    """What changes whenever the database does."""

    path: Path | None
    generation: int = 0
    _wal: Path | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.path is not None:
            self._wal = self.path.with_name(self.path.name + "-wal")

    @classmethod
    def of(cls, target: str) -> DatabaseVersion:
        return cls(None if "://" in target else Path(target).expanduser().resolve())

    def bump(self) -> None:
        self.generation += 1

    def current(self) -> tuple[Any, ...] | None:
        if self.path is None:
            return None
        try:
            main = os.stat(self.path)
        except OSError:
            return None
        try:
            wal = os.stat(self._wal) if self._wal is not None else None
        except OSError:
            wal = None
        return (self.generation, main.st_mtime_ns, main.st_size, wal.st_mtime_ns if wal else 0, wal.st_size if wal else 0)


class ResponseCache:
    def __init__(self, app: ASGIApp, version: DatabaseVersion, max_entries: int = 512) -> None:
        self.app = app
        self.version = version
        self.max_entries = max_entries
        self.entries: OrderedDict[tuple[bytes, ...], Entry] = OrderedDict()
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/") or self.max_entries <= 0:
            await self.app(scope, receive, send)
            return
        version = self.version.current()
        if version is None:
            await self.app(scope, receive, send)
            return
        host = dict(scope["headers"]).get(b"host", b"")
        key = (host, scope["path"].encode(), scope.get("query_string", b""))
        found = self.entries.get(key)
        if found is not None and found[0] == version:
            self.entries.move_to_end(key)
            self.hits += 1
            await send({"type": "http.response.start", "status": found[1], "headers": found[2]})
            await send({"type": "http.response.body", "body": found[3]})
            return
        self.misses += 1
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200:
                    self.store(key, (version, 200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, keep)

    def store(self, key: tuple[bytes, ...], entry: Entry) -> None:
        if len(entry[3]) > MAX_BODY:
            return
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)
