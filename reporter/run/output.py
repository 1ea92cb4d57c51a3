"""Writing outputs without ever losing a file.

Each output is written to a temporary file in the target folder, flushed, and
then moved into place in one step: a reader never sees half a file, and an
interrupted run leaves no partial output. Without `force`, the move is a hard
link that fails if the target exists, so even two runs racing for the same
name cannot clobber each other (the loser gets a clear error).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reporter.errors import OutputError


def check_free(paths: list[Path], force: bool) -> None:
    """Fail before any work if an output exists and --force was not given, or if a
    folder on its way is a file (-o taken/x.pdf where 'taken' is a file)."""
    for p in paths:
        _check_folder(p)
        if not force and p.exists():
            raise OutputError(f"{p}: already exists (use --force to overwrite it)")


def _check_folder(target: Path) -> None:
    for parent in target.parents:  # the nearest existing one decides
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"cannot write {target}: {parent} is a file, not a folder")
            return


def write_all(contents: dict[Path, bytes], force: bool) -> None:
    """Write every file atomically; on any failure, none of the new files is left half-written."""
    temps: dict[Path, Path] = {}
    try:
        for target, data in contents.items():
            _check_folder(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            temps[target] = Path(tmp)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        placed: list[Path] = []
        for target, tmp in temps.items():
            if force:
                os.replace(tmp, target)
            else:
                try:
                    os.link(tmp, target)
                except FileExistsError:
                    for p in placed:  # do not leave half a briefing behind
                        p.unlink(missing_ok=True)
                    raise OutputError(f"{target}: already exists (use --force to overwrite it)") from None
                except OSError:
                    # file systems without hard links: exclusive create, then replace
                    _exclusive_replace(tmp, target)
            placed.append(target)
    except PermissionError as e:
        raise OutputError(f"{e.filename or target}: permission denied") from None
    except OSError as e:
        if isinstance(e, FileExistsError):
            raise
        raise OutputError(f"cannot write {getattr(e, 'filename', '') or 'output'}: {e.strerror or e}") from None
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


def _exclusive_replace(tmp: Path, target: Path) -> None:
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        raise OutputError(f"{target}: already exists (use --force to overwrite it)") from None
    os.close(fd)
    os.replace(tmp, target)
