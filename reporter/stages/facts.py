"""Stage: the fact table. Every figure of a claim becomes a Fact (reporter.model.Fact).

A figure (text/figures.py) is a number with what it counts; a fact adds what the
comparator and the reader need to tell two figures apart:

- the quantity kind: deaths, injured, missing, magnitude, depth, distance, money, rate,
  percentage, a count of something else, a time of day, a date, a year, a person's age ("López,
  56,", "a 45-year-old man", "mayores de 60 años": about the person named, never a year, a
  duration or a death toll; shown only when two conflict); a time that says
  when a count was reported ("a las 13:00, el balance era de 58 muertos", "as of 6 a.m.")
  is a report time, kept apart from the time of the event and attached to the counts;
- the subject: the place, organisation or event the figure is about, the nearest name in
  its clause, places ("en Oaxaca", "in Tabasco") before other names;
- the unit normalised: km for lengths (miles and metres converted), minutes after midnight
  for a time of day ("23:49" = "11:49 p.m."), hours for durations, currencies kept apart;
- the qualifier (at least, about, up to), who says it ("según Protección Civil", "the
  governor said"), and the resolution the value is written at ("7,1": 0.1).

Pure: sentences in, facts out. The comparator (stages/compare.py) decides conflicts from
these facts; the report shows them as a table (`table`), one row per quantity and subject.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reporter.model import CONFLICT, Article, Briefing, Fact, Figure, Relation, derived
from reporter.text.features import analyze
from reporter.text.figures import PARTITIVE, locale_number
from reporter.text.language import WORD, fold, resources
from reporter.text.lexicon import COLLECTIVES, MONTHS, NUMBER_WORDS, PEOPLE, SAYS, UNIT_ALIASES, WEEKDAYS, concept

# ---- words (folded) ------------------------------------------------------------------------

# Word starts that name the quantity a people count measures ("a" prefix; "=" whole word).
_PEOPLE_KINDS = (
    ("deaths", ("muert", "fallec", "muri", "mortal", "killed", "kill", "fatalit", "=dead", "=die", "=died",
                "=dies", "=death", "=deaths", "=toll", "=perecieron", "=perecio")),
    ("injured", ("herid", "lesionad", "injur", "wounded", "=hurt", "hospitaliz")),
    ("missing", ("desaparec", "=missing", "unaccounted", "=paradero")),
)
_DEPTH = ("profund", "=depth", "=deep")
_HEIGHT = ("altura", "=alto", "=alta", "height", "=high", "=tall", "=nivel", "=level", "=subio", "=rose", "crecid",
           "=crest", "=olas", "=ola", "=waves", "=wave", "elevacion")
_MAGNITUDE = ("magnitud", "richter")
_RATE = ("=tasa", "=rate", "=rates", "indice", "inflac", "inflation", "=interes", "=interest", "desemple",
         "unemploy", "=paro", "=jobless", "=ipc", "=cpi", "=precios", "=prices")  # "consumer prices rose 5.4%": inflation
# Before a time: it says when the figures were counted, not when the event happened.
_REPORT_CUES = {"hasta", "corte", "until", "by", "balance", "actualizado", "actualizacion", "updated", "update",
                "reporte", "informe", "parte", "recuento", "report", "statement", "briefing", "bulletin", "boletin",
                "comunicado"}
_AS_OF = re.compile(r"\bas of\s*$|\bal corte de (?:las|la)\s*$|\bhasta (?:las|la)\s*$", re.IGNORECASE)
# Words that make a time the event's own ("el sismo de las 23:49", "the blast at 6 a.m.").
_EVENT_CUES = ("sismo", "terremoto", "temblor", "seismo", "=quake", "earthquake", "tremor", "struck", "=strike",
               "sacudi", "golpe", "ocurri", "occurr", "happened", "explosi", "explot", "blast", "=hit",
               "estall", "erupt", "landfall", "tocó", "comenz", "empez", "=began", "started", "ataque", "attack")
# Verbs that give a figure to a source ("el gobernador dijo", ", said the governor").
_SAY_VERBS = {fold(w) for w in SAYS} | {
    "informo", "informa", "reporto", "reporta", "confirmo", "confirma", "preciso", "detallo", "anuncio", "estimo",
    "elevo", "cifro", "contabilizo", "reported", "reports", "confirmed", "announced", "estimated", "raised",
    "tallied", "counted", "informaron", "reportaron", "confirmaron", "senalaron", "aseguraron", "dijeron",
    "informaba", "reportaba", "contabilizaba", "cifraba", "confirmaba", "decia", "precisaron", "detallaron",
    "cifraron", "estimaron", "calcularon"}
_AUXILIARIES = {"had", "has", "have", "was", "were", "is", "are", "ha", "han", "habia", "habian", "hubo", "se",
                "also", "tambien", "later", "mas", "tarde"}
_SOURCE_INTRO = re.compile(r"\b(?:según|segun|de acuerdo (?:con|a)|conforme a|according to|citing)\s+", re.IGNORECASE)
_DETERMINERS = {"el", "la", "los", "las", "un", "una", "the", "a", "an", "que", "that", "y", "and", "lo"}
_PLACE_MARKS = {"en", "in", "de", "del", "at", "near", "from", "desde", "of", "hacia", "cerca", "para", "for", "across",
                "throughout", "on", "inside", "within"}
_TERRITORIAL = {"gobernador", "gobernadora", "alcalde", "alcaldesa", "governor", "mayor", "intendente", "prefecto",
                "prefect", "edil"}
_JOINERS = {"de", "del", "la", "las", "los", "of", "the"}
_NOT_NAMES = set(MONTHS) | {fold(w) for w in WEEKDAYS} | {"km", "pm", "am", "et", "utc", "gmt", "edt", "cst", "may"}  # "in May": no place
# A comma or a colon between digits is no clause mark: "20,000 people", "3,2 %", "23:49".
_CLAUSE = re.compile(r"[,:](?!(?<=\d[,:])\d)|[;()\[\]—–]|\s-\s")

_LENGTH_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "foot": 0.0003048, "feet": 0.0003048, "ft": 0.0003048,
              "pie": 0.0003048}
_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0}
_PEOPLE_UNITS = {"death": "deaths", "injury": "injured", "missing": "missing"}
# every kind a Fact may have
KINDS = frozenset({"deaths", "injured", "missing", "magnitude", "depth", "distance", "height", "money", "rate",
                   "percentage", "count", "time", "report-time", "report-date", "date", "year", "duration", "age"})
# kinds whose counts grow as a story goes on: a later, larger value may be an update
GROWING = frozenset({"deaths", "injured", "missing", "count"})
# kinds that describe the event itself (when it struck, how strong, how deep): the place named
# beside them is where the event was, not a scope ("off Chiapas", "frente a Pijijiapan"), so
# they compare and group whatever place each source names
EVENT_KINDS = frozenset({"time", "magnitude", "depth", "date", "year"})
# kinds the table does not show (a report time is shown with the counts it dates); a year and an
# age only when a conflict sets two against each other
_HIDDEN = frozenset({"report-time", "report-date", "year", "age"})


def _cue(word: str, cues: tuple[str, ...]) -> bool:
    """Whether `word` is one of `cues`: "=word" matches that word alone, anything else a word it begins."""
    whole, starts = _split_cues(cues)
    return word in whole or word.startswith(starts)


@lru_cache(maxsize=64)
def _split_cues(cues: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the whole words, the beginnings) of a cue list, split once: _cue is asked ~100,000 times
    for two long reports (issue 17)."""
    return (frozenset(c[1:] for c in cues if c.startswith("=")), tuple(c for c in cues if not c.startswith("=")))


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    text: str
    place: bool  # introduced by a place word ("en", "in", "de")


# ---- the stage ----------------------------------------------------------------------------


def facts(articles: tuple[Article, ...]) -> tuple[Fact, ...]:
    """The facts of every claim of every article, in article and sentence order."""
    return tuple(x for a in articles for s in a.claims for x in sentence_facts(s.text, a.language, s.id))


def sentence_facts(text: str, language: str, sid: str = "") -> tuple[Fact, ...]:
    """The facts of one sentence."""
    figs = analyze(text, language).figures
    if not figs:
        return ()
    tokens = list(WORD.finditer(text))
    folded = [fold(t.group()) for t in tokens]
    spans = _spans(text, figs)
    clauses = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text) + 1]
    source, source_span = _source(text, tokens, folded, language)
    names = _names(text, tokens, folded, language)
    ages = _ages(text, language, names)
    figs = tuple(_as_age(f, span, ages) for f, span in zip(figs, spans))
    people = any(_PEOPLE_UNITS.get(g.unit) for g in figs if g.kind != "age")
    raw: list[tuple[Figure, tuple[int, int], str]] = []
    for f, span in zip(figs, spans):
        f = _reread(f, span, text)
        if f is None or (f.kind == "count" and (PARTITIVE.match(text, span[1]) or _PART_OF.match(text, span[1]))):
            continue  # "dos de ellos en estado grave", "200,000 of the comments": a part, not another value
        if f.kind == "count" and raw and _AMONG.search(text, 0, span[0]) and \
                not re.match(r"\s+(?:\w+\s+)?(?:en|in)\s+[A-ZÁÉÍÓÚÑ]", text[span[1]:]):
            continue  # "siete desaparecidos, entre ellos dos menores", "including two children": a part
        raw.append((f, span, _kind(f, span, text, tokens, folded, clauses, people=people)))
    estimates: set[int] = set()  # bare numbers that count what the count before them counts
    for n, (f, span, kind) in enumerate(raw):
        # "45 murieron en Oaxaca, 12 en Chiapas y dos en Tabasco": a bare number in a list after a
        # count, with a place of its own, counts the same thing
        if not kind and f.kind == "count" and not f.unit and n and raw[n - 1][2] in GROWING and \
                re.match(r"\s+(?:en|in)\s+[A-ZÁÉÍÓÚÑ]", text[span[1]:]):
            raw[n] = (f, span, raw[n - 1][2])
        # "Unas 12.000 personas, según la Delegación del Gobierno, y 85.000, según los organizadores";
        # "Police put the crowd at 12,000; organisers said 85,000.": a bare number after a count, with
        # nothing counted after it, is another estimate of the same quantity
        elif f.kind == "count" and n and raw[n - 1][2] in GROWING and (not kind or kind == "count") and \
                (not f.unit or not (f.unit in PEOPLE or concept(f.unit) or f.unit in _KNOWN_UNITS
                                    or f.unit in ("age", "edad"))) and \
                (re.match(r"\s*(?:[,.;:)]|$|(?:según|segun|according)\b)", text[span[1]:])
                 or _EARLIER_VALUE.search(text, max(0, span[0] - 24), span[0])):
            # "86 confirmed cases, up from 40 last week", "14 muertos, frente a los 11 de la mañana":
            # the value it was compared with is the same quantity at another time, so a source that
            # gives only the earlier value ("Last week, the department had counted 40 cases") agrees
            # (a unit read off the word before: "hablaron de 90.000", "organisers said 85,000")
            prev = raw[n - 1][0]
            raw[n] = (Figure(f.value, f.text, "count", prev.unit, f.qualifier), span, raw[n - 1][2])
            estimates.add(n)
    report = next((_clock(f.value) for f, _, k in raw if k == "report-time"), "")
    out = []
    item_end = 0  # where the last item of an enumerated toll ends
    for n, (f, span, kind) in enumerate(raw):
        if not kind:
            continue
        value, unit, step = _normalise(f, kind, language)
        if n in estimates and out and out[-1].kind == kind:
            unit = out[-1].unit
        if kind == "percentage":
            unit = _share_of(text, span[1], language) or _period(tokens, folded, span, clauses)
        elif kind == "rate":
            unit = _period(tokens, folded, span, clauses)
        elif kind == "count" and n not in estimates and \
                _crowd(f, _window(tokens, folded, *span, clauses), text[max(0, span[0] - 60):span[0]], folded):
            unit = "crowd"
        elif kind == "year" and _SINCE.search(text, 0, span[0]):
            unit = "since"  # "the fastest pace since 2021": a point of reference, not the year of the event
        if kind in ("count", "money", "percentage", "rate") and \
                any(d <= LIMIT_WORDS_AWAY and w in _LIMITS for d, w in _window(tokens, folded, *span, clauses)):
            unit = f"{unit} limit" if unit else "limit"  # "the speed limit is 40 mph": a bound, not what happened
        if kind == "count" and unit == "year" and _prison_term(text, span, clauses):
            unit = "prison"  # "12 años de prisión", "sentenced to 14 years": a sentence, not a year or an age
        if kind in ("count", "money", "percentage", "rate") and _asked(tokens, folded, span, clauses):
            # "La Fiscalía había pedido 18 años": not what was imposed (years asked for are a term:
            # "El ministerio público solicitaba 18 años")
            unit = "prison asked" if unit in ("year", "prison") else f"{unit} asked" if unit else "asked"
        if unit == "prison":
            # "ya había sido condenado en 2019 a dos años": an earlier sentence; a year after the term is the
            # crime's ("12 años de prisión ... por matar a un joven ... en junio de 2023")
            year = _YEAR.search(text, _clause(span[0], clauses)[0], span[0])
            if year:
                unit = f"prison in {year.group(1)}"
        if kind in GROWING and _another(tokens, folded, span, clauses):
            unit = f"{unit} other" if unit else "other"  # "killed when they attacked another school": not the toll
        if kind in ("deaths", "injured", "missing"):
            past = _past_event(text, tokens, folded, span, clauses)
            if past:
                unit = f"{unit} {past}" if unit else past  # "the 2004 tsunami killed 230,000": another event's toll
        subject = "" if unit.startswith("prison") else _age_subject(span, ages) if kind == "age" else \
            _subject(text, span, names, clauses, source_span, language) if kind not in ("report-time",) else ""
        if not subject and kind == "count" and unit in _DEEDS:
            subject = _doer(text, tokens, folded, span, clauses, language)
        if n in estimates and out and out[-1].kind == kind and not subject:
            subject = out[-1].subject  # "86 cases in the Orlen Valley, up from 40": the same place's count
        if kind in _TOLL_KINDS and not unit and \
                (_enumerated(text, span, out, kind) or (item_end and _NEXT_ITEM.match(text[item_end:span[0]]))) and \
                not re.match(r"\s+(?:\w+\s+)?(?:en|in)\s+[A-ZÁÉÍÓÚÑ]", text[span[1]:]):
            item_end = span[1]
            continue  # "Las dos víctimas mortales son un hombre ... y una mujer": the two, told one by one
        out.append(Fact(sid, kind, value, unit, f.text, subject, f.qualifier, source,
                        report if kind in GROWING or kind in ("money", "percentage", "rate") else "", step))
    return tuple(out)


# A limit is another quantity than the value it limits: "the speed limit on that stretch is 40 mph" against
# "the train was moving at about 52 mph" was a conflict. The word within this many of the figure, in its clause.
LIMIT_WORDS_AWAY = 7
_LIMITS = {"limit", "limits", "limite", "limites", "cap", "ceiling", "tope", "umbral", "threshold"}
# "since 2021", "desde 2008", "not since the year 2000", "desde el año 1998": a year a record is told against
_SINCE = re.compile(r"\b(?:since|desde)\s+(?:(?:el\s+)?año\s+|the\s+year\s+)?$", re.IGNORECASE)
_KNOWN_UNITS = set(UNIT_ALIASES) | set(UNIT_ALIASES.values()) | {"crowd", "arrest", "death", "injury", "missing", "rescue"}
_MONTH_NAMES = {**MONTHS, "may": 5}
_MES = "|".join(sorted((m for m in _MONTH_NAMES if not m.isascii() or m in MONTHS), key=len, reverse=True))
_MON = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
# A day of a range or a day before its month: "del 3 al 5 de junio", "from 12 to 14 May", "June 3 and 5"
_RANGE_START = re.compile(rf"(?:st|nd|rd|th)?\s*(?:al|a|y|hasta|-|–|to|and|until|through)\s+(?:el\s+|the\s+)?\d{{1,2}}"
                          rf"(?:st|nd|rd|th)?\s+(?:de\s+(?P<mes>{_MES})\b|(?:of\s+)?(?P<mon>{_MON})\b)", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b")
_RANGE_END = re.compile(rf"\b(?P<mon>{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|and|until|through)\s*$", re.IGNORECASE)
# A number of hours, days or weeks is a duration whatever the figure reader took it to count
# ("hace dos semanas murieron 3 personas": the two is no death toll); "hace", "ago": a date.
_TIME_AFTER = re.compile(r"\s+(?:(?:más|more)\s+)?(?P<u>horas?|hours?|d[ií]as?|days?|semanas?|weeks?|meses|mes|months?|"
                         r"años|año|years?)\b(?P<ago>\s+(?:ago|atrás|antes))?", re.IGNORECASE)
_TIME_UNITS = {"hora": "hour", "horas": "hour", "hour": "hour", "hours": "hour", "día": "day", "días": "day",
               "dia": "day", "dias": "day", "day": "day", "days": "day", "semana": "week", "semanas": "week",
               "week": "week", "weeks": "week", "mes": "month", "meses": "month", "month": "month",
               "months": "month", "año": "year", "años": "year", "year": "year", "years": "year"}


def _reread(f: Figure, span: tuple[int, int], text: str) -> Figure | None:
    """A figure read again where the figure reader misses what it is: a day of a range or a day
    before its month is a date (month * 100 + day, as dates are); a number of hours, days or
    weeks is a duration; one of months or years counts months or years; a relative date
    ("hace dos semanas", "two weeks ago") is no fact (the timeline has it)."""
    if f.kind == "age":
        return f
    if f.kind != "count" or not re.fullmatch(r"\d{1,2}", f.text):
        if f.kind == "count" and f.text[:1].isalpha():  # "dos semanas", "three weeks"
            return _as_time(f, span, text)
        return f
    after = text[span[1]:span[1] + 40]
    m = _RANGE_START.match(after) or _DAY_MONTH.match(after)
    before = _RANGE_END.search(text[max(0, span[0] - 24):span[0]]) if not f.unit else None  # not "June 3 and 5 people"
    month_word = (m.group("mes") or m.group("mon")) if m and "mes" in m.groupdict() else m.group("mon") if m else \
        before.group("mon") if before else ""
    if month_word and 1 <= int(f.text) <= 31:
        return Figure(float(_MONTH_NAMES[month_word.lower()] * 100 + int(f.text)), f.text, "date", "", f.qualifier)
    return _as_time(f, span, text)


def _as_time(f: Figure, span: tuple[int, int], text: str) -> Figure | None:
    m = _TIME_AFTER.match(text, span[1])
    if not m:
        return f
    if m.group("ago") or re.search(r"\b(?:hace|dentro\s+de)\s+(?:(?:unos|unas|más\s+de)\s+)?$",
                                   text[max(0, span[0] - 20):span[0]], re.IGNORECASE):
        return None  # "hace dos semanas", "two weeks ago": when, not how long
    unit = _TIME_UNITS[m.group("u").lower()]
    return Figure(f.value, f.text, "count", unit, f.qualifier) if unit != f.unit else f


# ---- ages: a person's age is neither a calendar year, a duration nor a count of the dead -----
# "Rosa María López, 56,", "a 45-year-old man", "aged 19, 21 and 24", "mayores de 60 años", "un
# hombre de 34 años", "dos personas, de 45 y 50 años", "murió a los 90 años": kind "age", about the
# person named beside it (their name), else no subject. Figures read as "died" counts before ("The
# man, 45, was killed" was 45 deaths) or as counts of years ("de 34 años" beside "hace 12 años").
_PERSON = {
    "es": ("hombre|hombres|mujer|mujeres|joven|j[oó]venes|ni[ñn][oa]s?|chic[oa]s?|menor|menores|mayores|ancian[oa]s?|"
           "var[oó]n|varones|se[ñn]or|se[ñn]ora|beb[eé]s?|adolescentes?|personas?|v[ií]ctimas?|fallecid[oa]s?|"
           "detenid[oa]s?|herid[oa]s?|conductor|conductora|conductores|vecin[oa]s?|agentes?|trabajador|"
           "trabajadora|trabajadores|pacientes?|turistas?|alumn[oa]s?|estudiantes?|hij[oa]s?|herman[oa]s?|padre|"
           "madre|abuel[oa]s?|espos[oa]|marido|pareja|jugador|jugadora|muchach[oa]s?|individuo|sospechos[oa]s?|"
           "acusad[oa]s?|investigad[oa]s?|ciudadan[oa]s?|pe[aá]t[oó]n|ciclista|motorista|excursionistas?|"
           "monta[ñn]er[oa]s?|ba[ñn]istas?|migrantes?|inmigrantes?|pensionistas?|jubilad[oa]s?|residentes?"),
    "en": ("man|men|woman|women|boy|boys|girl|girls|child|children|teenager|teen|baby|toddler|victim|driver|"
           "resident|mother|father|son|daughter|wife|husband|pensioner|student|worker|suspect|officer|person|"
           "passenger|pedestrian|cyclist|patient|grandmother|grandfather|brother|sister|player|defendant|"
           "migrant|tourist|climber|hiker|swimmer|soldier|nurse|doctor|teacher"),
}


def _number_source(language: str) -> str:
    words = "|".join(sorted((w for w, v in NUMBER_WORDS.get(language, {}).items() if v <= 100 and " " not in w),
                            key=len, reverse=True))
    compound = rf"(?:{words})(?:-(?:{words}))?" if language == "en" else rf"(?:{words})"
    return rf"(?:\d{{1,3}}|{compound})"


def _age_patterns(language: str) -> list[re.Pattern]:
    n = _number_source(language)
    lead = rf"(?:(?P<name>(?-i:[A-ZÁÉÍÓÚÑ])[\wáéíóúñü'’.-]*)|\b(?:{_PERSON[language]}))"
    if language == "es":
        nums = rf"(?P<nums>{n}(?:\s*(?:,|y|e|o|a)\s*{n})*)"
        after = r"(?!\s+(?:después|despues|antes|atrás|atras|más\s+tarde|mas\s+tarde)\b)"
        return [re.compile(rf"{lead}(?:\s*,\s*(?:de\s+)?|\s*\(\s*|\s+de\s+)(?:(?:más|mas|menos|entre|unos|unas|apenas|"
                           rf"casi|solo|sólo)\s+(?:de\s+)?)?{nums}\s+años\b{after}", re.IGNORECASE),
                re.compile(rf"\b(?:a\s+la\s+edad\s+de|a\s+los|con)\s+(?P<nums>{n})\s+años(?:\s+de\s+edad\b|(?=\s*[,.;)]))",
                           re.IGNORECASE),
                re.compile(rf"\b(?P<nums>{n})\s+años\s+de\s+edad\b", re.IGNORECASE)]
    nums = rf"(?P<nums>{n}(?:\s*(?:,|and|to|or|-|–)\s*{n})*)"
    return [re.compile(rf"\b(?P<nums>{n})(?:-|\s)(?P<unit>years?|months?)(?:-|\s)old\b", re.IGNORECASE),
            re.compile(rf"\baged?\s+(?:between\s+|about\s+|around\s+)?{nums}\b", re.IGNORECASE),
            re.compile(rf"\bat\s+(?:the\s+)?age\s+(?:of\s+)?(?P<nums>{n})\b", re.IGNORECASE),
            re.compile(rf"\b(?P<nums>{n})\s+years?\s+of\s+age\b", re.IGNORECASE),
            # apposition: "Rosa María López, 56,", "The man, 45, was killed"
            re.compile(rf"{lead}\s*,\s*(?P<nums>\d{{1,3}})(?=\s*(?:,|\)|\.?\s*$))", re.IGNORECASE)]


_AGE_PATTERNS = {lang: _age_patterns(lang) for lang in ("es", "en")}


@dataclass(frozen=True)
class _Age:
    start: int  # where its numbers are written
    end: int
    unit: str  # "" years, "month"
    subject: str  # the person's name, "" when a noun ("un hombre")


def _ages(text: str, language: str, names: list[_Name]) -> list[_Age]:
    out = []
    for pattern in _AGE_PATTERNS["es" if language == "es" else "en"]:
        for m in pattern.finditer(text):
            g = m.groupdict()
            subject = ""
            if g.get("name"):
                word = fold(g["name"])
                before = fold(text[max(0, m.start() - 12):m.start()]).split()[-1:]
                if resources(language).is_stop(g["name"]) or word in _NOT_NAMES or set(before) & _PLACE_MARKS:
                    continue  # "En 2019, 45", "Oaxaca" after "en": no person
                subject = next((n.text for n in names if n.start <= m.start("name") and n.end >= m.end("name")),
                               g["name"])
            unit = "month" if (g.get("unit") or "").lower().startswith("month") else ""
            out.append(_Age(m.start("nums"), m.end("nums"), unit,
                            subject or _person_noun(text, m, language) or _named_by(text, m, names)))
    return out


def _person_noun(text: str, m: re.Match, language: str) -> str:
    """The noun an unnamed age is told of ("a 45-year-old man", "un hombre de 34 años", "The suspect,
    36,"), folded: a man's age and a woman's are two people's, never a conflict; "" when none."""
    person = re.compile(rf"(?:{_PERSON['es' if language == 'es' else 'en']})", re.IGNORECASE)
    first = WORD.match(text, m.start())
    if first and person.fullmatch(first.group()):
        return _ACCUSED.get(fold(first.group()), fold(first.group()))
    after = re.match(r"\s+(\w+)", text[m.end():])
    return _ACCUSED.get(fold(after.group(1)), fold(after.group(1))) if after and person.fullmatch(after.group(1)) \
        else ""


# The one person a crime story is about, named by several nouns: "un sospechoso de 25 años" and "el detenido,
# de 27 años" are one man's age told twice (the fourth red team's tiroteo pair: 25 / 27), so their ages are
# one quantity ("suspect"). Singular only: "dos detenidos, de 25 y 27 años" are two people.
_ACCUSED = {w: "suspect" for w in ("sospechoso", "sospechosa", "detenido", "detenida", "acusado", "acusada",
                                   "investigado", "investigada", "suspect", "defendant")}


def _named_by(text: str, m: re.Match, names: list[_Name]) -> str:
    """The name an age is told of when it stands right before it ("27-year-old Christopher Simpson", "his
    wife, 23-year-old Laci") or before it across ", a" ("Peterson, a 32-year-old salesman"); "" when none."""
    after = re.match(r"\s+", text[m.end():])
    at = m.end() + (after.end() if after else 0)
    name = next((n for n in names if n.start == at), None)
    if name is None:
        before = re.search(r",\s*(?:(?:a|an|the|un|una|el|la)\s+)?$", text[:m.start()])
        if before:
            name = next((n for n in names if n.end == before.start()), None)
    return name.text if name else ""


def _as_age(f: Figure, span: tuple[int, int], ages: list[_Age]) -> Figure:
    for a in ages:
        if a.start <= span[0] and span[1] <= a.end and f.kind == "count" and 0 <= f.value <= 125:
            return Figure(f.value, f.text, "age", a.unit, f.qualifier)
    return f


def _age_subject(span: tuple[int, int], ages: list[_Age]) -> str:
    return next((a.subject for a in ages if a.start <= span[0] and span[1] <= a.end), "")


def _spans(text: str, figs: tuple[Figure, ...]) -> list[tuple[int, int]]:
    """Where each figure is written (figures come in text order)."""
    out, pos = [], 0
    for f in figs:
        core = f.text[:-1] if f.kind == "percent" and f.text.endswith("%") and f.text not in text else f.text
        i = _find_word(text, core, pos)
        if i < 0:
            i = _find_word(text, core, 0)
        i = max(i, 0)
        out.append((i, i + len(core)))
        pos = i + len(core)
    return out


def _find_word(text: str, core: str, pos: int) -> int:
    """Where `core` is written from `pos` on as a word of its own, not inside another ("dos" in
    "trasladados", "one" in "someone"); the first occurrence anywhere when never alone; -1 if absent."""
    first = i = text.find(core, pos)
    while i >= 0:
        before = i == 0 or not (core[:1].isalnum() and text[i - 1].isalnum())
        after = i + len(core) >= len(text) or not (core[-1:].isalnum() and text[i + len(core)].isalnum())
        if before and after:
            return i
        i = text.find(core, i + 1)
    return first


def _clause(pos: int, clauses: list[int]) -> tuple[int, int]:
    for a, b in zip(clauses, clauses[1:]):
        if a <= pos < b:
            return a, b
    return 0, clauses[-1]


def _window(tokens, folded, start: int, end: int, clauses: list[int]) -> list[tuple[int, str]]:
    """(distance in tokens, folded word) of the words of the figure's clause, nearest first. An
    aside between a count and what it says is skipped, and the clause after it is the count's own
    ("Unas 12.000 personas, según la Delegación del Gobierno, se manifestaron"; "five people, three
    of them railroad workers, had been treated ... for minor injuries"): distances do not count it."""
    idx = _clause_tokens(tokens, folded, start, clauses)
    if not idx:
        return []
    at = next((k for k, i in enumerate(idx) if tokens[i].start() >= start), len(idx) - 1)
    last = next((k for k in range(len(idx) - 1, -1, -1) if tokens[idx[k]].start() < end), at)
    # nearest first; of the words within six, those that no "and" / "y" parts from the figure first: "30 were
    # killed and 55 others injured" (55 injured), "killing at least three people and injuring dozens" (3 dead),
    # "Four people were killed and one person was injured" (one injured: 'killed' is nearer, but parted)
    joins = [k for k, i in enumerate(idx) if folded[i] in _JOINING]
    left = max((j for j in joins if j < at), default=-1)  # a word before this "and" is parted from the figure
    right = min((j for j in joins if j > last), default=len(idx))  # ... and one after this
    near = sorted(((at - k if k < at else k - last, k < left if k < at else k > right, folded[i])
                   for k, i in enumerate(idx) if not at <= k <= last), key=lambda x: (x[0] > 6, x[1], x[0]))
    return [(d, w) for d, _, w in near]


_JOINING = {"and", "or", "but", "y", "e", "o", "u", "ni", "pero"}


def _clause_tokens(tokens, folded, start: int, clauses: list[int]) -> list[int]:
    """The indices of the tokens of the clause at `start`, and of the clause after an aside that
    follows it (_aside), the aside left out."""
    a, b = _clause(start, clauses)
    idx = [i for i, t in enumerate(tokens) if a <= t.start() < b]
    aside = [i for i, t in enumerate(tokens) if b <= t.start() < _clause(b, clauses)[1]] if b < clauses[-1] else []
    if aside and _aside([folded[i] for i in aside[:4]]):
        c, d = _clause(_clause(b, clauses)[1], clauses)
        idx += [i for i, t in enumerate(tokens) if c <= t.start() < d]
    return idx


# "another" / "otro": a count in a clause that tells of another instance ("three were killed when Israeli
# forces attacked another UN school", "En otro ataque murieron tres personas") counts another event, not the
# story's toll, so it is set only against counts of the same kind. Two ECB+ reports (read in place): 3
# killed at another school / 40 at the school was a conflict. Not "another 19", "otros seis" (more of the
# same count: "Cuatro mineros fallecieron y otros seis resultaron heridos"), nor the plural "otros" /
# "otras" ("60 autobuses desde otras localidades", "otros dos abogaron": the rest, not another event),
# nor the discourse markers ("por otro lado", "one another", "otra vez").
# A count followed by "of the" / "de los" counts a part of a whole ("more than 200,000 of the comments
# opposed the rule", "cinco de los heridos"): as "dos de ellos" (text.figures.PARTITIVE), no other value of
# it. ECB+ (read in place): "200,000 of the comments" / "has received nearly 300,000 comments" was a conflict.
_PART_OF = re.compile(r"\s+(?:of|de)\s+(?:the|his|her|its|their|them|those|these|our|los|las|ellos|ellas|sus|"
                      r"estos|estas|esos|esas|aquellos|aquellas|nuestros|nuestras)\b", re.IGNORECASE)
# A count told as a part of the count before it, after "entre ellos", "among them", "including": "busca a siete
# desaparecidos, entre ellos dos menores" (riada: two missing beside seven in the fact table), "Five people
# died, including two children". One with a place of its own ("including 12 in Almarga") is a scope, kept.
_AMONG = re.compile(r"\b(?:entre\s+(?:ellos|ellas|los\s+que|las\s+que)|among\s+(?:them|whom)|including|incluidos|"
                    r"incluidas)\s+(?:(?:al\s+menos|at\s+least|unos|unas|about)\s+)?$", re.IGNORECASE)
# The items of a toll told one by one after it, past a colon or a copula: "Las dos víctimas mortales son un
# hombre de 71 años ... y una mujer de 64" (riada: 'un' read as a second toll of one beside two), "Three
# people died: two men and one woman". Each item is a part of the toll, as a partitive is; one with a place
# of its own ("tres muertos: dos en San Telmo") is a scope, kept.
_TOLL_KINDS = ("deaths", "injured", "missing")
_NEXT_ITEM = re.compile(r"[^.;:]{0,80}?\b(?:y|e|and)\s+(?:\w+\s+)?$", re.IGNORECASE)  # "... y una mujer", "and one woman"
_ITEMS = re.compile(r":|\b(?:son|eran|fueron|are|were)\b", re.IGNORECASE)


def _enumerated(text: str, span: tuple[int, int], earlier: list, kind: str) -> bool:
    before = [f for f in earlier if f.kind == kind and not f.unit]
    if not before:
        return False
    at = text.find(before[-1].text)
    if at < 0:
        return False
    start = at + len(before[-1].text)
    marks = list(_ITEMS.finditer(text, start, span[0]))
    # the item right after the colon or the copula ("son un hombre", ": two men"), the first of them with
    # nothing but its noun phrase before the mark ("the toll, officials said, were ..." is no list)
    return bool(marks) and not re.search(r"[,;]", text[start:marks[0].start()]) and \
        len(WORD.findall(text[marks[0].end():span[0]])) <= 1


_ANOTHER = {"another", "otro", "otra"}
_NOT_ANOTHER_BEFORE = {"por", "entre", "one", "each", "uno", "una", "lo", "desde", "from", "de", "of"}
_NOT_ANOTHER_AFTER = {"vez", "lado", "parte", "hand", "way", "modo", "manera", "tanto"}


def _another(tokens, folded, span: tuple[int, int], clauses: list[int]) -> bool:
    """Whether the figure's clause tells of another instance (_ANOTHER)."""
    for i in _clause_tokens(tokens, folded, span[0], clauses):
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if folded[i] in _ANOTHER and not (i and folded[i - 1] in _NOT_ANOTHER_BEFORE) and \
                fold(nxt) not in _NOT_ANOTHER_AFTER and not nxt[:1].isdigit() and fold(nxt) not in _COUNT_WORDS:
            return True
    return False


# A toll told with the year of its event ("the 2004 tsunami that killed 230,000", "In September 2009 a
# major earthquake ... killed more than 1000", "a tsunami that killed 230,000 ... in 2004") or a past year
# ("last year", "four years ago", "el año pasado", "hace cuatro años") is an earlier event's: background,
# which disaster reports carry in almost every story. On twelve ECB+ earthquake pairs (read in place) such
# tolls were set against today's ("230,000 in 2004" / "three" in 2002; "1000" in 2009 / "one" last year).
# It meets only tolls of the same year ("in 2004"; a year told relatively: "past"). The year is read in
# the toll's clause, or in the opening of the sentence ("In December 2004, a quake ... left 230,000 dead").
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PAST_YEAR = re.compile(r"\b(?:last\s+year|(?:\w+|\d+)\s+years?\s+ago|(?:el\s+)?año\s+pasado|hace\s+(?:\w+|\d+)\s+años?|"
                        r"the\s+previous\s+year|el\s+año\s+anterior)\b", re.IGNORECASE)
_OPENING_YEAR = re.compile(r"^\W*(?:in|en|during|durante|since|desde)\s+(?:\w+\s+){0,2}(1[89]\d\d|20\d\d)\b", re.IGNORECASE)


def _past_event(text: str, tokens, folded, span: tuple[int, int], clauses: list[int]) -> str:
    """ "in 2004" when the toll at `span` is told with its event's year, "past" with a past year told
    relatively, "" otherwise (see _YEAR)."""
    idx = _clause_tokens(tokens, folded, span[0], clauses)
    a = tokens[idx[0]].start() if idx else span[0]
    b = tokens[idx[-1]].end() if idx else span[1]
    if idx and re.search(r"(?:ing|ando|iendo)$", folded[idx[0]]):
        a = 0  # ", killing three people": the participle's subject and time are the sentence's main clause
    clause = text[a:b]
    year = _YEAR.search(clause) or _OPENING_YEAR.match(text)
    if year and not _SINCE.search(text, 0, (year.start(1) if year.re is _OPENING_YEAR else a + year.start())):
        return f"in {year.group(1)}"
    opening = text[:clauses[1]] if len(clauses) > 1 else ""
    return "past" if _PAST_YEAR.search(clause) or _PAST_YEAR.match(opening.lstrip()) else ""


# A prison term: a count of years told as a sentence ("12 años de prisión", "14 años de cárcel", "12 years in
# prison", "condenado a 12 años", "sentenced to 14 years"). Court reports of one trial name the convicted
# their own way ("los dos acusados" / "Iván Castro y Rubén Llorente") and put the crime's town or victim
# near the term, so a term is about no place: the subject is left empty (the fourth red team's juicio pair
# had 12 years "in Puerto Alba" and 14 "of Daniel Serrano", two subjects, and no conflict).
_PRISON_AFTER = re.compile(r"\s*(?:-\s*)?(?:años|año|years?)['’]?(?:\s+(?:de|in|of|behind))?\s+"
                           r"(?:prisi[óo]n|c[áa]rcel|condena|reclusi[óo]n|privaci[óo]n|prison|jail|bars|"
                           r"imprisonment|sentence)\b", re.IGNORECASE)
_PRISON_BEFORE = re.compile(r"\b(?:conden\w*|sentenc\w*|pena|penas|impuesto|impuso|impone|jailed|imprisoned)\b"
                            r"(?:\s+\w+){0,4}\s*$", re.IGNORECASE)


def _prison_term(text: str, span: tuple[int, int], clauses: list[int]) -> bool:
    a, _ = _clause(span[0], clauses)
    return bool(_PRISON_AFTER.match(text, span[1]) or _PRISON_BEFORE.search(text[a:span[0]]))


# A quantity someone asks for is another quantity than the one granted: a prosecutor's 18 years against the
# court's 12, a union's 5 % rise against the 3 % agreed, the 1.000 millones a region asks against the aid
# given. The verb of asking within four words before the figure, in its clause.
_ASKING = re.compile(r"(?:pid|ped|solicit|reclam|exig|reivindic|ask|seek|request)\w*|sought|"
                     r"demand(?:ed|ing|an|aba|aban|o|aron)")  # not the noun: "La demanda cayó en 8,2 gigavatios"
_ASKING_NOT = {"pedido", "pedidos"}  # "los pedidos" (orders) after an article
# "Los ganaderos podrán solicitar una ayuda de 15 euros": who may apply for an aid is told its amount, granted
_MAY = {"podran", "podra", "pueden", "puede", "podrian", "can", "may", "could"}


def _asked(tokens, folded, span: tuple[int, int], clauses: list[int]) -> bool:
    a, _ = _clause(span[0], clauses)
    before = [k for k, t in enumerate(tokens) if a <= t.start() and t.end() <= span[0]][-4:]
    for k in before:
        w = folded[k]
        if _ASKING.fullmatch(w) and not (w in _ASKING_NOT and k and folded[k - 1] in ("los", "las", "la", "the")) \
                and not (k and folded[k - 1] in _MAY):
            return True
    return False


# A count of what someone did (rescued, arrested) is about its doer: "La Guardia Civil ha rescatado a 37
# personas" (the name is the subject) and "Los servicios de emergencia han rescatado a más de 120 personas a lo
# largo del día" count two bodies' work, not one quantity twice (the fourth red team's riada pair had them as
# a conflict). A doer told by a common noun, after an article at the head of the count's clause and before
# its verb, is the count's subject when no name is; "Police arrested 14" / "Eleven people were arrested"
# (no article, or nothing before the count) keep no subject and still meet.
_DEEDS = {"rescue", "arrest"}
_DOER_ARTICLES = {"el", "la", "los", "las", "the"}


def _doer(text: str, tokens, folded, span: tuple[int, int], clauses: list[int], language: str) -> str:
    a, _ = _clause(span[0], clauses)
    idx = [k for k, t in enumerate(tokens) if a <= t.start() and t.end() <= span[0]]
    if len(idx) < 3 or folded[idx[0]] not in _DOER_ARTICLES:
        return ""
    words: list[str] = []
    for k in idx[1:]:
        w = folded[k]
        if w in _AUXILIARIES or concept(fold(resources(language).lemma(tokens[k].group().lower()))) in _DEEDS:
            break
        words.append(tokens[k].group())
        if len(words) > 4:
            return ""  # no verb near the head: no doer read
    else:
        return ""
    if not words:
        return ""
    # "los agentes", "the officers", "la policía": one doer in other words (the concept's name)
    head = concept(fold(resources(language).lemma(words[0].lower())))
    return head if head and len(words) == 1 else " ".join(words)


def _aside(words: list[str]) -> bool:
    """Whether a clause is set off between a count and its verb: who says it ("según ...",
    "according to ...", "de acuerdo con ...", "citing ...") or a part of the count ("three of
    them ...", "tres de ellos ...")."""
    w = words + ["", "", ""]
    return w[0] in ("segun", "citing") or (w[0], w[1]) in (("according", "to"), ("de", "acuerdo")) or \
        (w[1], w[2]) in (("of", "them"), ("de", "ellos"), ("de", "ellas"))


def _kind(f: Figure, span: tuple[int, int], text: str, tokens, folded, clauses, people: bool) -> str:
    """The quantity a figure measures, "" when we cannot tell (a bare number)."""
    if f.kind == "time":
        before = text[max(0, span[0] - 24):span[0]]
        words = [w for d, w in _window(tokens, folded, *span, clauses) if d <= 6]  # "sacudió el jueves a las 23:49"
        prev = fold(before).split()[-3:]
        if _AS_OF.search(before) or set(prev) & (_REPORT_CUES | _SAY_VERBS):  # "informó a las 13:00"
            return "report-time"
        if people and not any(_cue(w, _EVENT_CUES) for w in words):  # a time next to counts, not to the event
            return "report-time"
        return "time"
    if f.kind == "age":
        return "age"
    if f.kind in ("date", "year"):
        # "ITAR-TASS reported September 26": the date of the report, not of the event
        prev = fold(text[max(0, span[0] - 30):span[0]]).split()[-3:]
        return "report-date" if f.kind == "date" and set(prev) & _SAY_VERBS else f.kind
    if f.kind == "money":
        return "money"
    near = _window(tokens, folded, *span, clauses)
    if f.kind == "percent":
        return "rate" if any(_cue(w, _RATE) for d, w in near if d <= 6) else "percentage"
    if f.unit in _LENGTH_KM:
        if any(_cue(w, _DEPTH) for d, w in near if d <= 6):
            return "depth"
        return "height" if any(_cue(w, _HEIGHT) for d, w in near if d <= 6) else "distance"
    if f.unit == "magnitude" or any(_cue(w, _MAGNITUDE) for d, w in near if d <= 3) \
            or re.match(r"-?\s?magnitud", text[span[1]:span[1] + 12], re.IGNORECASE):  # "a 6.1-magnitude quake"
        return "magnitude"
    if f.unit == "depth":
        return "depth"
    # people counted near a word for what happened to them; an age ("36-year-old") or a length
    # ("200 feet") beside "died" is no death toll
    for d, w in near if f.unit in _PEOPLE_UNITS or f.unit in PEOPLE or not f.unit else ():
        if d > 6:
            break
        for kind, cues in _PEOPLE_KINDS:
            if _cue(w, cues):
                return kind
    # a count of persons (people, workers, officers: "two railroad workers had been taken to
    # Kessington General Hospital with minor injuries", "dos agentes resultaron heridos leves") takes
    # what its clause says happened to them after it, however far, up to the next figure
    if _persons(f, span, text, tokens, folded):
        for w in _predicate(tokens, folded, span, clauses):
            for kind, cues in _PEOPLE_KINDS:
                if _cue(w, cues):
                    return kind
    if f.unit in _PEOPLE_UNITS:
        return _PEOPLE_UNITS[f.unit]
    if f.unit in _HOURS:
        return "duration"
    # "El número de fallecidos en el accidente del autobús que cayó ... ascendió este sábado a 14",
    # "The death toll from the collapse of an apartment block ... rose to 19": a bare number a toll
    # rose to (or reached) counts what the clause's subject names, however far before the verb
    if (not f.unit or f.unit not in _KNOWN_UNITS) and f.kind == "count" and risen(text, span[0]):
        before = [w for d, w in near if tokens_before(tokens, span[0], w)]
        for w in before:
            for kind, cues in _PEOPLE_KINDS:
                if _cue(w, cues):
                    return kind
    return "count" if f.unit else ""


# The value a count is compared with, right before a bare number: "up from 40", "down from",
# "compared with", "frente a los 11", "desde los 11" (the earlier value of the same quantity).
_EARLIER_VALUE = re.compile(r"\b(?:(?:up|down|rising|falling|risen|fallen)\s+from|compared\s+(?:with|to)|"
                            r"frente\s+a(?:\s+l[oa]s)?|desde\s+l[oa]s|respecto\s+a\s+l[oa]s)\s+$", re.IGNORECASE)


# A count told as the value a tally rose to or reached: "ascendió este sábado a 14", "se eleva a 14",
# "rose to 19", "has climbed to 19", "reached 86". Its earlier, lower value was another count
# (an update); a lower bound given before it ("at least 12", "al menos una decena") is met by it.
_RISE = re.compile(
    r"\b(?:ascendi[óo]|asciende|ascienden|ascendieron|se\s+elev[óa]n?|se\s+ha\s+elevado|subi[óo]|sube|"
    r"aument[óo]|ha\s+aumentado|ha\s+ascendido|ha\s+subido|alcanz[óa]|ha\s+alcanzado|"
    r"rose|rises|has\s+risen|had\s+risen|climbed|climbs|has\s+climbed|increased|has\s+increased|jumped|"
    r"grew|has\s+grown|reached|has\s+reached|stands|stood)"
    r"(?:\s+[^\W\d_]+){0,2}?\s+(?:a|a\s+l[oa]s|hasta|to|at)?\s*$", re.IGNORECASE)


def risen(text: str, start: int) -> bool:
    """Whether the figure at `start` is the value a tally rose to or reached (_RISE)."""
    return bool(_RISE.search(text[max(0, start - 48):start]))


def tokens_before(tokens, start: int, word: str) -> bool:
    """Whether `word` (folded) is a word of the text before offset `start`."""
    return any(fold(t.group()) == word for t in tokens if t.end() <= start)


# Counted nouns that are persons (folded lemmas or the comparator's concept of them): a count of
# them may be of the dead or the injured ("dos agentes resultaron heridos").
_PERSON_UNIT = re.compile(rf"(?:{_PERSON['es']}|{_PERSON['en']}|people|worker|police|protest|crowd|"
                          r"asistente|participante|participant|protester|demonstrator|marcher|attendee|spectator|"
                          r"espectador|firefighter|bombero|miner|minero|pilgrim|peregrino|fan|aficionado)s?")


def _persons(f: Figure, span: tuple[int, int], text: str, tokens, folded) -> bool:
    """Whether a count counts persons: its unit, or the noun a modifier is put before ("two
    railroad workers", "three fire officers")."""
    if f.kind != "count" or f.unit in _HOURS or f.unit in _LENGTH_KM:
        return False
    if f.unit in PEOPLE or _PERSON_UNIT.fullmatch(fold(f.unit)):
        return True
    after = [i for i, t in enumerate(tokens) if t.start() >= span[1]][:2]
    return len(after) == 2 and folded[after[0]] == fold(f.unit) and bool(_PERSON_UNIT.fullmatch(folded[after[1]]))


def _predicate(tokens, folded, span: tuple[int, int], clauses: list[int]) -> list[str]:
    """The folded words said after a count in its clause (an aside skipped, _clause_tokens), up
    to the next figure."""
    out = []
    for i in _clause_tokens(tokens, folded, span[0], clauses):
        if tokens[i].start() < span[1]:
            continue
        if tokens[i].group()[0].isdigit() or folded[i] in _COUNT_WORDS:
            break
        out.append(folded[i])
    return out


_COUNT_WORDS = {fold(w) for words in NUMBER_WORDS.values() for w in words} - {"un", "una", "uno", "a", "one"}


# A crowd: a count of persons at a gathering ("Unas 12.000 personas ... se manifestaron", "85.000
# asistentes a la manifestación", "20,000 people marched", "organisers put the crowd at 85,000").
# Police and organisers count the same quantity: one unit, "crowd", whatever noun each counts with.
_CROWD_NOUNS = re.compile(r"asistentes?|manifestantes?|participantes?|participants?|protest(?:er)?s?|demonstrators?|"
                          r"marchers?|attendees?|spectators?|espectador(?:es)?|crowd|fans?|aficionados?|hinchas?|"
                          r"march|marcharon|marched")  # "85,000 marched": the verb after the number
# "Police estimated the crowd at 12,000", "a crowd of 48,500", "la asistencia fue de 12.000"
_CROWD_BEFORE = re.compile(r"\b(?:crowds?|attendance|turnout|multitud|asistencia|afluencia|aforo|(?<!ministerio )p[úu]blico)\b"
                           r"(?:\s+[\w']+){0,3}\s*$", re.IGNORECASE)
_CROWD_CUES = ("manifesta", "manifestaron", "=marcha", "=marchas", "=march", "=marches", "marcharon", "=marched",
               "=marching", "protest",
               "=rally", "=rallies", "=rallied", "concentrac", "concentraron", "=asistentes", "=asistieron",
               "attend", "particip", "demonstr", "=gathered", "congreg", "=crowd", "multitud", "=aforo", "=attendance")


def _crowd(f: Figure, near: list[tuple[int, str]], before: str = "", sentence: list[str] = ()) -> bool:
    """Whether a count is of a crowd: its noun, the word before it, a crowd word near it; a count of
    people with no other word for what they did ("Unas 12.000 personas, según ..., y 85.000, según
    ..., se manifestaron") takes one anywhere in its sentence."""
    unit = fold(f.unit)
    if _CROWD_NOUNS.fullmatch(unit) or concept(unit) == "protest" or _CROWD_BEFORE.search(before):
        return True
    generic = not unit or unit in PEOPLE
    return generic and (any(_cue(w, _CROWD_CUES) for d, w in near if d <= 6) or
                        any(_cue(w, _CROWD_CUES) for w in sentence))


_SHARE = re.compile(r"\s*(?:%|por ciento|percent|per cent)?\s+(?:de|del|of)\s+"
                    r"(?:(?:los|las|la|el|the|all|todos|todas)\s+)?([^\W\d]\w*)",
                    re.IGNORECASE)


def _share_of(text: str, end: int, language: str) -> str:
    """What a percentage is a share of ("el 60% de las viviendas" -> "house"), "" when unsaid."""
    m = _SHARE.match(text, end)
    if not m or fold(m.group(1)) in _DETERMINERS | {"all", "todos", "todas"}:
        return ""
    lemma = fold(resources(language).lemma(m.group(1).lower()))
    return concept(lemma) or lemma


def _decimals(raw: str, language: str) -> int:
    digits = re.sub(r"[^\d.,]", "", raw)
    mark = "," if language == "es" else "."
    if mark in digits:
        return len(digits.rsplit(mark, 1)[1])
    other = "." if mark == "," else ","
    if digits.count(other) == 1 and len(digits.rsplit(other, 1)[1]) != 3:
        return len(digits.rsplit(other, 1)[1])
    return 0


def _normalise(f: Figure, kind: str, language: str) -> tuple[float, str, float]:
    """(value, unit, step) in the fact's normalised unit."""
    if kind in ("time", "report-time"):
        return f.value, "min", 60.0 if ":" not in f.text and "." not in f.text.split()[0] else 1.0
    if kind in ("date", "year", "report-date"):
        return f.value, "", 1.0
    if kind == "age":
        return f.value, f.unit, 1.0  # years ("" unit), or months for a baby ("a six-month-old")
    written = locale_number(f.text.rstrip("%"), language) if f.text[:1].isdigit() else None
    scale = f.value / written if written else 1.0
    step = 10.0 ** -_decimals(f.text, language) * scale if written else max(scale, 1.0)
    collective = fold(f.text.split()[-1]) if f.text.split() else ""
    if collective in COLLECTIVES:  # "una decena", "medio centenar": told to the ten, to the fifty
        step = max(step, min(f.value, float(COLLECTIVES[collective])))
    if kind in ("depth", "distance", "height") and f.unit in _LENGTH_KM:
        k, unit = (_LENGTH_KM[f.unit] * 1000, "m") if kind == "height" else (_LENGTH_KM[f.unit], "km")
        return round(f.value * k, 6), unit, step * k
    if kind == "duration":
        k = _HOURS[f.unit]
        return f.value * k, "hour", step * k
    if kind == "money":
        return f.value, f.unit, step
    if kind == "count" and f.unit in _SPEEDS:
        # "130 mph" / "215 km/h": one speed in km/h. Weather services convert from knots and round each
        # unit on its own (130 mph is 209 km/h, told as 215), so a speed converted from miles agrees
        # within 3 % (the step's half); 38 / 52 mph, 27 % apart, still differ
        k = _SPEEDS[f.unit]
        value = round(f.value * k, 1)
        return value, "km/h", max(step * k, 0.06 * value) if k != 1.0 else step
    if kind == "count":
        return f.value, f.unit, step
    return f.value, "", step


_SPEEDS = {"km/h": 1.0, "kph": 1.0, "mph": 1.609344}


# ---- who says it, what it is about --------------------------------------------------------


def _source(text: str, tokens, folded, language: str) -> tuple[str, tuple[int, int]]:
    """Who the sentence gives its figures to, as written, and where that is in the text."""
    m = _SOURCE_INTRO.search(text)
    if m:
        a = m.end()
        b = _CLAUSE.search(text, a)
        end = b.start() if b else len(text)
        words = [t for t in tokens if a <= t.start() < end][:6]
        if words:
            return _trim(text, words)
    for i, w in enumerate(folded):
        if w not in _SAY_VERBS:
            continue
        start = tokens[i].start()
        a, _ = _clause_bounds(text, start)
        before = [t for t in tokens[max(0, i - 5):i] if t.start() >= a]
        if before and not any(_numeric(t, language) for t in before):
            return _trim(text, before)
        if before:
            continue
        # ", dijo el gobernador.", ", said the governor.": the speaker after the verb, ending the sentence
        _, b = _clause_bounds(text, tokens[i].end())
        after = [t for t in tokens[i + 1:i + 6] if t.start() < b]
        if after and not any(_numeric(t, language) for t in after) and fold(after[0].group()) not in ("que", "that") \
                and not text[after[-1].end():].strip(" .\"”»'’"):
            return _trim(text, after)
        # "El ministro de Salud, Tomás Rivera, anunció ...": the speaker before an apposition
        back = tokens[max(0, i - 6):i]
        while back and text[back[0].end():start].count(",") > 2:
            back = back[1:]
        if back and not any(_numeric(t, language) for t in back):
            return _trim(text, back)
    return "", (0, 0)


def _numeric(t, language: str) -> bool:
    w = t.group().lower()
    return w[0].isdigit() or w in NUMBER_WORDS.get(language, {})


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max((m.end() for m in _CLAUSE.finditer(text, 0, pos)), default=0)
    b = _CLAUSE.search(text, pos)
    return a, b.start() if b else len(text)


def _trim(text: str, words: list) -> tuple[str, tuple[int, int]]:
    while words and fold(words[0].group()) in _DETERMINERS:
        words = words[1:]
    while words and fold(words[-1].group()) in _DETERMINERS | _AUXILIARIES | {"de", "of", "del"}:
        words = words[:-1]
    if not words:
        return "", (0, 0)
    a, b = words[0].start(), words[-1].end()
    return text[a:b], (a, b)


def _names(text: str, tokens, folded, language: str) -> list[_Name]:
    """Runs of capitalised words ("Puerto Lindo", "Protección Civil"); one opening the sentence
    only when the next word is capitalised too ("El" is no name, "Ciudad Real" is)."""
    out: list[_Name] = []
    run: list[int] = []

    def close() -> None:
        while run and folded[run[-1]] in _JOINERS:
            run.pop()
        lone = tokens[run[0]].group() if len(run) == 1 else ""
        if lone and not lone.isupper() and resources(language).is_stop(lone):
            run.clear()  # "(Agencia Sur).- Unas 12.000 personas": a capitalised stop word alone is no name
        if run:
            first = run[0]
            prev = folded[first - 1] if first > 0 else ""
            gap = text[tokens[first - 1].end():tokens[first].start()] if first > 0 else ""
            place = prev in _PLACE_MARKS and not gap.strip()
            out.append(_Name(tokens[first].start(), tokens[run[-1]].end(),
                             text[tokens[first].start():tokens[run[-1]].end()], place))
        run.clear()

    for i, t in enumerate(tokens):
        w = t.group()
        if run and text[tokens[i - 1].end():t.start()].strip():
            close()
        cap = w[0].isupper() and not w[0].isdigit() and not all(p in _NOT_NAMES for p in folded[i].split("-"))
        if i == 0 and cap:
            cap = (not resources(language).is_stop(w) and folded[0] not in _PLACE_MARKS and len(tokens) > 1
                   and tokens[1].group()[0].isupper() and folded[1] not in _NOT_NAMES)
        if cap:
            run.append(i)
        elif run and folded[i] in _JOINERS and i + 1 < len(tokens) and tokens[i + 1].group()[0].isupper():
            run.append(i)
        else:
            close()
    close()
    return out


def _subject(text: str, span: tuple[int, int], names: list[_Name], clauses: list[int], source: tuple[int, int],
             language: str = "en") -> str:
    """The nearest name in the figure's clause, in words (places first; on a tie the one after:
    "23 en Valdora y dos en Calera"); else the one place of the sentence."""
    def outside(n: _Name) -> bool:
        return not (source[0] <= n.start < source[1] or source[0] < n.end <= source[1])

    def dist(n: _Name) -> tuple[int, bool]:
        if n.end <= span[0]:
            return len(WORD.findall(text[n.end:span[0]])), True
        return len(WORD.findall(text[span[1]:n.start])), False

    a, b = _clause(span[0], clauses)
    here = [n for n in names if a <= n.start < b and outside(n)]
    for group in ([n for n in here if n.place], here):
        if group:
            return _listed(text, min(group, key=lambda n: (dist(n), n.start)), names)
    national = _NATIONAL.search(text, a, b) or (not any(n.place for n in names) and _NATIONAL.search(text))
    if national:
        return NATIONWIDE.get(language, NATIONWIDE["en"])  # "34 muertos en todo el país", "58 across the country"
    places = [n for n in names if n.place and outside(n)]
    if len({fold(n.text) for n in places}) == 1:
        return places[0].text
    # "el gobernador de Oaxaca dijo que ...": the place a governor or mayor speaks for
    inside = [n for n in names if n.place and not outside(n)
              and _TERRITORIAL & set(fold(text[max(0, n.start - 20):n.start]).split())]
    if len({fold(n.text) for n in inside}) == 1 and not places:
        return inside[0].text
    return ""


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?P<c1>and|y|e|or|o)\s+)?|\s(?P<c2>and|y|e|or|o)\s+)"
                       r"(?:(?:the|el|la|los|las)\s+)?")
_AND_OTHERS = re.compile(r"\s*,?\s*(?:and|y|e|or|o)\s+(?:other|others|otros|otras|elsewhere|more)\b", re.IGNORECASE)


def _listed(text: str, name: _Name, names: list[_Name]) -> str:
    """A name, or the list of places it is one of ("more than 220,000 people dead in Indonesia, Sri
    Lanka, India, Thailand and other countries"; "en Oaxaca, Chiapas y Tabasco"), joined by commas:
    the count is about them all, a wider scope than any one of them (same_subject). A list closes
    with "and"/"y" before its last name, or with "and other ..." after it ("in Brookfield, Marlow and
    Eastgate, Police Chief Ramona Diaz told": the chief is no place of the list)."""
    ordered = sorted(names, key=lambda n: n.start)
    at = ordered.index(name)
    first = last = at
    while first > 0 and _LIST_GAP.fullmatch(text[ordered[first - 1].end:ordered[first].start]):
        first -= 1
    while last + 1 < len(ordered) and _LIST_GAP.fullmatch(text[ordered[last].end:ordered[last + 1].start]):
        last += 1
    gaps = {k: _LIST_GAP.fullmatch(text[ordered[k - 1].end:ordered[k].start]) for k in range(first + 1, last + 1)}
    closed = [k for k, m in gaps.items() if m.group("c1") or m.group("c2")]
    if closed:
        last = closed[-1]
    elif not _AND_OTHERS.match(text, ordered[last].end):
        return name.text
    if not first <= at <= last or first == last:
        return name.text
    return ", ".join(n.text for n in ordered[first:last + 1])


# The whole country as a figure's scope: its subject, one for both languages, so a nationwide toll
# and a region's are two scopes ("31 muertos en todo el país" / "cuatro en Valdecruz"), and two
# nationwide tolls one ("32 muertos en el país" / "58 people across the country").
NATIONWIDE = {"es": "todo el país", "en": "nationwide"}
_NATIONAL = re.compile(r"\b(?:(?:en|por|de)\s+tod[oa]\s+(?:el|la)\s+(?:país|pais|territorio|naci[óo]n)|"
                       r"en\s+el\s+(?:conjunto\s+del\s+)?(?:país|pais)|a\s+nivel\s+nacional|"
                       r"nationwide|countrywide|(?:across|throughout|in)\s+the\s+(?:whole\s+|entire\s+)?"
                       r"(?:country|nation))\b", re.IGNORECASE)


# The period a rate or a percentage is told over: a quarter, a month or a year ("creció un 0,8 % en el
# cuarto trimestre" / "un 3,2 % en 2025"; "11,2 % at the end of the fourth quarter" / "11.9% averaged
# over the year"): other quantities. "interanual", "year-on-year" are a basis of comparison, no period.
_PERIODS = (("quarter", {"trimestre", "trimestral", "quarter", "quarterly", "q1", "q2", "q3", "q4"}),
            ("month", {"mes", "mensual", "month", "monthly"} | set(MONTHS)),
            ("year", {"ano", "anual", "year", "annual", "annually"}))


_BASIS_BEFORE = {"a", "un", "one", "previous", "prior", "same", "mismo"}
_BASIS_AFTER = {"earlier", "ago", "before", "antes", "anterior", "atras", "previo"}


def _period(tokens, folded, span: tuple[int, int], clauses: list[int]) -> str:
    """The period of the figure's clause, "" when unsaid. A year told as the basis of a comparison
    ("from a year earlier", "respecto al año anterior", "hace un año") is no period; "May" is a month
    when written with its capital inside the sentence."""
    words = set()
    for i in _clause_tokens(tokens, folded, span[0], clauses):
        w = folded[i]
        if re.fullmatch(r"(?:19|20)\d\d", w):
            w = "year"  # "en 2025", "in 2024"
        elif w == "may" and tokens[i].group() == "May" and i:
            w = "month"
        if w in ("ano", "year", "anos", "years") and ((i and folded[i - 1] in _BASIS_BEFORE) or
                                                     (i + 1 < len(folded) and folded[i + 1] in _BASIS_AFTER)):
            continue
        words.add(w)
    return next((name for name, cues in _PERIODS if words & cues), "")


def mentioned(subject: str, text: str) -> bool:
    """Whether a sentence names the subject (every word of it)."""
    words = set(WORD.findall(fold(text)))
    wanted = set(fold(subject).replace(",", " ").split()) - _JOINERS  # a list of places: each of them
    return bool(wanted) and wanted <= words


def same_subject(a: str, b: str) -> bool:
    """"Oaxaca" and "Oaxaca", "Puerto Lindo" and "Lindo": one's words inside the other's. A list of
    places ("Indonesia, Sri Lanka, India") is not one of them ("Indonesia"): another scope."""
    national = {v for v in NATIONWIDE.values()}
    if a in national or b in national:
        return a in national and b in national  # the whole country in either language; a region is another scope
    if ("," in a) != ("," in b):
        return False
    wa, wb = set(fold(a).replace(",", " ").split()) - _JOINERS, set(fold(b).replace(",", " ").split()) - _JOINERS
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


# ---- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One quantity about one subject, and what each source says about it."""

    kind: str
    unit: str
    subject: str  # as the first source writes it, "" unknown
    facts: tuple[tuple[str, Fact], ...]  # (article id, fact), in article and sentence order

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for a, _ in self.facts))


def table_of(b: Briefing) -> tuple[Row, ...]:
    """A briefing's fact table, made once (model.derived): the PDF's view and the JSON twin both
    ask, and two long reports' took 0.25 s each (issue 17)."""
    return derived(b, "_fact_table", lambda: table(b.facts, b.relations))


def table(facts_: tuple[Fact, ...], relations: tuple[Relation, ...] = ()) -> tuple[Row, ...]:
    """One row per quantity kind, unit and subject (time of day, report times and years aside:
    a report time is shown with the counts it dates), rows in order of first mention.

    The conflicts come from this table (issue 14): the comparator pairs two values of one
    quantity when one claim names no place and its related claim names one ("the quake killed
    15" / "dejó 32 muertos en el sur de México"), or when each names the other's; the values it
    set against each other (a conflict's `differing`) are one row here too, under the named
    subject, so every conflict the briefing lists is a row of its table."""
    keys: list[tuple[str, str, str, str]] = []
    shown: dict[tuple[str, str, str, str], str] = {}
    kept: list[int] = []
    known: dict[tuple[str, str], dict[str, None]] = {}  # (kind, unit) -> subject keys of its rows, first seen first
    # a year is shown only when a conflict sets two against each other ("completed in 1974" /
    # "built in 1981"); report times never (they are shown with the counts they date)
    linked = {n for pair in _linked(facts_, {n: n for n in range(len(facts_))}, relations) for n in pair}
    for n, f in enumerate(facts_):
        if f.kind in _HIDDEN and not (f.kind in ("year", "age") and n in linked):
            continue
        subject = "" if f.kind in EVENT_KINDS else f.subject
        # A count of a thing is one source's until the comparator relates it to another's: "200
        # viviendas dañadas" and "4,200 homes without electricity" both count houses, not the same houses.
        own = f.sentence.rstrip("0123456789") if f.kind == "count" else ""
        group = known.setdefault((f.kind, f.unit), {})
        key = (f.kind, f.unit, _subject_key(subject, group), own)  # the first row's subject it is, else its own
        keys.append(key)
        kept.append(n)
        shown.setdefault(key, subject)
        group.setdefault(key[2], None)
    # rows the comparator set against each other become one (union-find over row keys)
    parent = {k: k for k in shown}

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    where = dict(zip(kept, keys))
    order = {k: i for i, k in enumerate(shown)}  # rows in order of first mention
    for a_key, b_key in _linked(facts_, where, relations, agreements=True):
        ra, rb = root(a_key), root(b_key)
        if ra != rb:
            first, second = (ra, rb) if order[ra] <= order[rb] else (rb, ra)
            parent[second] = first
            if not shown[first]:
                shown[first] = shown[second]  # the row takes the subject one side names
    rows: dict[tuple[str, str, str, str], list[tuple[str, Fact]]] = {}
    for n, key in zip(kept, keys):
        f = facts_[n]
        rows.setdefault(root(key), []).append((f.sentence.rstrip("0123456789"), f))
    return tuple(Row(k[0], k[1], shown[k], tuple(sorted(v, key=lambda x: _order(x[1].sentence))))
                 for k, v in rows.items())


def _order(sentence: str) -> tuple[str, int]:
    """Article and sentence order of a sentence id ("B12" -> ("B", 12))."""
    head = sentence.rstrip("0123456789")
    tail = sentence[len(head):]
    return head, int(tail) if tail else 0


def _linked(facts_: tuple[Fact, ...], where: dict, relations: tuple[Relation, ...], agreements: bool = False):
    """(where[x], where[y]) for each pair of facts x, y (indices into facts_, those in `where`)
    that a conflict sets against each other: the facts of its two sentences with the kind, unit
    and text of one of its differences; with `agreements`, also the values a relation found to
    agree (its evidence's figures: "300 productos" in Lima and of Chile and Peru)."""
    by_sentence: dict[str, list[int]] = {}
    for n in where:
        by_sentence.setdefault(facts_[n].sentence, []).append(n)
    from reporter.settings import Comparison
    from reporter.stages.compare import _label, values_agree  # the comparator's own words and rule (a cycle at import time)

    for r in relations:
        if agreements and r.evidence.figures:
            said = set(r.evidence.figures)
            for x in by_sentence.get(r.a, ()):
                if _label(facts_[x]) not in said:
                    continue
                for y in by_sentence.get(r.b, ()):
                    fx, fy = facts_[x], facts_[y]
                    if fx.kind == fy.kind and fx.unit == fy.unit and values_agree(fx, fy, Comparison()):
                        yield where[x], where[y]
        if r.type != CONFLICT:
            continue
        for d in r.evidence.differing:
            if d.kind not in KINDS:
                continue  # a weekday, a speaker: no figure, no row

            def side(sid: str, values: str) -> list[int]:
                written = set(values.split(", "))
                return [n for n in by_sentence.get(sid, ()) if facts_[n].kind == d.kind and facts_[n].unit == d.unit
                        and facts_[n].text in written]

            for x in side(r.a, d.a):
                for y in side(r.b, d.b):
                    yield where[x], where[y]


def _subject_key(subject: str, known) -> str:
    """The first of the `known` subject keys (any iterable, in order) that names the same subject,
    else the subject's own folded key."""
    if not subject:
        return ""
    return next((k for k in known if k and same_subject(k, subject)), fold(subject))


def _clock(minutes: float) -> str:
    return f"{int(minutes) // 60:02d}:{int(minutes) % 60:02d}"


def value_label(f: Fact) -> str:
    """A fact's value as the table shows it: "23", "at least 30" is the qualifier's job."""
    if f.kind in ("time", "report-time"):
        return _clock(f.value)
    if f.kind == "date":
        return f"{int(f.value) % 100}/{int(f.value) // 100}"
    if f.kind == "year":
        return f"{int(f.value)}"  # 1974, not 1,974
    v = f.value
    text = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")
    if f.kind == "money":
        return f"{text} {f.unit.upper()}"
    if f.kind in ("percentage", "rate"):
        return f"{text}%"
    if f.unit in ("km", "m", "hour", "km/h"):
        return f"{text} {f.unit}"
    return text
