from __future__ import annotations

import pytest
from sqlalchemy import func, select

from rasad.store import Store
from rasad.store.records import Extracted
from rasad.store.tables import articles, events, mentions, sources


def _count(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_store_write_new_then_unchanged(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    assert tmp_store.write([make_extracted()]) == ["new"]
    assert tmp_store.write([make_extracted()]) == ["unchanged"]
    assert [_count(tmp_store, t) for t in (articles, events, mentions, sources)] == [1, 1, 2, 1]


def test_store_write_same_url_new_text_replaces_events(tmp_store: Store, make_extracted, make_event) -> None:  # type: ignore[no-untyped-def]
    url = "https://example.ir/news/1"
    tmp_store.write([make_extracted(url=url, events=[make_event(id="old-1"), make_event(id="old-2")])])
    changed = make_extracted(text="متن تازه خبر درباره حمله در اهواز.", url=url + "#comments", events=[make_event(id="new", fatalities=5)])
    assert tmp_store.write([changed]) == ["updated"]
    with tmp_store.connect() as connection:
        rows = connection.execute(select(events.c.event_id, events.c.fatalities)).all()
        assert [tuple(r) for r in rows] == [("new", 5)]
        assert connection.execute(select(articles.c.raw_text)).scalar_one().startswith("متن تازه")
    assert _count(tmp_store, articles) == 1 and _count(tmp_store, sources) == 1


def test_store_identity_without_url_is_the_text(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    assert tmp_store.write([make_extracted(outlet="الف"), make_extracted(text="خبری دیگر از اهواز.")]) == ["new", "new"]
    # same text, other outlet: the same article, its metadata updated
    assert tmp_store.write([make_extracted(outlet="ب")]) == ["updated"]
    assert _count(tmp_store, articles) == 2


def test_store_write_forced_replaces_unchanged(tmp_store: Store, make_extracted) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write([make_extracted()])
    assert tmp_store.write([make_extracted()], force=True) == ["updated"]
    assert _count(tmp_store, events) == 1


def test_store_batch_is_one_transaction(tmp_store: Store, make_extracted, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import rasad.store.writer as writer

    calls = {"n": 0}
    original = writer.event_rows

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return original(*args, **kwargs)

    monkeypatch.setattr(writer, "event_rows", failing)
    batch = [make_extracted(), make_extracted(text="خبر دوم از اهواز.")]
    with pytest.raises(RuntimeError):
        tmp_store.write(batch)
    assert _count(tmp_store, articles) == 0 and _count(tmp_store, events) == 0


def test_store_event_rows_flatten_the_contract(tmp_store: Store, make_extracted, make_event) -> None:  # type: ignore[no-untyped-def]
    actor = {"id": "isis", "name": "Islamic State", "text": "داعش", "country": None, "kind": "armed-group"}
    quantity = {"value": 5, "unit": "missile"}
    tmp_store.write([make_extracted(events=[make_event(actor1=actor, quantity=quantity, date={"value": "2024-04-22", "precision": "day", "text": None, "inferred": True})])])
    with tmp_store.connect() as connection:
        row = connection.execute(select(events)).mappings().one()
    assert (row["actor1_id"], row["actor1_name"], row["actor1_kind"]) == ("isis", "Islamic State", "armed-group")
    assert (row["quantity_value"], row["quantity_unit"], row["date_inferred"]) == (5.0, "missile", 1)
    assert (row["event_type"], row["sub_event_type"], row["gazetteer_id"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED", "geonames:144448")
    assert row["evidence_text"] == "به گزارش ایرنا، انفجاری در شهر"
    assert isinstance(Extracted, type)
