"""`rasad serve --workers N`: how the settings reach the workers, how the rate limits are shared, the sockets."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from rasad.serve.app import share
from rasad.serve.settings import ServeSettings, settings_from_json, settings_json
from rasad.serve.workers import listening_socket, reuse_port_supported


def test_settings_travel_to_the_workers_unchanged() -> None:
    settings = ServeSettings(db="/data/rasad.db", token="s3cret", cors_origins=("https://a.example",), cache_dir=Path("/tmp/cache"), render_cache=5, workers=3)
    assert settings_from_json(settings_json(settings)) == settings
    assert settings_from_json(settings_json(ServeSettings())) == ServeSettings()


@pytest.mark.parametrize(("per_minute", "workers", "each"), [(600, 1, 600), (600, 2, 300), (601, 2, 301), (1, 4, 1), (0, 4, 0)])
def test_rate_limits_are_shared_out_between_workers(per_minute: int, workers: int, each: int) -> None:
    assert share(per_minute, workers) == each


@pytest.mark.skipif(not reuse_port_supported(), reason="no SO_REUSEPORT on this system")
def test_workers_sockets_share_one_port() -> None:
    holder = listening_socket("127.0.0.1", 0, listen=False)
    port = holder.getsockname()[1]
    first, second = listening_socket("127.0.0.1", port), listening_socket("127.0.0.1", port)
    try:
        for _ in range(4):  # whichever socket the kernel picks, the connection is taken
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass
    finally:
        for sock in (holder, first, second):
            sock.close()
