"""Where the archive is, without importing numpy or sqlite3 (a briefing resolves it before its
inputs are read, and a missing input file must fail before any heavy import: tests/test_startup.py)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

FILE_NAME = "archive.sqlite"


def default_path(environ: Mapping[str, str] = os.environ) -> Path:
    """$REPORTER_ARCHIVE, else the user's data folder."""
    given = environ.get("REPORTER_ARCHIVE")
    if given:
        return Path(given).expanduser()
    xdg = environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path(environ.get("HOME") or Path.home()) / ".local" / "share"
    return base / "reporter" / FILE_NAME
