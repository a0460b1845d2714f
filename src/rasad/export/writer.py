"""`rasad export` as importable code: read events from the store, filter, write one format."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from rasad.export.acled import write_acled_csv
from rasad.export.geojson import write_geojson
from rasad.export.parquet import write_parquet
from rasad.export.plover import write_plover
from rasad.export.rows import ExportEvent, from_cluster, from_report
from rasad.store import EventFilter, Store
from rasad.store.queries import select_clusters, select_reports, source_names

FORMATS = ("acled-csv", "plover-json", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)


@dataclass(frozen=True)
class ExportResult:
    written: int
    left_out: int = 0  # events without coordinates, for GeoJSON


def read_events(store: Store, where: EventFilter, per_report: bool = False) -> list[ExportEvent]:
    """One ExportEvent per cluster (one real event), or per report with `per_report`."""
    with store.connect() as connection:
        if not per_report:
            return [from_cluster(row) for row in select_clusters(connection, where)]
        rows = select_reports(connection, where)
        names = source_names(connection, [row["uid"] for row in rows])
    return [from_report(row, names.get(row["uid"])) for row in rows]


def write(store: Store, fmt: str, where: EventFilter, out: IO[str] | IO[bytes], per_report: bool = False) -> ExportResult:
    """Write the events matching `where` in format `fmt` to `out` (binary for parquet, text otherwise)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    events = read_events(store, where, per_report)
    if fmt == "parquet":
        buffer = io.BytesIO()  # pyarrow needs a seekable file; standard output is not one
        written = write_parquet(events, buffer)
        out.write(buffer.getvalue())  # type: ignore[arg-type]
        return ExportResult(written)
    text: IO[str] = out  # type: ignore[assignment]
    if fmt == "geojson":
        written, missing = write_geojson(events, text)
        return ExportResult(written, missing)
    writers: dict[str, Callable[[list[ExportEvent], IO[str]], int]] = {
        "acled-csv": write_acled_csv,
        "plover-json": lambda items, stream: write_plover(items, stream, dt.date.today().isoformat()),
    }
    return ExportResult(writers[fmt](events, text))
