"""What a run takes from the world outside the program: streams, clock, working folder.

The CLI gets the real ones (Env()); tests pass their own, so the whole command line
runs in-process, with a fixed clock and a folder of their choosing.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, TextIO


def now() -> datetime:
    """The time of a run: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() else datetime.now(timezone.utc)


@dataclass(frozen=True)
class Env:
    stdin: BinaryIO | None = None  # None: the process's standard input (looked up when used)
    stdout: TextIO | None = None
    stderr: TextIO | None = None
    clock: Callable[[], datetime] = field(default=now)
    cwd: Path | None = None  # None: the process's working folder

    @property
    def input(self) -> BinaryIO:
        return self.stdin if self.stdin is not None else sys.stdin.buffer

    @property
    def out(self) -> TextIO:
        return self.stdout if self.stdout is not None else sys.stdout

    @property
    def err(self) -> TextIO:
        return self.stderr if self.stderr is not None else sys.stderr

    @property
    def folder(self) -> Path:
        return self.cwd if self.cwd is not None else Path.cwd()

    def path(self, name: str | Path) -> Path:
        """A path the user gave, relative to the working folder."""
        p = Path(name)
        return p if p.is_absolute() or self.cwd is None else self.cwd / p
