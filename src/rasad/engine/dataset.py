"""The Parquet dataset of a run: `DIR/{documents,events,mentions}/month=YYYY-MM/part-NNNNNN.parquet`.

Each partition writes its own files, each first to a hidden temporary file in
the target folder and then renamed over the final name (atomic on one file
system). A partition run twice (a retry after a worker died, or a duplicate
speculative run) therefore leaves one copy of each file, whole: writes are
idempotent. `_rasad.json` marks the folder as a rasad dataset and, at the end,
holds the run's summary; readers skip names starting with "_" or ".".
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from rasad.engine.codes import EngineError
from rasad.engine.tables import SCHEMAS, SORT_KEYS, TableRows

MANIFEST = "_rasad.json"
DATASET_SCHEMA = "rasad.dataset/1"
TEMPORARY_SUFFIX = ".tmp"


def write_partition(out: Path, name: str, rows: TableRows) -> list[str]:
    """Write one partition's rows (sorted by their keys); the files written, relative to `out`."""
    written: list[str] = []
    for table, months in rows.by_month.items():
        for month, records in sorted(months.items()):
            if not records:
                continue
            keys = SORT_KEYS[table]
            records.sort(key=lambda r: tuple("" if r[k] is None else r[k] for k in keys))
            target = out / table / f"month={month}" / f"{name}.parquet"
            _write_atomically(pa.Table.from_pylist(records, schema=SCHEMAS[table]), target)
            written.append(str(target.relative_to(out)))
    return written


def _write_atomically(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".{target.name}.{uuid.uuid4().hex}{TEMPORARY_SUFFIX}"
    try:
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def prepare(out: Path) -> None:
    """Make `out` ready for a new run: created if missing; a previous run's dataset there is replaced.

    A folder that holds anything else is refused (EngineError E302), so a run never
    mixes its files with someone else's, nor with a previous run's partitions.
    """
    if out.exists() and not out.is_dir():
        raise EngineError("E302", f"{out} is a file")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MANIFEST).is_file():
            raise EngineError("E302", f"{out} is not empty and holds no rasad dataset ({MANIFEST}); give an empty or new folder")
        for table in SCHEMAS:
            shutil.rmtree(out / table, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    write_manifest(out, {"complete": False})


def write_manifest(out: Path, content: dict[str, Any]) -> None:
    data = json.dumps({"schema": DATASET_SCHEMA, **content}, ensure_ascii=False, indent=1, default=str)
    temporary = out / f".{MANIFEST}{TEMPORARY_SUFFIX}"
    temporary.write_text(data + "\n", encoding="utf-8")
    os.replace(temporary, out / MANIFEST)


def remove_leftovers(out: Path) -> int:
    """Delete temporary files that killed writers left behind; how many there were."""
    removed = 0
    for table in SCHEMAS:
        for path in (out / table).rglob(f".*{TEMPORARY_SUFFIX}"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_partition(out: Path, name: str) -> None:
    """Delete whatever a given-up partition wrote, so no table holds part of it."""
    for table in SCHEMAS:
        for path in (out / table).glob(f"month=*/{name}.parquet"):
            path.unlink(missing_ok=True)


def read_table(out: Path, table: str) -> pa.Table:
    """One table of a dataset, with its `month` column, in a fixed order (whatever the partitioning was)."""
    folder = out / table
    if not folder.is_dir():
        return SCHEMAS[table].append(pa.field("month", pa.string())).empty_table()
    dataset = ds.dataset(folder, format="parquet", partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"))
    loaded = dataset.to_table()
    return loaded.sort_by([(key, "ascending") for key in ("month", *SORT_KEYS[table])])
