"""One briefing run, from input specs to files on disk: shared by `brief` and `batch`.

The edge of the program: it reads inputs, calls the pure pipeline, renders, and
writes every output atomically. Where the outputs go:
- `-o FILE.pdf` writes exactly FILE.pdf, FILE.json and FILE.csv, and FILE.html with
  --html (never replacing an existing file without --force);
- `-o FOLDER/` or no -o writes a new dated briefing in that folder (the working
  folder when left out), never overwriting: a name taken meanwhile gets -2, -3, ...
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from reporter.errors import InputError, OutputError, RenderError
from reporter.model import Briefing
from reporter.run.env import Env, now  # noqa: F401  (now: the clock a run uses by default)
from reporter.settings import Settings


@dataclass(frozen=True)
class Job:
    """One briefing to make: its inputs, where it goes, and the settings it is made with."""

    files: tuple[str, ...]  # input specs: paths, "-", URLs; empty = the bundled seeds
    output: str | None = None  # FILE.pdf, a folder, or None (a dated briefing here)
    settings: Settings = Settings()
    force: bool = False
    templates: str | None = None
    verdicts: str | None = None
    since: str | None = None
    allow_urls: bool = False
    keep_models: bool = False  # keep language data loaded after the run (batch workers make more briefings)
    archive: str | None = None  # the archive of reviewed claims to consult (None: none; never created here)
    short: bool = False  # --short: a one-page PDF of the top items to check (the JSON and CSV unchanged)


def targets(pdf: Path, with_review: bool, with_html: bool = False) -> list[Path]:
    out = [pdf, pdf.with_suffix(".json"), pdf.with_suffix(".csv")]
    return (out + ([pdf.with_suffix(".claimreview.json")] if with_review else [])
            + ([pdf.with_suffix(".html")] if with_html else []))


def plan_output(output: str | None, when: datetime, env: Env = Env()) -> tuple[Path, bool]:
    """(the PDF path, whether it is a dated name that may take a -N suffix)."""
    if output and (output.endswith(("/", os.sep)) or env.path(output).is_dir()) or output is None:
        folder = env.path(output or ".")
        return folder / f"briefing-{when.strftime('%Y%m%d-%H%M%S')}.pdf", True
    pdf = env.path(output)
    if pdf.suffix.lower() != ".pdf":
        raise InputError(f"-o {output}: the output must be a .pdf file or a folder")
    return pdf, False


def run(job: Job, env: Env = Env()) -> list[Path]:
    """Make one briefing; returns the files written."""
    when = env.clock()
    pdf_path, dated = plan_output(job.output, when, env)
    page = job.settings.report.html  # --html: the briefing as one self-contained page, OUT.html
    if job.verdicts:
        own = {p.resolve() for p in targets(pdf_path, True, True)}
        if env.path(job.verdicts).resolve() in own:
            raise InputError(f"--verdicts {job.verdicts}: is one of this run's outputs; "
                             "the reviewer's file is never written to (choose another -o)")
    from reporter.run.output import check_free

    # before any work: an existing output (unless --force; a dated name finds a free one later),
    # or a folder on the way that is a file
    check_free(targets(pdf_path, bool(job.verdicts), page), job.force or dated)
    check_writable(targets(pdf_path, bool(job.verdicts), page), dated)
    user_templates = env.path(job.templates) if job.templates else None
    if user_templates is not None and not user_templates.is_dir():
        raise InputError(f"--templates {job.templates}: not a folder")

    briefing = make_briefing(job, when, env)
    if briefing.unmatched_verdicts:
        lines = ", ".join(map(str, briefing.unmatched_verdicts[:10])) + (", ..." if len(briefing.unmatched_verdicts) > 10 else "")
        print(f"reporter: warning: --verdicts {job.verdicts}: {len(briefing.unmatched_verdicts)} verdicts match no claim "
              f"of these articles and were left out (lines {lines})", file=env.err)
    from reporter.report import render
    from reporter.report.json_twin import to_json
    from reporter.review.checklist import claimreview, to_csv

    report = job.settings.report
    rest = [to_json(briefing).encode("utf-8"), to_csv(briefing)] + ([claimreview(briefing)] if job.verdicts else [])
    html_page = None
    try:
        with _deadline(job.settings.limits.render_timeout):
            html = render.to_html(render.build_view(briefing, report.ui_language, report.pdf_items, short=job.short),
                                  user_templates)
            if page:  # the same HTML the PDF is made of, self-contained
                html_page = render.standalone_html(html, user_templates).encode("utf-8")
            pdf = render.to_pdf(html, user_templates)
    except RenderError as e:
        rest += [html_page] if page else []  # made before the PDF failed, or None (an old one goes with --force)
        # A late failure keeps what is good: the JSON twin and the checklist are ready, so they are
        # written (by the same rules: atomically, never over a file without --force) and the run
        # still fails (exit 5). With --force an older PDF of that name goes too: it would not match them.
        stale = job.force and not dated and pdf_path.exists()
        written = _place(pdf_path, dated, job, [None, *rest])
        raise RenderError(f"the PDF failed ({e}); the JSON and CSV are written: {', '.join(map(str, written))}"
                          + (f" (the earlier {pdf_path.name} is removed: it did not match them)" if stale else "")
                          ) from e
    return _place(pdf_path, dated, job, [pdf, *rest] + ([html_page] if page else []))


def _place(pdf_path: Path, dated: bool, job: Job, contents: list[bytes | None]) -> list[Path]:
    """Write the run's files (a None content: no such file, and an old one goes with --force);
    a dated name takes the next free number. Returns the files written."""
    from reporter.run.output import check_free, write_all

    for attempt in range(1, 1000):
        candidate = pdf_path if attempt == 1 else pdf_path.with_name(f"{pdf_path.stem}-{attempt}.pdf")
        files = dict(zip(targets(candidate, bool(job.verdicts), job.settings.report.html), contents))
        try:
            if dated:
                check_free(list(files), False)
            write_all(files, job.force and not dated)
            return [p for p, data in files.items() if data is not None]
        except OutputError:
            if not dated:
                raise
    raise OutputError(f"{pdf_path.parent}: no free name for a new briefing")


def check_writable(paths: list[Path], dated: bool) -> None:
    """Before any work, what would only fail once the briefing is made: an output name that is a
    symbolic link to nothing (the name is taken, and --force could not keep the old file to put
    it back), a folder on the way that is one, and a folder this user cannot write in (a dated
    briefing would otherwise try 999 names and report that none was free)."""
    for p in [] if dated else paths:  # a dated name that is taken gets the next number
        if os.path.islink(p) and not p.exists():
            raise OutputError(f"{p}: is a symbolic link to a missing file; remove it or choose another name")
    for parent in paths[0].parents:  # the nearest existing folder is where the files are made
        if os.path.islink(parent) and not parent.exists():
            raise OutputError(f"cannot write {paths[0]}: {parent} is a symbolic link to a missing folder")
        if parent.exists():
            if parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
                raise OutputError(f"cannot write {paths[0]}: no permission to write in {parent}")
            return


def make_briefing(job: Job, when: datetime, env: Env = Env()) -> Briefing:
    from reporter.stages.read import read

    limits = job.settings.limits
    reviewed = ()
    if job.verdicts:  # read first: a broken verdicts file fails before the work
        from reporter.review.checklist import read_verdicts

        reviewed = read_verdicts(env.path(job.verdicts), job.verdicts)
    specs = input_specs(job.files, env)
    if len(specs) > limits.max_articles:  # before reading: each pair of articles is compared
        raise InputError(f"{len(specs)} articles, more than the limit of {limits.max_articles} in one briefing "
                         "(raise it with --max-articles, or brief many stories with `reporter batch`)")
    inputs = [read(spec, allow_urls=job.allow_urls, max_bytes=limits.max_bytes, env=env) for spec in specs]
    # Only now the pipeline (compare.py imports numpy): a missing or unreadable file fails fast.
    from reporter.pipeline import brief, make_source

    s = job.settings
    sources = [make_source(i.label, i.text, s, i.format, i.encoding, i.published) for i in inputs]
    if not job.keep_models:
        from reporter.text.language import release_identifier

        release_identifier()  # every language is known: its memory goes to the stages that follow
    lines = sum(len(src.lines) for src in sources)
    if lines > limits.max_sentences:  # every line holds at least one sentence
        raise InputError(f"the articles have {lines} lines, more than the limit of {limits.max_sentences} "
                         "sentences (raise it with --max-sentences)")
    if s.compare.use_meaning and len(sources) > 1 and not job.keep_models:  # (a batch worker has it already)
        from reporter.text.encoder import prefetch

        prefetch()  # read while the articles are segmented and summarised (issue 17)
    briefing = brief(sources, s)
    if job.archive:  # each claim against the claims reviewed before (issue 16); only read
        from reporter.archive.consult import consult

        briefing = consult(briefing, env.path(job.archive), job.archive, s.archive)
    if not job.keep_models:
        from reporter.text.encoder import release

        release()  # the claims are compared: the encoder's ~100 MB go to the PDF that follows
    count = sum(len(a.sentences) for a in briefing.articles)
    if count > limits.max_sentences:
        raise InputError(f"the articles have {count} sentences, more than the limit of {limits.max_sentences} "
                         "(raise it with --max-sentences)")
    briefing = replace(briefing, generated=when.strftime("%Y-%m-%d %H:%M UTC"),
                       generated_iso=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    verdicts: dict = {}
    if job.since:
        from reporter.review.changes import carried_verdicts, load_previous

        previous = load_previous(env.path(job.since), job.since)
        verdicts.update(carried_verdicts(previous, briefing))  # a --verdicts file given now wins
        briefing = replace(briefing, previous=previous)
    if job.verdicts:
        from reporter.review.checklist import attach

        given, unmatched = attach(reviewed, briefing)
        if reviewed and len(unmatched) == len(reviewed):
            raise InputError(f"--verdicts {job.verdicts}: none of its {len(reviewed)} verdicts matches a claim of "
                             "these articles (was it filled in for other articles?)")
        verdicts.update(given)
        briefing = replace(briefing, unmatched_verdicts=unmatched)
    return replace(briefing, verdicts=verdicts) if verdicts else briefing


def input_specs(files: tuple[str, ...] | list[str], env: Env = Env()) -> list[str]:
    if not files:
        from reporter.run.bundled import seed_files

        # relative to the working folder when possible, so the JSON names them as a user would
        return [_display(p, env.folder) for p in seed_files()]
    if len(files) < 2:
        raise InputError("give at least two article files to compare (or none for the bundled seeds)")
    seen: dict[str, str] = {}
    for f in files:
        p = env.path(f)
        key = str(p.resolve()) if f != "-" and p.exists() else f
        if key in seen:
            raise InputError(f"{f}: given twice (same file as {seen[key]})")
        seen[key] = f
    return list(files)


def _display(p: Path, folder: Path) -> str:
    try:
        return str(p.resolve().relative_to(folder.resolve()))
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
