from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select
from sqlalchemy.exc import DBAPIError

from rasad.store import Store, StoreError
from rasad.store.engine import display_target, make_engine
from rasad.store.migrate import current_version, migrate, migrations, sqlite_statements
from rasad.store.queries import matching_article_ids, search_articles
from rasad.store.tables import articles, metadata, schema_version


def test_store_migrates_a_new_database_and_records_the_version(store_target: str) -> None:
    store = Store.open(store_target)
    assert current_version(store.engine) == len(migrations(store.dialect)) >= 1
    assert migrate(store.engine) == []  # already there: nothing applied twice
    with store.connect() as connection:
        recorded = [tuple(r) for r in connection.execute(select(schema_version.c.version, schema_version.c.name))]
        assert recorded == [(1, "initial"), (2, "cluster_filters"), (3, "newest_first")]
    store.close()


def test_store_both_engines_ship_the_same_migrations() -> None:
    assert [(m.version, m.name) for m in migrations("sqlite")] == [(m.version, m.name) for m in migrations("postgresql")]


def test_store_tables_match_the_migrated_schema(tmp_store: Store) -> None:
    inspector = inspect(tmp_store.engine)
    for table in metadata.sorted_tables:
        columns = [c["name"] for c in inspector.get_columns(table.name)]
        assert columns == [c.name for c in table.columns], table.name
    assert "events_flat" in inspector.get_view_names()


def test_store_four_openers_migrating_at_once_apply_each_migration_once(store_target: str) -> None:
    opened: list[Store] = []
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            opened.append(Store.open(store_target))
        except BaseException as error:  # noqa: B036 - handed to the test's thread
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 4
    with opened[0].connect() as connection:
        assert connection.execute(select(schema_version.c.version)).scalars().all() == [1, 2, 3]
    for store in opened:
        store.close()


def test_store_refuses_a_database_newer_than_this_rasad(tmp_store: Store, store_target: str) -> None:
    with tmp_store.engine.begin() as connection:
        connection.execute(insert(schema_version).values(version=99, name="future", applied_at="2030-01-01T00:00:00+00:00"))
    with pytest.raises(StoreError, match="newer than this rasad"):
        Store.open(store_target)


def test_store_readonly_refuses_writes(tmp_store: Store, store_target: str, make_extracted) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write([make_extracted()])
    reader = Store.open(store_target, readonly=True)
    try:
        assert reader.counts()["articles"] == 1
        with pytest.raises(DBAPIError, match="(?i)read-?only"):
            reader.write([make_extracted(text="خبر دیگری از اهواز.")])
    finally:
        reader.close()
    assert tmp_store.counts()["articles"] == 1


def test_store_readonly_refuses_an_unmigrated_database(store_target: str, engine_name: str) -> None:
    if engine_name == "sqlite":
        Path(store_target).touch()  # an empty file: a SQLite database without tables
    with pytest.raises(StoreError, match="schema version 0, this rasad reads 3"):
        Store.open(store_target, readonly=True)


def test_store_uses_write_ahead_logging(tmp_path: Path) -> None:
    Store.open(str(tmp_path / "rasad.db")).close()
    assert sqlite3.connect(tmp_path / "rasad.db").execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_store_events_flat_view_has_coordinates(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write([make_extracted()])
    with tmp_store.connect() as connection:
        row = connection.exec_driver_sql("SELECT latitude, longitude, outlet, location_name, fatalities FROM events_flat").one()
    assert tuple(row) == (31.32, 48.67, "ایرنا", "Ahvaz", 2)


def test_store_full_text_search_finds_persian_words(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write([make_extracted(), make_extracted(text="تظاهرات در تهران برگزار شد.")])
    with tmp_store.connect() as connection:
        found = search_articles(connection, "اهواز")
        assert [r["title"] for r in found] == [None] and "[اهواز]" in found[0]["snippet"]
        assert len(search_articles(connection, "تهران")) == 1
        assert len(search_articles(connection, "ایرنا")) == 1  # the word before «،» is a word of its own
        assert len(search_articles(connection, '"شهر اهواز"')) == 1  # a phrase
        assert search_articles(connection, '"اهواز شهر"') == []  # the words, not in that order
        assert len(search_articles(connection, "تهران برگزار")) == 1  # every word
        assert search_articles(connection, "تهران اهواز") == []
        ahvaz = connection.execute(select(articles.c.id).where(articles.c.id.in_(matching_article_ids(connection, "اهواز")))).scalars().all()
        assert ahvaz == [found[0]["id"]]


def test_store_full_text_search_follows_updates(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    url = "https://example.ir/news/7"
    tmp_store.write([make_extracted(url=url)])
    assert tmp_store.write([make_extracted(text="انفجاری در شهر دزفول رخ داد.", url=url)]) == ["updated"]
    with tmp_store.connect() as connection:
        assert search_articles(connection, "اهواز") == []
        assert [r["url"] for r in search_articles(connection, "دزفول")] == [url]
        assert connection.execute(select(articles.c.id)).scalars().all() == [found["id"] for found in search_articles(connection, "انفجاری")]


def test_store_readonly_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(str(tmp_path / "absent.db"), readonly=True)
    assert not (tmp_path / "absent.db").exists()


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(str(junk))


def test_store_unreachable_server_is_a_clear_error_without_the_password() -> None:
    url = "postgresql://rasad:s3cret@127.0.0.1:1/rasad?connect_timeout=3"  # nothing listens on port 1
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        Store.open(url)
    assert "s3cret" not in str(caught.value) and "rasad:***@127.0.0.1:1/rasad" in str(caught.value)
    assert display_target(url).startswith("postgresql://rasad:***@")


@pytest.mark.parametrize(
    ("target", "driver"),
    [("postgresql://u:p@h/d", "postgresql+psycopg"), ("postgres://u:p@h/d", "postgresql+psycopg"), ("postgresql+psycopg://u:p@h/d", "postgresql+psycopg")],
)
def test_store_postgres_urls_use_psycopg(target: str, driver: str) -> None:
    engine = make_engine(target)  # no connection is made until one is asked for
    assert (engine.url.drivername, engine.dialect.name) == (driver, "postgresql")
    engine.dispose()


def test_store_refuses_other_databases() -> None:
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        make_engine("mysql://u:p@h/d")


def test_store_sql_splitter_keeps_trigger_bodies_whole() -> None:
    script = "CREATE TABLE t (a);\n-- note\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    statements = sqlite_statements(script)
    assert len(statements) == 2 and statements[1].startswith("-- note\nCREATE TRIGGER") and statements[1].endswith("END;")


def test_store_postgres_sessions_write_without_waiting_for_the_disk_and_read_only_when_asked(postgres_target: str) -> None:
    writer = Store.open(postgres_target)
    reader = Store.open(postgres_target, readonly=True)
    try:
        with writer.connect() as connection:
            assert connection.exec_driver_sql("SHOW synchronous_commit").scalar_one() == "off"
        with reader.connect() as connection:
            assert connection.exec_driver_sql("SHOW default_transaction_read_only").scalar_one() == "on"
    finally:
        writer.close()
        reader.close()
