"""The reviewer's loop: the checklist as CSV, verdicts read back, ClaimReview export.

Every run writes OUT.csv beside the PDF: one row per flagged claim, with empty
verdict and notes cells. The reviewer fills them in a spreadsheet and passes the
file back with --verdicts; it is only ever read. A claim is matched by its key,
a hash of its text and source, so a verdict stays with its claim even when
edits to an article shift the sentence ids; the id is the fallback.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from reporter.errors import InputError
from reporter.model import Briefing

COLUMNS = ["id", "key", "source", "claim", "reasons", "priority", "score", "verdict", "notes"]
VERDICTS = {
    "accurate": ("accurate", "correcto", "correcta", "verdadero", "cierto", "true"),
    "inaccurate": ("inaccurate", "false", "falso", "falsa", "incorrecto", "incorrecta"),
    "misleading": ("misleading", "engañoso", "engañosa", "enganoso"),
    "unverifiable": ("unverifiable", "inverificable", "no verificable"),
    "needs context": ("needs context", "needs-context", "falta contexto", "sin contexto", "necesita contexto"),
}
_ALIASES = {alias: canonical for canonical, aliases in VERDICTS.items() for alias in aliases}
# schema.org ratings: 1 = false ... 5 = true (the scale fact-check aggregators read)
RATINGS = {"inaccurate": 1, "misleading": 2, "needs context": 3, "unverifiable": 3, "accurate": 5}


@dataclass(frozen=True)
class Verdict:
    verdict: str  # canonical, one of VERDICTS
    notes: str
    word: str = ""  # as the reviewer wrote it ("engañoso"): written back unchanged


def claim_key(source: str, text: str) -> str:
    """Stable across runs: the same claim text from the same source file gets the same key."""
    norm = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha1(f"{Path(source).name}\n{norm}".encode("utf-8")).hexdigest()[:12]


def to_csv(b: Briefing) -> bytes:
    """The checklist, UTF-8 with a byte-order mark so spreadsheets keep the accents."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for f in b.flags:
        s = b.sentence(f.sentence)
        src = b.article_of(s.id).source
        key = claim_key(src, s.text)
        given = b.verdicts.get(key) or b.verdicts.get(s.id)
        w.writerow([s.id, key, src, s.text, "; ".join(f.reasons), f.priority, f"{f.score:.2f}",
                    (given.word or given.verdict) if given else "", given.notes if given else ""])
    return buf.getvalue().encode("utf-8-sig")


def read_verdicts(path: str | Path) -> dict[str, Verdict]:
    """Verdicts by claim key and by id, from a checklist CSV a reviewer filled in."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such verdicts file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # saved by an older spreadsheet
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","  # Spanish-locale spreadsheets use ";"
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "verdict" not in reader.fieldnames:
        raise InputError(f"{path}: not a reporter checklist (needs the columns id, key, verdict, notes)")
    rows = list(reader)
    out: dict[str, Verdict] = {}
    for n, row in enumerate(rows, start=2):
        word = (row.get("verdict") or "").strip()
        if not word:
            continue
        canonical = _ALIASES.get(word.casefold())
        if canonical is None:
            raise InputError(f"{path}: line {n}: unknown verdict {word!r} "
                             f"(use one of: {', '.join(VERDICTS)})")
        v = Verdict(canonical, row.get("notes") or "", word)
        for k in (row.get("key"), row.get("id")):
            if k and k.strip():
                out[k.strip()] = v
    return out


def verdict_for(b: Briefing, sid: str) -> Verdict | None:
    s = b.sentence(sid)
    src = b.article_of(s.id).source
    return b.verdicts.get(claim_key(src, s.text)) or b.verdicts.get(sid)


def claimreview(b: Briefing, author: str = "reporter") -> bytes:
    """schema.org ClaimReview JSON-LD for every reviewed claim."""
    items = []
    for f in b.flags:
        v = verdict_for(b, f.sentence)
        if v is None:
            continue
        s = b.sentence(f.sentence)
        article = b.article_of(s.id)
        items.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": s.text,
            "datePublished": b.generated_iso[:10] or None,
            "author": {"@type": "Organization", "name": author},
            "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork", "name": article.title,
                                                              "url": article.source}},
            "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[v.verdict], "bestRating": 5,
                             "worstRating": 1, "alternateName": v.verdict},
            "reviewBody": v.notes,
        })
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
