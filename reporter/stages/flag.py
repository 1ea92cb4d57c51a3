"""Stage 5: flag the claims a person must verify, each with its reasons.

A rule-based scorer: every reason is a signal a fact-checker would name
(a figure, a date, a quotation, an attribution, an accusation, a claim only
one source makes, a conflict between sources). The score is the sum of the
weights of the reasons found, capped at 1; speculation and opinion lower it
unless a hard signal (figure, quotation, accusation, conflict) is present.
Only body sentences are scored: titles, captions and boilerplate never are.

A learned model (checkworthy.py, trained on CheckThat! / ClaimBuster data) adds
the reason "wording" when a sentence is worded like the claims fact-checkers
chose there. It is one reason among the others, not the judge: it was trained
on tweets and debate lines, and on news copy its scores run low (README, "How
well it works").
"""
from __future__ import annotations

import re

from collections.abc import Callable

from reporter.settings import Flagging
from reporter.text.checkworthy import Model, features, load as load_model
from reporter.text.features import analyze
from reporter.text.language import fold
from reporter.text.lexicon import ACCUSATION, ATTRIBUTION, CONSEQUENTIAL, DATE_WORDS, SPECULATION, SUPERLATIVE
from reporter.model import CONFLICT, Article, Flag, Relation

# The weight of each reason and the threshold are settings (reporter.settings.Flagging).
# Hard signals: a hedged claim ("could", "podría") keeps its full score only with one of them.
HARD = frozenset({"conflict", "accusation", "figure", "quotation"})


_TOKEN = re.compile(r"\w+", re.UNICODE)


def _has(tokens: list[str], cues: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    whole, starts = cues
    return any(t in whole or t.startswith(starts) for t in tokens)


def reasons_for(text: str, language: str, *, single_source: bool, conflict: bool,
                model: Model | None = None) -> tuple[list[str], bool]:
    """The reasons a claim is worth checking, and whether it is hedged. With a learned
    check-worthiness `model`, "wording" is a reason when the model says so."""
    f = analyze(text, language)
    tokens = [fold(t) for t in _TOKEN.findall(text)]
    reasons = []
    if conflict:
        reasons.append("conflict")
    if _has(tokens, ACCUSATION):
        reasons.append("accusation")
    if any(x.kind in ("count", "percent", "money") and (x.unit or x.kind != "count" or x.value >= 10)
           for x in f.figures):
        reasons.append("figure")
    if f.quoted:
        reasons.append("quotation")
    if _has(tokens, ATTRIBUTION):
        reasons.append("attribution")
    if f.weekdays or any(x.kind in ("year", "date") for x in f.figures) or set(tokens) & DATE_WORDS:
        reasons.append("date")
    if single_source:
        reasons.append("single_source")
    if _has(tokens, SUPERLATIVE):
        reasons.append("superlative")
    if _has(tokens, CONSEQUENTIAL):
        reasons.append("consequential")
    if f.names:
        reasons.append("named_actor")
    hedged = _has(tokens, SPECULATION) or "?" in text
    if model is not None and model.probability(features(text, language, reasons, hedged)) >= model.threshold:
        reasons.append("wording")
    return reasons, hedged


def score(reasons: list[str], hedged: bool, settings: Flagging = Flagging()) -> float:
    s = sum(settings.weight(r) for r in reasons)
    if hedged and not HARD & set(reasons):
        s -= settings.speculation_penalty
    return round(max(0.0, min(1.0, s)), 3)


def flag(articles: tuple[Article, ...], relations: tuple[Relation, ...], settings: Flagging = Flagging(),
         checkworthy: Callable[[str], Model | None] = load_model) -> tuple[Flag, ...]:
    """Flags for the claims worth checking. `checkworthy` gives a language's learned model
    (or None: rules alone); it is consulted only when settings.use_model."""
    related = {r.a for r in relations} | {r.b for r in relations}
    conflicted = {x for r in relations if r.type == CONFLICT for x in (r.a, r.b)}
    several = len(articles) > 1
    flags = []
    for article in articles:
        for s in article.claims:
            reasons, hedged = reasons_for(
                s.text, article.language,
                single_source=several and s.id not in related, conflict=s.id in conflicted,
                model=checkworthy(article.language) if settings.use_model else None)
            value = score(reasons, hedged, settings)
            if value >= settings.threshold:
                flags.append(Flag(s.id, value, tuple(reasons)))
    return tuple(flags)
