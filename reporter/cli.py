"""Command line: `reporter brief [FILES...] -o OUT.pdf`.

Thin on purpose: parse arguments, read inputs, call the pipeline, write outputs.
Heavy libraries (sumy, NLTK, WeasyPrint) are imported only once a briefing is
really made, so --help and error paths stay fast. Every expected failure is a
ReporterError: one line on stderr and its exit status; a traceback only with --debug.
"""
from __future__ import annotations

import argparse
import signal
import sys

from reporter import __version__
from reporter.errors import ExitStatus, InputError, ReporterError
from reporter.model import PDF_ITEMS

EXAMPLE = """example:
  reporter brief seeds/000_60ab5307d725f76d.txt seeds/002_7f1ad8dea534ab46.txt -o out/seeds.pdf
  reporter brief                      # the bundled seeds, to a new dated briefing here
writes OUT.pdf and its JSON twin OUT.json (same folder, same stem)."""

BATCH_EXAMPLE = """manifest example (batch.csv):
  output,article1,article2,article3
  out/quake.pdf,quake/a.txt,quake/b.html,quake/c.txt
  out/summit.pdf,summit/a.txt,summit/b.txt,
runs every row (in parallel), continues past a failing row, prints a summary
table, and exits non-zero naming the rows that failed."""

# The choices of summarize.SUMMARIZERS, repeated here so that --help imports nothing heavy
# (tests/test_startup.py); tests/test_cli.py checks the two lists agree.
SUMMARIZERS = ("textrank", "lexrank", "lsa", "luhn", "kl", "sumbasic", "lead", "textrank-sumy", "lexrank-sumy")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reporter", description="Comparative fact-check briefings from news articles.",
                                epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"reporter {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("brief", help="write a PDF briefing and its JSON twin", epilog=EXAMPLE,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("files", nargs="*", help="article files (.txt, .md, .html; - for standard input); none: the bundled seeds")
    b.add_argument("-o", "--output", help="the PDF to write (FILE.pdf), or a folder for a new dated briefing "
                                          "(default: a new dated briefing in the working folder)")
    b.add_argument("--force", action="store_true", help="overwrite existing outputs")
    b.add_argument("--summarizer", choices=SUMMARIZERS, default="textrank",
                   help="sumy's algorithm for the summaries (textrank and lexrank in our numpy versions; "
                        "-sumy for sumy's own), or lead (default: textrank, best ROUGE on the BBC dev data)")
    b.add_argument("--length", default="3", help="summary length: sentences (3) or percent (20%%) (default: 3)")
    b.add_argument("--language", choices=sorted(_languages()), help="language of every article (default: detect)")
    b.add_argument("--title", help="the briefing's title (default: the first article's)")
    b.add_argument("--ui-language", choices=("en", "es"),
                   help="language of the PDF's labels (default: the first article's, English if unsupported)")
    b.add_argument("--templates", metavar="DIR",
                   help="your own template folder: its files replace ours by name (briefing.html, _front.html, briefing.css, ...)")
    b.add_argument("--verdicts", metavar="CSV",
                   help="a checklist CSV you filled in: its verdicts and notes go into the briefing (the file is only read)")
    b.add_argument("--since", metavar="JSON", help="an earlier briefing's JSON: show what changed, carry its verdicts")
    b.add_argument("--allow-urls", action="store_true", help="accept http(s) URLs as inputs (fetched with a timeout and a size limit)")
    b.add_argument("--max-input-mb", type=float, default=20, help="refuse inputs larger than this (default: 20)")
    b.add_argument("--max-sentences", type=int, default=20_000,
                   help="refuse articles with more sentences than this, all together (default: 20000)")
    b.add_argument("--render-timeout", type=int, default=300, help="stop rendering the PDF after this many seconds (default: 300)")
    b.add_argument("--pdf-items", type=_items, default=PDF_ITEMS, metavar="N",
                   help=f"list at most N conflicts, shared claims, claims only in each source and checklist rows in the PDF, "
                        f"the most important first; the JSON and CSV keep every one (default: {PDF_ITEMS}; 0 or all: no limit, "
                        "and the appendix shows every sentence however long the sources)")
    b.add_argument("--debug", action="store_true", help="show tracebacks")
    m = sub.add_parser("batch", help="run many briefings from a manifest CSV",
                       epilog=BATCH_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    m.add_argument("manifest", help="CSV: a column 'output' and columns article1, article2, ... (paths relative to the manifest)")
    m.add_argument("--jobs", type=int, default=0, help="parallel workers (default: one per core)")
    m.add_argument("--force", action="store_true", help="overwrite existing outputs")
    m.add_argument("--summarizer", choices=SUMMARIZERS, default="textrank")
    m.add_argument("--length", default="3")
    m.add_argument("--language", choices=sorted(_languages()))
    m.add_argument("--ui-language", choices=("en", "es"))
    m.add_argument("--no-progress", action="store_true", help="no progress bar")
    m.add_argument("--debug", action="store_true", help="show tracebacks")
    from reporter.tools.evaluate import add_parser as add_eval_parser  # light: no heavy imports at module level

    add_eval_parser(sub)
    return p


def _items(value: str) -> int:
    if value.strip().lower() in ("all", "0"):
        return 0
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a number of items or 'all', got {value!r}")
    return n


def _languages():
    from reporter.text.language import LANGUAGES

    return LANGUAGES


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return ExitStatus.USAGE
    signal.signal(signal.SIGTERM, _terminate)
    try:
        if args.command == "batch":
            from reporter.run.batch import run_manifest

            return run_manifest(args)
        if args.command == "eval":
            from reporter.tools.evaluate import run as run_eval

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
    except BrokenPipeError:  # `reporter eval ... | head`: the reader left; nothing to report
        sys.stderr.close()
        return ExitStatus.OK
    except Exception as e:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(f"reporter: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        return ExitStatus.ERROR


def _terminate(signum, frame):
    raise KeyboardInterrupt  # unwinds through the writers' cleanup like Ctrl-C


def _job(args):
    from reporter.run.briefing import Job, Limits
    from reporter.model import Settings

    settings = Settings(summarizer=args.summarizer, length=args.length, language=args.language, title=args.title)
    limits = Limits(int(args.max_input_mb * 1024 * 1024), args.max_sentences, args.render_timeout)
    return Job(tuple(args.files), args.output, settings, args.force, args.templates, args.ui_language,
               args.verdicts, args.since, args.allow_urls, limits, args.pdf_items)


def _brief(args) -> int:
    from reporter.run.briefing import run

    written = run(_job(args))
    print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return ExitStatus.OK
