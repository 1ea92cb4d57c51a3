"""Stage 5: flag the claims a person must verify, each with its reasons.

The decision is the learned check-worthiness score (text/checkworthy.py): a calibrated
probability from the sentence's meaning (the multilingual sentence encoder), its rule reasons
and, in Spanish, its words, trained on CheckThat! / ClaimBuster data by tools/train.py. A claim
is flagged when that probability reaches its language's threshold (settings.Flagging); a claim only
one source tells (of several) has Flagging.single_source_weight added to its log-odds, an act of
consequence (a treaty signed, a law passed, people killed) Flagging.act_weight however many sources
tell it (the larger of the two: news_prior), and a conflict between sources scores at least
Flagging.conflict_score. The priority bands come from the same number.

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
from reporter.text.features import analyze, quote_spans
from reporter.text.language import fold
from reporter.text.lexicon import (ACCUSATION, ATTRIBUTION, BYSTANDER, CAPITALISED_MONTHS, CONSEQUENTIAL,
                                   DATE_WORDS, EVENT, NARRATED, OFFICIAL, TESTIMONY_SENSES, NOT_SUPERLATIVE_AFTER, PASSED_WHAT, NOT_SUPERLATIVE_AFTER_MAS,
                                   SPANISH_COMPARATIVES, SPANISH_DETERMINERS,
                                   SPECULATION, SPECULATION_PAIRS, SUPERLATIVE_PAIRS, SUPERLATIVE_WORDS)
from reporter.model import CONFLICT, Article, Flag, Relation

# Hard signals: a hedged claim ("could", "podría") keeps its full rule score only with one of them.
HARD = frozenset({"conflict", "accusation", "figure", "quotation"})
# Reasons that say what in the sentence is to be checked; a flag with none of them gets "wording".
CONTENT = frozenset({"conflict", "accusation", "figure", "quotation", "attribution", "superlative", "consequential",
                     "event"})
# Reasons the model reads that a reader is shown under another name: an act that happened ("firmaron",
# "approved", "killed": lexicon.EVENT) is a consequential claim to the reader.
# Never written: every flag's reasons pass through shown() (tests/test_flag_triage.py holds it).
EVENT_FEATURE = "event"
# What makes a sentence one that states something to check when only one source tells it (news_prior):
# a figure, an attribution (words on the record: "según Protección Civil", "X said"), an accusation,
# an act, a superlative; not a date, a name or a hedge alone ("Schools will stay closed on Friday",
# "Empresarios pidieron ampliar la lista": the model's own score decides those).
STATES = frozenset({"figure", "attribution", "accusation", "consequential", "event", "superlative"})
SHOWN_AS = {EVENT_FEATURE: "consequential"}
# A bystander's testimony (testimony()): read by news_prior and flag(), never shown, never read by the model.
TESTIMONY = "testimony"
# What a bystander can say that a fact-checker can check: a figure of their own ("I counted 40
# people on the roof"), an accusation ("Nadie nos avisó", denunció un vecino), a conflict between
# sources. Without one, their testimony is never flagged: "It's a tax on working people, plain and
# simple," said a taxi driver reads like a debate's claim to the model (0.72), and is an opinion.
WITNESS_STATES = frozenset({"figure", "accusation", "conflict"})

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _has(tokens: list[str], cues: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    whole, starts = cues
    return any(t in whole or t.startswith(starts) for t in tokens)


# English "record" is a record only as one: "a record 5%", "a new record", "record highs", "broke the
# record"; not "city records", "his voting record", "on the record" (derrumbe: "according to city records").
_RECORD_BEFORE = frozenset("a new all another broke break breaks breaking broken set sets smashed shattered beat "
                           "beats beaten equalled equaled matched tied".split())
_RECORD_AFTER = frozenset("high highs low lows level levels number numbers amount year years temperature temperatures "
                          "heat rainfall turnout sales profit profits pace breaking time".split())


def _english_record(tokens: list[str], i: int) -> bool:
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (bool(_RECORD_BEFORE & set(tokens[max(0, i - 2):i])) or after in _RECORD_AFTER
            or after[:1].isdigit())


def superlative(tokens: list[str], language: str = "") -> bool:
    """A superlative or a record: "el más grande", "la cifra más alta", "el mayor", "récord",
    "the largest", "the most", "for the first time", "sin precedentes". Not a comparison: "Dos
    personas más fallecieron", "más de 30", "la mayor parte", "the mayor", "los mayores de 60 años"
    (the over-60s); not an intensifier ("carísima", "muchísimas": they rank nothing); not English
    "records" as documents ("according to city records")."""
    for i, t in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t in ("record", "records") and language == "en" and not _english_record(tokens, i):
            continue
        if t in SUPERLATIVE_WORDS or (t, after) in SUPERLATIVE_PAIRS:
            return True
        if t in SPANISH_COMPARATIVES and i >= 1 and tokens[i - 1] in SPANISH_DETERMINERS \
                and after not in NOT_SUPERLATIVE_AFTER \
                and not (after == "de" and i + 2 < len(tokens) and tokens[i + 2][:1].isdigit()):
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


def event(tokens: list[str]) -> bool:
    """An act that happened and can be checked: "firmaron un acuerdo", "aprobó", "the Senate passed",
    "were killed" (lexicon.EVENT)."""
    return _has(tokens, EVENT) or any(t == "passed" and PASSED_WHAT & set(tokens[i + 1:i + 6])
                                      for i, t in enumerate(tokens))


# An age is no figure to check: "Rosa María López, 56,", "de 34 años", "a 45-year-old", "aged 60".
_AGE_AFTER = re.compile(r"\s?-?\s?(?:years?\s?-?\s?olds?|años\s+de\s+edad)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:\b(?:aged|age|ages)|\b(?:edad\s+de|a\s+los|tenía|tiene|tenían|cumplió|cumple|cumplirá))\s*$",
                         re.IGNORECASE)
_PERSON_DE = re.compile(r"(?:,|\b(?:hombre|mujer|joven|jóvenes|niño|niña|niños|niñas|chico|chica|anciano|anciana|varón|"
                        r"menor|bebé|adolescente|conductor|conductora|vecino|vecina|turista|trabajador|trabajadora|"
                        r"paciente|persona|individuo|señor|señora|fallecido|fallecida|detenido|detenida))\s+de\s*$",
                        re.IGNORECASE)
_YEARS = re.compile(r"\s+años\b(?!\s+(?:de|del|en|como|que|para)\b(?!\s+edad))", re.IGNORECASE)
_APPOSITIVE = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’-]*\s*,\s*$")
# A count after a definite article names what was counted, it states no figure: "las dos Coreas",
# "the two Koreas", "los dos mandatarios" (both), "the three victims" (already counted). An article
# before, and a capitalised noun after or a count under 10: "killed 15 Palestinians", "las 12
# víctimas" keep their figure.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|los|las|el|la)\s+$", re.IGNORECASE)
_PROPER_AFTER = re.compile(r"\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]")


def _not_a_figure(text: str, start: int, end: int, f) -> bool:
    """Whether this count is an age or a count of a proper noun (see above)."""
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True
    if _YEARS.match(after) and (_PERSON_DE.search(before) or re.search(r"\bcon\s*$", before)):
        return True
    if f.text.isdigit() and f.value <= 120 and _APPOSITIVE.search(before) and re.match(r"\s*,", after):
        return True  # "Rosa María López, 56, ...", "John Smith, 45, said"
    return bool(_ARTICLE_BEFORE.search(before) and (_PROPER_AFTER.match(after) or f.value < 10))


# A share or a multiple in words is a rate to check as much as "25%" is: "cut by a quarter", "a third of
# the vessels", "two thirds", "half of", "prices have doubled", "la mitad", "un tercio", "el triple",
# "se duplicó" (figures.py reads digits and number words, not these).
_RATE_WORDS = re.compile(
    r"\b(?:(?:a|one|two|three)\s+(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)|half\s+of|"
    r"(?:doubled|tripled|quadrupled|halved)|(?:la|una)\s+mitad|(?:un|dos)\s+(?:tercio|tercios|cuarto)|"
    r"(?:tercera|cuarta|quinta)\s+parte|el\s+(?:doble|triple|cu[aá]druple)|se\s+(?:duplic|triplic)\w*)\b(?!-)",
    re.IGNORECASE)
# "A few dozen protesters", "unas pocas decenas": a vague count, not a figure anyone can check.
_FEW_BEFORE = re.compile(r"\b(?:few|pocas|pocos|cuantas|cuantos)\s+$", re.IGNORECASE)


# A distance that places the scene is no figure to check when the sentence states nothing of
# consequence: "Las cenizas llegaron a caer sobre los coches aparcados en Robledo, a 25 kilómetros",
# "se oyó a tres kilómetros de distancia", "the blast was heard two blocks away". Only these shapes
# (a distance after a comma closing the clause, "de distancia", "away"): an epicentre "a 120
# kilómetros al suroeste de", a depth "a 10 kilómetros de profundidad", a perimeter "supera los 60
# kilómetros", a speed "por hora" and "two kilometres from the shore" keep their figure.
_DISTANCE_UNITS = frozenset({"km", "m", "mi", "block", "blocks", "cuadra", "cuadras", "manzana", "manzanas", "yard",
                             "yards", "foot", "feet"})
_SCENE_BEFORE = re.compile(r"(?:,\s*a|\ba)\s+(?:unos|unas|apenas|casi|(?:poco\s+)?m[aá]s\s+de|menos\s+de)?\s*$",
                           re.IGNORECASE)
_SCENE_AFTER = re.compile(r"\s*\w+(?:\s+de\s+distancia\b|\s*(?=[.,;:)]|$))", re.IGNORECASE)
_SCENE_AFTER_DISTANCIA = re.compile(r"\s*\w+\s+de\s+distancia\b", re.IGNORECASE)
_AWAY_AFTER = re.compile(r"\s*\w+\s+away\b", re.IGNORECASE)


def _scene_distance(text: str, start: int, end: int, f) -> bool:
    """Whether this count is a distance placing the scene (see above)."""
    if f.unit not in _DISTANCE_UNITS:
        return False
    before, after = text[max(0, start - 30):start], text[end:end + 40]
    if _AWAY_AFTER.match(after):
        return True
    m = _SCENE_BEFORE.search(before)
    if not m:
        return False
    comma = m.group(0).lstrip().startswith(",")
    return bool(_SCENE_AFTER_DISTANCIA.match(after) or (comma and _SCENE_AFTER.match(after)))


def _figure(text: str, figures, within: list[tuple[int, int]] | None = None, scene: bool = False) -> bool:
    """Whether the sentence has a figure to check: a percentage, an amount of money, a share or a
    multiple in words, or a count with its unit or of 10 or more, not an age, a count of a proper
    noun nor a vague "few dozen". `within`: only figures inside these spans count (a bystander's
    quote: what they say, not how the reporter describes them, testimony()). `scene`: the sentence
    states nothing of consequence, so a distance placing the scene is no figure (_scene_distance)."""
    pos = 0
    for x in figures:
        at = text.find(x.text, pos)
        if at >= 0:
            pos = at + len(x.text)
        if within is not None and not any(a <= at < b for a, b in within):
            continue
        if x.kind not in ("count", "percent", "money") or (x.kind == "count" and not x.unit and x.value < 10):
            continue
        if x.kind == "count" and at >= 0 and (_not_a_figure(text, at, at + len(x.text), x)
                                              or _FEW_BEFORE.search(text[max(0, at - 12):at])
                                              or (scene and _scene_distance(text, at, at + len(x.text), x))):
            continue
        return True
    if within is not None:
        return any(_RATE_WORDS.search(text[a:b]) for a, b in within)
    return bool(_RATE_WORDS.search(text))


# A private person introduced by their age, as reporters introduce a witness and never an office:
# "said Samuel Otieno, 34, who swam...", "Margaret Lowe, 71,", "contó Remedios Alonso, de 68 años".
_AGED_PERSON = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’-]+,\s*(?:de\s+)?\d{1,3}(?:\s+años)?\s*,")


def testimony(text: str) -> bool:
    """Whether an attributed sentence is a bystander's testimony, not words on the record: a
    neighbour, a witness, a passenger, a trader, a relative (lexicon.BYSTANDER) or a person
    introduced by their age is quoted, or their experience narrated ("Survivors described scenes of
    panic": lexicon.NARRATED), or the quote is a first-person account of the senses ("I saw", "sonó
    como": lexicon.TESTIMONY_SENSES); and no office, institution or document is named
    (lexicon.OFFICIAL: "dijo el ministro", "police said", "según la empresa" stay attributions). A
    bystander's reported fact stays one: "Residents said they had complained for months"."""
    spans = quote_spans(text)
    outside = text
    for a, b in reversed(spans):  # who speaks is named outside the quote: «Es un hombre honesto», dijo Mora
        outside = outside[:a] + " " + outside[b:]
    told = [fold(t) for t in _TOKEN.findall(outside)]
    if _has(told, OFFICIAL):
        return False
    if TESTIMONY_SENSES.search(text):
        return True
    bystander = _has(told, BYSTANDER) or bool(_AGED_PERSON.search(outside))
    return bystander and bool(spans or _has(told, NARRATED))


def shown(reasons: list[str]) -> list[str]:
    """The reasons as a reader sees them (SHOWN_AS), each once, in order; not TESTIMONY."""
    return list(dict.fromkeys(SHOWN_AS.get(r, r) for r in reasons if r != TESTIMONY))


def reasons_for(text: str, language: str, *, single_source: bool, conflict: bool) -> tuple[list[str], bool]:
    """The reasons a claim is worth checking, and whether it is hedged. They include the model's
    features a reader sees under another name ("event": `shown` gives what a reader sees)."""
    f = analyze(text, language)
    raw = _TOKEN.findall(text)
    tokens = [fold(t) for t in raw]
    # English "March" / "May" are months only capitalised: "thousands march", "it may cost" are not dates.
    months = {fold(w) for w in raw if w in CAPITALISED_MONTHS}
    common = {fold(w) for w in CAPITALISED_MONTHS} - months
    reasons = []
    attributed = _has(tokens, ATTRIBUTION)
    # A bystander's testimony names no source on the record: no "attribution" (nor the single-source
    # lift it brings), and of a quoted one only the quote's figures count ("said Derek Foyle, a taxi
    # driver who has worked in the city for 30 years": the 30 years describe him).
    witness = attributed and testimony(text)
    if conflict:
        reasons.append("conflict")
    if _has(tokens, ACCUSATION):
        reasons.append("accusation")
    scene = not (_consequential(tokens) or event(tokens))
    if _figure(text, f.figures, within=(quote_spans(text) or None) if witness else None, scene=scene):
        reasons.append("figure")
    if f.quoted:
        reasons.append("quotation")
    if attributed and not witness:
        reasons.append("attribution")
    if witness:
        reasons.append(TESTIMONY)
    if f.weekdays or any(x.kind in ("year", "date") for x in f.figures) or (set(tokens) & DATE_WORDS) or months:
        reasons.append("date")
    if single_source:
        reasons.append("single_source")
    if superlative(tokens, language):
        reasons.append("superlative")
    if _consequential(tokens):
        reasons.append("consequential")
    if event(tokens):
        reasons.append(EVENT_FEATURE)
    if f.names:
        reasons.append("named_actor")
    hedged = (_has([t for t in tokens if t not in months or t in common], SPECULATION) or "?" in text
              or any(pair in SPECULATION_PAIRS for pair in zip(tokens, tokens[1:])))
    return reasons, hedged


def score(reasons: list[str], hedged: bool, settings: Flagging = Flagging()) -> float:
    """The rules' own score (use_model off): the weights of the reasons, capped at 1."""
    s = sum(settings.weight(r) for r in shown(reasons))
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


def news_prior(reasons: list[str], hedged: bool, settings: Flagging = Flagging()) -> float:
    """What the briefing adds to a claim's log-odds for what the tweets and debates the model
    learned from cannot say: a claim only one source tells (single_source_weight), or an act of
    consequence the story reports, told by one source or by several (act_weight: a treaty signed,
    a law passed, people killed; lexicon.EVENT with a CONSEQUENTIAL subject, not hedged). The larger
    of the two, not their sum: being told by two sources does not bury a signing under a quote.

    Only a sentence that states something to check (STATES: a figure, an attribution, an
    accusation, an act, a superlative) gets single_source_weight: in two real reports of one event
    most sentences are told by one of them (background, scene, reaction), and lifting them all
    flagged 72% of the body sentences of 30 ECB+ English pairs (51% read one article at a time);
    with this, 60% (issue 13: tools in the closing note)."""
    prior = settings.single_source_weight if "single_source" in reasons and STATES & set(reasons) else 0.0
    if TESTIMONY in reasons and "figure" not in reasons:
        prior = 0.0  # a bystander's "It's a tax on working people" names a consequential thing, states none
    if "event" in reasons and "consequential" in reasons and not hedged:
        prior = max(prior, settings.act_weight)
    return prior


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
                value = _shift(value, news_prior(reasons, hedged, settings))
                if "conflict" in reasons:
                    value = max(value, settings.conflict_score)
                value = min(round(value, 3), 0.999)  # a probability, never a certainty: not 1.000
                flagged = value >= settings.threshold_for(article.language)
            if flagged and TESTIMONY in reasons and not WITNESS_STATES & set(reasons):
                flagged = False  # a bystander's opinion or feeling, however worded (WITNESS_STATES)
            if model is not None and flagged and not CONTENT & set(reasons):
                reasons.append("wording")
            if flagged:
                reasons = shown(reasons)
                if s.id in same_text:
                    reasons.append("same_text")  # why "single source" though another source tells it
                flags.append(Flag(s.id, value, tuple(reasons)))
    return tuple(flags)
