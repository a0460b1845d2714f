"""Where requests read the store: a pool of READ_THREADS threads, not the event loop nor Starlette's forty.

SQLite lets go of the GIL while it searches, but turning rows into JSON is
Python and holds it. Forty threads (what a plain `def` endpoint runs in) then
mostly wait for each other and for the event loop, which needs the GIL to parse
requests and send answers. Measured with 50 clients on the 10,000-event
benchmark's default page: 106 requests/s from forty threads, 181–212 from one or
two. Two, not one, so that one slow query (a page of 10,000 events) does not hold
up every other request.

On SQLite each thread keeps its own connection for the life of the app: taking
one from SQLAlchemy's pool and giving it back cost 20 µs a request, about as much
as a short query. Every read still runs in a transaction of its own (begun by its
first statement, rolled back at its end), so a request sees one state of the
database throughout and the next one sees it as it is then. A PostgreSQL store
still takes a connection from the pool for each read, where it is checked
("pre-ping") before use: a kept one would fail a request after a server restart.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from sqlalchemy import Connection
from starlette.requests import Request

from rasad.store import Store

READ_THREADS = 2
T = TypeVar("T")


class ReadPool:
    """READ_THREADS reading threads over `store`, each with its connection; `close` stops them and closes those."""

    def __init__(self, store: Store, threads: int = READ_THREADS) -> None:
        self.store = store
        self.executor = ThreadPoolExecutor(threads, thread_name_prefix="rasad-read")
        self._local = threading.local()
        self._opened: list[Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> Connection:
        connection: Connection | None = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            connection = self.store.engine.connect()
            self._local.connection = connection
            with self._lock:
                self._opened.append(connection)
        return connection

    def run(self, work: Callable[[Connection], T]) -> T:
        """`work(connection)` here, in the calling reading thread, in a transaction of its own."""
        if self.store.dialect != "sqlite":
            with self.store.connect() as pooled:
                return work(pooled)
        connection = self._connection()
        try:
            return work(connection)
        finally:
            connection.rollback()  # the read transaction ends here: the next request sees the database anew

    async def read(self, work: Callable[[Connection], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, self.run, work)

    def close(self) -> None:
        """Wait for the reads in hand, then close every thread's connection (SQLAlchemy's pysqlite connections
        may be closed from any thread)."""
        self.executor.shutdown(wait=True)
        with self._lock:
            for connection in self._opened:
                connection.close()
            self._opened.clear()


async def reading(request: Request, work: Callable[[Connection], T]) -> T:
    """`work(connection)` on a connection to the app's store, in one of its reading threads."""
    readers: ReadPool = request.app.state.readers
    return await readers.read(work)
