"""What goes into the archive and what comes out: reviews read from files, exports written.

In: a checklist CSV the reviewer filled in (review/checklist.py `read_verdicts` reads its
verdicts; the rows' claim, source and id come from the same file), with the briefing's JSON
twin beside it (same stem, .json) when there is one: it gives each claim's language and its
article's publication date, and names the briefing. Without the twin the language is detected
from the claim. Or ClaimReview JSON-LD: ours (`brief --verdicts` writes OUT.claimreview.json)
or another tool's export (claimReviewed, reviewRating.alternateName or ratingValue,
itemReviewed.appearance.url, datePublished, inLanguage).

Out: CSV (every cell through review/checklist.py text_cell, so no cell runs as a formula in a
spreadsheet) and ClaimReview JSON-LD (escaped to embed in a page, as the briefing's).
"""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

from reporter.archive.store import Record
from reporter.errors import InputError
from reporter.review.checklist import RATINGS, VERDICTS, _EMBED, plain_cell, read_verdicts, text_cell, verdict_word
from reporter.review.claims import claim_key

MAX_REVIEW_BYTES = 64 * 1024 * 1024
# Other fact-checkers' ratings (ClaimReview alternateName) that are none of our verdict words:
# the nearest of ours; anything else falls back to ratingValue on its own scale.
OTHER_RATINGS = {
    "mostly false": "misleading", "pants on fire": "inaccurate", "half true": "needs context",
    "half-true": "needs context", "mostly true": "accurate", "mixture": "needs context",
    "missing context": "needs context", "lacks context": "needs context", "exaggerated": "misleading",
    "fake": "inaccurate", "verdadero a medias": "needs context", "engañoso": "misleading",
    "cuestionable": "misleading", "impreciso": "misleading", "falso": "inaccurate", "verdadero": "accurate",
}


def read_reviews(path: Path, name: str) -> list[dict]:
    """The reviews in a checklist CSV or a ClaimReview JSON file, as dicts of Record fields
    (without key, vector and figures: the caller computes those). One clear InputError if the
    file is neither, or holds no review."""
    from reporter.stages.read import read_file

    if not path.exists() and not path.is_symlink():
        raise InputError(f"{name}: no such review file")
    suffix = path.suffix.lower()
    if suffix == ".json" or suffix == ".jsonld":
        raw = read_file(path, name, MAX_REVIEW_BYTES, missing="no such review file",
                        limit="limit for a review file", instead="give a checklist CSV or ClaimReview JSON")
        items = _claimreviews(raw, name)
    elif suffix in (".csv", ".tsv", ".txt"):
        items = _checklist(path, name)
    else:
        raise InputError(f"{name}: give a filled checklist (.csv) or ClaimReview JSON-LD (.json)")
    if not items:
        raise InputError(f"{name}: no reviewed claim in it (a checklist needs a verdict in at least one row)")
    return items


def _reviewed_at(path: Path) -> str:
    """When a reviewer's file was last saved: the review's time when the file does not say it."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except OSError:
        return ""


def _checklist(path: Path, name: str) -> list[dict]:
    reviewed = {r.line: r for r in read_verdicts(path, name)}  # checks the file, the verdict words
    raw = path.read_bytes()  # read_verdicts has checked its size and encoding: decoded the same way
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    sample = text[:4096]
    delimiter = "\t" if "verdict" in sample.split("\n", 1)[0].split("\t") else (
        ";" if sample.count(";") > sample.count(",") else ",")
    rows = {n: row for n, row in enumerate(csv.DictReader(io.StringIO(text), delimiter=delimiter), start=2)}
    twin = _twin(path)
    when = twin.get("generated") or _reviewed_at(path)
    out = []
    for line, r in sorted(reviewed.items()):
        row = rows.get(line) or {}
        claim = plain_cell(row.get("claim") or "").strip()
        if not claim:
            continue  # a verdict on a row without its claim's words: nothing to match it by later
        sid = (row.get("id") or "").strip()
        article = twin.get("articles", {}).get(sid.rstrip("0123456789"), {})
        out.append({"text": claim, "language": article.get("language", ""), "verdict": r.verdict.verdict,
                    "word": r.verdict.word, "notes": r.verdict.notes,
                    "source": plain_cell(row.get("source") or "").strip() or article.get("source", ""),
                    "published": article.get("published", ""), "briefing": twin.get("name") or path.name,
                    "reviewed": _reviewed_at(path) or when})
    return out


def _twin(path: Path) -> dict:
    """What the briefing's JSON twin beside the checklist says (an empty dict if none or unreadable):
    per article id its language, source and publication date, and the briefing's name."""
    twin = path.with_suffix(".json")
    try:
        if not twin.is_file() or twin.stat().st_size > MAX_REVIEW_BYTES:
            return {}
        data = json.loads(twin.read_text(encoding="utf-8"))
        articles = {}
        for a in data.get("articles", []):
            published = (a.get("published") or {}).get("date", "") if isinstance(a.get("published"), dict) else ""
            articles[str(a["id"])] = {"language": str(a.get("language") or ""), "source": str(a.get("source") or ""),
                                      "published": str(published or "")[:10]}
        return {"articles": articles, "name": f"{twin.stem} ({data.get('title', '')})"[:200]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _claimreviews(raw: bytes, name: str) -> list[dict]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        raise InputError(f"{name}: not valid JSON ({str(e)[:80]})") from None
    except RecursionError:
        raise InputError(f"{name}: not valid JSON (nested too deep)") from None
    if isinstance(data, dict):
        data = data.get("@graph", data.get("itemListElement", [data]))
    if not isinstance(data, list):
        raise InputError(f"{name}: not ClaimReview JSON-LD (a list of ClaimReview objects)")
    out = []
    for n, item in enumerate(data, start=1):
        if isinstance(item, dict) and isinstance(item.get("item"), dict):  # an ItemList's ListItem
            item = item["item"]
        if not isinstance(item, dict) or "ClaimReview" not in str(item.get("@type", "")):
            continue
        where = f"{name}: ClaimReview {n}"
        text = item.get("claimReviewed")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: no claimReviewed text")
        word, verdict = _rating(item.get("reviewRating"), where)
        claim = item.get("itemReviewed") if isinstance(item.get("itemReviewed"), dict) else {}
        appearance = claim.get("appearance") or claim.get("firstAppearance") or {}
        if isinstance(appearance, list):
            appearance = appearance[0] if appearance and isinstance(appearance[0], dict) else {}
        if not isinstance(appearance, dict):
            appearance = {}
        source = appearance.get("url") or claim.get("url") or appearance.get("name") or ""
        language = item.get("inLanguage") or claim.get("inLanguage") or ""
        author = item.get("author")
        author = author.get("name", "") if isinstance(author, dict) else ""
        out.append({"text": text.strip(), "language": str(language)[:2].lower(), "verdict": verdict, "word": word,
                    "notes": str(item.get("reviewBody") or ""), "source": str(source),
                    "published": str(appearance.get("datePublished") or claim.get("datePublished") or "")[:10],
                    "briefing": name + (f" ({author})" if author else ""),
                    "reviewed": str(item.get("datePublished") or "")})
    return out


def _rating(rating, where: str) -> tuple[str, str]:
    """(the rating's word, our verdict) of a reviewRating: its alternateName when we know the word,
    else its ratingValue on its own scale (worst..best) mapped to ours."""
    if not isinstance(rating, dict):
        raise InputError(f"{where}: no reviewRating")
    word = str(rating.get("alternateName") or "").strip()
    folded = word.casefold()
    if folded in OTHER_RATINGS:
        return word, OTHER_RATINGS[folded]
    try:
        return word, verdict_word(word, where)
    except InputError:
        pass
    try:
        value = float(rating["ratingValue"])
        worst, best = float(rating.get("worstRating", 1)), float(rating.get("bestRating", 5))
        share = (value - worst) / (best - worst)
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        raise InputError(f"{where}: rating {word[:40]!r} is none of ours ({', '.join(VERDICTS)}) "
                         "and has no ratingValue on a scale") from None
    verdict = "inaccurate" if share < 0.2 else "misleading" if share < 0.45 else "needs context" if share < 0.75 else "accurate"
    return word or verdict, verdict


# ---- out -------------------------------------------------------------------------------

EXPORT_COLUMNS = ["key", "claim", "language", "verdict", "word", "notes", "source", "published", "briefing",
                  "reviewed", "added"]


def to_csv(records: list[Record]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(EXPORT_COLUMNS)
    for r in records:
        w.writerow([text_cell(c) for c in (r.key, r.text, r.language, r.verdict, r.word, r.notes, r.source,
                                           r.published, r.briefing, r.reviewed, r.added)])
    return buf.getvalue().encode("utf-8-sig")


def to_claimreview(records: list[Record], author: str = "reporter") -> bytes:
    items = []
    for r in records:
        appearance = {"@type": "CreativeWork"}
        if r.source.lower().startswith(("http://", "https://")):
            appearance["url"] = r.source
        if r.published:
            appearance["datePublished"] = r.published
        items.append({
            "@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": r.text,
            "inLanguage": r.language, "datePublished": r.reviewed[:10] or None,
            "author": {"@type": "Organization", "name": author},
            "itemReviewed": {"@type": "Claim", "appearance": appearance},
            "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[r.verdict], "bestRating": 5, "worstRating": 1,
                             "alternateName": r.verdict},
            "reviewBody": r.notes,
        })
    return (json.dumps(items, ensure_ascii=False, indent=2).translate(_EMBED) + "\n").encode("utf-8")


def key_of(text: str) -> str:
    return claim_key(text)
