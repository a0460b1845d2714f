"""An engine by name: `local` (a process pool, always there) or `dask` (needs the `rasad[dask]` extra)."""

from __future__ import annotations

import os

from rasad.engine.base import Engine
from rasad.engine.codes import EngineError
from rasad.engine.local import LocalEngine

ENGINES = ("local", "dask")


def make_engine(name: str, scheduler: str | None = None, workers: int | None = None) -> Engine:
    """The engine `name`; Dask is imported here and only here, so the local case never needs it."""
    if name == "local":
        return LocalEngine(workers or os.cpu_count() or 1)
    if name == "dask":
        try:
            from rasad.engine.cluster import DaskEngine
        except ImportError as error:
            if error.name not in {"dask", "distributed"}:
                raise
            raise EngineError("E303", "Dask is not installed: pip install 'rasad[dask]'") from None
        return DaskEngine(scheduler=scheduler, workers=workers)
    raise EngineError("E303", f"no engine {name!r}; choose from {', '.join(ENGINES)}")
