from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from rasad.store import Store, StoreError
from rasad.store.migrate import current_version, migrate, migrations, sqlite_statements
from rasad.store.tables import metadata


def test_store_migrates_a_new_file_and_records_the_version(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "new.db"))
    assert current_version(store.engine) == len(migrations("sqlite")) >= 1
    assert migrate(store.engine) == []  # already there: nothing applied twice
    rows = sqlite3.connect(tmp_path / "new.db").execute("SELECT version, name FROM schema_version").fetchall()
    assert rows == [(1, "initial")]
    store.close()


def test_store_tables_match_the_migrated_schema(tmp_store: Store) -> None:
    inspector = inspect(tmp_store.engine)
    for table in metadata.sorted_tables:
        columns = [c["name"] for c in inspector.get_columns(table.name)]
        assert columns == [c.name for c in table.columns], table.name


def test_store_uses_write_ahead_logging(tmp_store: Store, tmp_path: Path) -> None:
    assert sqlite3.connect(tmp_path / "rasad.db").execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_store_events_flat_view_has_coordinates(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write([make_extracted()])
    with tmp_store.connect() as connection:
        row = connection.exec_driver_sql("SELECT latitude, longitude, outlet, location_name, fatalities FROM events_flat").one()
    assert tuple(row) == (31.32, 48.67, "ایرنا", "Ahvaz", 2)


def test_store_full_text_search_finds_persian_words(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    from rasad.store.queries import search_articles

    tmp_store.write([make_extracted(), make_extracted(text="تظاهرات در تهران برگزار شد.")])
    with tmp_store.connect() as connection:
        found = search_articles(connection, "اهواز")
        assert [r["title"] for r in found] == [None] and "[اهواز]" in found[0]["snippet"]
        assert len(search_articles(connection, "تهران")) == 1


def test_store_readonly_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(str(tmp_path / "absent.db"), readonly=True)
    assert not (tmp_path / "absent.db").exists()


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(str(junk))


def test_store_sql_splitter_keeps_trigger_bodies_whole() -> None:
    script = "CREATE TABLE t (a);\n-- note\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    statements = sqlite_statements(script)
    assert len(statements) == 2 and statements[1].startswith("-- note\nCREATE TRIGGER") and statements[1].endswith("END;")
