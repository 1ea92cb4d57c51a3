"""`reporter batch MANIFEST.csv`: many briefings, in parallel, past failures.

A pool of worker processes (one per core by default) imports the heavy
libraries and loads the language data once each (_warm_up), then runs row
after row, so the start-up cost is paid per worker, not per briefing. A failing
row is reported and the rest go on; the exit status is non-zero when any row
failed, and the summary names them.

SIGTERM or Ctrl-C stops the batch: the workers are stopped (a row on its way
unwinds through its writers, so it leaves no file, whole or partial), the rows
that finished keep their files, the table lists every row (the unfinished ones
as interrupted) and the exit status is 130. No worker process outlives the batch.
"""
from __future__ import annotations

import csv
import os
import re
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reporter.errors import ExitStatus, InputError, ReporterError
from reporter.run.briefing import Job
from reporter.run.env import Env
from reporter.settings import Settings


@dataclass(frozen=True)
class Row:
    line: int  # line number in the manifest
    job: Job


@dataclass(frozen=True)
class Outcome:
    line: int
    output: str
    ok: bool
    message: str  # the files written, or the error
    interrupted: bool = False  # the batch was stopped before this row finished: it wrote nothing


def read_manifest(path: str | Path, settings: Settings, force: bool, name: str | None = None,
                  allow_outside: bool = False, archive: str | None = None, short: bool = False) -> list[Row]:
    """The rows of a manifest. Its paths are relative to its folder, and stay in it: an output
    or an input that is absolute or leads out of the folder (through .. or a symlink) refuses the
    whole manifest before any row runs, unless allow_outside (--allow-outside). An empty output
    cell is a new dated briefing in the manifest's folder. An optional `short` column says per row
    whether its PDF is the one-page --short one (yes/no; empty: `short`, batch's --short)."""
    p = Path(path)
    path = name or path  # messages name the manifest as the user gave it
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such manifest") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot be read as a UTF-8 CSV ({e})") from None
    reader = csv.DictReader(text.splitlines())
    fields = reader.fieldnames or []
    article_cols = [f for f in fields if f and f.strip().lower().startswith("article")]
    if "output" not in fields or not article_cols:
        raise InputError(f"{path}: a manifest needs an 'output' column and columns article1, article2, ...")
    base = p.parent
    inside = base.resolve()

    def resolve(x: str, n: int, column: str) -> str:
        x = x.strip()
        if column != "output" and (x == "-" or re.match(r"^https?://", x, re.IGNORECASE)):
            return x  # standard input, a URL (as stages/read.py tells them): not a path
        real = (base / x).resolve()  # through .. and symlinks, as the file system would go
        if not allow_outside and (Path(x).is_absolute() or not (real == inside or inside in real.parents)):
            raise InputError(f"{path}: line {n}: {column} {x!r} is outside the manifest's folder (absolute, or "
                             "through .. or a symlink); paths stay in it unless you give --allow-outside")
        return x if Path(x).is_absolute() else str(base / x)

    date_cols = [f for f in fields if f and re.fullmatch(r"date\d+", f.strip().lower())]
    short_col = next((f for f in fields if f and f.strip().lower() == "short"), None)
    rows = []
    for n, rec in enumerate(reader, start=2):
        files = tuple(resolve(rec[c], n, c) for c in article_cols if rec.get(c) and rec[c].strip())
        row_settings = _row_dates(rec, date_cols, settings, f"{path}: line {n}")
        output = (rec.get("output") or "").strip()
        if not output and not files:
            continue  # a blank line
        # no output: a new dated briefing beside the manifest (not in the working folder)
        output = resolve(output, n, "output") if output else str(base) + os.sep
        row_short = _row_short(rec.get(short_col) if short_col else None, short, f"{path}: line {n}")
        rows.append(Row(n, Job(files, output, row_settings, force, keep_models=True, archive=archive,
                               short=row_short)))
    if not rows:
        raise InputError(f"{path}: the manifest has no rows")
    return rows


_YES = ("yes", "y", "true", "1", "x", "sí", "si")
_NO = ("no", "n", "false", "0")


def _row_short(cell: str | None, default: bool, where: str) -> bool:
    """A row's `short` cell: yes (also y, true, 1, x, sí) or no (n, false, 0); empty or no such
    column: the batch's --short. Anything else refuses the manifest before any row runs."""
    value = (cell or "").strip().casefold()
    if not value:
        return default
    if value in _YES or value in _NO:
        return value in _YES
    raise InputError(f"{where}: short {cell.strip()[:40]!r}: give yes or no (or leave it empty: --short decides)")


def _row_dates(rec: dict, columns: list[str], settings: Settings, where: str) -> Settings:
    """A row's publication dates: column dateN is the Nth article's (A, B, ...), as --date gives them;
    an empty cell is unknown. A bad date refuses the manifest before any row runs."""
    from dataclasses import replace

    from reporter.text.dates import check_iso_day

    given = dict(settings.dates)
    for column in columns:
        value = (rec.get(column) or "").strip()
        if not value:
            continue
        number = int(column.strip()[4:])
        if number < 1:
            raise InputError(f"{where}: column {column}: articles are numbered from 1 (date1 is article1's)")
        try:
            given[_article_id(number)] = check_iso_day(value, f"{where}: {column} {value!r}")
        except ValueError as e:
            raise InputError(str(e)) from None
    return replace(settings, dates=tuple(sorted(given.items()))) if given != dict(settings.dates) else settings


def _article_id(number: int) -> str:
    """The id of the `number`th article (1 -> A), as pipeline._article_ids names them."""
    letters, i = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", number - 1
    return letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26]


# Two tiny articles per first-class language, long enough (over 40 letters, over
# three sentences) for language identification and the summarizer to really run.
_WARM_UP_TEXTS = {
    "es": ("El Gobierno anunció el lunes que invertirá 30 millones de euros en el nuevo hospital de Valencia. "
           "La ministra de Sanidad aseguró que las obras empezarán en marzo. La oposición criticó el plan. "
           "Los vecinos esperan que el hospital abra antes de 2027.",
           "El hospital de Valencia costará 35 millones de euros, según el Ministerio de Sanidad. "
           "Las obras empezarán en marzo, dijo la ministra. Los sindicatos apoyan el proyecto. "
           "El ayuntamiento cederá los terrenos."),
    "en": ("The government said on Monday that it will spend 30 million euros on a new hospital in Valencia. "
           "The health minister said that work will start in March. The opposition criticised the plan. "
           "Residents hope the hospital will open before 2027.",
           "The Valencia hospital will cost 35 million euros, according to the health ministry. "
           "Work starts in March, the minister said. The unions support the project. "
           "The city council will provide the land."),
}


def _warm_up(settings: Settings = Settings()) -> None:
    """Once per worker: import the heavy libraries and load the language data a
    briefing needs, so the rows that follow reuse them.

    The data loads lazily and stays in lru caches (language.py: py3langid's model,
    simplemma's dictionaries, wordfreq, the stemmers and stop words; checkworthy.load),
    so the warm-up makes one tiny briefing per language through the real pipeline
    (make_source, then brief) instead of repeating what each stage loads: Spanish
    and English, or only the language the batch forces. It renders no PDF.
    A warm-up is an optimisation: if it fails, the rows run anyway and report their own errors.
    """
    try:
        import weasyprint  # noqa: F401  (render.py imports it only when the first PDF is made)

        # what run.briefing.run imports when it makes the first briefing
        from reporter.pipeline import brief, make_source
        from reporter.report import json_twin, render  # noqa: F401
        from reporter.review import checklist  # noqa: F401
        from reporter.run import output  # noqa: F401
        from reporter.stages import read  # noqa: F401

        for code in (settings.language,) if settings.language else tuple(_WARM_UP_TEXTS):
            texts = _WARM_UP_TEXTS.get(code, _WARM_UP_TEXTS["en"])
            brief([make_source(f"warm-up-{code}-{i}.txt", t, settings) for i, t in enumerate(texts)], settings)
    except Exception:  # noqa: BLE001
        pass


def worker_count(jobs: int, rows: int) -> int:
    """Worker processes for `rows` briefings: --jobs, else one per core; never more than the rows."""
    # the cores this process may use (a container or taskset can allow fewer than the machine has)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(jobs or cores or 1, rows))


def _run_row(row: Row) -> Outcome:
    from reporter.run.briefing import run

    output = row.job.output or "(dated)"
    try:
        written = run(row.job)
        return Outcome(row.line, output, True, ", ".join(str(p) for p in written))
    except ReporterError as e:
        return Outcome(row.line, output, False, str(e))
    except Exception as e:  # a bug in one row must not stop the batch
        return Outcome(row.line, output, False, f"internal error: {type(e).__name__}: {e}")


# A worker process's state, for its SIGTERM handler (_worker_stop):
#   "idle": waiting for a row or warming up: nothing to clean up, it ends at once;
#   "busy": a row is running, its files may be on their way: unwind through its writers;
#   "reporting": the row is done and its outcome is being sent: the signal waits until it is sent.
_state = "idle"
_stop_noted = False
_finished = None  # a SimpleQueue to the batch: each finished row's outcome, sent before anything else


def _worker_start(settings: Settings, finished) -> None:
    """A worker's initializer: its signals, then the warm-up. Ctrl-C reaches every process of
    the terminal's group: the workers ignore it and the batch stops them, as on SIGTERM."""
    global _finished
    _finished = finished
    signal.signal(signal.SIGTERM, _worker_stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up(settings)


def _worker_stop(signum, frame) -> None:
    global _stop_noted
    if _state == "busy":
        raise KeyboardInterrupt  # unwinds through the row's writers: no partial file, no half group
    if _state == "reporting":
        _stop_noted = True  # the outcome of a finished row is never lost: stop once it is sent
        return
    os._exit(ExitStatus.INTERRUPTED)


def _run_row_in_worker(row: Row) -> Outcome:
    """One row in a worker. Its outcome goes to the batch twice: at once through `_finished`
    (a pipe written synchronously, with SIGTERM held), so a batch stopped right after the row
    finished still lists it; then as the return value, the executor's usual way."""
    global _state
    _state = "busy"
    try:
        outcome = _run_row(row)
    except KeyboardInterrupt:  # stopped by the batch: the row's files are cleaned up; quietly end
        from reporter.text import warmup

        warmup.stop()  # a long row's encoding children
        os._exit(ExitStatus.INTERRUPTED)
    _state = "reporting"
    if _finished is not None:
        _finished.put(outcome)
    _state = "idle"
    if _stop_noted:
        os._exit(ExitStatus.INTERRUPTED)
    return outcome


def _listen(reported, heard: list) -> None:
    """The batch's listener thread: every outcome the workers report, until None."""
    while (outcome := reported.get()) is not None:
        heard.append(outcome)


def _stop_workers(pool: ProcessPoolExecutor, processes: list, seconds: float = 30) -> None:
    """Cancel the rows not started and stop the running ones: SIGTERM (a worker mid-row cleans up
    its files, then ends), and SIGKILL for one still alive after `seconds`. Every worker is waited
    for, so none is left behind (nor a zombie)."""
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + seconds
    for p in processes:
        p.join(max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(5)


def run_manifest(manifest: str, settings: Settings, *, jobs: int = 0, force: bool = False, progress: bool = True,
                 env: Env = Env(), allow_outside: bool = False, archive: str | None = None, short: bool = False) -> int:
    """Every row of the manifest; a table of outcomes on env's standard output. SIGTERM or
    Ctrl-C (KeyboardInterrupt): the finished rows are kept and listed, the rest stopped; 130."""
    rows = read_manifest(env.path(manifest), settings, force, manifest, allow_outside,
                         archive=None if archive is None else str(env.path(archive)),  # every row reads the one archive
                         short=short)
    workers = worker_count(jobs, len(rows))
    outcomes: list[Outcome] = []
    interrupted = False
    from tqdm import tqdm

    bar = tqdm(total=len(rows), unit="briefing", disable=not progress or None, file=env.err)
    if workers == 1:
        try:
            _warm_up(settings)
            for row in rows:
                outcomes.append(_run_row(row))  # an interrupted row has cleaned up its files
                bar.update()
        except KeyboardInterrupt:
            interrupted = True
    else:
        import multiprocessing

        # each finished row's outcome, sent by its worker before anything else; read as it comes
        reported = multiprocessing.SimpleQueue()
        heard: list[Outcome] = []
        listener = threading.Thread(target=_listen, args=(reported, heard), daemon=True)
        listener.start()
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(settings, reported))
        futures = {}
        try:
            futures = {pool.submit(_run_row_in_worker, row): row for row in rows}
            for f in as_completed(futures):
                outcomes.append(f.result())
                bar.update()
        except KeyboardInterrupt:
            interrupted = True
            with _signals_ignored():  # a second signal must not cut the clean-up short
                _stop_workers(pool, list((pool._processes or {}).values()))  # the executor cannot stop a running row
        else:
            pool.shutdown()
        reported.put(None)  # the workers are gone: the listener has heard every outcome before this
        listener.join(30)
        if interrupted:  # every row that finished, whether or not its result had reached the loop
            outcomes = list({o.line: o for o in [*outcomes, *heard]}.values())
    bar.close()
    if interrupted:
        done = {o.line for o in outcomes}
        outcomes += [Outcome(r.line, r.job.output or "(dated)", False, "not finished: the batch was stopped; "
                             "nothing written", interrupted=True) for r in rows if r.line not in done]
    outcomes.sort(key=lambda o: o.line)
    _table(outcomes, env.out)
    if interrupted:
        done = sum(not o.interrupted for o in outcomes)
        print(f"reporter: interrupted: {done} of {len(outcomes)} rows finished and keep their files; "
              "the others were stopped and wrote nothing", file=env.err)
        return ExitStatus.INTERRUPTED
    failed = [o for o in outcomes if not o.ok]
    if failed:
        print(f"reporter: error: {len(failed)} of {len(outcomes)} rows failed: "
              + ", ".join(f"line {o.line}" for o in failed), file=env.err)
        return ExitStatus.INPUT
    return ExitStatus.OK


@contextmanager
def _signals_ignored():
    """SIGTERM and SIGINT ignored for a while (main thread only), then their handlers back."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)


def _table(outcomes: list[Outcome], out) -> None:
    width = max(len(o.output) for o in outcomes)
    print(f"{'line':>4}  {'output':<{width}}  result", file=out)
    for o in outcomes:
        result = "INTERRUPTED" if o.interrupted else "ok" if o.ok else "FAILED"
        print(f"{o.line:>4}  {o.output:<{width}}  {result}: {o.message}", file=out)
    ok = sum(o.ok for o in outcomes)
    stopped = sum(o.interrupted for o in outcomes)
    print(f"{ok} ok, {len(outcomes) - ok - stopped} failed" + (f", {stopped} interrupted" if stopped else ""), file=out)
