from __future__ import annotations

import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq

from rasad.export.geojson import write_geojson
from rasad.export.parquet import SCHEMA, write_parquet
from rasad.export.plover import plover_record, write_plover


def test_export_plover_fields(make_export_event) -> None:  # type: ignore[no-untyped-def]
    record = plover_record(make_export_event(), "2024-05-01")
    assert {"id", "date", "event", "mode", "context", "actor", "recipient", "event_loc", "text", "cite_info"} <= record.keys()
    assert (record["event"], record["quad_code"], record["mode"], record["date"]) == ("ASSAULT", 4, "missile", "2024-04-21")
    assert record["actor"] == []
    assert record["recipient"] == [
        {"code": "USA", "sector": "MIL", "actor_text": "Military Forces of the United States", "identifier_id": "usa-military", "identifier_text": "Military Forces of the United States"}
    ]
    assert record["event_loc"] == {
        "name": "Kharab al-Jir", "lat": 36.9, "lon": 41.9, "geonameid": 99072, "gazetteer_id": "geonames:99072",
        "resolution": "exact", "cc3": "SYR", "admin1": "Al-Hasakah",
    }
    assert record["text"] == "پنج موشک شلیک شد"
    assert [c["publication"] for c in record["cite_info"]] == ["رویترز", "الجزیره"]


def test_export_plover_is_json_lines(make_export_event) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    assert write_plover([make_export_event(), make_export_event(id="x")], out, "2024-05-01") == 2
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["3f2a9c0b1d2e4f5a6b7c", "x"]


def test_export_geojson_points_lon_lat(make_export_event) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    written, missing = write_geojson([make_export_event(), make_export_event(id="y", place=None)], out)
    collection = json.loads(out.getvalue())
    assert (written, missing, collection["type"]) == (1, 1, "FeatureCollection")
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [41.9, 36.9]}
    assert feature["properties"]["event_type"] == "Explosions/Remote violence" and feature["properties"]["fatalities"] is None


def test_export_parquet_typed_columns(make_export_event) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    assert write_parquet([make_export_event(fatalities=3), make_export_event(id="z", date=None, place=None)], out) == 2
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.schema.names == SCHEMA.names
    types = {name: table.schema.field(name).type for name in ("event_date", "fatalities", "latitude", "geo_precision", "timestamp")}
    assert types == {"event_date": pa.date32(), "fatalities": pa.int32(), "latitude": pa.float64(), "geo_precision": pa.int8(), "timestamp": pa.timestamp("ms", tz="UTC")}
    assert pa.types.is_list(table.schema.field("sources").type)
    rows = table.to_pylist()
    assert rows[0]["event_date"] == dt.date(2024, 4, 21) and rows[0]["fatalities"] == 3 and rows[0]["iso"] == 760
    assert rows[0]["sources"] == ["Reuters", "Al Jazeera"] and rows[0]["latitude"] == 36.9
    assert rows[1]["event_date"] is None and rows[1]["latitude"] is None
