"""YAML data files, read with libyaml's safe loader when PyYAML has it (several times faster than pure Python)."""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream: str | IO[str]) -> Any:
    """What `yaml.safe_load(stream)` returns; errors are the same `yaml.YAMLError`s."""
    return yaml.load(stream, Loader=_LOADER)
