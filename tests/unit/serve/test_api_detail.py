"""GET /api/events/{id}, /api/articles/{id} and /api/stats on the ingested examples."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient


def event_with_reports(client: TestClient, at_least: int = 2) -> dict[str, Any]:
    listed = client.get("/api/events?sort=-reports&limit=1").json()["events"][0]
    assert listed["n_reports"] >= at_least
    found: dict[str, Any] = client.get(f"/api/events/{listed['id']}").json()
    return found


def test_event_detail_has_every_report_with_its_article_and_sources(client: TestClient) -> None:
    event = event_with_reports(client)
    assert len(event["reports"]) == event["n_reports"]
    assert event["notes"].startswith("On ") and event["type"] and event["id"]
    articles = {r["article"]["id"] for r in event["reports"]}
    assert len(articles) == len(event["reports"])  # one report per article in a cluster
    for report in event["reports"]:
        assert report["article"]["published"] and "outlet" in report["article"]
        assert report["coded"]["type"] == event["type"] and report["coded"]["evidence"]
        assert all({"name", "text", "via"} == set(s) for s in report["sources"])
    assert any(report["sources"] for report in event["reports"])


def test_event_highlights_are_the_article_words_behind_each_field(client: TestClient) -> None:
    event = event_with_reports(client)
    for report in event["reports"]:
        text = client.get(f"/api/articles/{report['article']['id']}").json()["text"]
        fields = {h["field"] for h in report["highlights"]}
        assert {"evidence", "trigger", "location", "date"} <= fields
        for highlight in report["highlights"]:
            assert text[highlight["start"] : highlight["end"]] == highlight["text"]
        evidence = [h for h in report["highlights"] if h["field"] == "evidence"]
        for highlight in report["highlights"]:
            if highlight["field"] in ("fatalities", "injured"):
                assert highlight["matched"] is True
                assert any(e["start"] <= highlight["start"] < highlight["end"] <= e["end"] for e in evidence)


def test_event_casualty_figures_point_at_the_count_not_another_number(client: TestClient) -> None:
    """«با یک پهپاد … یک نفر زخمی شدند»: the injured figure is the second «یک», before «زخمی»."""
    nabatieh = client.get("/api/events?q=Nabatieh").json()["events"][0]
    event = client.get(f"/api/events/{nabatieh['id']}").json()
    for report in event["reports"]:
        text = client.get(f"/api/articles/{report['article']['id']}").json()["text"]
        for highlight in report["highlights"]:
            if highlight["field"] == "injured":
                assert "زخمی" in text[highlight["end"] : highlight["end"] + 20]
            if highlight["field"] == "fatalities":
                following = text[highlight["end"] : highlight["end"] + 30]
                assert "کشته" in following or "شهادت" in following


def test_event_unknown_id_is_404(client: TestClient) -> None:
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": "no event 'no-such-event'"}


def test_article_detail_has_text_mentions_and_events(client: TestClient) -> None:
    event = event_with_reports(client)
    article_id = event["reports"][0]["article"]["id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["id"] == article_id and article["raw_text"] and article["text"]
    assert article["mentions"] and article["events"]
    for mention in article["mentions"]:
        assert article["text"][mention["start"] : mention["end"]] == mention["text"]
    assert event["id"] in {e["cluster_id"] for e in article["events"]}
    assert all(e["highlights"] for e in article["events"])


def test_article_errors_404_and_400(client: TestClient) -> None:
    assert client.get("/api/articles/99999").status_code == 404
    response = client.get("/api/articles/not-a-number")
    assert response.status_code == 400 and response.json()["error"] == "bad_parameter"


def test_stats_count_events_by_day_type_country_and_actor(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    total = client.get("/api/events").json()["total"]
    assert stats["totals"]["events"] == total
    assert sum(t["count"] for t in stats["by_type"]) == total
    assert sum(c["count"] for c in stats["by_country"]) == total
    assert sum(d["count"] for d in stats["by_day"]) <= total
    assert {"date", "type", "count"} == set(stats["by_day"][0])
    assert stats["totals"]["first"] <= stats["totals"]["last"]
    assert stats["by_actor"][0]["count"] >= stats["by_actor"][-1]["count"]


def test_stats_take_the_same_filters(client: TestClient) -> None:
    stats = client.get("/api/stats?country=IRN&since=2024-06-01").json()
    assert stats["totals"]["events"] == client.get("/api/events?country=IRN&since=2024-06-01").json()["total"]
    assert [c["country"] for c in stats["by_country"]] == ["IRN"]
    assert all(d["date"] >= "2024-06-01" for d in stats["by_day"])
    assert client.get("/api/stats?bbox=nonsense").status_code == 400
