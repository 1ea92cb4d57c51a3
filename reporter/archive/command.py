"""`reporter archive add|search|list|export|remove`: the edge between the user and the archive.

    reporter archive add review.csv                # a checklist you filled in (and its JSON twin beside it)
    reporter archive add out.claimreview.json      # ClaimReview JSON-LD, ours or another tool's
    reporter archive search "58 muertos en el sismo" [--json]
    reporter archive list [--json]
    reporter archive export [--format csv|claimreview] [-o FILE]
    reporter archive remove KEY

The archive is `--archive PATH`, else $REPORTER_ARCHIVE, else the user's data folder
(archive/store.py). Only `add` creates it.
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reporter.errors import ExitStatus, InputError
from reporter.run.env import Env
from reporter.settings import Archive as Tiers

if TYPE_CHECKING:
    from reporter.archive.store import Archive, Record

LANGUAGES = ("de", "en", "es", "fr", "it", "pt", "sv")


def archive_path(given: str | None, env: Env = Env(), environ: Mapping[str, str] = os.environ) -> tuple[Path, str]:
    """(the archive's path, its name for messages): --archive, else $REPORTER_ARCHIVE, else the data folder."""
    from reporter.archive.location import default_path

    if given:
        return env.path(given), given
    path = default_path(environ)
    return path, str(path)


def language_of(text: str, given: str = "") -> str:
    """The claim's language: the one given when supported, else detected (English if unsure)."""
    if given in LANGUAGES:
        return given
    from reporter.text.language import UnsupportedLanguage, detect

    try:
        return detect(text)
    except UnsupportedLanguage:
        return "en"


def records_of(reviews: Sequence[dict], encoder=None) -> list[Record]:
    """Records ready to store: key, language, figures and vector computed for each review."""
    import numpy as np

    from reporter.archive.match import claim_figures
    from reporter.archive.store import Record
    from reporter.review.claims import claim_key

    if encoder is None:
        from reporter.text.encoder import load

        encoder = load()
    languages = [language_of(r["text"], r.get("language", "")) for r in reviews]
    vectors = encoder.encode([r["text"] for r in reviews]) if reviews else np.zeros((0, 512), np.float32)
    return [Record(key=claim_key(r["text"]), figures=claim_figures(r["text"], lang), vector=v,
                   **{**r, "language": lang})
            for r, lang, v in zip(reviews, languages, vectors)]


# The archive's commands encode one text (`search`) or a checklist's claims (`add`): small
# products, for which BLAS threads cost far more than they give when the cores are busy (measured
# on 2 shared cores, load 8: one text 0.62 s with the default threads, 0.017 s with one; 31 ms a
# claim in a batch of 100 against 4.6 ms). Set before numpy is first imported (a one-shot
# `reporter archive` process); a value the user set wins.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run(args, env: Env = Env(), environ: Mapping[str, str] = os.environ) -> int:
    for variable, value in ONE_THREAD.items():
        os.environ.setdefault(variable, value)
    from reporter.archive.store import open_archive

    path, name = archive_path(getattr(args, "archive", None), env, environ)
    action = args.action
    if action == "add":
        return _add(args, path, name, env)
    if action == "remove":
        return _remove(args, path, name, env)
    archive = open_archive(path, name)  # read only; None: nothing archived yet
    try:
        if action == "search":
            return _search(args, archive, env)
        if action == "list":
            return _list(args, archive, env)
        return _export(args, archive, env)
    finally:
        if archive is not None:
            archive.close()


def _add(args, path: Path, name: str, env: Env) -> int:
    from reporter.archive.reviews import read_reviews
    from reporter.archive.store import open_archive

    reviews, notes = [], []
    for f in args.files:  # every file is read and checked before the archive is touched
        reviews += read_reviews(env.path(f), f, notes)
    for note in notes:
        print(f"reporter: warning: {note}", file=env.err)
    records = records_of(reviews)
    added = env.clock().strftime("%Y-%m-%dT%H:%M:%SZ")
    with open_archive(path, name, create=True) as archive:
        new, old = archive.add(records, added)
        total = archive.count()
    print(f"added {new} reviewed claims to {name}" + (f" ({old} already there)" if old else "")
          + f"; it holds {total}", file=env.err)
    return ExitStatus.OK


def _remove(args, path: Path, name: str, env: Env) -> int:
    from reporter.archive.store import open_archive

    key = args.key.strip().lower()
    if not (len(key) == 12 and all(c in "0123456789abcdef" for c in key)):
        raise InputError(f"{args.key[:40]!r}: not a claim key (12 hex digits, as `reporter archive list` shows)")
    if not path.exists():
        raise InputError(f"{name}: no archive there (nothing to remove)")
    with open_archive(path, name, create=True) as archive:
        n = archive.remove(key)
    if not n:
        raise InputError(f"{key}: no such claim in {name}")
    print(f"removed {n} review{'s' if n > 1 else ''} of claim {key} from {name}", file=env.err)
    return ExitStatus.OK


def _search(args, archive: Archive | None, env: Env) -> int:
    from reporter.archive.match import search
    from reporter.text.encoder import load

    text = args.text.strip()
    if not text:
        raise InputError("search: give the words of a claim")
    if args.limit < 1:
        raise InputError(f"--limit {args.limit}: give 1 or more")
    language = language_of(text, args.language or "")
    matches = []
    if archive is not None:
        vector = load().encode([text])[0]
        matches = search(archive, text, language, vector, Tiers(), args.limit)
    if args.json:
        print(json.dumps([_match_dict(m) for m in matches], ensure_ascii=False, indent=2), file=env.out)
        return ExitStatus.OK
    if not matches:
        print("no match in the archive" + ("" if archive is not None else " (it is empty)"), file=env.out)
    for m in matches:
        r = m.record
        print(f"{m.tier:<7} {m.score:.3f}  {r.key}  {r.verdict:<13} {r.reviewed[:10]:<10}  {_short(r.text)}"
              + (f"  [{r.source}]" if r.source else ""), file=env.out)
    return ExitStatus.OK


def _match_dict(m) -> dict:
    r = m.record
    return {"key": r.key, "text": r.text, "language": r.language, "verdict": r.verdict, "notes": r.notes,
            "tier": m.tier, "score": m.score, "figures_agree": m.figures_agree, "reviewed": r.reviewed,
            "source": r.source, "published": r.published, "briefing": r.briefing}


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _list(args, archive: Archive | None, env: Env) -> int:
    records = archive.records() if archive is not None else []
    if args.json:
        print(json.dumps([{k: v for k, v in vars(r).items() if k not in ("vector",)} for r in records],
                         ensure_ascii=False, indent=2, default=list), file=env.out)
        return ExitStatus.OK
    for r in records:
        print(f"{r.key}  {r.verdict:<13} {r.language}  {r.reviewed[:10]:<10}  {_short(r.text)}", file=env.out)
    print(f"{len(records)} reviewed claims", file=env.err)
    return ExitStatus.OK


def _export(args, archive: Archive | None, env: Env) -> int:
    from reporter.archive.reviews import to_claimreview, to_csv

    records = archive.records() if archive is not None else []
    data = to_claimreview(records) if args.format == "claimreview" else to_csv(records)
    if args.output and args.output != "-":
        from reporter.run.output import check_free, write_all

        out = env.path(args.output)
        check_free([out], args.force)
        write_all({out: data}, args.force)
        print(f"wrote {len(records)} reviewed claims to {args.output}", file=env.err)
    else:
        env.out.write(data.decode("utf-8-sig" if args.format != "claimreview" else "utf-8"))
    return ExitStatus.OK


def stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")
