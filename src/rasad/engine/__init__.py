"""Running the pipeline over many articles: a local process pool or a Dask cluster, into a Parquet dataset.

    from rasad.engine import Job, make_engine, run_job
    summary = run_job(Job(("archive.jsonl",), Path("out")), make_engine("dask", workers=2))

Inputs are cut into partitions (rasad.engine.plan); every engine runs the same
task on each (rasad.engine.task: read, the pipeline built once per worker process,
write one Parquet file per table and publication month, atomically); the summary
counts what was done. Dask is imported only by `make_engine("dask")`.
"""

from __future__ import annotations

from rasad.engine.base import Engine, EngineInfo
from rasad.engine.codes import EngineError
from rasad.engine.dataset import read_table
from rasad.engine.factory import ENGINES, make_engine
from rasad.engine.job import DEFAULT_PARTITION_SIZE, Job, run_job
from rasad.engine.local import LocalEngine
from rasad.engine.summary import Summary

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "ENGINES",
    "Engine",
    "EngineError",
    "EngineInfo",
    "Job",
    "LocalEngine",
    "Summary",
    "make_engine",
    "read_table",
    "run_job",
]
