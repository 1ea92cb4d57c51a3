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
                                   CLOSED, DATE_WORDS, EVENT, EVENT_NOT_AFTER, EXCEEDED, INQUIRY, INQUIRY_OPENED,
                                   LIFE_STATE, MEASURE, MEASURED, NARRATED, ORDERED, TOLD, TOLL_NOUNS, WAY, WHOLE_GROUP, NOT_SUPERLATIVE_AFTER, NOT_SUPERLATIVE_AFTER_MAS,
                                   NOT_SUPERLATIVE_BEFORE_MAS, NUMBER_WORDS, OFFICIAL, PASSED_WHAT, RANKING_ADJECTIVES, RECORD_EXTREMES,
                                   RECORD_FIRST, RECORD_IN, RECORD_NEGATION, RECORD_NOT_FIRST, RECORD_PEAKS,
                                   RECORD_SINCE, RECORD_SPANS, SPANISH_COMPARATIVES, SPANISH_DETERMINERS,
                                   SPECULATION, SPECULATION_PAIRS, SUPERLATIVE_PAIRS, SUPERLATIVE_WORDS,
                                   TESTIMONY_SENSES)
from reporter.model import CONFLICT, Article, Flag, Relation

# Hard signals: a hedged claim ("could", "podría") keeps its full rule score only with one of them.
HARD = frozenset({"conflict", "accusation", "figure", "quotation"})
# Reasons that say what in the sentence is to be checked; a flag with none of them gets "wording".
CONTENT = frozenset({"conflict", "accusation", "figure", "quotation", "attribution", "superlative", "consequential",
                     "event", "official_act"})
# Reasons the model reads that a reader is shown under another name: an act that happened ("firmaron",
# "approved", "killed": lexicon.EVENT) is a consequential claim to the reader.
# Never written: every flag's reasons pass through shown() (tests/test_flag_triage.py holds it).
EVENT_FEATURE = "event"
# What makes a sentence one that states something to check when only one source tells it (news_prior):
# a figure, an attribution (words on the record: "según Protección Civil", "X said"), an accusation,
# an act, a superlative; not a date, a name or a hedge alone ("Schools will stay closed on Friday",
# "Empresarios pidieron ampliar la lista": the model's own score decides those).
STATES = frozenset({"figure", "attribution", "accusation", "consequential", "event", "superlative"})
# An official act a report states plainly (official_act(): an order, a closure, an inquiry opened, a toll
# of all or none, a level against a limit): read by flag() (Flagging.official_act_score), never by the
# model, shown as "consequential".
OFFICIAL_ACT = "official_act"
SHOWN_AS = {EVENT_FEATURE: "consequential", OFFICIAL_ACT: "consequential"}
# A bystander's testimony (testimony()): read by news_prior and flag(), never shown, never read by the model.
TESTIMONY = "testimony"
# An attributed fact with a count too small to be a "figure" ("all seven were alive, the minister said",
# "dos heridos, según la policía"): read by news_prior only, never shown, never read by the model.
COUNTED = "counted"
_INTERNAL = frozenset({TESTIMONY, COUNTED})
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


# A number in words that can count years ("in two decades", "en veintidós años"): not "un" / "one" alone.
# Folded, as the tokens are (NUMBER_WORDS keeps its accents: "veintidós", "dieciséis" never matched);
# the same words as stages/facts._COUNT_WORDS, which does not read "a" or the approximations below.
_NUMBER_TOKENS = frozenset(fold(w) for table in NUMBER_WORDS.values() for w, v in table.items() if v > 1) | {
    "a", "una", "un", "mas", "more", "over", "than", "de", "casi", "nearly", "almost", "half", "medio", "several",
    "varios", "varias"}


def _year(token: str) -> bool:
    """A year as text/figures.py reads one: four digits from 1800 to 2100."""
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def _span_of_years(tokens: list[str], i: int) -> bool:
    """Whether tokens[i:] read "in / en" + a count + "years / decades / siglo": "in 24 years", "en más de
    dos décadas", "in a century"."""
    if i >= len(tokens) or tokens[i] not in RECORD_IN:
        return False
    for t in tokens[i + 1:i + 5]:
        if t in RECORD_SPANS:
            return True
        if not (t.isdigit() or t in _NUMBER_TOKENS):
            return False
    return False


def record(tokens: list[str]) -> bool:
    """A record told against time, a superlative without a superlative word: "the first in 24 years",
    "the first strike since 1987", "la primera victoria desde 2005", "not since 2000", "desde 1998 no
    se registraba", "no llovía tanto desde 1998", "a 24-year high", "máximos desde 2008", "su mínimo
    histórico". Not "el primer ministro desde 2010" (a title), nor "since 2019" alone."""
    n = len(tokens)
    for i, t in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < n else ""
        if t in RECORD_FIRST and after not in RECORD_NOT_FIRST:
            for j in range(i + 1, min(n, i + 10)):  # "la primera visita de un mandatario chileno a Lima en 24 años"
                if (tokens[j] in RECORD_SINCE and j + 1 < n and _year(tokens[j + 1])) or _span_of_years(tokens, j):
                    return True
        if t in RECORD_SINCE and after and _year(after):
            # "not since 2000", "no se veía desde 1998" (a negation up to five words before), "desde 1998 no"
            if RECORD_NEGATION & set(tokens[max(0, i - 5):i]) or RECORD_NEGATION & set(tokens[i + 2:i + 4]):
                return True
        if t in RECORD_PEAKS and i >= 2 and tokens[i - 1] in ("year", "month", "decade") \
                and (tokens[i - 2].isdigit() or tokens[i - 2] in _NUMBER_TOKENS):
            return True  # "a 24-year high", "a three-decade low"
        if t in RECORD_EXTREMES and (after == "historico" or after == "historicos" or after == "historica"
                                     or (after in RECORD_SINCE and i + 2 < n and _year(tokens[i + 2]))
                                     or _span_of_years(tokens, i + 1)):
            return True  # "mínimo histórico", "máximos desde 2008", "máximo en 20 años"
    return False


def superlative(tokens: list[str], language: str = "") -> bool:
    """A superlative or a record: "el más grande", "la cifra más alta", "su nivel más bajo", "el
    mayor", "su mayor caída", "récord", "the largest", "its biggest", "the most", "for the first
    time", "sin precedentes", and a record told against time (record()). Not a comparison: "Dos
    personas más fallecieron", "más de 30", "la mayor parte", "the mayor", "los mayores de 60 años"
    (the over-60s), "pidió a su familia más apoyo"; not an intensifier ("carísima", "muchísimas":
    they rank nothing); not English "records" as documents ("according to city records")."""
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
        if t in ("mas", "menos") and after and after not in NOT_SUPERLATIVE_AFTER_MAS and not after.isdigit():
            before = tokens[max(0, i - 2):i]
            if any(x in SPANISH_DETERMINERS - {"su", "sus"} for x in before):
                return True
            if any(x in ("su", "sus") for x in before) and after in RANKING_ADJECTIVES:
                return True  # "su nivel más bajo", not "pidió a su familia más apoyo"
            if after in RANKING_ADJECTIVES and (tokens[i + 2] if i + 2 < len(tokens) else "") != "que":
                for x in reversed(tokens[max(0, i - 8):i]):  # "el accidente ferroviario (...) más grave"
                    if x in NOT_SUPERLATIVE_BEFORE_MAS:
                        break
                    if x in ("el", "la", "los", "las"):
                        return True
    return record(tokens)


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
    "were killed" (lexicon.EVENT), "opened an investigation", "ha abierto diligencias"
    (lexicon.INQUIRY_OPENED); not a participle that describes a thing ("the overturned wagons":
    lexicon.EVENT_NOT_AFTER)."""
    for i, t in enumerate(tokens):
        if i and tokens[i - 1] in EVENT_NOT_AFTER:
            continue
        if _has([t], EVENT) or (t == "passed" and PASSED_WHAT & set(tokens[i + 1:i + 6])):
            return True
        if t in INQUIRY_OPENED and INQUIRY & set(tokens[i + 1:i + 4]):
            return True
    return False


# A participle after a determiner names people or things, it reports no act: "los desalojados", "the evacuated".
_NOUN_AFTER = EVENT_NOT_AFTER | frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas", "sus", "su"})


def _pairs(tokens: list[str]) -> list[list[str]]:
    return [list(p) for p in zip(tokens, tokens[1:])]


def official_act(tokens: list[str]) -> bool:
    """A plain statement of an official act or of a checkable state that a report gives without a
    figure: an order or an evacuation with an authority named ("El Ayuntamiento ordenó a los vecinos
    permanecer en sus casas": lexicon.ORDERED, OFFICIAL), a way closed ("obligaron a cortar la autovía
    A-58", "the line will remain closed": CLOSED near a WAY, not "shops closed early"), an inquiry
    opened ("El juzgado ha abierto diligencias"), a toll of all or none ("todos están con vida", "nadie
    resultó herido", "no one was hurt": WHOLE_GROUP or "no" before a LIFE_STATE), a measured level
    against a limit ("las mediciones nunca superaron los niveles de riesgo": MEASURED near EXCEEDED)."""
    ordered = [t for i, t in enumerate(tokens) if not (i and tokens[i - 1] in _NOUN_AFTER)]
    if _has(ordered, ORDERED) and _has(tokens, OFFICIAL):  # "entre los desalojados": people, no order
        return True
    for i, t in enumerate(tokens):
        near = set(tokens[max(0, i - 4):i + 6])
        if t in CLOSED and WAY & near:
            return True
        if t in INQUIRY_OPENED and INQUIRY & set(tokens[i + 1:i + 4]):
            return True
        group = t in WHOLE_GROUP or (t == "one" and i and tokens[i - 1] == "no")  # "no one was hurt"
        if group and (LIFE_STATE & set(tokens[i + 1:i + 5]) or ["con", "vida"] in _pairs(tokens[i + 1:i + 6])):
            return True
        if t == "no" and (LIFE_STATE | TOLL_NOUNS) & set(tokens[i + 1:i + 4]):  # "no hubo heridos", "no se registraron víctimas"
            return True
        if t in MEASURED and _has(tokens[max(0, i - 8):i + 9], EXCEEDED):
            return True
    return False


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


def _figure(text: str, figures, within: list[tuple[int, int]] | None = None, scene: bool = False,
            small: bool = False) -> bool:
    """Whether the sentence has a figure to check: a percentage, an amount of money, a share or a
    multiple in words, or a count with its unit or of 10 or more, not an age, a count of a proper
    noun nor a vague "few dozen". `within`: only figures inside these spans count (a bystander's
    quote: what they say, not how the reporter describes them, testimony()). `scene`: the sentence
    states nothing of consequence, so a distance placing the scene is no figure (_scene_distance).
    `small`: a bare count under 10 counts too ("all seven were alive", "dos heridos"; COUNTED)."""
    pos = 0
    for x in figures:
        at = text.find(x.text, pos)
        if at >= 0:
            pos = at + len(x.text)
        if within is not None and not any(a <= at < b for a, b in within):
            continue
        if x.kind not in ("count", "percent", "money") or (x.kind == "count" and not x.unit and x.value < 10
                                                           and not (small and x.value >= 2)):
            continue
        if x.kind == "count" and at >= 0 and (_not_a_figure(text, at, at + len(x.text), x)
                                              or _FEW_BEFORE.search(text[max(0, at - 12):at])
                                              or (scene and _scene_distance(text, at, at + len(x.text), x))):
            continue
        return True
    if small:
        return False
    if within is not None:
        return any(_RATE_WORDS.search(text[a:b]) for a, b in within)
    return bool(_RATE_WORDS.search(text))


# A span of clock time (stages/flag.reasons_for: a figure when a measure applies in it, lexicon.MEASURE):
# "from 7 a.m. to 7 p.m.", "between 10pm and 6am", "from 22:00 to 06:00", "de 22.00 a 6.00 horas", "de
# las 8 a las 20 horas", "entre las 8 y las 20 h", "desde las 9 hasta las 14". A bare "de 10 a 15" (an
# age range, degrees) is no clock: a time needs its minutes, a.m. / p.m., "horas" / "h" or "las".
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)|\d{1,2}[:.]\d{2}|noon|midnight|mediod[ií]a|medianoche)"
_CLOCK_LAS = r"(?:las\s+\d{1,2}(?:[:.]\d{2})?|la\s+una|" + _CLOCK + r")"
_CLOCK_SPAN = re.compile(
    r"\b(?:(?:from|between)\s+" + _CLOCK + r"\s+(?:to|until|till|and)\s+" + _CLOCK + r"|"
    r"(?:de|desde|entre)\s+" + _CLOCK_LAS + r"(?:\s*(?:horas|h))?\s+(?:a|hasta|y)\s+" + _CLOCK_LAS + r"|"
    r"(?:de|desde|entre)\s+\d{1,2}\s+(?:a|hasta|y)\s+\d{1,2}\s*(?:horas|h)\b)",
    re.IGNORECASE)


def clock_span(text: str, tokens: list[str]) -> bool:
    """Whether the sentence gives the hours a measure applies in: a span of clock time (_CLOCK_SPAN)
    and a measure (lexicon.MEASURE: a charge applies, a road is closed, a curfew, a service). "From 6
    a.m. to noon, volunteers handed out coffee" names no measure: no figure."""
    return bool(_CLOCK_SPAN.search(text)) and _has(tokens, MEASURE)


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
    """The reasons as a reader sees them (SHOWN_AS), each once, in order; not TESTIMONY nor COUNTED."""
    return list(dict.fromkeys(SHOWN_AS.get(r, r) for r in reasons if r not in _INTERNAL))


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
    witness = (attributed or _has(tokens, TOLD)) and testimony(text)  # "relató una vecina" too (lexicon.TOLD)
    if conflict:
        reasons.append("conflict")
    if _has(tokens, ACCUSATION):
        reasons.append("accusation")
    scene = not (_consequential(tokens) or event(tokens))
    if _figure(text, f.figures, within=(quote_spans(text) or None) if witness else None, scene=scene) \
            or (not witness and clock_span(text, tokens)):
        reasons.append("figure")
    if f.quoted:
        reasons.append("quotation")
    if attributed and not witness:
        reasons.append("attribution")
        if "figure" not in reasons and _figure(text, f.figures, scene=scene, small=True):
            reasons.append(COUNTED)
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
    if not witness and official_act(tokens):
        reasons.append(OFFICIAL_ACT)
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
    An attributed fact with a count too small to be a figure ("all seven were alive, the minister
    said": COUNTED) gets act_weight too, however many sources tell it: a fact both sources attribute
    lost the single-source lift and fell under the line (the mine pair's "all seven were alive" at
    0.594 against 0.60). Not an attributed figure: the model's own "figure" weight carries it, and
    lifting those as well put 40 of the team pairs' 263 flags at 1.00 (20 before; 17 without).
    So does a record with its figure or date ("the first visit in 24 years", "not since 2000"):
    told by both sources of the cumbre pair, it scored 0.30 / 0.36 under 0.40.

    Only a sentence that states something to check (STATES: a figure, an attribution, an
    accusation, an act, a superlative) gets single_source_weight: in two real reports of one event
    most sentences are told by one of them (background, scene, reaction), and lifting them all
    flagged 72% of the body sentences of 30 ECB+ English pairs (51% read one article at a time);
    with this, 60% (issue 13: tools in the closing note)."""
    prior = settings.single_source_weight if "single_source" in reasons and STATES & set(reasons) else 0.0
    if TESTIMONY in reasons and "figure" not in reasons:
        prior = 0.0  # a bystander's "It's a tax on working people" names a consequential thing, states none
    if not hedged and (("event" in reasons and "consequential" in reasons)
                       or ("attribution" in reasons and COUNTED in reasons)
                       or ("superlative" in reasons and ("figure" in reasons or "date" in reasons))):
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
                if OFFICIAL_ACT in reasons and not hedged:
                    value = max(value, settings.official_act_score)
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
