"""schema.org ClaimReview JSON-LD of a reviewed briefing (`brief --verdicts` writes OUT.claimreview.json).

One item per reviewed checklist row (review/checklist.py rows(), issue 13 item 2), in the
checklist's order: a claim several sources tell is reviewed once, so it is one ClaimReview, not
one per sentence. `claimReviewed` is the row's lead sentence (the one the checklist quotes) and
`inLanguage` its article's language; `itemReviewed.appearance` is a list with a CreativeWork for
every source that tells the claim, the lead's first, then in source order (its title; its http(s) URL when it was read
from one, never a local path; its publication date and language when known). A row split by
verdict (an older checklist gave its sentences different verdicts) is an item per verdict.

The text is safe to embed in a <script type="application/ld+json"> element as it is: no raw
<, > or & (checklist._EMBED), U+2028/9 escaped.
"""
from __future__ import annotations

import json

from reporter.model import Article, Briefing
from reporter.review.checklist import RATINGS, _EMBED, row_verdict, rows


def appearance(article: Article) -> dict:
    """The CreativeWork a claim appears in: the article's title, and what it says of itself
    (an http(s) URL, a publication date, a language) without naming a local file."""
    out = {"@type": "CreativeWork", "name": article.title}
    if article.source.lower().startswith(("http://", "https://")):
        out["url"] = article.source
    if article.published is not None and article.published.date:
        out["datePublished"] = str(article.published.date)[:10]
    if article.language:
        out["inLanguage"] = article.language
    return out


def item(text: str, language: str, reviewed: str, appearances: list[dict], verdict: str, notes: str,
         author: str = "reporter") -> dict:
    """One ClaimReview object: the claim's words, where it appears, our verdict on our 1-5 scale.
    Both the briefing's file (items, below) and the archive's export (archive/reviews.py) write these."""
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": text,
        **({"inLanguage": language} if language else {}),
        "datePublished": reviewed[:10] or None,
        "author": {"@type": "Organization", "name": author},
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
        "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[verdict], "bestRating": 5,
                         "worstRating": 1, "alternateName": verdict},
        "reviewBody": notes,
    }


def items(b: Briefing, author: str = "reporter") -> list[dict]:
    """The ClaimReview objects of the briefing's reviewed rows."""
    by_id = {a.id: a for a in b.articles}
    out = []
    for row in rows(b):
        v = row_verdict(b, row)
        if v is None:
            continue
        lead = b.sentence(row.lead)
        sources = dict.fromkeys((lead.article, *(b.sentence(x).article for x in row.sentences)))
        out.append(item(lead.text, by_id[lead.article].language, b.generated_iso,
                        [appearance(by_id[a]) for a in sources], v.verdict, v.notes, author))
    return out


def claimreview(b: Briefing, author: str = "reporter") -> bytes:
    """The JSON-LD file: a list of ClaimReview objects, UTF-8, safe to embed in a page."""
    # <, >, & and U+2028/9 occur only inside JSON strings, so escaping them in the text is exact
    return (json.dumps(items(b, author), ensure_ascii=False, indent=2).translate(_EMBED) + "\n").encode("utf-8")
