"""The filters that look for part of a name (actor; the server's English `q`), and the index behind them.

On SQLite they go through the trigram table clusters_names (migration 2), on
PostgreSQL through LIKE; both must select the same clusters. The index must
follow every rebuild of the clusters, and a version-1 database gets it filled
when it is migrated.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select

from rasad.store import EventFilter, Store
from rasad.store import names as cluster_names
from rasad.store.engine import make_engine
from rasad.store.migrate import current_version, migrate, migrations
from rasad.store.queries import select_clusters
from rasad.store.tables import clusters

KABUL = {"name": "Kabul", "text": "کابل", "country": "AFG", "admin1": "Kabul", "lat": 34.53, "lon": 69.17, "geo_precision": 1, "gazetteer_id": "geonames:1138958"}
TALIBAN = {"id": "taliban", "name": "Taliban", "text": "طالبان", "country": "AFG", "kind": "armed-group"}
ISIS_K = {"id": "isis-k", "name": "Islamic State Khorasan Province (ISKP)", "text": "داعش", "country": "AFG", "kind": "armed-group"}


@pytest.fixture
def two_places(tmp_store: Store, make_extracted, make_event) -> Store:  # type: ignore[no-untyped-def]
    """Ahvaz (actor2: civilians) and Kabul (actor1: the Taliban, no actor2), clustered."""
    kabul = make_event(location=KABUL, actor1=TALIBAN, actor2=None, date={"value": "2024-05-03", "precision": "day", "text": "دیروز"})
    tmp_store.write([make_extracted(url="https://a.ir/1"), make_extracted(text="درگیری در کابل.", url="https://c.ir/1", events=[kabul])])
    tmp_store.rebuild_clusters()
    return tmp_store


def places(store: Store, where: EventFilter) -> list[str]:
    with store.connect() as connection:
        return [row["location_name"] for row in select_clusters(connection, where)]


@pytest.mark.parametrize(
    ("actors", "found"),
    [
        (("talib",), ["Kabul"]),  # part of the name
        (("TALIBAN",), ["Kabul"]),  # any case
        (("liba",), ["Kabul"]),
        (("civilians (iran)",), ["Ahvaz"]),  # spaces and brackets are plain characters
        (("ta",), ["Kabul"]),  # shorter than a trigram: compared with LIKE, same answer
        (("ns",), ["Ahvaz"]),
        (("%",), []),  # LIKE's wildcards are literal characters here
        (("_",), []),
        (('"quoted',), []),  # never an FTS5 syntax error
        (("talib", "afg"), []),  # several actors must all match (neither cluster has both)
        (("talib", "taliban"), ["Kabul"]),
    ],
)
def test_store_names_actor_part_matches_on_both_engines(two_places: Store, actors: tuple[str, ...], found: list[str]) -> None:
    assert places(two_places, EventFilter(actors=actors)) == found


def test_store_names_index_follows_a_rebuild(two_places: Store, make_extracted, make_event) -> None:  # type: ignore[no-untyped-def]
    # the Kabul article again, now naming another group: its cluster is rebuilt with the new actor
    kabul = make_event(location=KABUL, actor1=ISIS_K, actor2=None, date={"value": "2024-05-03", "precision": "day", "text": "دیروز"})
    two_places.write([make_extracted(text="انفجار در کابل.", url="https://c.ir/1", events=[kabul])])
    two_places.rebuild_clusters()
    assert places(two_places, EventFilter(actors=("talib",))) == []
    assert places(two_places, EventFilter(actors=("khorasan",))) == ["Kabul"]
    two_places.rebuild_clusters(full=True)
    assert places(two_places, EventFilter(actors=("khorasan",))) == ["Kabul"]
    if two_places.dialect == "sqlite":
        with two_places.connect() as connection:
            indexed = connection.execute(select(cluster_names.clusters_names.c.id).order_by(cluster_names.clusters_names.c.id)).scalars().all()
            assert indexed == connection.execute(select(clusters.c.id).order_by(clusters.c.id)).scalars().all()


def test_store_names_query_quotes_any_text() -> None:
    assert cluster_names.names_query(["actor1_id"], 'a "b"') == '{actor1_id}: "a ""b"""'
    assert cluster_names.usable("isi") and not cluster_names.usable("is")
    with pytest.raises(ValueError, match="not in clusters_names"):
        cluster_names.ids_containing(["text"], "abc")


def _version_one(target: str) -> None:
    """A store at schema version 1 (as an earlier rasad left it) holding two clusters."""
    engine = make_engine(target)
    try:
        assert migrate(engine, upto=1) == [1]
        base = {"type": "ASSAULT", "n_reports": 1, "n_articles": 1, "n_outlets": 1, "updated_at": "2024-05-04T00:00:00+00:00"}
        base.update(dict.fromkeys(["actor1_id", "actor1_name", "actor2_id", "actor2_name"]))
        with engine.begin() as connection:
            connection.execute(
                insert(clusters),
                [
                    {**base, "id": "c-kabul", "date": "2024-05-03", "location_name": "Kabul", "country": "AFG", "actor1_id": "taliban", "actor1_name": "Taliban"},
                    {**base, "id": "c-ahvaz", "date": "2024-04-21", "location_name": "Ahvaz", "country": "IRN", "actor2_id": "civilians", "actor2_name": "Civilians (Iran)"},
                ],
            )
        assert current_version(engine) == 1
    finally:
        engine.dispose()


def test_store_names_version_one_database_is_upgraded_with_its_clusters(store_target: str) -> None:
    _version_one(store_target)
    store = Store.open(store_target)  # migrates to the current version
    try:
        assert current_version(store.engine) == len(migrations(store.dialect))
        assert places(store, EventFilter(actors=("talib",))) == ["Kabul"]
        assert places(store, EventFilter(actors=("civilian",), countries=("irn",))) == ["Ahvaz"]
        assert places(store, EventFilter(types=("assault",))) == ["Ahvaz", "Kabul"]
        if store.dialect == "sqlite":
            with store.connect() as connection:
                assert connection.execute(select(func.count()).select_from(cluster_names.clusters_names)).scalar_one() == 2
    finally:
        store.close()
