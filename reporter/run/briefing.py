"""One briefing run, from input specs to files on disk: shared by `brief` and `batch`.

The edge of the program: it reads inputs, calls the pure pipeline, renders, and
writes every output atomically. Where the outputs go:
- `-o FILE.pdf` writes exactly FILE.pdf, FILE.json and FILE.csv (never replacing
  an existing file without --force);
- `-o FOLDER/` or no -o writes a new dated briefing in that folder (the working
  folder when left out), never overwriting: a name taken meanwhile gets -2, -3, ...
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from reporter.errors import InputError, OutputError, RenderError
from reporter.model import PDF_ITEMS, Briefing, Settings


@dataclass(frozen=True)
class Limits:
    """Caps that keep one hostile or mistaken input from eating the machine."""

    max_bytes: int = 20 * 1024 * 1024  # per input
    max_sentences: int = 20_000  # all articles together
    render_seconds: int = 300  # the PDF


@dataclass(frozen=True)
class Job:
    files: tuple[str, ...]  # input specs: paths, "-", URLs; empty = the bundled seeds
    output: str | None = None  # FILE.pdf, a folder, or None (a dated briefing here)
    settings: Settings = Settings()
    force: bool = False
    templates: str | None = None
    ui_language: str | None = None
    verdicts: str | None = None
    since: str | None = None
    allow_urls: bool = False
    limits: Limits = Limits()
    pdf_items: int = PDF_ITEMS  # items a PDF section lists before pointing to the JSON/CSV; 0 = all
    keep_models: bool = False  # keep language data loaded after the run (batch workers make more briefings)


def now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() else datetime.now(timezone.utc)


def targets(pdf: Path, with_review: bool) -> list[Path]:
    out = [pdf, pdf.with_suffix(".json"), pdf.with_suffix(".csv")]
    return out + ([pdf.with_suffix(".claimreview.json")] if with_review else [])


def plan_output(output: str | None, when: datetime) -> tuple[Path, bool]:
    """(the PDF path, whether it is a dated name that may take a -N suffix)."""
    if output and (output.endswith(("/", os.sep)) or Path(output).is_dir()) or output is None:
        folder = Path(output or ".")
        return folder / f"briefing-{when.strftime('%Y%m%d-%H%M%S')}.pdf", True
    pdf = Path(output)
    if pdf.suffix.lower() != ".pdf":
        raise InputError(f"-o {output}: the output must be a .pdf file or a folder")
    return pdf, False


def run(job: Job) -> list[Path]:
    """Make one briefing; returns the files written."""
    from reporter.stages.summarize import parse_length

    try:
        parse_length(job.settings.length)
    except ValueError as e:
        raise InputError(str(e)) from None
    when = now()
    pdf_path, dated = plan_output(job.output, when)
    if job.verdicts:
        own = {p.resolve() for p in targets(pdf_path, True)}
        if Path(job.verdicts).resolve() in own:
            raise InputError(f"--verdicts {job.verdicts}: is one of this run's outputs; "
                             "the reviewer's file is never written to (choose another -o)")
    from reporter.run.output import check_free, write_all

    if not dated:
        check_free(targets(pdf_path, bool(job.verdicts)), job.force)
    user_templates = Path(job.templates) if job.templates else None
    if user_templates is not None and not user_templates.is_dir():
        raise InputError(f"--templates {job.templates}: not a folder")

    briefing = make_briefing(job, when)
    from reporter.report.json_twin import to_json
    from reporter.report.render import render
    from reporter.review.checklist import claimreview, to_csv

    with _deadline(job.limits.render_seconds):
        pdf = render(briefing, user_templates, job.ui_language, job.pdf_items)
    contents = [pdf, to_json(briefing).encode("utf-8"), to_csv(briefing)]
    if job.verdicts:
        contents.append(claimreview(briefing))
    for attempt in range(1, 1000):
        candidate = pdf_path if attempt == 1 else pdf_path.with_name(f"{pdf_path.stem}-{attempt}.pdf")
        files = dict(zip(targets(candidate, bool(job.verdicts)), contents))
        try:
            if dated:
                check_free(list(files), False)
            write_all(files, job.force and not dated)
            return list(files)
        except OutputError:
            if not dated:
                raise
    raise OutputError(f"{pdf_path.parent}: no free name for a new briefing")


def make_briefing(job: Job, when: datetime) -> Briefing:
    from reporter.stages.read import read

    inputs = [read(spec, allow_urls=job.allow_urls, max_bytes=job.limits.max_bytes) for spec in input_specs(job.files)]
    # Only now the pipeline (compare.py imports numpy): a missing or unreadable file fails fast.
    from reporter.pipeline import brief, make_source

    s = job.settings
    sources = [make_source(i.label, i.text, s, i.format, i.encoding) for i in inputs]
    if not job.keep_models:
        from reporter.text.language import release_identifier

        release_identifier()  # every language is known: its memory goes to the stages that follow
    lines = sum(len(src.lines) for src in sources)
    if lines > job.limits.max_sentences:  # every line holds at least one sentence
        raise InputError(f"the articles have {lines} lines, more than the limit of {job.limits.max_sentences} "
                         "sentences (raise it with --max-sentences)")
    briefing = brief(sources, s)
    count = sum(len(a.sentences) for a in briefing.articles)
    if count > job.limits.max_sentences:
        raise InputError(f"the articles have {count} sentences, more than the limit of {job.limits.max_sentences} "
                         "(raise it with --max-sentences)")
    briefing = replace(briefing, generated=when.strftime("%Y-%m-%d %H:%M UTC"),
                       generated_iso=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    verdicts: dict = {}
    if job.since:
        from reporter.review.changes import carried_verdicts, load_previous

        previous = load_previous(job.since)
        verdicts.update(carried_verdicts(previous, briefing))  # a --verdicts file given now wins
        briefing = replace(briefing, previous=previous)
    if job.verdicts:
        from reporter.review.checklist import read_verdicts

        verdicts.update(read_verdicts(job.verdicts))
    return replace(briefing, verdicts=verdicts) if verdicts else briefing


def input_specs(files: tuple[str, ...] | list[str]) -> list[str]:
    if not files:
        from reporter.run.bundled import seed_files

        # relative to the working folder when possible, so the JSON names them as a user would
        return [_display(p) for p in seed_files()]
    if len(files) < 2:
        raise InputError("give at least two article files to compare (or none for the bundled seeds)")
    seen: dict[str, str] = {}
    for f in files:
        p = Path(f)
        key = str(p.resolve()) if f != "-" and p.exists() else f
        if key in seen:
            raise InputError(f"{f}: given twice (same file as {seen[key]})")
        seen[key] = f
    return list(files)


def _display(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


@contextmanager
def _deadline(seconds: int):
    """Stop rendering after `seconds` (SIGALRM: Unix, main thread only; elsewhere no cap)."""
    usable = seconds > 0 and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise RenderError(f"rendering the PDF took longer than {seconds} s (raise it with --render-timeout)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
