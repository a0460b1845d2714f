from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from rasad.normalize import Normalizer
from rasad.pipeline import Pipeline

# Property tests draw the same examples on every run, so that a run is reproducible and CI never
# turns red by chance; `pytest --hypothesis-profile=explore` searches afresh (and deeper) for bugs.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "seed"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
SEED_TEXT = SEED_DIR / "000_6a86224643d0b2e4.txt"


@pytest.fixture(scope="session")
def normalizer() -> Normalizer:
    return Normalizer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_TEXT.exists():
        pytest.skip("shared seed article is absent")
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from rasad.config import Settings
    from rasad.pipeline import default_pipeline

    return default_pipeline(Settings(cache_dir=ROOT / ".cache"))
