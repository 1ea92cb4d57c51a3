"""Writing outputs without ever losing a file.

Each output is written to a temporary file in the target folder, flushed, and
then moved into place in one step: a reader never sees half a file, and an
interrupted run leaves no partial output. Without `force`, the move is a hard
link that fails if the target exists, so even two runs racing for the same
name cannot clobber each other (the loser gets a clear error).

A run's files are a group, all or nothing: the moves into place happen with
SIGINT and SIGTERM held, the PDF last, and any failure or interrupt between them
rolls the group back -- the new files that were placed are removed and, with
`force`, the old files they replaced are put back (each is kept under a hard link
until the group is complete). So no PDF is ever left without its JSON and CSV, and
an interrupted --force run leaves the old set, never a mix of old and new.
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
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


def write_all(contents: dict[Path, bytes | None], force: bool) -> None:
    """Write every file atomically, and the group all or nothing: on any failure or interrupt,
    none of the new files is left (half-written or whole) and, with force, the old ones are back.
    A target whose content is None is removed with the group when force is given (an old file
    that would no longer match the new ones), and is left alone otherwise."""
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}  # with force: target -> a hard link to the file it replaces
    try:
        for target, data in contents.items():
            if data is None:
                continue
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
        with signals_held() as signalled:
            try:
                # the PDF last: a crash no handler sees (SIGKILL, power) leaves no PDF without its twin
                for target in sorted(contents, key=lambda t: t.suffix.lower() == ".pdf"):
                    tmp = temps.get(target)
                    if tmp is None and not force:
                        continue
                    if force:
                        backup = _keep_old(target)
                        if backup is not None:
                            backups[target] = backup
                        placed.append(target)  # before the move: a rollback restores the old file either way
                        if tmp is None:
                            target.unlink(missing_ok=True)
                        else:
                            os.replace(tmp, target)
                        continue
                    try:
                        os.link(tmp, target)  # fails if the name is taken: never someone else's file
                    except FileExistsError:
                        raise OutputError(f"{target}: already exists (use --force to overwrite it)") from None
                    except OSError:
                        # file systems without hard links: claim the name (exclusive create), then replace
                        _claim(target)
                        placed.append(target)
                        os.replace(tmp, target)
                        continue
                    placed.append(target)
                if signalled():  # SIGINT/SIGTERM came during the moves: the run stops, nothing is kept
                    raise KeyboardInterrupt
            except BaseException:
                _roll_back(placed, backups)  # do not leave half a briefing, or a mix of old and new
                raise
    except PermissionError as e:
        raise OutputError(f"{e.filename or target}: permission denied") from None
    except OSError as e:
        if isinstance(e, FileExistsError):
            raise
        raise OutputError(f"cannot write {getattr(e, 'filename', '') or 'output'}: {e.strerror or e}") from None
    finally:
        for tmp in [*temps.values(), *backups.values()]:
            tmp.unlink(missing_ok=True)


def _claim(target: Path) -> None:
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        raise OutputError(f"{target}: already exists (use --force to overwrite it)") from None
    os.close(fd)


def _keep_old(target: Path) -> Path | None:
    """A hard link to the file `target` names (a copy where links are not supported), so a
    rollback can put it back; None when there is no such file."""
    if not os.path.lexists(target):
        return None
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
    os.close(fd)
    backup = Path(name)
    try:
        backup.unlink()
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup


def _roll_back(placed: list[Path], backups: dict[Path, Path]) -> None:
    """Undo the moves of an unfinished group: put back the old file a new one replaced, or
    remove the new one. Best effort: a failure here must not hide the error that stopped the group."""
    for target in reversed(placed):
        try:
            if target in backups:
                # (when the move never happened, both names are links to the old file and this
                # does nothing: write_all's cleanup removes the backup's name either way)
                os.replace(backups[target], target)
            else:
                target.unlink(missing_ok=True)
        except OSError:
            pass


_HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name))


@contextmanager
def signals_held():
    """Hold SIGINT and SIGTERM while the group is moved into place (main thread), so an interrupt
    cannot land between a move and its rollback; yields a check for "one came meanwhile".

    Their handlers only note the signal meanwhile (a signal mask would not do: Python runs its
    handlers in the main thread whichever thread the kernel picks, and numpy's threads do not
    block it). Afterwards the old handlers are back and a noted signal is raised again, so it
    has its usual effect (the CLI's handler raises KeyboardInterrupt; a default SIGTERM ends the
    process) once the group is whole or rolled back. A signal this process ignores stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: False
        return
    noted: list[int] = []
    previous = {}
    try:
        for s in _HELD:
            if signal.getsignal(s) is not signal.SIG_IGN:
                previous[s] = signal.signal(s, lambda signum, frame: noted.append(signum))
        yield lambda: bool(noted)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        if noted:
            signal.raise_signal(noted[0])  # its own handler runs now (and raises, as a rule)
            raise KeyboardInterrupt  # a handler that returned: the group was rolled back all the same
