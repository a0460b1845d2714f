from __future__ import annotations

from sqlalchemy import select

from rasad.store import Store
from rasad.store.tables import clusters, events


def _outlet_report(make_extracted, make_event, outlet: str, url: str, fatalities: int | None, text: str = "", **event_changes):  # type: ignore[no-untyped-def]
    text = text or f"گزارش {outlet} از انفجار در اهواز."
    return make_extracted(text=text, url=url, outlet=outlet, events=[make_event(fatalities=fatalities, **event_changes)])


def test_store_clusters_merge_reports_across_outlets(tmp_store: Store, make_extracted, make_event) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write(
        [
            _outlet_report(make_extracted, make_event, "ایرنا", "https://a.ir/1", 2),
            _outlet_report(make_extracted, make_event, "تسنیم", "https://b.ir/1", 3, date={"value": "2024-04-22", "precision": "day", "text": None, "inferred": True}),
            _outlet_report(make_extracted, make_event, "ایسنا", "https://c.ir/1", None, type="PROTEST"),
        ]
    )
    assert tmp_store.clusters_dirty()
    assert tmp_store.rebuild_clusters() == 2
    assert not tmp_store.clusters_dirty()
    with tmp_store.connect() as connection:
        merged = connection.execute(select(clusters).where(clusters.c.type == "ASSAULT")).mappings().one()
        members = connection.execute(select(events.c.cluster_id).where(events.c.type == "ASSAULT")).scalars().all()
    assert (merged["n_reports"], merged["fatalities"], merged["date"]) == (2, 2, "2024-04-21")
    assert set(members) == {merged["id"]}


def test_store_cluster_id_survives_a_later_report(tmp_store: Store, make_extracted, make_event) -> None:  # type: ignore[no-untyped-def]
    tmp_store.write([_outlet_report(make_extracted, make_event, "ایرنا", "https://a.ir/1", 2)])
    tmp_store.rebuild_clusters()
    with tmp_store.connect() as connection:
        first = connection.execute(select(clusters.c.id)).scalar_one()
    later = _outlet_report(make_extracted, make_event, "تسنیم", "https://b.ir/1", 2)
    later = type(later)(later.article.__class__(**{**later.article.__dict__, "published": "2024-04-23"}), later.document)
    tmp_store.write([later])
    tmp_store.rebuild_clusters()
    with tmp_store.connect() as connection:
        assert connection.execute(select(clusters.c.id, clusters.c.n_reports)).one() == (first, 2)


def _clusters(store: Store) -> set[frozenset[str]]:
    with store.connect() as connection:
        rows = connection.execute(select(events.c.cluster_id, events.c.event_id)).all()
    groups: dict[str, set[str]] = {}
    for cluster_id, event_id in rows:
        groups.setdefault(cluster_id, set()).add(event_id)
    return {frozenset(g) for g in groups.values()}


def test_store_clusters_incremental_matches_full_rebuild(tmp_store: Store, make_extracted, make_event) -> None:  # type: ignore[no-untyped-def]
    day = {"value": "2024-04-21", "precision": "day", "text": "یکشنبه"}
    reports = [
        _outlet_report(make_extracted, make_event, "ایرنا", "https://a.ir/1", 2, id="irna", date=day),
        _outlet_report(make_extracted, make_event, "تسنیم", "https://b.ir/1", 3, id="tasnim", date=day),
        _outlet_report(make_extracted, make_event, "ایسنا", "https://c.ir/1", 2, id="isna-protest", date=day, type="PROTEST"),
        _outlet_report(make_extracted, make_event, "مهر", "https://d.ir/1", 1, id="mehr-later", date={"value": "2024-05-30", "precision": "day", "text": "x"}),
    ]
    for report in reports:  # one batch and one incremental rebuild at a time
        tmp_store.write([report])
        tmp_store.rebuild_clusters()
    incremental = _clusters(tmp_store)
    assert incremental == {frozenset({"irna", "tasnim"}), frozenset({"isna-protest"}), frozenset({"mehr-later"})}
    # the Tasnim article is corrected: now a protest; its old cluster loses it, the protest cluster gains it
    fixed = _outlet_report(make_extracted, make_event, "تسنیم", "https://b.ir/1", 3, text="تجمع در اهواز.", id="tasnim-fixed", date=day, type="PROTEST")
    assert tmp_store.write([fixed]) == ["updated"]
    tmp_store.rebuild_clusters()
    after_fix = _clusters(tmp_store)
    assert after_fix == {frozenset({"irna"}), frozenset({"isna-protest", "tasnim-fixed"}), frozenset({"mehr-later"})}
    tmp_store.rebuild_clusters(full=True)
    assert _clusters(tmp_store) == after_fix
    with tmp_store.connect() as connection:
        assert connection.execute(select(clusters.c.id)).scalars().all().__len__() == 3
