"""The OpenAPI document is valid, lists every endpoint, and real responses match its schemas."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    found: dict[str, Any] = client.get("/openapi.json").json()
    return found


def test_openapi_document_is_valid(spec: dict[str, Any]) -> None:
    validate(spec)


def test_openapi_lists_every_endpoint_and_parameter(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    assert set(paths) == {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats", "/api/extract", "/api/ingest"}
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert names == {"since", "until", "country", "type", "actor", "bbox", "q", "sort", "limit", "offset", "format"}
    for path in ("/api/extract", "/api/ingest"):
        post = paths[path]["post"]
        assert post["requestBody"]["content"]["application/json"]["schema"]["required"] == ["text"]
        assert {"401", "403", "413", "415", "422", "429"} <= set(post["responses"])


def _check(spec: dict[str, Any], schema_name: str, instance: Any) -> None:
    """Validate against one component schema, its references resolved inside the document."""
    OAS31Validator({"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}).validate(instance)


@pytest.mark.parametrize(
    ("path", "schema_name"),
    [
        ("/api/events", "EventList"),
        ("/api/events?limit=2&sort=-fatalities", "EventList"),
        ("/api/stats", "Stats"),
        ("/api/events/nope", "Error"),
    ],
)
def test_responses_match_their_schema(client: TestClient, spec: dict[str, Any], path: str, schema_name: str) -> None:
    _check(spec, schema_name, client.get(path).json())


def test_event_and_article_details_match_their_schema(client: TestClient, spec: dict[str, Any]) -> None:
    event_id = client.get("/api/events?sort=-reports&limit=1").json()["events"][0]["id"]
    event = client.get(f"/api/events/{event_id}").json()
    _check(spec, "EventDetail", event)
    _check(spec, "ArticleDetail", client.get(f"/api/articles/{event['reports'][0]['article']['id']}").json())
