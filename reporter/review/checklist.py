"""The reviewer's loop: the checklist as CSV, verdicts read back, ClaimReview export.

Every run writes OUT.csv beside the PDF: one row per flagged claim, with empty
verdict and notes cells. The reviewer fills them in a spreadsheet and passes the
file back with --verdicts; it is only ever read. A verdict follows the claim's
words (review/claims.py): a row lands on the claims whose normalised text has the
row's key or is the row's claim text, never on a sentence because it has the
row's id. Rows that match no claim are counted (the CLI says how many), and a
file none of whose verdicts matches is refused.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from reporter.errors import InputError
from reporter.model import Briefing
from reporter.review.claims import claim_key

COLUMNS = ["id", "key", "source", "claim", "reasons", "priority", "score", "verdict", "notes",
           "previous verdict"]  # the archive's (issue 16): a suggestion; the verdict column stays the reviewer's
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


@dataclass(frozen=True)
class Reviewed:
    """One filled row of a reviewer's checklist."""

    line: int  # in the file, for messages
    keys: tuple[str, ...]  # claim keys it may stand for: its key cell, and the key of its claim cell
    verdict: Verdict


def verdict_word(word: str, where: str) -> str:
    """The canonical verdict of a word a reviewer wrote, or one clear error naming `where`."""
    canonical = _ALIASES.get(word.strip().casefold()) if isinstance(word, str) else None
    if canonical is None:
        raise InputError(f"{where}: unknown verdict {str(word)[:40]!r} (use one of: {', '.join(VERDICTS)})")
    return canonical


# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(...), +cmd|...,
# -2+3, @SUM(...); tab and carriage return too, and the full-width forms some locales accept).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def text_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: one that starts like a formula gets a
    single quote in front (the usual defence; spreadsheets show the rest as typed). A cell that
    already starts with the quote is left alone, so a checklist read back and written again
    never doubles it. The key cell never needs it (hex), so verdicts still match by key."""
    return "'" + value if value.startswith(FORMULA_START) else value


def plain_cell(value: str) -> str:
    """What the reviewer's cell says, without the quote text_cell put in front of a formula-like
    start: a note "=58 según el IGP" comes back as written, and a claim still matches by its words."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def to_csv(b: Briefing) -> bytes:
    """The checklist, UTF-8 with a byte-order mark so spreadsheets keep the accents; no cell
    starts like a formula (text_cell). The last column is the archive's previous verdict."""
    from reporter.archive.consult import previous_verdict

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for f in b.flags:
        s = b.sentence(f.sentence)
        src = b.article_of(s.id).source
        key = claim_key(s.text)
        given = b.verdicts.get(key)
        w.writerow([text_cell(cell) for cell in (
            s.id, key, src, s.text, "; ".join(f.reasons), f.priority, f"{f.score:.2f}",
            (given.word or given.verdict) if given else "", given.notes if given else "",
            previous_verdict(b, s.id))])
    return buf.getvalue().encode("utf-8-sig")


# A checklist has a row per flagged claim; past this it is not one (a device, a wrong file).
MAX_VERDICTS_BYTES = 64 * 1024 * 1024


def read_verdicts(path: str | Path, name: str | None = None, max_bytes: int = MAX_VERDICTS_BYTES
                  ) -> tuple[Reviewed, ...]:
    """The filled rows of a checklist CSV a reviewer returns (`name`: the path as the user gave it).
    UTF-8 (with or without BOM), UTF-16 with its BOM (some spreadsheets' "Unicode text"), or
    Windows-1252; anything else, and cells past the csv module's 128 KB, is one InputError."""
    from reporter.stages.read import read_file

    p = Path(path)
    path = name or path  # messages name the file as the user gave it
    raw = read_file(p, str(path), max_bytes, missing="no such verdicts file", limit="limit for a checklist",
                    instead="give the checklist CSV file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: starts like UTF-16 but is not valid UTF-16") from None
    elif b"\x00" in raw[:65536]:
        raise InputError(f"{path}: not a text CSV (UTF-16 without its byte-order mark, or binary); "
                         "save it as CSV UTF-8")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # saved by an older spreadsheet
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","  # Spanish-locale spreadsheets use ";"
    if "verdict" in sample.split("\n", 1)[0].rstrip("\r").split("\t"):
        delimiter = "\t"  # a spreadsheet's "Unicode text": tab-separated UTF-16
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    out: list[Reviewed] = []
    try:
        if not reader.fieldnames or "verdict" not in reader.fieldnames:
            raise InputError(f"{path}: not a reporter checklist (needs the columns id, key, verdict, notes)")
        for n, row in enumerate(reader, start=2):
            word = (row.get("verdict") or "").strip()
            if not word:
                continue
            v = Verdict(verdict_word(word, f"{path}: line {n}"), plain_cell(row.get("notes") or ""), word)
            claim = plain_cell(row.get("claim") or "")
            keys = [(row.get("key") or "").strip(), claim_key(claim) if claim.strip() else ""]
            out.append(Reviewed(n, tuple(dict.fromkeys(k for k in keys if k)), v))
    except csv.Error as e:
        too_long = "field larger than field limit" in str(e)
        reason = f"a cell longer than {csv.field_size_limit() // 1024} KB" if too_long else str(e)
        raise InputError(f"{path}: line {reader.reader.line_num}: not a readable checklist ({reason})") from None
    return tuple(out)


def attach(rows: tuple[Reviewed, ...], b: Briefing) -> tuple[dict[str, Verdict], tuple[int, ...]]:
    """(claim key -> verdict for the claims of `b` the rows are about, the lines of rows that
    match no claim). A row matches by its key or its claim's words, never by its id."""
    present = {claim_key(s.text) for a in b.articles for s in a.claims}
    verdicts: dict[str, Verdict] = {}
    unmatched: list[int] = []
    for row in rows:
        hits = [k for k in row.keys if k in present]
        if not hits:
            unmatched.append(row.line)
        for k in hits:
            verdicts[k] = row.verdict
    return verdicts, tuple(unmatched)


def verdict_for(b: Briefing, sid: str) -> Verdict | None:
    return b.verdicts.get(claim_key(b.sentence(sid).text))


# What would end or confuse a <script type="application/ld+json"> element holding the JSON-LD
# ("</script>", "<!--", "&" entities; U+2028/9 end a line to a JavaScript reader): written as
# \u escapes, which every JSON reader decodes back to the same text.
_EMBED = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                        "\u2028": "\\u2028", "\u2029": "\\u2029"})


def claimreview(b: Briefing, author: str = "reporter") -> bytes:
    """schema.org ClaimReview JSON-LD for every reviewed claim, safe to embed in a page as it is:
    no raw <, > or &. The appearance's url is the article's own http(s) URL when it was read from
    one; a local file's path is never written (it says nothing to a reader, and may say too much)."""
    items = []
    for f in b.flags:
        v = verdict_for(b, f.sentence)
        if v is None:
            continue
        s = b.sentence(f.sentence)
        article = b.article_of(s.id)
        appearance = {"@type": "CreativeWork", "name": article.title}
        if article.source.lower().startswith(("http://", "https://")):
            appearance["url"] = article.source
        items.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": s.text,
            "datePublished": b.generated_iso[:10] or None,
            "author": {"@type": "Organization", "name": author},
            "itemReviewed": {"@type": "Claim", "appearance": appearance},
            "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[v.verdict], "bestRating": 5,
                             "worstRating": 1, "alternateName": v.verdict},
            "reviewBody": v.notes,
        })
    # <, >, & and U+2028/9 occur only inside JSON strings, so escaping them in the text is exact
    return (json.dumps(items, ensure_ascii=False, indent=2).translate(_EMBED) + "\n").encode("utf-8")
