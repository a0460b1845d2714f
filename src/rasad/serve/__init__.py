"""`rasad serve`: the HTTP API and the web page over a store (see docs/serve.md)."""

from __future__ import annotations

from rasad.serve.app import create_app
from rasad.serve.settings import SERVE_SETTINGS_HELP, ServeSettings

__all__ = ["SERVE_SETTINGS_HELP", "ServeSettings", "create_app"]
