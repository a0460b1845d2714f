"""POST /api/extract and /api/ingest: the token, the body checks, and what they return or store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from rasad.model import Article
from rasad.pipeline import Pipeline
from rasad.serve.extraction import Busy, Extraction

ROOT = Path(__file__).resolve().parents[3]
AUTH = {"Authorization": "Bearer test-token"}  # the token of conftest's clients
SARAVAN = (ROOT / "examples" / "articles" / "2024-06-10_saravan_clash.txt").read_text(encoding="utf-8")


def test_extract_returns_the_document_contract_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/events").json()["total"]
    response = client.post("/api/extract", json={"text": SARAVAN, "published": "2024-06-10", "outlet": "ایرنا"}, headers=AUTH)
    assert response.status_code == 200, response.text
    document = response.json()
    assert document["schema"] == "rasad.document/1" and document["article"]["published"] == "2024-06-10"
    assert document["article"]["outlet"] == "ایرنا"
    event = next(e for e in document["events"] if e["location"] and e["location"]["name"] == "Saravan")
    assert event["type"] == "ASSAULT" and event["date"]["value"] == "2024-06-10" and event["evidence"]
    assert "highlights" not in event
    assert client.get("/api/events").json()["total"] == before


def test_extract_adds_highlights_when_asked(client: TestClient) -> None:
    document = client.post("/api/extract?highlights=true", json={"text": SARAVAN, "published": "1403-03-21"}, headers=AUTH).json()
    assert document["article"]["published"] == "2024-06-10"  # a Jalali date is accepted
    for event in document["events"]:
        assert event["highlights"]
        for highlight in event["highlights"]:
            assert document["text"][highlight["start"] : highlight["end"]] == highlight["text"]


@pytest.mark.parametrize(
    ("headers", "status", "error"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong"}, 403, "forbidden"),
    ],
)
def test_extract_needs_the_token(client: TestClient, headers: dict[str, str], status: int, error: str) -> None:
    response = client.post("/api/extract", json={"text": SARAVAN}, headers=headers)
    assert response.status_code == status and response.json()["error"] == error
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_extract_is_off_without_a_token_and_open_when_configured(make_client: Callable[..., TestClient], examples_db: Path) -> None:
    closed = make_client(examples_db, token=None)
    response = closed.post("/api/extract", json={"text": SARAVAN}, headers=AUTH)
    assert response.status_code == 403 and "--token" in response.json()["message"]
    assert closed.post("/api/ingest", json={"text": SARAVAN}, headers=AUTH).status_code == 403
    opened = make_client(examples_db, token=None, open_extract=True)
    assert opened.post("/api/extract", json={"text": SARAVAN}).status_code == 200


@pytest.mark.parametrize(
    ("body", "content_type", "status", "error", "words"),
    [
        (b'{"text": ', "application/json", 400, "bad_body", "not valid JSON"),
        (b'["a list"]', "application/json", 422, "invalid_body", "body"),
        (b"{}", "application/json", 422, "invalid_body", "text"),
        (b'{"text": ""}', "application/json", 422, "invalid_body", "text"),
        (b'{"text": 42}', "application/json", 422, "invalid_body", "text"),
        (b'{"text": "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "colour": "red"}', "application/json", 422, "invalid_body", "colour"),
        (b'{"text": "only English words here"}', "application/json", 422, "invalid_article", "Persian"),
        (b'{"text": "<html><body>\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85</body></html>"}', "application/json", 422, "invalid_article", "HTML"),
        (b'{"text": "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "published": "2024-02-31"}', "application/json", 422, "invalid_article", "date"),
        (b"text=hello", "application/x-www-form-urlencoded", 415, "unsupported_media_type", "application/json"),
        (b"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "text/plain", 415, "unsupported_media_type", "text/plain"),
    ],
)
def test_extract_bad_bodies_get_clear_4xx(client: TestClient, body: bytes, content_type: str, status: int, error: str, words: str) -> None:
    response = client.post("/api/extract", content=body, headers={**AUTH, "Content-Type": content_type})
    assert response.status_code == status, response.text
    found = response.json()
    assert found["error"] == error and words in found["message"]


def test_extract_codes_name_the_rasad_error(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": "only English"}, headers=AUTH)
    assert response.json()["detail"] == {"code": "E105"}


def test_body_over_the_limit_is_413(make_client: Callable[..., TestClient], examples_db: Path) -> None:
    small = make_client(examples_db, max_body_bytes=2048)
    response = small.post("/api/extract", json={"text": "س" * 2000}, headers=AUTH)
    assert response.status_code == 413 and response.json()["error"] == "too_large"
    chunked = small.post("/api/extract", content=iter([b'{"text": "', "س".encode() * 1500, b'"}']), headers={**AUTH, "Content-Type": "application/json"})
    assert chunked.status_code == 413


def test_ingest_is_off_on_a_read_only_server(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"text": SARAVAN}, headers=AUTH)
    assert response.status_code == 403 and "read-only" in response.json()["message"]


def test_ingest_needs_the_token(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    writable = make_client(writable_db, writable=True)
    assert writable.post("/api/ingest", json={"text": SARAVAN}).status_code == 401
    assert writable.post("/api/ingest", json={"text": SARAVAN}, headers={"Authorization": "Bearer nope"}).status_code == 403


def test_ingest_stores_the_article_and_its_events(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    writable = make_client(writable_db, writable=True)
    before = writable.get("/api/stats").json()["totals"]
    text = SARAVAN.replace("سه کشته", "پنج کشته")  # a new article: another outlet's figure
    body = {"text": text, "published": "2024-06-10", "outlet": "خبرگزاری آزمون", "url": "https://example.org/saravan"}
    response = writable.post("/api/ingest", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["status"] == "new" and stored["events"] and all(e["event_id"] for e in stored["events"])
    article = writable.get(f"/api/articles/{stored['article_id']}").json()
    assert article["url"] == "https://example.org/saravan" and article["outlet"] == "خبرگزاری آزمون"
    after = writable.get("/api/stats").json()["totals"]
    assert after["reports"] == before["reports"] + len(stored["events"])
    event = writable.get(f"/api/events/{stored['events'][0]['event_id']}").json()
    assert stored["article_id"] in {r["article"]["id"] for r in event["reports"]}
    again = writable.post("/api/ingest", json=body, headers=AUTH)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_ingest_rejects_what_is_not_an_article(make_client: Callable[..., TestClient], writable_db: Path) -> None:
    writable = make_client(writable_db, writable=True)
    response = writable.post("/api/ingest", json={"text": "no Persian at all"}, headers=AUTH)
    assert response.status_code == 422 and response.json()["detail"] == {"code": "E105"}


def test_extraction_queue_refuses_past_its_depth(pipeline: Pipeline, examples_db: Path) -> None:
    extraction = Extraction(str(examples_db), factory=lambda _settings: pipeline, max_waiting=0)
    try:
        with ThreadPoolExecutor(1) as thread, pytest.raises(Busy):  # its own thread: a browser test may hold this one's loop
            thread.submit(asyncio.run, extraction.extract(Article(id="a", text=SARAVAN))).result()
    finally:
        extraction.close()
