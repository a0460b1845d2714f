"""Rate limits, security headers and CORS: on by default where they should be, off where they should be."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from rasad.serve import guard
from rasad.serve.app import tile_origin
from rasad.serve.guard import Buckets, content_security_policy


def test_buckets_allow_a_burst_then_the_rate() -> None:
    buckets = Buckets(per_minute=60, burst=3)
    assert [buckets.take("a", 0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a", 0.0) == 1.0  # one token a second: wait a second
    assert buckets.take("b", 0.0) == 0.0  # another client has its own bucket
    assert buckets.take("a", 1.0) == 0.0
    assert buckets.take("a", 10.0) == 0.0 and buckets.levels["a"][0] == 2.0  # refilled up to the burst only


def test_buckets_forget_clients_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_CLIENTS", 10)
    buckets = Buckets(per_minute=60, burst=2)
    for number in range(12):
        buckets.take(f"client-{number}", float(number))
    assert len(buckets.levels) <= 11


def test_too_many_requests_get_429_with_retry_after(make_client: Callable[..., TestClient], examples_db: Path) -> None:
    limited = make_client(examples_db, rate_limit=20)  # bursts of 2
    statuses = [limited.get("/api/stats").status_code for _ in range(4)]
    assert statuses[:2] == [200, 200] and statuses[-1] == 429
    response = limited.get("/api/events")
    assert response.status_code == 429 and int(response.headers["retry-after"]) >= 1
    assert response.json()["error"] == "too_many_requests"
    assert limited.get("/static/app.css").status_code == 200  # static files are not counted


def test_post_requests_have_their_own_smaller_limit(make_client: Callable[..., TestClient], examples_db: Path) -> None:
    limited = make_client(examples_db, rate_limit=0, write_rate_limit=10)  # bursts of 1
    headers = {"Authorization": "Bearer test-token"}
    assert limited.post("/api/extract", json={"text": "no Persian"}, headers=headers).status_code == 422
    assert limited.post("/api/extract", json={"text": "no Persian"}, headers=headers).status_code == 429
    assert limited.get("/api/stats").status_code == 200


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/events", "/api/events/none", "/static/app.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_cors_is_off_unless_configured(client: TestClient, make_client: Callable[..., TestClient], examples_db: Path) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/events", headers=origin).headers
    preflight = {**origin, "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.options("/api/events", headers=preflight).headers
    shared = make_client(examples_db, cors_origins=("https://elsewhere.example",))
    assert shared.get("/api/events", headers=origin).headers["access-control-allow-origin"] == "https://elsewhere.example"
    other = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in shared.get("/api/events", headers=other).headers


def test_unknown_routes_and_methods(client: TestClient) -> None:
    assert client.get("/api/nothing").json() == {"error": "not_found", "message": "no such page"}
    assert client.get("/nothing").headers["content-type"].startswith("text/html")
    response = client.delete("/api/events")
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"


def test_tile_origin_is_allowed_for_images_only() -> None:
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_origin("/tiles/{z}/{x}/{y}.png") is None and tile_origin(None) is None
    policy = content_security_policy("https://tiles.example.org")
    assert "img-src 'self' data: https://tiles.example.org;" in policy and "connect-src 'self';" in policy
