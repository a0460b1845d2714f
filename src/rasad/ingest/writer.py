"""One writer thread: batches are stored while the next articles are extracted.

Every write to the store goes through this thread, one transaction per batch,
in the order the batches were handed over (as Datasette's single writer does).
SQLite does its work without the interpreter lock, so storing overlaps with
extraction in worker processes. With extraction in this very process (one worker)
a thread would only fight it for the interpreter lock, so batches are then stored
in the caller's thread. A failed write stops the thread; the error is raised to the caller at
its next `put` or at `close`, and batches already committed stay committed.
"""

from __future__ import annotations

import queue
import threading
from collections import Counter

from rasad.store import Extracted, Store

QUEUE_DEPTH = 4


class BatchWriter:
    """Stores batches in a thread of its own, or (`threaded=False`) in the caller's thread."""

    def __init__(self, store: Store, force: bool = False, threaded: bool = True) -> None:
        self.store = store
        self.force = force
        self.statuses: Counter[str] = Counter()
        self._queue: queue.Queue[list[Extracted] | None] = queue.Queue(QUEUE_DEPTH)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="rasad-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None:
                continue  # after a failure, drain what is left without writing it
            try:
                self.statuses.update(self.store.write(batch, force=self.force))
            except BaseException as error:  # handed to the caller, never lost in the thread
                self._error = error

    def put(self, batch: list[Extracted]) -> None:
        self._raise()
        if self._thread is None:
            self.statuses.update(self.store.write(batch, force=self.force))
        else:
            self._queue.put(list(batch))

    def close(self) -> Counter[str]:
        """Wait for every batch to be written; the statuses ("new", "updated", "unchanged") counted."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
        self._raise()
        return self.statuses

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
