"""`reporter eval dates FILE.tsv`: date expressions resolved against a publication date.

The file: a header `language, published, text, expected` (tab-separated); `published` an ISO
date or empty (unknown), `expected` an ISO date, `YYYY-MM` or `YYYY` (the granularity the text
gives), or empty (nothing can be resolved: a relative date without a publication date).
A row's prediction is the value of the first date expression found in its text.

Resolvers, to measure the library against our rules on the same rows:
- rules: reporter.text.dates (what the briefing uses);
- dateparser: dateparser's own search (search_dates) over the text, its period as the granularity;
- dateparser-spans: our spans, each resolved by dateparser (dates from the past preferred, as news).
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

from reporter.errors import InputError

RESOLVERS = ("rules", "dateparser", "dateparser-spans")
COLUMNS = ("language", "published", "text", "expected")


def read_rows(path: str) -> list[dict]:
    try:
        raw = open(path, encoding="utf-8-sig").read()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot be read as a UTF-8 TSV ({e})") from None
    reader = csv.DictReader(io.StringIO(raw), delimiter="\t")
    if not reader.fieldnames or any(c not in reader.fieldnames for c in COLUMNS):
        raise InputError(f"{path}: a dates file needs the columns {', '.join(COLUMNS)} (tab-separated)")
    rows = []
    for n, rec in enumerate(reader, start=2):
        pub = (rec.get("published") or "").strip()
        try:
            published = date.fromisoformat(pub) if pub else None
        except ValueError:
            raise InputError(f"{path}: line {n}: published {pub!r} is not an ISO date (YYYY-MM-DD)") from None
        rows.append({"language": (rec.get("language") or "").strip(), "published": published,
                     "text": rec.get("text") or "", "expected": (rec.get("expected") or "").strip()})
    if not rows:
        raise InputError(f"{path}: no rows")
    return rows


def predict(rows: list[dict], resolver: str = "rules") -> list[str]:
    if resolver == "rules":
        from reporter.text.dates import resolve_first

        return [resolve_first(r["text"], r["language"], r["published"]) for r in rows]
    return [_dateparser(r, spans=resolver == "dateparser-spans") for r in rows]


def _dateparser(row: dict, spans: bool) -> str:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime.combine(row["published"], datetime.min.time()) if row["published"] else datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    lang = row["language"] if row["language"] in ("es", "en") else "en"
    if spans:
        from reporter.text.dates import mentions

        found = mentions(row["text"], lang, row["published"])
        candidates = [m.text for m in found]
    else:
        hits = search_dates(row["text"], languages=[lang], settings=settings) or []
        candidates = [text for text, _ in hits]
    parser = DateDataParser(languages=[lang], settings=settings)
    for text in candidates:
        data = parser.get_date_data(text)
        if data.date_obj is None:
            continue
        d = data.date_obj
        return f"{d.year:04d}" if data.period == "year" else f"{d.year:04d}-{d.month:02d}" if data.period == "month" \
            else d.date().isoformat()
    return ""


def score(rows: list[dict], predicted: list[str]) -> dict:
    """Exact-match accuracy, overall and per language."""
    out = {}
    for lang in sorted({r["language"] for r in rows}) + ["all"]:
        pairs = [(r, p) for r, p in zip(rows, predicted) if lang == "all" or r["language"] == lang]
        right = sum(1 for r, p in pairs if p == r["expected"])
        out[lang] = (right, len(pairs))
    return out
