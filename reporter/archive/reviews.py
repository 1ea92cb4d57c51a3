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
from reporter.review.checklist import VERDICTS, _EMBED, plain_cell, read_verdicts, text_cell, verdict_word
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


def read_reviews(path: Path, name: str, notes: list[str] | None = None) -> list[dict]:
    """The reviews in a checklist CSV or a ClaimReview JSON file, as dicts of Record fields
    (without key, vector and figures: the caller computes those). One clear InputError if the
    file is neither, or holds no review. What the user should know but is no error (sentences of
    a reviewed row whose words are not at hand) is appended to `notes`."""
    from reporter.stages.read import read_file

    if not path.exists() and not path.is_symlink():
        raise InputError(f"{name}: no such review file")
    suffix = path.suffix.lower()
    if suffix == ".json" or suffix == ".jsonld":
        raw = read_file(path, name, MAX_REVIEW_BYTES, missing="no such review file",
                        limit="limit for a review file", instead="give a checklist CSV or ClaimReview JSON")
        items = _claimreviews(raw, name)
    elif suffix in (".csv", ".tsv", ".txt"):
        items = _checklist(path, name, notes)
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


def _checklist(path: Path, name: str, notes: list[str] | None = None) -> list[dict]:
    """A review per sentence of every filled row (issue 13: a row is a claim, "A5 · B3", and its
    verdict is on every sentence that tells it). The sentences are the row's keys (its `key` and
    `keys` cells, and its claim's words; a file without the `keys` column takes them from the JSON
    twin's checklist row); each one's words, language, source and publication date come from the
    twin's sentence with that key, so a claim two sources tell is archived once per wording, each
    with its own article's language and date. A key the twin does not have (no twin beside the
    checklist) has no words to archive: the row's claim cell stands for the lead sentence, and the
    others are counted in `notes`."""
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
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    rows = {n: row for n, row in enumerate(reader, start=2)}
    has_keys = "keys" in (reader.fieldnames or ())
    leads = frozenset(filter(None, (_lead_key(rows.get(line) or {}) for line in reviewed)))
    twin = _twin(path, leads)
    articles, sentences, twin_rows = twin.get("articles", {}), twin.get("sentences", {}), twin.get("rows", {})
    reviewed_at = _reviewed_at(path) or twin.get("generated", "")
    briefing = twin.get("name") or path.name
    out: list[dict] = []
    unworded = 0
    for line, r in sorted(reviewed.items()):
        row = rows.get(line) or {}
        claim = plain_cell(row.get("claim") or "").strip()
        lead_key = (row.get("key") or "").strip()
        keys = list(r.keys)
        if not has_keys or not (row.get("keys") or "").strip():  # an older file, or the cell emptied
            keys += twin_rows.get(lead_key, ())
        cell_sources = _sources_cell(plain_cell(row.get("sources") or ""))
        lead_source = plain_cell(row.get("source") or "").strip()
        told: dict[tuple[str, str], dict] = {}  # (key, source) -> review: each wording once per source
        for k in dict.fromkeys(keys):
            found = sentences.get(k, ())
            if not found and claim and k in (lead_key, claim_key(claim)):
                # no twin: the claim cell is the lead sentence's words; its article is the one whose
                # source is the row's source cell, or the single article its id cell names
                found = ((claim, _lead_article(row, cell_sources, lead_source)),)
            if not found:
                unworded += 1
                continue
            for words, aid in found:
                article = articles.get(aid, {})
                source = article.get("source") or cell_sources.get(aid) or (lead_source if k == lead_key else "")
                told.setdefault((claim_key(words), source), {
                    "text": words, "language": article.get("language", ""), "verdict": r.verdict.verdict,
                    "word": r.verdict.word, "notes": r.verdict.notes, "source": source,
                    "published": article.get("published", ""), "briefing": briefing, "reviewed": reviewed_at,
                    "checklist_row": lead_key or claim_key(claim)})
        out += told.values()  # none: a verdict on a row whose words are nowhere, nothing to match it by later
    if unworded and notes is not None:
        many = unworded > 1
        notes.append(f"{name}: {unworded} sentence{'s' if many else ''} of the reviewed rows {'were' if many else 'was'} "
                     f"not archived: {'their' if many else 'its'} words are in the briefing's JSON twin, and no JSON "
                     f"in the checklist's folder holds them (keep the twin beside it, as {path.with_suffix('.json').name})")
    return out


def _lead_key(row: dict) -> str:
    """The key of the sentence a checklist row quotes: its `key` cell, else its claim's words' ('' if neither)."""
    claim = plain_cell(row.get("claim") or "").strip()
    return (row.get("key") or "").strip() or (claim_key(claim) if claim else "")


def _sources_cell(cell: str) -> dict[str, str]:
    """The checklist's `sources` cell ("A: a.txt · B: https://x/y") as article id -> source."""
    out = {}
    for part in cell.split(" · "):
        aid, sep, source = part.partition(": ")
        if sep and aid.strip().isalnum():
            out[aid.strip()] = source.strip()
    return out


def _lead_article(row: dict, sources: dict[str, str], lead_source: str) -> str:
    """The article id of the sentence a row quotes, without the twin: the one whose source is the
    row's `source` cell, else the article of a lone id ("A5"); '' when neither says."""
    named = [aid for aid, source in sources.items() if source == lead_source]
    if len(named) == 1:
        return named[0]
    ids = [x.strip() for x in (row.get("id") or "").split(" · ") if x.strip()]
    return ids[0].rstrip("0123456789") if len(ids) == 1 else ""


# A checklist saved under another name ("story-review.csv" beside "story.json", as the README's
# workflow has it) finds its twin among at most this many JSON files of its folder, newest first.
MAX_TWINS_SEARCHED = 20


def _twin(path: Path, leads: frozenset[str] = frozenset()) -> dict:
    """The briefing's JSON twin of a checklist: the one beside it with the same stem; else (the
    checklist saved under another name) the newest JSON of its folder whose sentences hold the
    key of every reviewed row (`leads`); else none (an empty dict). See _read_twin."""
    beside = path.with_suffix(".json")
    if beside.is_file() or not leads:
        return _read_twin(beside)
    try:
        found = [p for p in path.parent.glob("*.json") if not p.name.endswith(".claimreview.json") and p.is_file()]
        found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return {}
    for candidate in found[:MAX_TWINS_SEARCHED]:
        twin = _read_twin(candidate)
        if twin and leads <= twin["sentences"].keys():
            return twin
    return {}


def _read_twin(twin: Path) -> dict:
    """What a briefing's JSON twin says (an empty dict if none or unreadable): per article id its
    language, source and publication date; per sentence key its words and article ((text, article
    id), one per sentence with those words); per checklist row (by its `key`) the keys of every
    sentence that tells it; and the briefing's name."""
    try:
        if not twin.is_file() or twin.stat().st_size > MAX_REVIEW_BYTES:
            return {}
        data = json.loads(twin.read_text(encoding="utf-8"))
        articles: dict[str, dict] = {}
        sentences: dict[str, list[tuple[str, str]]] = {}
        for a in data.get("articles", []):
            published = (a.get("published") or {}).get("date", "") if isinstance(a.get("published"), dict) else ""
            aid = str(a["id"])
            articles[aid] = {"language": str(a.get("language") or ""), "source": str(a.get("source") or ""),
                             "published": str(published or "")[:10]}
            for s in a.get("sentences") or ():
                if isinstance(s, dict) and isinstance(s.get("text"), str) and s["text"].strip():
                    found = sentences.setdefault(claim_key(s["text"]), [])
                    if (s["text"], aid) not in found:
                        found.append((s["text"], aid))
        rows = {}
        for row in data.get("checklist") or ():
            keys = row.get("keys") if isinstance(row, dict) else None
            if isinstance(keys, list) and all(isinstance(k, str) for k in keys) and isinstance(row.get("key"), str):
                rows[row["key"]] = tuple(keys)
        return {"articles": articles, "sentences": {k: tuple(v) for k, v in sentences.items()}, "rows": rows,
                "name": f"{twin.stem} ({data.get('title', '')})"[:200]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
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
    """One ClaimReview per reviewed claim: the wordings a checklist row archived together (a claim
    two sources told, in one language or two: the same briefing, row and verdict) are one item
    whose appearances are each wording's source, as the briefing's own file has it
    (review/claimreview.py); `claimReviewed` is the row's lead sentence, else its first wording. An
    entry with no row (archived from a ClaimReview file, or before rows were kept) is its own item."""
    from reporter.review.claimreview import item

    groups: dict[tuple, list[Record]] = {}
    for r in records:
        together = (r.briefing, r.checklist_row, r.verdict, r.notes) if r.checklist_row else (r.id, id(r))
        groups.setdefault(together, []).append(r)
    items = []
    for group in groups.values():
        lead = next((r for r in group if r.key == group[0].checklist_row), group[0])
        appearances = []
        for r in [lead, *(r for r in group if r is not lead)]:
            appearance = {"@type": "CreativeWork"}
            if r.source.lower().startswith(("http://", "https://")):
                appearance["url"] = r.source
            if r.published:
                appearance["datePublished"] = r.published
            if r.language and len(group) > 1:
                appearance["inLanguage"] = r.language
            if appearance not in appearances:
                appearances.append(appearance)
        items.append(item(lead.text, lead.language, lead.reviewed,
                          appearances if len(appearances) > 1 else appearances[0], lead.verdict, lead.notes, author))
    return (json.dumps(items, ensure_ascii=False, indent=2).translate(_EMBED) + "\n").encode("utf-8")


def key_of(text: str) -> str:
    return claim_key(text)
