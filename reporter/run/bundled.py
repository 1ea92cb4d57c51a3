"""Where the bundled templates and seed articles are.

In the source tree they are top-level folders (templates/, seeds/); an
installed wheel carries them inside the package (pyproject's force-include).
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # reporter/


def folder(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")


def templates_dir() -> Path:
    return folder("templates")


def seed_files() -> list[Path]:
    return sorted(folder("seeds").glob("*.txt"))
