"""Compose the stages: ingest -> segment -> summarize -> compare -> flag.

Pure: takes decoded texts, returns a Briefing. Reading files and writing
outputs happen at the edges (cli.py, output.py).
"""
from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from reporter import __version__
from reporter.stages.compare import compare
from reporter.stages.facts import facts as read_facts
from reporter.stages.flag import flag
from reporter.stages.ingest import classify_lines, publication
from reporter.errors import InputError
from reporter.text.language import LANGUAGES, UnsupportedLanguage, detect
from reporter.text.provenance import credits, shared_text
from reporter.model import Briefing, Published, Source
from reporter.settings import Settings
from reporter.text.checkworthy import Model, load as load_model
from reporter.text import warmup
from reporter.text.encoder import Encoder, load as load_encoder
from reporter.stages.segment import segment
from reporter.stages.summarize import summarize
from reporter.stages.timeline import date_articles, timeline



def make_source(path: str, text: str, settings: Settings, format: str = "text", encoding: str = "utf-8",
                published: Published | None = None) -> Source:
    """A decoded input with its language and line roles. `published`: the page's metadata date
    (read.py); without it, the date a byline, dateline or update line of the text gives (ingest)."""
    try:
        language = settings.language or detect(text)
    except UnsupportedLanguage as e:
        raise InputError(f"{path}: looks like language '{e.code}', which reporter does not support "
                         f"(supported: {', '.join(sorted(LANGUAGES))}; --language forces one)") from None
    lines = classify_lines(text)
    return Source(path, text, language, lines, format, encoding, published or publication(text, lines, language))


def brief(sources: list[Source], settings: Settings, checkworthy: Callable[[str], Model | None] = load_model,
          encoder: Callable[[], Encoder] = load_encoder) -> Briefing:
    """The briefing of these sources. `checkworthy` gives the learned check-worthiness model
    of a language (or None: the flagger then uses its rules alone); `encoder` gives the
    sentence encoder the comparator reads meaning with (asked only when settings.compare.use_meaning
    and there are two or more articles)."""
    ids = _article_ids(len(sources))
    articles = tuple(segment(src, aid) for src, aid in zip(sources, ids))
    encoder = warmup.warm(articles, settings, checkworthy, encoder)  # the claims are known: encode them meanwhile
    articles = date_articles(articles, sources, settings)  # publication dates: --date, the page, the text
    articles = tuple(replace(a, credits=credits((s.role, s.text) for s in a.sentences)) for a in articles)
    warmup.advance(encoder)
    summaries = {}
    for a in articles:
        summaries[a.id] = summarize(a, settings.summary)
        warmup.advance(encoder)
    meaning = encoder() if settings.compare.use_meaning and len(articles) > 1 else None
    facts = read_facts(articles)
    warmup.advance(encoder)
    # before the comparison, which waits for the encoder: done while it encodes (issue 17)
    copied = shared_text([(s.id, a.id, s.text) for a in articles for s in a.claims])
    warmup.advance(encoder)
    events = timeline(articles)
    relations, relatedness = compare(articles, settings.compare, meaning, facts)
    flags = flag(articles, relations, settings.flag, checkworthy, encoder, copied)
    notes = []
    if len(articles) > 1 and relatedness < settings.compare.unrelated_below:
        notes.append("unrelated")
    if len({unicodedata.normalize("NFC", a.text).strip() for a in articles}) < len(articles):  # NFC = NFD text
        notes.append("identical")
    if len({a.language for a in articles}) > 1:
        notes.append("languages")
    title = settings.report.title or articles[0].title
    return Briefing(articles, summaries, relations, flags, relatedness, settings, title, __version__,
                    notes=tuple(notes), facts=facts, timeline=events,
                    shared_text=copied)


def _article_ids(n: int) -> list[str]:
    letters = string.ascii_uppercase
    return [letters[i] if i < 26 else letters[i // 26 - 1] + letters[i % 26] for i in range(n)]
