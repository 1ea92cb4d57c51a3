"""When each source was published, and the dates its claims mention (issue 14).

Between segment and compare: `date_articles` gives each article its publication date (the
user's --date first, then the page's metadata or the text's byline, dateline or update line,
found by read.py and ingest.py; unknown stays None), so the comparator can tell which source
is later. `timeline` resolves the dates inside the claims (text/dates.py) against their
source's date and gathers them by date. Pure: no I/O.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from reporter.errors import InputError
from reporter.model import BODY, TITLE, Article, Published, Source, TimelineEntry
from reporter.settings import Settings
from reporter.text.dates import mentions

ROLES = (BODY, TITLE)  # captions describe a photo's day, bylines the page's: not what the claims say


def date_articles(articles: tuple[Article, ...], sources: list[Source], settings: Settings) -> tuple[Article, ...]:
    given = dict(settings.dates)
    known = [a.id for a in articles]
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise InputError(f"--date {unknown[0]}=...: there is no article {unknown[0]} "
                         f"(the articles are {', '.join(known)}, in the order given)")
    out = []
    for a, src in zip(articles, sources):
        published = Published(given[a.id], "option") if a.id in given else src.published
        out.append(replace(a, published=published) if published != a.published else a)
    return tuple(out)


def publication_day(a: Article) -> date | None:
    return date.fromisoformat(a.published.date[:10]) if a.published else None


def timeline(articles: tuple[Article, ...]) -> tuple[TimelineEntry, ...]:
    """Every resolved date the claims (and titles) mention, earliest first; at one date, the
    sentences in briefing order and the expressions as written. Relative dates of a source
    without a publication date are left out (unresolved); absolute ones stay."""
    by_date: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for a in articles:
        day = publication_day(a)
        for s in a.sentences:
            if s.role not in ROLES:
                continue
            for m in mentions(s.text, a.language, day):
                if not m.value:
                    continue
                sids, texts = by_date.setdefault((m.value, m.granularity), ([], []))
                if s.id not in sids:
                    sids.append(s.id)
                if m.text not in texts:
                    texts.append(m.text)
    return tuple(TimelineEntry(value, gran, tuple(sids), "; ".join(texts))
                 for (value, gran), (sids, texts) in sorted(by_date.items()))
