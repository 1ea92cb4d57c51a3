"""Command line: `reporter brief [FILES...] -o OUT.pdf`, `reporter batch`, `reporter eval`.

Thin on purpose: parse arguments, build the settings (defaults, then --config, then
flags), and hand them to the run edge (reporter/run) or the tooling (reporter/tools,
imported only when `eval` runs). Heavy libraries (sumy, NLTK, WeasyPrint) are imported
only once a briefing is really made, so --help and error paths stay fast. Every
expected failure is a ReporterError: one line on stderr and its exit status; a
traceback only with --debug. `main(argv, env)` takes its streams, clock and working
folder from `env`, so tests run the whole command line in-process.
"""
from __future__ import annotations

import argparse
import os
import sys
import signal

from reporter import __version__
from reporter.errors import ExitStatus, ReporterError
from reporter.run.env import Env
from reporter.settings import PDF_ITEMS, SUMMARIZERS, Limits

EXAMPLE = """example:
  reporter brief seeds/000_60ab5307d725f76d.txt seeds/002_7f1ad8dea534ab46.txt -o out/seeds.pdf
  reporter brief                      # the bundled seeds, to a new dated briefing here
  reporter brief a.txt b.html --config team.toml --length 2
writes OUT.pdf, its JSON twin OUT.json and the checklist OUT.csv (same folder, same stem)."""

BATCH_EXAMPLE = """manifest example (batch.csv):
  output,article1,article2,article3
  out/quake.pdf,quake/a.txt,quake/b.html,quake/c.txt
  out/summit.pdf,summit/a.txt,summit/b.txt,
runs every row (in parallel), continues past a failing row, prints a summary
table, and exits non-zero naming the rows that failed."""

# The supported languages (text.language.LANGUAGES), here so that --help imports nothing
# heavy; tests/test_cli.py checks that the two agree.
LANGUAGES = ("de", "en", "es", "fr", "it", "pt", "sv")
LIMITS = Limits()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reporter", description="Comparative fact-check briefings from news articles.",
                                epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"reporter {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser("brief", help="write a PDF briefing, its JSON twin and the checklist CSV", epilog=EXAMPLE,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("files", nargs="*", help="article files (.txt, .md, .html; - for standard input); none: the bundled seeds")
    b.add_argument("-o", "--output", help="the PDF to write (FILE.pdf), or a folder for a new dated briefing "
                                          "(default: a new dated briefing in the working folder)")
    b.add_argument("--force", action="store_true", help="overwrite existing outputs")
    _settings_options(b)
    b.add_argument("--title", help="the briefing's title (default: the first article's)")
    b.add_argument("--date", action="append", metavar="ID=YYYY-MM-DD",
                   help="an article's publication date, such as --date A=2023-08-16 (repeatable; A is the first "
                        "file); it wins over the page's metadata and the text's dateline. Dates in the claims "
                        "are resolved against it; without one, relative dates stay unresolved")
    b.add_argument("--templates", metavar="DIR",
                   help="your own template folder: its files replace ours by name (briefing.html, _front.html, briefing.css, ...)")
    b.add_argument("--verdicts", metavar="CSV",
                   help="a checklist CSV you filled in: its verdicts and notes go into the briefing (the file is only read)")
    b.add_argument("--since", metavar="JSON", help="an earlier briefing's JSON: show what changed, carry its verdicts")
    b.add_argument("--allow-urls", action="store_true", help="accept http(s) URLs as inputs (fetched with a timeout and a size limit)")
    b.add_argument("--archive", metavar="PATH", help="the archive of reviewed claims to consult (default: "
                                                     "$REPORTER_ARCHIVE, else the user's data folder; only read)")
    b.add_argument("--no-archive", action="store_true", help="do not consult the archive of reviewed claims")
    b.add_argument("--max-input-mb", type=float, help=f"refuse inputs larger than this (default: {LIMITS.max_input_mb:g})")
    b.add_argument("--max-sentences", type=int,
                   help=f"refuse articles with more sentences than this, all together (default: {LIMITS.max_sentences})")
    b.add_argument("--max-articles", type=int,
                   help=f"refuse more articles than this in one briefing (default: {LIMITS.max_articles})")
    b.add_argument("--render-timeout", type=int,
                   help=f"stop rendering the PDF after this many seconds (default: {LIMITS.render_timeout})")
    b.add_argument("--pdf-items", type=_items, metavar="N",
                   help=f"list at most N conflicts, shared claims, claims only in each source and checklist rows in the PDF, "
                        f"the most important first; the JSON and CSV keep every one (default: {PDF_ITEMS}; 0 or all: no limit, "
                        "and the appendix shows every sentence however long the sources)")
    b.add_argument("--short", action="store_true",
                   help="a one-page PDF: the sources and the top items to check, each claim once, conflicts first "
                        "(the JSON and CSV are the full briefing's)")
    b.add_argument("--debug", action="store_true", help="show tracebacks")
    m = sub.add_parser("batch", help="run many briefings from a manifest CSV",
                       epilog=BATCH_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    m.add_argument("manifest", help="CSV: a column 'output' and columns article1, article2, ... (paths relative to the "
                                    "manifest); optional date1, date2, ...: each article's publication date (YYYY-MM-DD), "
                                    "as --date gives it; optional short: yes/no, that row's PDF is the one-page --short one")
    m.add_argument("--jobs", type=int, default=0, help="parallel workers (default: one per core)")
    m.add_argument("--force", action="store_true", help="overwrite existing outputs")
    m.add_argument("--short", action="store_true",
                   help="every row's PDF is the one-page --short one, unless its 'short' cell says no")
    m.add_argument("--allow-outside", action="store_true",
                   help="let the manifest name absolute paths and paths outside its folder (default: refused)")
    m.add_argument("--archive", metavar="PATH", help="the archive of reviewed claims every row consults (default: "
                                                     "$REPORTER_ARCHIVE, else the user's data folder; only read)")
    m.add_argument("--no-archive", action="store_true", help="do not consult the archive of reviewed claims")
    _settings_options(m)
    m.add_argument("--no-progress", action="store_true", help="no progress bar")
    m.add_argument("--debug", action="store_true", help="show tracebacks")
    _eval_options(sub)
    _archive_options(sub)
    return p


ARCHIVE_EXAMPLE = """examples:
  reporter archive add out/quake.csv          # a checklist you filled in (its JSON twin beside it is read too)
  reporter archive add out/quake.claimreview.json
  reporter archive search "58 muertos en el sismo de Valdora"
  reporter archive export --format claimreview -o reviews.json
the archive: --archive PATH, else $REPORTER_ARCHIVE, else ~/.local/share/reporter/archive.sqlite
($XDG_DATA_HOME/reporter); only `add` creates it. Every briefing consults it (--no-archive: not)."""


def _archive_options(sub) -> None:
    """`reporter archive ...` (reporter/archive/command.py)."""
    a = sub.add_parser("archive", help="the archive of reviewed claims: add, search, list, export, remove",
                       epilog=ARCHIVE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--debug", action="store_true", help="show tracebacks")
    actions = a.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add reviewed claims: a filled checklist CSV or ClaimReview JSON-LD")
    add.add_argument("files", nargs="+", metavar="FILE", help="REVIEW.csv (a checklist with verdicts) or FILE.json (ClaimReview)")
    s = actions.add_parser("search", help="the archived claims nearest a text, any supported language")
    s.add_argument("text", help="the claim's words")
    s.add_argument("--language", choices=LANGUAGES, help="the text's language (default: detect)")
    s.add_argument("--limit", type=int, default=10, help="at most this many matches (default: 10)")
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ls = actions.add_parser("list", help="every archived review, oldest first")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    e = actions.add_parser("export", help="every archived review as CSV or ClaimReview JSON-LD")
    e.add_argument("--format", choices=("csv", "claimreview"), default="csv", help="default: csv")
    e.add_argument("-o", "--output", help="the file to write (default: standard output)")
    e.add_argument("--force", action="store_true", help="overwrite an existing file")
    r = actions.add_parser("remove", help="remove every review of a claim (its key, as `list` shows)")
    r.add_argument("key", help="the claim key (12 hex digits)")
    for q in (a, add, s, ls, e, r):
        q.add_argument("--archive", metavar="PATH", default=argparse.SUPPRESS if q is not a else None,
                       help="the archive file (default: $REPORTER_ARCHIVE, else the user's data folder)")
        if q is not a:
            q.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")


def _settings_options(p: argparse.ArgumentParser) -> None:
    """The options every briefing takes. Their defaults are None ("not given"), so that a
    --config file's values stand unless a flag overrides them (reporter/settings.py)."""
    p.add_argument("--config", metavar="FILE.toml",
                   help="settings from a TOML file, keys named like the long options (length = 2); flags win")
    p.add_argument("--summarizer", choices=SUMMARIZERS,
                   help="the summary algorithm: news (TextRank keeping the lede and a key figure), textrank and "
                        "lexrank in our numpy versions, -sumy for sumy's own, or lead (default: news)")
    p.add_argument("--length", help="summary length: sentences (3) or percent (20%%) (default: 3)")
    p.add_argument("--language", choices=LANGUAGES, help="language of every article (default: detect)")
    p.add_argument("--ui-language", choices=("en", "es"),
                   help="language of the PDF's labels (default: the first article's, English if unsupported)")
    p.add_argument("--html", action="store_true", default=None,
                   help="also write OUT.html beside OUT.pdf: the same briefing as one self-contained page "
                        "(inline styles, no script, nothing loaded from elsewhere)")


def _eval_options(sub) -> None:
    e = sub.add_parser("eval", help="measure quality on labeled data")
    e.add_argument("--debug", action="store_true", help="show tracebacks")
    kinds = e.add_subparsers(dest="kind", metavar="KIND", required=True)

    p = kinds.add_parser("pairs", help="brief every gold pair and score it like ../shared/eval/score.py")
    p.add_argument("gold", help="gold JSON (seeds-gold.json format)")
    p.add_argument("--articles", required=True, help="folder holding the pairs' article files")
    p.add_argument("--save", metavar="DIR", help="also write each pair's briefing JSON there (for score.py)")
    p.add_argument("--threshold", type=float, help="brief at this overlap threshold instead of the "
                                                   "settings' (calibration only)")

    s = kinds.add_parser("sts", help="sentence similarity against gold scores")
    s.add_argument("file", help="STS file: tsv (sentence1, sentence2, score), headlines tsv, or STS Benchmark csv")
    s.add_argument("--language", choices=("es", "en", "es-en", "en-es"), required=True,
                   help="the sentences' language; es-en: the first sentence Spanish, the second English")
    s.add_argument("--predictions", metavar="OUT.tsv", help="one predicted similarity per input pair, in order")

    c = kinds.add_parser("checkworthy", help="check-worthiness decisions against gold labels")
    c.add_argument("file", help="CheckThat! TSV (.gz allowed) or ClaimBuster JSON (.json/.json.gz)")
    c.add_argument("--language", choices=("es", "en"), required=True)
    c.add_argument("--predictions", metavar="OUT.tsv", help="one '0/1<TAB>score' line per item, in order")
    c.add_argument("--scorer", choices=("briefing", "model", "rules"), default="briefing",
                   help="briefing: the flag decision the PDF uses (the calibrated score at the settings' "
                        "threshold); model: the model at its own threshold; rules: the rules alone")

    m = kinds.add_parser("summaries", help="ROUGE of the summaries against extractive references")
    m.add_argument("file", help="BBC News Summary jsonl(.gz): article, extractive_summary")
    m.add_argument("--summarizer", default="all",
                   help="reporter's summarizers, comma-separated, or all (default: all but sumy's slow twins)")
    m.add_argument("--length", help="summary length for every article: sentences (3) or percent (20%%) "
                                    "(default: as many sentences as the article's reference holds)")
    m.add_argument("--limit", type=int, default=0, help="only the first N articles")

    b = kinds.add_parser("ecb", help="relations against ECB+ same-event sentence pairs (threshold calibration)")
    b.add_argument("file", help="ECB+ jsonl(.gz): documents with sentences and cross-document mentions")
    b.add_argument("--threshold", type=float, help="the comparator's overlap threshold to measure at "
                                                   "(default: the settings')")
    b.add_argument("--sweep", action="store_true", help="also measure at 0.10, 0.15, ... 0.50")
    b.add_argument("--pairs-per-subtopic", type=int, default=10, metavar="N",
                   help="document pairs per subtopic, neighbours in file order first (default: 10; 0: all)")
    b.add_argument("--all-sentences", action="store_true",
                   help="give the comparator every sentence (whole documents), judge only the annotated ones "
                        "(default: only annotated sentences are claims)")

    g = kinds.add_parser("segmentation", help="sentence boundaries against Universal Dependencies text")
    g.add_argument("file", help="jsonl: text and sentences as [start, end] offsets")

    d = kinds.add_parser("dates", help="date expressions resolved against a publication date (exact match)")
    d.add_argument("file", help="TSV: language, published (ISO or empty), text, expected (YYYY-MM-DD, YYYY-MM, YYYY or empty)")
    d.add_argument("--predictions", metavar="OUT.tsv", help="one resolved value per row, in order (empty: none)")
    d.add_argument("--resolver", default="rules",
                   help="rules (what briefings use), dateparser (its own search), dateparser-spans (our spans, "
                        "dateparser's resolution); comma-separated to compare (default: rules)")

    r = kinds.add_parser("archive", help="the archive's matching: one side of every gold pair archived, the other "
                                         "looked up; found and precision per tier")
    r.add_argument("gold", help="gold JSON (seeds-gold.json format; overlap pairs are the same claim)")
    r.add_argument("--articles", required=True, help="folder holding the pairs' article files")
    r.add_argument("--sweep", action="store_true", help="also measure a grid of the two thresholds (calibration)")

    for q in (p, s, c, m, b, g, d, r):
        q.add_argument("--config", metavar="FILE.toml", help="settings to measure with (as for brief)")
        q.add_argument("--json", action="store_true", help="print JSON instead of a table")
        q.add_argument("--debug", action="store_true", help="show tracebacks")


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


def settings_of(args: argparse.Namespace, env: Env = Env()):
    """Defaults, then --config, then the flags given. `eval`'s own options (--language of
    the data, --summarizer lists, --threshold) are its own, not settings: only --config counts."""
    from reporter.settings import OPTIONS, load

    flags = {} if args.command == "eval" else {key: getattr(args, key.replace("-", "_"), None) for key in OPTIONS}
    config = getattr(args, "config", None)
    settings = load(config and env.path(config), flags, name=config)
    if getattr(args, "date", None):
        settings = with_dates(settings, args.date)
    return settings


def with_dates(settings, values: list[str], where: str = "--date"):
    """The settings with the publication dates of --date A=YYYY-MM-DD (one clear InputError if bad)."""
    from dataclasses import replace

    from reporter.errors import InputError
    from reporter.text.dates import parse_date_option

    dates: dict[str, str] = {}
    for value in values:
        try:
            aid, day = parse_date_option(value, where)
        except ValueError as e:
            raise InputError(str(e)) from None
        if aid in dates and dates[aid] != day:
            raise InputError(f"{where}: article {aid} is given two dates ({dates[aid]} and {day})")
        dates[aid] = day
    return replace(settings, dates=tuple(sorted(dates.items())))


def main(argv: list[str] | None = None, env: Env = Env()) -> int:
    p = parser()
    try:
        args = p.parse_args(argv)
    except SystemExit as e:  # --help, --version, usage errors: argparse has printed them
        return int(e.code or 0)
    if args.command is None:
        p.print_help(env.err)
        return ExitStatus.USAGE
    previous = signal.signal(signal.SIGTERM, _terminate) if _main_thread() else None
    try:
        if args.command == "batch":
            from reporter.run.batch import run_manifest

            return run_manifest(args.manifest, settings_of(args, env), jobs=args.jobs, force=args.force,
                                progress=not args.no_progress, env=env, allow_outside=args.allow_outside,
                                archive=_archive_of(args, env), short=args.short)
        if args.command == "archive":
            from reporter.archive.command import run as run_archive

            return run_archive(args, env)
        if args.command == "eval":
            from reporter.tools.evaluate import run as run_eval

            return run_eval(args, settings_of(args, env), env)
        return _brief(args, env)
    except ReporterError as e:
        if args.debug:
            raise
        print(f"reporter: error: {e}", file=env.err)
        return e.status
    except KeyboardInterrupt:
        print("reporter: interrupted; no output was written", file=env.err)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:  # `reporter eval ... | head`: the reader left; nothing to report
        env.err.close()
        return ExitStatus.OK
    except Exception as e:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(f"reporter: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=env.err)
        return ExitStatus.ERROR
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def run() -> None:
    """The command's entry point (`reporter`, `python -m reporter`): main(), then the exit.

    A run stopped by Ctrl-C or SIGTERM may leave the encoder's warm-up thread inside
    sentencepiece's C++ code; an interpreter shutting down under it aborts the process
    ("terminate called without an active exception", killed by SIGABRT) instead of exiting 130,
    as CI saw once in a batch. By then every writer has cleaned up (run/output.py), so an
    interrupted run ends at once without the shutdown (os._exit, streams flushed). Any other
    exit first waits for those threads (text/encoder.py, settle: an error can stop a run early
    too); the module is looked up, not imported, so --help does not load numpy for this."""
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream: nothing more to say there
            pass
    if status == ExitStatus.INTERRUPTED:
        warmup = sys.modules.get("reporter.text.warmup")
        if warmup is not None:
            warmup.stop()  # a long briefing's encoding children (text/warmup.py)
        os._exit(status)
    encoder = sys.modules.get("reporter.text.encoder")
    if encoder is not None:
        encoder.settle()
    sys.exit(status)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _terminate(signum, frame):
    raise KeyboardInterrupt  # unwinds through the writers' cleanup like Ctrl-C


def _archive_of(args, env: Env) -> str | None:
    """The archive a briefing consults: --archive, else $REPORTER_ARCHIVE, else the data folder; None with --no-archive."""
    if args.no_archive:
        return None
    from reporter.archive.command import archive_path

    return str(archive_path(args.archive, env)[0])


def _brief(args, env: Env) -> int:
    from reporter.run.briefing import Job, run

    job = Job(tuple(args.files), args.output, settings_of(args, env), args.force, args.templates,
              args.verdicts, args.since, args.allow_urls, archive=_archive_of(args, env), short=args.short)
    written = run(job, env)
    print("wrote " + ", ".join(str(p) for p in written), file=env.err)
    return ExitStatus.OK
