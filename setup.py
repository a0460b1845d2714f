"""Build: the stages that run for every article (recognize, extract, resolve) are compiled to C with mypyc.

Everything else is in pyproject.toml. Compiled, the full pipeline runs about 1.2 times as many articles per
CPU-second (bench/extract.py); the output is the same byte for byte. The build falls back to plain Python,
with a warning, when mypyc or a C compiler is missing or fails, so `pip install .` works everywhere.

    RASAD_PURE_PYTHON=1 pip install .   # skip compiling
    pip install -e .                    # editable installs are never compiled: a built module would
                                        # shadow the .py file being edited

`rasad --version` says which build is installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED_STAGES = ("recognize", "extract", "resolve")
# Kept in Python: the lexicon's entries are pickled into the on-disk cache, and instances of compiled
# frozen dataclasses cannot be unpickled. (rasad.model stays Python for the same reason: its events and
# problems cross process boundaries; normalize runs slower compiled.)
KEPT_IN_PYTHON = {"recognize/lexicon.py"}


def _warn(message: str) -> None:
    sys.stderr.write(f"rasad build: {message}; installing plain Python (same output, slower)\n")


def compiled_paths() -> list[str]:
    package = Path("src/rasad")
    return [
        path.as_posix()
        for stage in COMPILED_STAGES
        for path in sorted((package / stage).glob("*.py"))
        if path.relative_to(package).as_posix() not in KEPT_IN_PYTHON
    ]


def extensions() -> list:
    if os.environ.get("RASAD_PURE_PYTHON") == "1" or "editable_wheel" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        # the shared library is a top-level module (rasad_stages__mypyc…so): inside the package it breaks
        # the import of Python modules from compiled packages
        return mypycify(compiled_paths(), opt_level="3", group_name="rasad_stages")
    except (Exception, SystemExit) as error:  # mypyc exits on a type error
        _warn(f"mypyc failed ({error})")
        return []


class BuildOrFallBack(build_ext):
    """Builds the compiled modules; if the C compiler fails, removes what was built and goes on without."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            _warn(f"the C build failed ({error})")
            for extension in self.extensions:  # a half-built set would not import
                built = self.get_ext_fullpath(extension.name)
                if os.path.exists(built):
                    os.remove(built)
            self.extensions = []


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildOrFallBack})
