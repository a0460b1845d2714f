"""A page's ids: the same events in the same order whichever way the page query is planned."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest
from sqlalchemy import select

from rasad.serve import reader
from rasad.serve.params import EventQuery, parse_filter
from rasad.store import EventFilter, Store
from rasad.store.tables import clusters

FILTERS = [
    EventFilter(),
    parse_filter(types=["ASSAULT"]),
    parse_filter(types=["Battles,PROTEST"]),
    parse_filter(country=["IRN,ISR,LBN"]),
    parse_filter(since="2024-04-01"),
    parse_filter(since="2024-04-01", types=["ASSAULT"]),
    parse_filter(country=["IRN"], types=["ASSAULT"]),
    parse_filter(actor=["hezbollah"]),
    parse_filter(bbox="30,20,70,45"),
]


def expected(store: Store, query: EventQuery) -> tuple[int, list[str]]:
    """The page by the plainest query: every match, sorted, sliced in Python."""
    key = reader._SORT_COLUMNS[query.sort.lstrip("-")]
    order = [key.desc() if query.sort.startswith("-") else key.asc(), clusters.c.id]
    with store.connect() as connection:
        where = reader.conditions(connection, query.where, query.q)
        ids = list(connection.execute(select(clusters.c.id).where(*where).order_by(*order)).scalars())
    return len(ids), ids[query.offset : query.offset + query.limit]


@pytest.fixture(scope="module")
def store(examples_db: Path) -> Store:
    return Store.open(str(examples_db), readonly=True)


@pytest.mark.parametrize(("where", "sort"), list(product(FILTERS, ["-date", "date", "-fatalities", "country", "-type", "location"])))
def test_page_ids_are_the_sorted_matches_sliced(store: Store, where: EventFilter, sort: str) -> None:
    for limit, offset in ((2, 0), (3, 2), (100, 0), (1, 5)):
        query = EventQuery(where=where, sort=sort, limit=limit, offset=offset)
        with store.connect() as connection:
            found = reader.page_ids(connection, query)
        assert found == expected(store, query), (limit, offset)


def test_page_ids_with_words(store: Store) -> None:
    query = EventQuery(q="Nabatieh", limit=2)
    with store.connect() as connection:
        assert reader.page_ids(connection, query) == expected(store, query)


@pytest.mark.parametrize(
    ("total", "scope", "offset", "limit", "walk"),
    [
        (5_000, 10_000, 0, 100, True),  # half the events match: the walk reads about 200
        (50, 10_000, 0, 100, False),  # few match: read them all and sort, not most of the store
        (5_000, 10_000, 5_000, 100, False),  # a deep page of a half: the walk would read the whole store
        (0, 10_000, 0, 100, False),
    ],
)
def test_walk_in_order_when_it_reads_less(total: int, scope: int, offset: int, limit: int, walk: bool) -> None:
    assert reader.walk_in_order(total, scope, offset, limit) is walk
