"""Command line: `reporter brief [FILES...] -o OUT.pdf`.

Thin on purpose: parse arguments, read inputs, call the pipeline, write outputs.
Heavy libraries (sumy, NLTK, WeasyPrint) are imported only once a briefing is
really made, so --help and error paths stay fast. Every expected failure is a
ReporterError: one line on stderr and its exit status; a traceback only with --debug.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from reporter import __version__
from reporter.errors import ExitStatus, InputError, ReporterError

EXAMPLE = """example:
  reporter brief seeds/000_60ab5307d725f76d.txt seeds/002_7f1ad8dea534ab46.txt -o out/seeds.pdf
  reporter brief                      # the bundled seed articles, to briefing.pdf
writes OUT.pdf and its JSON twin OUT.json (same folder, same stem)."""

SUMMARIZERS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "lead")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reporter", description="Comparative fact-check briefings from news articles.",
                                epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"reporter {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("brief", help="write a PDF briefing and its JSON twin", epilog=EXAMPLE,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("files", nargs="*", help="article files (.txt, .md, .html; - for standard input); none: the bundled seeds")
    b.add_argument("-o", "--output", default="briefing.pdf", help="the PDF to write (default: briefing.pdf)")
    b.add_argument("--force", action="store_true", help="overwrite existing outputs")
    b.add_argument("--summarizer", choices=SUMMARIZERS, default="lexrank",
                   help="sumy algorithm for the summaries, or lead (default: lexrank)")
    b.add_argument("--length", default="3", help="summary length: sentences (3) or percent (20%%) (default: 3)")
    b.add_argument("--language", choices=sorted(_languages()), help="language of every article (default: detect)")
    b.add_argument("--title", help="the briefing's title (default: the first article's)")
    b.add_argument("--ui-language", choices=("en", "es"),
                   help="language of the PDF's labels (default: the first article's, English if unsupported)")
    b.add_argument("--templates", metavar="DIR",
                   help="your own template folder: its files replace ours by name (briefing.html, _front.html, briefing.css, ...)")
    b.add_argument("--verdicts", metavar="CSV",
                   help="a checklist CSV you filled in: its verdicts and notes go into the briefing (the file is only read)")
    b.add_argument("--allow-urls", action="store_true", help="accept http(s) URLs as inputs (fetched with a timeout and a size limit)")
    b.add_argument("--debug", action="store_true", help="show tracebacks")
    from reporter.evaluate import add_parser as add_eval_parser  # light: no heavy imports at module level

    add_eval_parser(sub)
    return p


def _languages():
    from reporter.language import LANGUAGES

    return LANGUAGES


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return ExitStatus.USAGE
    signal.signal(signal.SIGTERM, _terminate)
    try:
        if args.command == "eval":
            from reporter.evaluate import run as run_eval

            return run_eval(args)
        return _brief(args)
    except ReporterError as e:
        if args.debug:
            raise
        print(f"reporter: error: {e}", file=sys.stderr)
        return e.status
    except KeyboardInterrupt:
        print("reporter: interrupted; no output was written", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except Exception as e:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(f"reporter: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        return ExitStatus.ERROR


def _terminate(signum, frame):
    raise KeyboardInterrupt  # unwinds through the writers' cleanup like Ctrl-C


def _brief(args) -> int:
    from reporter.model import Settings
    from reporter.summarize import parse_length

    try:
        parse_length(args.length)
    except ValueError as e:
        raise InputError(str(e)) from None
    pdf_path = Path(args.output)
    if pdf_path.suffix.lower() != ".pdf":
        raise InputError(f"-o {args.output}: the output must be a .pdf file")
    json_path = pdf_path.with_suffix(".json")
    csv_path = pdf_path.with_suffix(".csv")
    review_path = pdf_path.with_suffix(".claimreview.json")
    outputs = [pdf_path, json_path, csv_path] + ([review_path] if args.verdicts else [])
    from reporter.output import check_free, write_all

    if args.verdicts and any(Path(args.verdicts).resolve() == p.resolve() for p in outputs):
        raise InputError(f"--verdicts {args.verdicts}: is one of this run's outputs; "
                         "the reviewer's file is never written to (choose another -o)")
    check_free(outputs, args.force)
    user_templates = Path(args.templates) if args.templates else None
    if user_templates is not None and not user_templates.is_dir():
        raise InputError(f"--templates {args.templates}: not a folder")
    from reporter.inputs import read

    inputs = [read(spec, allow_urls=args.allow_urls) for spec in _inputs(args.files)]
    settings = Settings(summarizer=args.summarizer, length=args.length, language=args.language, title=args.title)

    from reporter.export import to_json
    from reporter.pipeline import brief, make_source
    from reporter.render import render

    briefing = brief([make_source(i.label, i.text, settings, i.format, i.encoding) for i in inputs], settings)
    briefing = _stamped(briefing)
    if args.verdicts:
        from reporter.review import read_verdicts

        briefing = replace(briefing, verdicts=read_verdicts(args.verdicts))
    from reporter.review import claimreview, to_csv

    _, pdf = render(briefing, user_templates, args.ui_language)
    files = {pdf_path: pdf, json_path: to_json(briefing).encode("utf-8"), csv_path: to_csv(briefing)}
    if args.verdicts:
        files[review_path] = claimreview(briefing)
    write_all(files, args.force)
    print("wrote " + ", ".join(str(p) for p in files), file=sys.stderr)
    return ExitStatus.OK


def _inputs(files: list[str]) -> list[str]:
    if not files:
        from reporter.bundled import seed_files

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
    return files


def _display(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def _stamped(briefing):
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() else datetime.now(timezone.utc)
    return replace(briefing, generated=when.strftime("%Y-%m-%d %H:%M UTC"),
                   generated_iso=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
