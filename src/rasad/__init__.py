"""rasad (رصد): Persian news in, coded conflict events out."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def build() -> str:
    """How the per-article stages were installed: compiled to C by mypyc, or plain Python (see setup.py)."""
    from rasad import extract  # imported here, not at the top: `import rasad` stays light

    return "plain Python" if extract.__file__.endswith(".py") else "compiled (mypyc)"
