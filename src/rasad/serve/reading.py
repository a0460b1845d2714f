"""Where requests read the store: a pool of READ_THREADS threads, not the event loop nor Starlette's forty.

SQLite lets go of the GIL while it searches, but turning rows into JSON is
Python and holds it. Forty threads (what a plain `def` endpoint runs in) then
mostly wait for each other and for the event loop, which needs the GIL to parse
requests and send answers. Measured with 50 clients on the 10,000-event
benchmark's default page: 106 requests/s from forty threads, 181–212 from one or
two. Two, not one, so that one slow query (a page of 10,000 events) does not hold
up every other request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import TypeVar

from sqlalchemy import Connection
from starlette.requests import Request

from rasad.store import Store

READ_THREADS = 2
T = TypeVar("T")


def read_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(READ_THREADS, thread_name_prefix="rasad-read")


async def reading(request: Request, work: Callable[[Connection], T]) -> T:
    """`work(connection)` on a connection to the app's store, in one of its reading threads."""
    store: Store = request.app.state.store
    readers: Executor = request.app.state.readers

    def run() -> T:
        with store.connect() as connection:
            return work(connection)

    return await asyncio.get_running_loop().run_in_executor(readers, run)
