"""Stage 5: flag the claims a person must verify, each with its reasons.

The decision is the learned check-worthiness score (text/checkworthy.py): a calibrated
probability from the sentence's meaning (the multilingual sentence encoder), its rule reasons
and, in Spanish, its words, trained on CheckThat! / ClaimBuster data by tools/train.py. A claim
is flagged when that probability reaches its language's threshold (settings.Flagging); a claim only
one source tells (of several) has Flagging.single_source_weight added to its log-odds, and a
conflict between sources scores at least Flagging.conflict_score. The priority bands come from the same number.

The rules stay as the readable reasons a fact-checker would name (a figure, a date, a quotation,
an attribution, an accusation, a superlative, a claim only one source makes, a conflict), and the
model reads them as features; they no longer decide alone. A flag the rules cannot explain
carries the reason "wording" (worded like the claims fact-checkers chose). With use_model off, or
no model file, the rules decide: the sum of their weights, capped at 1, against rules_threshold.
Only body sentences are scored: titles, captions and boilerplate never are.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from reporter.settings import Flagging
from reporter.text.checkworthy import Model, load as load_model, words
from reporter.text.encoder import Encoder, load as load_encoder
from reporter.text.features import analyze
from reporter.text.language import fold
from reporter.text.lexicon import (ABSOLUTE_SUFFIXES, ACCUSATION, ATTRIBUTION, CAPITALISED_MONTHS, CONSEQUENTIAL,
                                   DATE_WORDS, NOT_SUPERLATIVE_AFTER, NOT_SUPERLATIVE_AFTER_MAS,
                                   SPANISH_COMPARATIVES, SPANISH_DETERMINERS,
                                   SPECULATION, SPECULATION_PAIRS, SUPERLATIVE_PAIRS, SUPERLATIVE_WORDS)
from reporter.model import CONFLICT, Article, Flag, Relation

# Hard signals: a hedged claim ("could", "podría") keeps its full rule score only with one of them.
HARD = frozenset({"conflict", "accusation", "figure", "quotation"})
# Reasons that say what in the sentence is to be checked; a flag with none of them gets "wording".
CONTENT = frozenset({"conflict", "accusation", "figure", "quotation", "attribution", "superlative", "consequential"})

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _has(tokens: list[str], cues: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    whole, starts = cues
    return any(t in whole or t.startswith(starts) for t in tokens)


def superlative(tokens: list[str]) -> bool:
    """A superlative or a record: "el más grande", "la cifra más alta", "el mayor", "altísimo",
    "récord", "the largest", "the most", "for the first time", "sin precedentes". Not a
    comparison: "Dos personas más fallecieron", "más de 30", "la mayor parte", "the mayor"."""
    for i, t in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t in SUPERLATIVE_WORDS or (t, after) in SUPERLATIVE_PAIRS:
            return True
        if len(t) > 6 and t.endswith(ABSOLUTE_SUFFIXES):
            return True
        if t in SPANISH_COMPARATIVES and i >= 1 and tokens[i - 1] in SPANISH_DETERMINERS \
                and after not in NOT_SUPERLATIVE_AFTER:
            return True
        if t in ("mas", "menos") and after and after not in NOT_SUPERLATIVE_AFTER_MAS and not after.isdigit() and any(x in SPANISH_DETERMINERS - {"su", "sus"}
                                                   for x in tokens[max(0, i - 2):i]):
            return True
    return False


def _consequential(tokens: list[str]) -> bool:
    """A consequential subject (a treaty, a law, deaths, an arrest), not "de acuerdo con" (according
    to, agreeing) nor "ha tratado de" (has tried to)."""
    for i, t in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        if t == "acuerdo" and before == "de":
            continue
        if t == "tratado" and before in ("ha", "han", "habia", "habian", "he", "hemos", "hubiera"):
            continue
        if _has([t], CONSEQUENTIAL):
            return True
    return False


def reasons_for(text: str, language: str, *, single_source: bool, conflict: bool) -> tuple[list[str], bool]:
    """The reasons a claim is worth checking, and whether it is hedged."""
    f = analyze(text, language)
    raw = _TOKEN.findall(text)
    tokens = [fold(t) for t in raw]
    # English "March" / "May" are months only capitalised: "thousands march", "it may cost" are not dates.
    months = {fold(w) for w in raw if w in CAPITALISED_MONTHS}
    common = {fold(w) for w in CAPITALISED_MONTHS} - months
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
    if f.weekdays or any(x.kind in ("year", "date") for x in f.figures) or (set(tokens) & DATE_WORDS) or months:
        reasons.append("date")
    if single_source:
        reasons.append("single_source")
    if superlative(tokens):
        reasons.append("superlative")
    if _consequential(tokens):
        reasons.append("consequential")
    if f.names:
        reasons.append("named_actor")
    hedged = (_has([t for t in tokens if t not in months or t in common], SPECULATION) or "?" in text
              or any(pair in SPECULATION_PAIRS for pair in zip(tokens, tokens[1:])))
    return reasons, hedged


def score(reasons: list[str], hedged: bool, settings: Flagging = Flagging()) -> float:
    """The rules' own score (use_model off): the weights of the reasons, capped at 1."""
    s = sum(settings.weight(r) for r in reasons)
    if hedged and not HARD & set(reasons):
        s -= settings.speculation_penalty
    return round(max(0.0, min(1.0, s)), 3)


def probability(model: Model, vector, text: str, language: str, reasons: list[str], hedged: bool) -> float:
    """The model's calibrated probability for one sentence (its encoder vector given)."""
    return model.probability(vector, reasons, hedged, words(text, language) if model.reads_words else ())


def _shift(p: float, logit: float) -> float:
    """p with `logit` added to its log-odds."""
    p = min(max(p, 1e-9), 1 - 1e-9)
    return 1 / (1 + math.exp(-(math.log(p / (1 - p)) + logit)))


def flag(articles: tuple[Article, ...], relations: tuple[Relation, ...], settings: Flagging = Flagging(),
         checkworthy: Callable[[str], Model | None] = load_model,
         encoder: Callable[[], Encoder] = load_encoder, shared_text: tuple = ()) -> tuple[Flag, ...]:
    """Flags for the claims worth checking. `checkworthy` gives a language's learned model (or
    None: rules alone), `encoder` the sentence encoder it reads meaning with (the comparator's, so
    a claim it has read is not encoded twice); both are asked only when settings.use_model."""
    related = {r.a for r in relations} | {r.b for r in relations}
    conflicted = {x for r in relations if r.type == CONFLICT for x in (r.a, r.b)}
    # "Single source" means one independent source: a claim whose every partner in the other
    # sources tells it in the same words (wire copy, text/provenance.py) has no independent support.
    partners: dict[str, set[str]] = {}
    for r in relations:
        partners.setdefault(r.a, set()).add(r.b)
        partners.setdefault(r.b, set()).add(r.a)
    copied: dict[str, set[str]] = {}
    for t in shared_text:
        copied.setdefault(t.a, set()).add(t.b)
        copied.setdefault(t.b, set()).add(t.a)
    same_text = {sid for sid, ps in partners.items() if ps and ps <= copied.get(sid, set())}
    several = len(articles) > 1
    flags = []
    for article in articles:
        claims = article.claims
        model = checkworthy(article.language) if settings.use_model and claims else None
        vectors = encoder().encode([s.text for s in claims]) if model is not None else None
        for i, s in enumerate(claims):
            reasons, hedged = reasons_for(s.text, article.language,
                                          single_source=several and (s.id not in related or s.id in same_text),
                                          conflict=s.id in conflicted)
            if model is None:
                value = score(reasons, hedged, settings)
                flagged = value >= settings.rules_threshold
            else:
                value = probability(model, vectors[i], s.text, article.language, reasons, hedged)
                if "single_source" in reasons and settings.single_source_weight:
                    value = _shift(value, settings.single_source_weight)
                if "conflict" in reasons:
                    value = max(value, settings.conflict_score)
                value = round(value, 3)
                flagged = value >= settings.threshold_for(article.language)
                if flagged and not CONTENT & set(reasons):
                    reasons.append("wording")
            if flagged:
                if s.id in same_text:
                    reasons.append("same_text")  # why "single source" though another source tells it
                flags.append(Flag(s.id, value, tuple(reasons)))
    return tuple(flags)
