"""Every server setting and every `rasad serve` option has help text and is in docs/serve.md."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from rasad.cli.serve import serve_command
from rasad.serve import SERVE_SETTINGS_HELP, ServeSettings

DOC = (Path(__file__).resolve().parents[3] / "docs" / "serve.md").read_text(encoding="utf-8")


def test_every_setting_has_help_and_is_documented() -> None:
    names = {f.name for f in fields(ServeSettings)}
    assert names == set(SERVE_SETTINGS_HELP)
    for name in names:
        assert f"`{name}`" in DOC, name


def test_every_cli_option_has_help_and_is_documented() -> None:
    for option in serve_command.params:
        flag = max(option.opts, key=len)  # type: ignore[attr-defined]
        assert f"`{flag}" in DOC, flag
        assert option.name == "log_level" or getattr(option, "help", None), flag
