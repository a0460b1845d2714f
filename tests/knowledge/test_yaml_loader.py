"""Data files are read with libyaml when PyYAML has it: the same data as `yaml.safe_load`, the same errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import rasad
from rasad.knowledge.yamlfile import load_yaml

PACKAGE = Path(rasad.__file__).parent


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.yaml")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_shipped_yaml_file_reads_as_with_safe_load(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert repr(load_yaml(text)) == repr(yaml.safe_load(text))


def test_bad_yaml_raises_a_yaml_error() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("key: [unclosed\n")
