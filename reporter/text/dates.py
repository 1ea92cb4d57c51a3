"""Dates inside sentences, Spanish and English: found, then resolved against the publication date.

    mentions("Putin envió el martes un mensaje", "es", date(2023, 8, 16))
    -> (Mention(start=13, end=22, text="el martes", value="2023-08-15", granularity="day"),)

Absolute dates ("22 de junio de 2023", "June 2023", "since 2000") resolve alone; relative
ones ("ayer", "hace dos días", "a finales de julio", "last September", "on Thursday",
"el año que viene") need the source's publication date and stay unresolved (value "")
without it: never guessed. Where a date leaves the year or the week open, the tense of
the verb nearest to it in its clause decides (pasado "envió el martes" -> the Tuesday
before; futuro "se celebrará el viernes" -> the Friday after); without a past-tense cue a
weekday is the next one (news tell what happened in the past tense: a weekday with a verb in
the present is a schedule, "takes effect on Monday"), a day or a month the nearest.

Why rules of our own and not dateparser (installed with trafilatura, so it costs no
download): measured on tests/fixtures/dates-dev.tsv (`reporter eval dates ... --resolver`)
dateparser's search finds and resolves few of these expressions ("el martes", "hace dos
días", "a finales de julio", "last September" come back as nothing or another day) and
knows no tense; given our spans it resolves more but still picks past or future by one
global setting. It also takes about 0.25 s to import; our patterns compile on first use, per language (0.07 s).
The numbers are in the README.

Every pattern is linear: alternations of fixed words and bounded runs of digits and spaces.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from reporter.text.figures import link_spans

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the sentence
    end: int
    text: str  # as written
    value: str  # "2023-08-15", "2023-07", "2023"; "" when it cannot be resolved (no publication date)
    granularity: str  # DAY, MONTH, YEAR


MONTHS_ES = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
             "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12}
MONTHS_EN = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
             "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
             "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS_ES = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
               "sabado": 5, "domingo": 6}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
           "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "a couple of": 2, "un par de": 2, "veinticuatro": 24, "cuarenta y ocho": 48, "setenta y dos": 72,
           "twenty-four": 24, "forty-eight": 48, "seventy-two": 72}
UNITS = {"hora": "h", "horas": "h", "hour": "h", "hours": "h", "día": "d", "días": "d", "dias": "d", "semana": "w", "semanas": "w", "mes": "m", "meses": "m",
         "año": "y", "años": "y", "day": "d", "days": "d", "week": "w", "weeks": "w", "month": "m",
         "months": "m", "year": "y", "years": "y",
         # counted in another unit: (unit, how many of it)
         "década": ("y", 10), "décadas": ("y", 10), "decada": ("y", 10), "decadas": ("y", 10),
         "lustro": ("y", 5), "lustros": ("y", 5), "siglo": ("y", 100), "siglos": ("y", 100),
         "quincena": ("d", 15), "quincenas": ("d", 15), "decade": ("y", 10), "decades": ("y", 10),
         "century": ("y", 100), "centuries": ("y", 100), "fortnight": ("w", 2), "fortnights": ("w", 2)}


def _unit(word: str) -> tuple[str, int]:
    """'semanas' -> ('w', 1), 'década' -> ('y', 10): the unit a count is in and its size in that unit."""
    u = UNITS[word.lower()]
    return (u, 1) if isinstance(u, str) else u


# A season's first month (northern hemisphere: the seasons of Spain, Mexico, the US, the UK).
SEASONS = {"primavera": 3, "verano": 6, "otoño": 9, "otono": 9, "invierno": 12,
           "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(y, month, (h + l - 7 * m + 114) % 31 + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` of a month (n = -1: the last)."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# Holidays news dates things by, as their day in a year: a fixed (month, day) or a function of the
# year (Easter's feasts; the US's Thanksgiving, Memorial Day, Labor Day, as US English writes them).
# Keys in lower case without accents; a span (Semana Santa, Holy Week) is its first day (Palm Sunday).
_EASTER = {-46: ("ash wednesday", "miercoles de ceniza"), -9: ("viernes de dolores",),
           -7: ("semana santa", "domingo de ramos", "holy week", "palm sunday"),
           -6: ("lunes santo",), -5: ("martes santo",), -4: ("miercoles santo",),
           -3: ("jueves santo", "maundy thursday"), -2: ("viernes santo", "good friday"),
           -1: ("sabado santo", "sabado de gloria", "holy saturday"),
           0: ("domingo de resurreccion", "domingo de pascua", "easter", "easter sunday", "easter day"),
           1: ("lunes de pascua", "easter monday")}
HOLIDAYS: dict[str, object] = {
    **{k: (lambda y, o=o: _easter(y) + timedelta(days=o)) for o, keys in _EASTER.items() for k in keys},
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    **{k: (lambda y: _nth_weekday(y, 1, 0, 3)) for k in ("martin luther king day", "martin luther king jr. day",
                                                          "martin luther king jr day", "martin luther king, jr. day",
                                                          "mlk day")},
    **{k: (lambda y: _nth_weekday(y, 2, 0, 3)) for k in ("presidents' day", "presidents day", "president's day")},
    **{k: (lambda y: _nth_weekday(y, 10, 0, 2)) for k in ("columbus day", "indigenous peoples' day",
                                                           "indigenous peoples day")},
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),  # the Tuesday after November's first Monday
    "juneteenth": (6, 19), "dia de accion de gracias": lambda y: _nth_weekday(y, 11, 3, 4), "diada": (9, 11),
    "navidad": (12, 25), "navidades": (12, 25), "dia de navidad": (12, 25), "nochebuena": (12, 24),
    "nochevieja": (12, 31), "ano nuevo": (1, 1), "dia de ano nuevo": (1, 1), "dia de reyes": (1, 6),
    "noche de reyes": (1, 5), "san valentin": (2, 14), "dia de san valentin": (2, 14), "halloween": (10, 31),
    "todos los santos": (11, 1), "dia de todos los santos": (11, 1), "dia de muertos": (11, 2),
    "dia de los muertos": (11, 2), "dia de la hispanidad": (10, 12), "primero de mayo": (5, 1),
    "dia del trabajo": (5, 1), "dia del trabajador": (5, 1), "dia internacional de los trabajadores": (5, 1),
    "dia de la mujer": (3, 8), "dia internacional de la mujer": (3, 8), "noche de san juan": (6, 23),
    "sant jordi": (4, 23),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "valentine's day": (2, 14), "bonfire night": (11, 5),
    "guy fawkes night": (11, 5), "fourth of july": (7, 4), "july fourth": (7, 4), "remembrance day": (11, 11),
    "armistice day": (11, 11), "veterans day": (11, 11), "all saints' day": (11, 1), "may day": (5, 1),
    "international women's day": (3, 8), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
    "saint patrick's day": (3, 17), "epiphany": (1, 6),
}
_HOLIDAY_LANG = {k: "en" if re.search(r"[a-z]'s\b|\b(?:day|eve|night|christmas|easter|thanksgiving|week|sunday|"
                                      r"monday|friday|thursday|wednesday|epiphany|fourth)\b", k)
                 else "es" for k in HOLIDAYS}
_HOLIDAY_LANG["halloween"] = "both"
_HOLIDAY_LANG["juneteenth"] = "en"
_HOLIDAY_LANG["black friday"] = _HOLIDAY_LANG["cyber monday"] = "both"  # Spanish news writes them in English
_ACCENTED = str.maketrans("aeiou", "áéíóú")
# Spanish holidays often written in lower case ("en nochevieja"); the others need their capitals.
_HOLIDAYS_LOWER_ES = frozenset({"navidad", "navidades", "dia de navidad", "nochebuena", "nochevieja", "halloween"})


def _holiday_source(lang: str) -> str:
    """The holidays' names of a language as one alternation: accents optional, any space, either apostrophe."""
    out = []
    for key in sorted((k for k, v in _HOLIDAY_LANG.items() if v in (lang, "both")), key=len, reverse=True):
        part = ""
        for ch in key:
            part += (r"\s+" if ch == " " else "['’]" if ch == "'" else r"\." if ch == "." else
                     f"[{ch}{ch.translate(_ACCENTED)}]" if ch in "aeiou" else "[nñ]" if ch == "n" else ch)
        out.append(part)
    return "|".join(out)


def _holiday_key(name: str) -> str:
    folded = name.lower().replace("’", "'").translate(str.maketrans("áéíóúñ", "aeioun"))
    return re.sub(r"\s+", " ", folded)


# A cheap look before the costlier patterns run: a holiday's distinctive word ("navidad", "easter",
# "ramos": not "día", "de" or "friday"), "curso", "school year".
_GENERIC = {"dia", "de", "del", "la", "los", "el", "noche", "all", "day", "eve", "night", "week", "of", "the", "s", "st",
            "saint", "internacional", "international", "domingo", "jueves", "viernes", "lunes", "semana", "ano",
            "san", "sunday", "monday", "friday", "thursday", "wednesday", "july", "mayo", "year"}
_HOLIDAY_WORDS = frozenset(w for k in HOLIDAYS for w in re.findall(r"[a-z]+", k)) - _GENERIC
assert all(set(re.findall(r"[a-z]+", k)) & _HOLIDAY_WORDS for k in HOLIDAYS)
# the trigger's share: those words, accents optional ("resurrección", "Valentín")
_HOL_WORDS = "|".join(sorted(("".join(f"[{c}{c.translate(_ACCENTED)}]" if c in "aeiou" else "[nñ]" if c == "n" else c
                                       for c in w) for w in _HOLIDAY_WORDS), key=len, reverse=True))


_MES = _alt(MONTHS_ES)
MONTHS_ES_ABBR = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8, "sep": 9,
                  "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12}
_MES_ABBR = _alt(MONTHS_ES_ABBR)
_MON = _alt(k for k in MONTHS_EN if len(k) > 3) + r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DIA = _alt(WEEKDAYS_ES)
_WD = _alt(WEEKDAYS_EN)
_NUM = r"\d{1,2}|" + _alt(NUMBERS)
_UNIT = _alt(UNITS)
_SEASON = _alt(SEASONS)
_YR = r"(?:19|20)\d\d"
_PART_ES = r"(?P<part>finales|fines|principios|comienzos|inicios|mediados)"
_PART_EN = r"(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of)"
# Units a bare number after a preposition counts ("desde 2000 kilómetros"): not a year.
_NOT_YEAR = (r"(?!\s+(?:personas|people|muertos|dead|heridos|km|kilómetros|kilometres|kilometers|metros|metres|"
             r"meters|millas|miles|euros|dólares|dollars|soldados|soldiers|casas|homes|habitantes|residents|"
             r"toneladas|tons|tonnes|veces|times)\b)")

# A year standing alone ("la inflación cerró 2022 en el 5,7 %", "Inflation ended 2022 at 5.7%"):
# not part of a bigger number, an amount or a range, and followed by the end of the clause or a
# small word (_accept), not by what it would count ("2000 manifestantes").
_BARE = rf"(?<![\d.,$€£/-])\b(?P<y>{_YR})\b(?![.,]\d|\s*%|-\d|/)"
_AFTER_BARE = frozenset(
    "en a al con de del y e o u por para según tras frente contra ante se fue era había ha the at in on with and or "
    "by for after before as when was were is had has to from while".split())
# Events a year names in English ("the 2024 election", "the 2008 crisis"): that year.
_EVENT_AFTER_YEAR_EN = frozenset(
    "election elections olympics games world summit census earthquake quake floods flood wildfires wildfire riots "
    "attack attacks crash hurricane storm pandemic crisis referendum invasion coup war tsunami uprising protests "
    "strike strikes campaign season tournament championship championships cup final finals general midterm midterms "
    "presidential".split())
_BEFORE_BARE = re.compile(r"(?:\b(?:unos|unas|más\s+de|menos\s+de|casi|hasta|some|about|around|nearly|almost|over|"
                          r"more\s+than|than|up\s+to|at\s+least|al\s+menos|número|number|n\.?º|no\.)|[$€£#])\s*$",
                          re.IGNORECASE)

# Every date expression holds one of these: a cheap first look before the patterns run.
_HOL_ES, _HOL_EN = _holiday_source("es"), _holiday_source("en")
_TRIGGER_SOURCE = {
    "es": (rf"\d|\b(?:{_MES}|{_DIA}|hoy|ayer|anteayer|antier|anoche|antenoche|mañana|hace|dentro|año|mes|"
           rf"este\s+día|semana|día|dia|últim[oa]s|ultim[oa]s|próxim[oa]s|proxim[oa]s|{_SEASON}|"
           rf"madrugada|tarde|noche|curso|víspera|vispera|trimestre|semestre|{_UNIT}|{_HOL_WORDS})\b"),
    "en": (rf"\d|\b(?:{_MON}|{_WD}|January|February|March|April|May|June|July|August|September|October|"
           rf"November|December|today|yesterday|tomorrow|tonight|night|overnight|ago|year|month|morning|afternoon|"
           rf"evening|days|weeks|months|years|day|week|weekend|hours|quarter|{_SEASON}|{_UNIT}|{_HOL_WORDS})\b"),
}

# The kinds whose value depends on the tense (a weekday, a day or a month without its year).
_NEEDS_TENSE = frozenset({"dmy", "mdy", "part", "month", "wd", "wdnum", "dom", "weekend", "season", "course", "holiday", "shorthand",
                          "quarter", "overnight"})
_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|\S)?")
# A day something is set for or about ("para el 23", "for June 23"): the verb's tense is not the
# day's ("convocó una huelga para el 23 de junio" is ahead), so the nearest such day.
# "since March" is gone by unless the verb is future; "desde marzo" is "since" (gone by) only after a
# negation or a verb of a state that goes on ("no gana desde marzo", "sigue cerrado desde marzo"), else it
# may be "from" ("acuerda una subida desde septiembre": the coming one).
_SINCE = {"es": re.compile(r"desde\b", re.IGNORECASE), "en": re.compile(r"since\b", re.IGNORECASE)}
_STILL_ES = re.compile(r"\b(?:no|nunca|jamás|jamas|ni|sigue|siguen|continúa|continúan|continua|continuan|lleva|llevan|"
                       r"permanece|permanecen|mantiene|mantienen)\b[^,;:.()]*$", re.IGNORECASE)
# A quarter whose results or figures are reported: one that has ended ("will report first-quarter earnings on
# Thursday", "presentará los resultados del tercer trimestre"), whatever the verb's tense.
_REPORTED = re.compile(r"\b(?:results|earnings|figures|numbers|resultados|cuentas|datos)\s+(?:(?:for|of|from|de)\s+)?(?:the\s+)?#|"
                       r"#[\s-]*(?:results|earnings|figures|numbers)\b", re.IGNORECASE)
_STARTING = re.compile(r"\b(?:a\s+partir(?:\s+del?)?|desde(?:\s+el)?|starting(?:\s+on|\s+from)?|beginning(?:\s+on)?|"
                       r"effective|from)\s+(?:el\s+|the\s+)?$", re.IGNORECASE)
_SET_FOR = re.compile(r"\b(?:para|for)\s+(?:el\s+|the\s+)?$"
                      # a start told without a verb of its own ("a credit line, available from July 1", "vigente
                      # desde el 1 de julio"): the verb nearby tells the announcement, not the day
                      r"|\b(?:available|effective|valid|applicable|in\s+force|disponibles?|vigentes?|válid[oa]s?|"
                      r"efectiv[oa]s?|en\s+vigor)\s+(?:from|as\s+of|starting|beginning|desde|a\s+partir\s+de(?:l)?)?\s*"
                      r"(?:el\s+|the\s+)?$", re.IGNORECASE)
# A day a plan first had ("The deadline, originally Jan. 15, was pushed back", "inicialmente previsto para el 3"):
# the verb that tells the change is not the day's tense, so the nearest such day.
_ORIGINALLY = re.compile(r"\b(?:originally|initially|previously|inicialmente|en\s+un\s+principio|en\s+principio)"
                         r"(?:\s+(?:set|scheduled|planned|due|slated|expected|previst[oa]s?|programad[oa]s?|fijad[oa]s?))?"
                         r"(?:\s+(?:for|on|para))?\s+(?:el\s+|the\s+)?$", re.IGNORECASE)

# Spanish news names some days by their number and month's initial ("el 11-S", "el 8M"); the initial is
# ambiguous (M: marzo or mayo, J: junio or julio), so only the days that usage has fixed: an event's day
# (its year) or a yearly day (nearest by the tense, as a holiday).
SHORTHANDS_ES = {"11S": (2001, 9, 11), "11M": (2004, 3, 11), "23F": (1981, 2, 23), "15M": (2011, 5, 15),
                 "1O": (2017, 10, 1), "17A": (2017, 8, 17), "20N": (1975, 11, 20),
                 "8M": (None, 3, 8), "25N": (None, 11, 25), "12O": (None, 10, 12), "28J": (None, 6, 28)}
# Words a date may open with, read with what comes before it ("hasta el", "until", "al").
_LEAD = re.compile(r"(?:(?:el|al|the|on|to|until|till|hasta|para|for)\s+)+", re.IGNORECASE)
# A thing put off to a day ("aplazó la votación al lunes", "the hearing was postponed to April 2"): the
# verb is past, the day is ahead.
_RESCHEDULED = re.compile(r"\b(?:postpon\w*|delay\w*|adjourn\w*|push\w*\s+back|put\s+off|moved|reschedul\w*|deferr?\w*|"
                          r"aplaz\w*|pospu\w*|pospon\w*|retras\w*|suspend\w*|traslad\w*)\b(?:\s+[\w'’]+){0,4}?\s+"
                          r"(?:to|until|till|hasta|al|a|para)\s+(?:(?:el|the|next|el\s+próximo|el\s+proximo)\s+)?$", re.IGNORECASE)

# A number after a weekday that counts something ("pidió el martes 20 años de cárcel", "intervino el
# lunes 200 kilos", "el domingo 3.000 personas"): not the weekday's day of the month.
_COUNTED_ES = (r"(?:\d|[.,:/]\d|\s*%|\s*º|\s*°|\s*h\b|\s+(?:años|meses|semanas|días|horas|minutos|personas|muertos|"
               r"fallecidos|heridos|detenidos|vecinos|euros|dólares|kilos|kilogramos|toneladas|litros|metros|kilómetros|"
               r"millones|mil|puntos|goles|veces|casas|viviendas|hectáreas|grados|votos|escaños)\b)")
_WD_DAY_ES = rf"(?!\s+\d{{1,2}}\b(?!{_COUNTED_ES}))"  # "el martes 15" is wdnum's; "el martes 20 años" is a weekday

# (kind, pattern) per language; the longest match at a place wins, then the earliest.
_ES = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("numeric", r"\b(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b(?![.,/-]\d)"),
    ("dmy", rf"\b(?:(?:el|del|al|este|desde\s+el|hasta\s+el)\s+)?(?:(?:{_DIA})\s*,?\s+)?(?:d[ií]a\s+)?"
            rf"(?P<d>\d{{1,2}}|primero)(?:\.?\s?[º°o]\.?)?\s+(?:de\s+)?(?P<mon>{_MES})(?:\s+(?:de(?:l)?\s+)?(?:año\s+)?(?P<y>{_YR}))?\b"),
    # abbreviated months, as datelines and stamps write them ("16 ago. 2023"): only with the year ("mar" is the sea)
    ("dmy", rf"\b(?P<d>\d{{1,2}})\s+(?:de\s+)?(?P<mon>{_MES_ABBR})\.?,?\s+(?:de\s+)?(?P<y>{_YR})\b"),
    ("part", rf"\b(?:(?:a|hacia|para|desde|hasta|en|de)\s+)?{_PART_ES}\s+(?:de(?:l)?\s+)?(?:mes\s+de\s+)?"
             rf"(?P<mon>{_MES})(?:\s+(?:de(?:l)?\s+)?(?P<y>{_YR}))?\b"),
    ("my", rf"\b(?:(?:en|de|desde|hasta|para|durante)\s+)?(?:(?:el\s+)?mes\s+de\s+)?(?P<mon>{_MES})\s+(?:de(?:l)?\s+)?(?P<y>{_YR})\b"),
    ("month", rf"\b(?:(?P<pre>en|desde|hasta|para|durante|este|de|a\s+partir\s+de|el\s+pasado|el\s+próximo|el\s+proximo|"
              rf"el\s+mes\s+de|(?:en\s+)?el\s+pasado\s+mes\s+de|(?:en\s+)?el\s+próximo\s+mes\s+de)\s+)"
              rf"(?P<mon>{_MES})(?:\s+(?P<post>pasado|próximo|proximo|que\s+viene|de\s+este\s+año|del\s+año\s+pasado))?\b"),
    # a month opening the sentence as its subject ("Septiembre cerró con 20.000 parados más"), not a name ("Mayo Clinic")
    ("month", rf"^[\s¿¡«\"“]*(?P<mon>{_MES})\b(?!\s+(?-i:[A-ZÁÉÍÓÚ]))"),
    ("wd", rf"\b(?:(?P<pre>el|este|del|al|desde\s+el|hasta\s+el|para\s+el)\s+)(?:(?P<q1>pasado|próximo|proximo)\s+)?"
           rf"(?P<wd>{_DIA})(?:\s+(?P<q2>pasado|próximo|proximo|que\s+viene))?{_WD_DAY_ES}\b"),
    ("wd", rf"\b(?:(?P<q1>pasado|próximo|proximo)\s+)(?P<wd>{_DIA}){_WD_DAY_ES}\b"),
    # a range of days resolves to its first day ("del 3 al 5 de junio", "entre el 2 y el 6 de marzo")
    ("dmy", rf"\b(?:(?:del|desde\s+el|entre\s+el|entre|los\s+días|los\s+dias)\s+)?(?P<d>\d{{1,2}})\s*(?:al|y\s+el|y|a|hasta\s+el|-|–)"
            rf"\s*(?:el\s+)?\d{{1,2}}\s+de\s+(?P<mon>{_MES})(?:\s+(?:de(?:l)?\s+)?(?:año\s+)?(?P<y>{_YR}))?\b"),
    # a day of this month, the last or the next ("el 3 de este mes", "el día 20 del mes que viene")
    ("dmonth", r"\b(?:el\s+)?(?:d[ií]a\s+)?(?P<d>\d{1,2})\s+de(?:l)?\s+(?P<which>este\s+mes|presente\s+mes|mes\s+en\s+curso|"
               r"mes\s+pasado|pasado\s+mes|mes\s+anterior|próximo\s+mes|proximo\s+mes|mes\s+que\s+viene|mes\s+entrante|"
               r"mes\s+próximo|mes\s+proximo)\b"),
    # a day of the month alone ("el pasado día 12", "el día 3")
    ("dom", r"\b(?:el\s+)?(?:(?P<q>pasado|próximo|proximo)\s+)?d[ií]a\s+(?P<d>\d{1,2})\b(?!\s*(?:de\s|[:.,/]\d|%|º|°|h\b))"),
    # a week, from its Monday ("la semana pasada", "la próxima semana", "esta semana")
    ("week", r"\b(?:(?P<pre>la|esta|en\s+la|durante\s+la|de\s+la)\s+)?(?:(?P<q1>próxima|proxima|pasada|última|ultima)\s+)?"
             r"semana(?:\s+(?P<q2>pasada|antepasada|anterior|que\s+viene|próxima|proxima|entrante))?\b"),
    # a part of a week, as the week's Monday ("a principios de semana", "a finales de la semana que viene")
    ("week", r"\b(?:a|hacia|desde|para|hasta)\s+(?P<part>principios|comienzos|inicios|mediados|finales|fines)\s+de\s+(?:la\s+)?"
             r"(?:(?P<q1>próxima|proxima|pasada)\s+)?semana(?:\s+(?P<q2>pasada|que\s+viene|próxima|proxima|entrante))?\b"),
    # a weekend, from its Saturday ("el fin de semana", "el próximo fin de semana")
    ("weekend", r"\b(?:(?P<pre>el|este|durante\s+el|en\s+el|del|al|para\s+el)\s+)?(?:(?P<q1>pasado|próximo|proximo|último|ultimo)\s+)?"
                r"fin\s+de\s+semana(?:\s+(?P<q2>pasado|que\s+viene|próximo|proximo|anterior))?\b"),
    # a season, as the year it starts in ("la próxima primavera", "el verano pasado", "el verano de 2022")
    ("season", rf"\b(?:(?P<pre>en|durante|este|esta|para|desde|hasta|a\s+partir\s+de|(?:(?:en|durante|desde|hasta|para|a\s+partir\s+de)\s+)?"
               rf"(?:el|la|del|al))\s+)?(?:(?P<q1>pasad[oa]|próxim[oa]|proxim[oa]|últim[oa]|ultim[oa])\s+)?(?P<season>{_SEASON})"
               rf"(?:\s+(?:(?P<q2>pasad[oa]|que\s+viene|próxim[oa]|proxim[oa])|(?:de(?:l)?\s+)?(?:año\s+)?(?P<y>{_YR})))?\b"),
    # a span up to or from the publication, as its first day ("en las últimas 48 horas")
    ("span", rf"\b(?:en|durante|a\s+lo\s+largo\s+de)\s+(?:las|los)\s+(?P<dir>últim[oa]s|ultim[oa]s|pasad[oa]s|próxim[oa]s|proxim[oa]s)"
             rf"\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b"),
    ("ago", rf"\bhace\s+(?:(?:unos|unas|apenas|casi|más\s+de|menos\s+de|cerca\s+de|poco\s+más\s+de|solo|sólo|justo|"
            rf"exactamente|ya|al\s+menos)\s+)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b"),
    # a count back from the publication, as "la víspera" ("Un año antes, la empresa...", "dos años atrás")
    ("before", rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+(?:antes|atrás|atras)\b(?!\s+(?:de|del|que|a|al)\b)"),
    ("in", rf"\b(?:dentro\s+de|de\s+aquí\s+a|de\s+aqui\s+a)\s+(?:(?:unos|unas|apenas|poco\s+más\s+de|menos\s+de)\s+)?"
           rf"(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b"),
    ("rel", r"\b(?P<w>hoy|ayer|anteayer|antier|anoche|antenoche|pasado\s+mañana|mañana|esta\s+mañana|esta\s+tarde|"
            r"esta\s+noche|esta\s+madrugada|este\s+día|la\s+víspera|la\s+vispera|el\s+día\s+anterior|el\s+dia\s+anterior)\b"),
    ("wdnum", rf"\b(?:(?:el|este|del|al)\s+)?(?P<wd>{_DIA})\s+(?P<d>\d{{1,2}})\b(?!\s*de\s|{_COUNTED_ES})"),
    ("shorthand", r"(?<![\w.,/$€-])(?P<d>\d{1,2})-?(?-i:(?P<l>[EFMAJSOND]))\b(?![-/.]\w|\s*(?:€|\$|de\s+(?:euros|dólares|"
                  r"dolares|usuarios|personas|habitantes|visitas|seguidores|espectadores)\b))"),
    # the year or the month so far ("en lo que va de año", "en lo que llevamos de mes"), as this one
    ("sofar", r"\ben\s+lo\s+que\s+(?:va|llevamos)\s+de(?:l)?\s+(?:presente\s+)?(?P<unit>año|mes)\b"),
    # a lower-case month with no preposition ("el euríbor cerró julio en el 3,5 %", "agosto fue el mes más cálido")
    ("month", rf"\b(?-i:(?P<mon>{_MES}))\b"),
    ("period", r"\b(?P<part>(?:a|hacia|para|desde|hasta)\s+(?:finales|principios|mediados|fines|comienzos|inicios)\s+"
               r"de(?:l)?\s+)?(?:(?:el|del|al|este|esta|en\s+el|durante\s+el)\s+)?(?:(?P<q1>pasado|próximo|proximo|presente)\s+)?"
               r"(?P<unit>año|mes)(?:\s+(?P<q2>pasado|anterior|próximo|proximo|que\s+viene|entrante|en\s+curso|"
               # the one now ending or starting ("el año que acaba", "el mes que empieza"; not "que acaba de terminar")
               r"que\s+(?:ahora\s+)?(?:acaba|termina|concluye|finaliza|se\s+acaba|se\s+cierra|cierra|empieza|"
               r"comienza|arranca)(?!\s+(?:de|con|en)\b)))?\b"),
    # a school or political year ("el próximo curso", "el curso pasado", "el curso 2024-2025"), as the year it starts in
    ("course", rf"\b(?P<pre>(?:(?:en|durante|desde|hasta|para|a\s+partir\s+de)\s+)?(?:el|este|del|al))\s+"
               rf"(?:(?P<q1>pasado|próximo|proximo|último|ultimo)\s+)?curso(?:\s+(?:escolar|académico|academico|"
               rf"político|politico|lectivo|universitario))?(?:\s+(?:(?P<q2>pasado|que\s+viene|próximo|proximo|anterior|"
               rf"siguiente)\b|(?P<y>{_YR})(?:\s*[-/–]\s*(?:\d\d){{1,2}})?\b))?"),
    # a holiday ("el día de Navidad", "las pasadas Navidades", "el Viernes Santo"), its day nearest by the tense
    ("holiday", rf"\b(?:(?P<pre>(?:(?:en|durante|desde|hasta|para|por|a\s+partir\s+de)\s+)?(?:el|la|las|los|del|al|este|"
                rf"esta|estas|estos)|en|durante|desde|hasta|para|por|a\s+partir\s+de)\s+)?(?:(?P<q1>pasad[oa]s?|próxim[oa]s?|"
                rf"proxim[oa]s?|últim[oa]s?|ultim[oa]s?)\s+)?(?P<name>{_HOL_ES})(?:\s+(?:(?P<q2>pasad[oa]s?|que\s+viene)|"
                rf"(?:de(?:l)?\s+)?(?:año\s+)?(?P<y>{_YR})))?\b"),
    # a quarter or a half of a year, as its year ("en el tercer trimestre", "el primer semestre del año pasado")
    ("quarter", rf"\b(?:(?:en|durante|desde|hasta|para)\s+)?(?:el\s+|del\s+|al\s+)?(?P<q>primer|primero|segundo|tercer|tercero|"
                rf"cuarto|último|ultimo)\s+(?P<unit>trimestre|semestre)(?:\s+(?:(?:de(?:l)?\s+)?(?:año\s+)?(?P<y>{_YR})\b|"
                rf"(?P<which>del\s+año\s+pasado|del\s+pasado\s+año|del\s+año\s+que\s+viene|del\s+próximo\s+año|"
                rf"del\s+proximo\s+año|de\s+este\s+año|del\s+año|del\s+ejercicio)\b))?"),
    ("year", rf"\b(?P<pre>en|desde|hasta|para|durante|año|antes\s+de|después\s+de|a\s+partir\s+de|entre|"
             rf"en\s+el\s+año|el\s+año|del\s+año|de)\s+(?P<y>{_YR})\b{_NOT_YEAR}"),
]
_EN = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("numeric", r"\b(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b(?![.,/-]\d)"),
    ("mdy", rf"\b(?:(?:on|early|late|by|until|since)\s+)?(?:(?:{_WD})\s*,?\s+)?(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:\s*,?\s+(?P<y>{_YR})\b)?"),
    ("dmy", rf"\b(?:(?:on|early|late|by|until|since)\s+)?(?:(?:{_WD})\s*,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})"
            rf"(?:\s*,?\s+(?P<y>{_YR})\b)?"),
    ("part", rf"\b(?:(?:in|by|from|until|since|at)\s+)?{_PART_EN}[\s-]+(?P<mon>{_MON})(?:\s*,?\s+(?P<y>{_YR})\b)?"),
    ("my", rf"\b(?:(?:in|since|until|by|from|during|of)\s+)?(?P<mon>{_MON})\s*,?\s+(?P<y>{_YR})\b"),
    ("month", rf"\b(?P<pre>in|since|until|by|from|during|last|next|this|this\s+past|this\s+coming|early|late|"
              rf"(?:in\s+)?early|(?:in\s+)?late)\s+(?P<mon>{_MON})(?![\w.]*\s+\d)\b"),
    # a month alone, capitalised, not "May" or "March" (a verb, a walk) nor a name ("June Carter")
    ("month", rf"\b(?P<mon>January|February|April|June|July|August|September|October|November|December)"
              rf"\b(?![\w.]*\s+(?:\d|(?-i:[A-Z])))"),
    ("wd", rf"\b(?:(?P<pre>on|this|last|next|this\s+past|this\s+coming|coming|past|by|until|since|from|"
           rf"early|late|on\s+the\s+night\s+of)\s+)?(?P<wd>{_WD})(?!s\b)\b"),
    # a range of days resolves to its first day ("from 10 to 12 March", "3-5 June")
    ("dmy", rf"\b(?:(?:from|between)\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|until|through)\s*(?:the\s+)?"
            rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:\s*,?\s+(?P<y>{_YR})\b)?"),
    ("dmonth", r"\b(?:on\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+(?P<which>this|last|next)\s+month\b"),
    ("dom", r"\bon\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\b|(?!(?:after|before|at|in|on|and|but|when|while|as|"
            r"to|for|with|by|from|amid|despite|during|following|until|because|since|so|then|or|if|following|"
            r"morning|afternoon|evening|night)\b)[a-z]))"),
    ("week", r"\b(?P<q1>last|next|this|this\s+past|this\s+coming|the\s+coming|the\s+previous|the\s+following|the)\s+"
             r"week(?P<q2>\s+before|\s+after\s+next|\s+after)?\b(?!'s\s+\w+\s+(?:of|at)\b)"),
    ("weekend", r"\b(?P<pre>over|during|on|at|for|this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+past|"
                r"through|throughout|until|into|by)\s+"
                r"(?:the\s+)?weekend\b"),
    ("season", rf"\b(?:(?P<pre>in|during|by|until|since|from|through|over|this|last|next|this\s+past|this\s+coming|the\s+coming|"
               rf"early|late|mid|(?:in|during|by|until|since|from|through|over)\s+(?:the|early|late|mid)|the)[\s-]+)"
               rf"(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YR})\b)?"),
    ("span", rf"\b(?:in|over|during|within|for|throughout)\s+the\s+(?P<dir>past|last|next|coming)\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b"),
    ("ago", rf"\b(?:(?:about|around|nearly|almost|just|some|more\s+than|over)\s+)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+ago\b"),
    # "before" is more often a conjunction ("two years before entering the Commons"): only ending its clause
    ("before", rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+(?:earlier\b(?!\s+(?:than|the|a|an|his|her|its|their|this|that|"
               rf"of|in|on|at|(?-i:[A-Z])|\d))|before(?=\s*(?:[,.;:)]|$)))"),
    ("in", rf"\b(?:in|within)\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?:'s\s+time)?(?!\s+(?:of|after|before|later|earlier))\b"),
    ("in", rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+from\s+(?:now|today)\b"),
    # "a week from Tuesday", "two weeks from tomorrow": that day's next one, then the weeks
    ("wdshift", rf"\b(?P<n>a|one|two|three)\s+weeks?\s+from\s+(?:(?P<wd>{_WD})|(?P<tomorrow>tomorrow))\b"),
    # the night before the publication in the past ("Overnight, Russia launched..."), the coming one ahead
    ("overnight", r"\b(?P<w>overnight)\b(?!\s+(?:into|to|on|until|through|from|monday|tuesday|wednesday|thursday|friday|"
                  r"saturday|sunday|stays?|stop|shift|shifts|trains?|flights?|parking|rates?|guests?|"
                  r"success|sensation|bag|trip|oats|lending|market|repo|index|session|camp))"),
    ("rel", r"\b(?P<w>today|yesterday|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|"
            r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|the\s+day\s+before|the\s+previous\s+day|"
            r"the\s+day\s+prior)\b"),
    ("sofar", r"\b(?:so\s+far\s+this\s+(?P<unit>year|month)|(?P<ytd>year[\s-]+to[\s-]+date))\b"),
    # "earlier in the week", "later in the month": this one (a week as its Monday)
    ("sofar", r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b(?!\s+(?:of|before|after|that)\b)"),
    ("period", r"\b(?:(?:earlier|later)\s+)?(?P<q1>last|next|this|the\s+previous|the\s+following|the\s+coming|"
               r"the\s+current|the\s+past)\s+(?P<unit>year|month)\b"),
    ("period", r"\b(?P<part>(?:(?:at|by|until|before|from)\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+)"
               r"(?:(?P<q1>last|next|this|the)\s+)(?P<unit>year|month)\b"),
    # a quarter of a year, as its year ("GDP grew 0.8% in the third quarter", "the fourth quarter of last year")
    ("quarter", rf"\b(?:(?:in|during|for|over|since|by)\s+)?(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"
                rf"[\s-]+(?P<unit>quarter)(?:\s+of\s+(?:(?P<y>{_YR})\b|(?P<which>last\s+year|this\s+year|next\s+year|the\s+year|"
                rf"the\s+previous\s+year|the\s+fiscal\s+year)\b))?"),
    ("quarter", rf"\b(?P<q>Q[1-4])(?:\s+(?P<y>{_YR})\b)?"),
    ("year", rf"\b(?P<pre>in|since|until|by|during|from|before|after|through|of|year|early|late|mid|fiscal|fiscal\s+year|"
             rf"(?-i:FY))[\s-]*(?<=[\s-]|Y)"
             rf"(?P<y>{_YR})\b(?!-\d){_NOT_YEAR}"),
    # a school year ("next academic year", "the 2024-25 school year"), as the year it starts in
    ("course", r"\b(?P<pre>(?:(?:in|during|from|since|until|by|for)\s+)?(?:the\s+)?(?P<q1>this\s+coming|the\s+coming|"
               r"this|last|next|coming|current|previous|following|past)?)\s*(?:school|academic)\s+year\b"),
    ("course", rf"\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?P<y>{_YR})\s*[-/–]\s*(?:\d\d){{1,2}}\s+(?:school|academic)\s+year\b"),
    # a holiday ("on Christmas Eve", "last Thanksgiving", "Good Friday"), its day nearest by the tense
    ("holiday", rf"\b(?:(?P<pre>(?:(?:on|at|over|during|for|since|until|by|from|through|around)\s+)?(?:this\s+past|this\s+coming|"
                rf"the\s+coming|this|last|next|the)|on|at|over|during|for|since|until|by|from|through|around)\s+)?"
                rf"(?P<name>{_HOL_EN})(?:\s*,?\s+(?P<y>{_YR})\b)?(?![\w'’])"),
    ("bare", _BARE),
]


@cache
def _trigger(lang: str) -> re.Pattern:
    return re.compile(_TRIGGER_SOURCE[lang], re.IGNORECASE)


_GATES = {"holiday": None, "course": {"es": r"curso", "en": r"(?:school|academic)\s+year"}}


def _gated(kind: str, lang: str, text: str) -> bool:
    if kind == "holiday":
        return not _HOLIDAY_WORDS.isdisjoint(re.findall(r"[a-z]+", _holiday_key(text)))
    return bool(_gate(kind, lang).search(text))


@cache
def _gate(kind: str, lang: str) -> re.Pattern:
    return re.compile(rf"\b(?:{_GATES[kind][lang]})\b", re.IGNORECASE)


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern]]:
    """A language's patterns, compiled on first use (about 0.07 s each language: a run in one
    language, and --help, never pay for the other)."""
    return [(k, re.compile(p, re.IGNORECASE)) for k, p in (_ES + [("bare", _BARE)] if lang == "es" else _EN)]

# Tense: verbs and cues near a date. Future first: a future group swallows its participle
# ("will be held", "va a ser"), so "held" there is not a past cue; in English it also swallows a
# participle after its verb ("will stay closed until December 25", "will remain suspended"). "could" before a
# verb is a possibility ahead ("temperatures could drop below freezing by Friday night"), but "could not",
# "could have" and "could hear / be seen / be heard" tell the past ("could be seen inside the store on Tuesday";
# "could see" stays ahead: "the region could see a foot of snow on Sunday").
_FUTURE = {
    "es": re.compile(r"\b(?:\w+(?:rá|rán|remos|ría|rían)|va\s+a|van\s+a|vamos\s+a|iré|irá|irán|prev[ée]n?|previst[oa]s?|"
                     r"programad[oa]s?|se\s+espera|esperan?\s+que|planea|planean|próxim[oa]s?|proxim[oa]s?|que\s+viene|"
                     r"tiene\s+previsto|tienen\s+previsto|pretende|pretenden|convoca|convocan|convocó\s+para)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:will|'ll|would|shall|can(?:not)?|must|should|(?-i:may|might)|could(?!\s+(?:not|never|have|hardly|barely|only|still|no\s+longer|hear|smell|be\s+(?:seen|heard|smelled))\b)|going\s+to|is\s+to|are\s+to|(?:is|are|was|were)(?:\s+not|n['’]t)?\s+(?:due|set|scheduled|"
                     r"expected|slated|planned|poised|likely)|plans?\s+to|planning\s+to|intends?\s+to|upcoming|next|"
                     r"coming|tomorrow)(?:\s+not)?(?:\s+(?:be|have\s+been|have))?(?:\s+to)?(?:\s+\w+)?(?:\s+[a-z]{2,}ed)?\b", re.IGNORECASE),
}
_PAST = {
    "es": re.compile(r"\b(?:\w{3,}(?:ó|aron|ieron|yeron|ió)|(?!(?:acab|grab|trab|alab|menoscab)an?\b)\w{2,}(?:aba|aban)|fue|fueron|dijo|dijeron|hizo|hicieron|"
                     r"tuvo|tuvieron|estuvo|estuvieron|puso|pusieron|pudo|pudieron|quiso|vino|vinieron|dio|dieron|"
                     r"vio|hubo|trajo|produjo|produjeron|(?:ha|han|había|habían|habría|hemos)\s+\w+(?:ado|ido|to|cho|so)|"
                     # the irregular pasts' compounds ("detuvo", "impuso", "redujo", "intervino", "contrajo")
                     r"\w*(?:tuvo|tuvieron|puso|pusieron|dujo|dujeron|trajo|trajeron|dijo|dijeron|hizo|hicieron)|"
                     r"\w+(?:vino|vinieron)|"
                     # a participle clause before a date ("El incendio, declarado el lunes, ...", "tras ser detenido el lunes")
                     r"(?:(?<=,\s)|(?<=^))\w+(?:ad|id)[oa]s?(?=\s+(?:el|este|esta)\s)|"
                     r"(?:tras|después\s+de|despues\s+de|al)\s+(?:ser|haber\s+sido|haber)\s+\w+(?:ad|id)[oa]s?|"
                     r"pasad[oa]s?|anterior|ayer|anoche)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:[a-z]{2,}ed|said|was|were|had|did|told|met|went|came|took|made|gave|left|held|spoke|saw|"
                     r"found|got|began|fell|struck|hit|sent|won|lost|led|ran|wrote|became|brought|fought|flew|"
                     r"thought|bought|sought|chose|rose|broke|paid|kept|began|(?:has|have)\s+\w+|last|ago|yesterday|"
                     # irregular pasts ("beat" also a present: "City beat United on Sunday" is gone by); not
                     # those that are nouns or states as often ("a rate cut takes effect", "will remain shut",
                     # "a bit", "a booster shot", "stuck", "lit")
                     r"beat|stood|sold|spent|stole|sank|fled|froze|caught|threw|blew|drew|grew|knew|"
                     r"heard|felt|hid|swore|tore|woke|rang|bled|dealt|dug|swung|slept|built|lent|"
                     r"meant|withdrew|overtook|forgot|shook|arose|drove|sprang|swept|upheld|sat|wore|"
                     r"earlier|previous|past)\b"),
}
# A superlative or a first a few words before "in two years" ("the highest level in five years").
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:highest|lowest|biggest|largest|smallest|fastest|slowest|strongest|weakest|greatest|deepest|"
                                 r"longest|shortest|hottest|coldest|warmest|wettest|driest|heaviest|sharpest|steepest|"
                                 r"busiest|most|least|first|best|worst|record|only)\b(?:\s+[\w'-]+){0,4}\s*$",
                                 re.IGNORECASE)
# Irregular pasts written as their present ("set", "put", "cut"): a past when a subject comes before
# with no -s on the verb and an object after ("A magistrate set bail on Monday", "The airline cut 1,200
# jobs"); not after a determiner, a modal, "to" or a plural pronoun ("a rate cut", "will cut", "they
# cut"), nor before a verb ("a rate cut takes effect").
_BARE_PAST_EN = re.compile(r"\b(?P<v>set|put|cut|quit|read|shut|let|spread|hurt|split|shed|upset|bid|slit|cast|"
                           r"thrust|burst|broadcast|forecast)\b(?=\s+(?:the|a|an|his|her|its|their|our|this|that|these|"
                           r"those|some|all|up|down|off|out|aside|back|bail|fire|free|\d|[$€£]))")
_BEFORE_BARE_PAST_EN = re.compile(r"(?:\b(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your|to|will|would|"
                                  r"shall|should|can|could|may|might|must|do|does|did|not|never|i|you|we|they|"
                                  r"just|also)|n['’]t|['’]ll|[-\d])\s*$", re.IGNORECASE)
# A participle closing a noun phrase right before a date ("El incendio forestal declarado el martes sigue sin
# control", "la ley aprobada el 3 de marzo") tells a past, as after a comma; not after a determiner, "se",
# a preposition or a verb that makes it a state or a passive of any tense ("el partido el martes", "será
# juzgado el martes", "permanecerá cerrado el lunes", "está previsto").
# The cue takes the space after it: it touches the date, so it is nearer than a verb after the date that ties
# with it ("Los vecinos desalojados el martes podrán volver hoy").
_PARTICIPLE_ES = re.compile(r"\b\w+(?:ad|id)[oa]s?\s+(?=(?:el|este|esta)\s)", re.IGNORECASE)
_BEFORE_PARTICIPLE_ES = re.compile(
    r"\b(?:el|la|los|las|lo|un|una|unos|unas|su|sus|mi|mis|tu|tus|nuestr[oa]s?|vuestr[oa]s?|es[eoa]s?|est[eoa]s?|"
    r"aquel|aquell[oa]s?|cada|otr[oa]s?|del|al|de|en|a|por|para|con|sin|sobre|tras|se|me|te|nos|le|les|no|ya|muy|más|mas|"
    r"menos|tan|bien|mal|recién|recien|ser|sido|siendo|es|son|era|eran|fue|fueron|será|serán|sería|serían|sea|sean|"
    r"fuera|fueran|está|están|estaba|estaban|estuvo|estuvieron|estará|estarán|estaría|estarían|esté|estén|estar|"
    r"he|has|ha|hemos|han|había|habían|habrá|habrán|habría|habrían|haya|hayan|haber|"
    r"qued\w*|permanec\w*|sig[ua]\w*|continú\w*|continu\w*|result\w*|mantien\w*|manten\w*|encuentr\w*|"
    r"hall\w*|vuelv\w*|volver\w*|estar\w*|seguir\w*|dej\w*|tien\w*|tendr\w*|lleva\w*)\s+$", re.IGNORECASE)
_NOT_PAST_EN = {"need", "feed", "seed", "speed", "bed", "red", "shed", "wed", "hundred", "united", "indeed", "breed",
                "proceed", "exceed", "succeed", "greed", "weed"}
# Clause boundaries: punctuation and the words that open a new clause.
_CLAUSE = {
    "es": re.compile(r"[,;:()\[\]«»\"“”—–]|\b(?:que|cuando|donde|pero|aunque|mientras|y|e)\b", re.IGNORECASE),
    "en": re.compile(r"[,;:()\[\]\"“”—–]|\b(?:that|which|who|when|where|but|although|while|and|after|before)\b",
                     re.IGNORECASE),
}


# Bounds on the work for one sentence, whatever the input: a claim is a few hundred characters,
# so only its first MAX_CHARS are read and at most MAX_MENTIONS dates kept; the tense is read
# within TENSE_WINDOW characters of the date. A 100,000-character line of "2023 2023 ..." took
# minutes when every date scanned the whole line for its clause.
MAX_CHARS = 3000
MAX_MENTIONS = 40
TENSE_WINDOW = 300


def mentions(text: str, language: str, published: date | None) -> tuple[Mention, ...]:
    """Every date expression of `text` (a sentence), in order, resolved against `published`."""
    lang = "es" if language == "es" else "en"
    text = text[:MAX_CHARS]
    if not _trigger(lang).search(text):
        return ()  # most sentences: no digit, month, weekday or relative word to start a date from
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in _patterns(lang):
        if kind in _GATES and not _gated(kind, lang, text):
            continue  # no holiday's name, no "curso" / "school year": the costlier patterns need not run
        for m in pattern.finditer(text):
            if _accept(kind, m, text, lang):
                found.append((m.start(), m.end(), kind, m))
    links = link_spans(text)  # "…/2011-01-05/story": a web address's digits name a page, not a day
    if links:
        found = [f for f in found if not any(s <= f[0] and f[1] <= e for s, e in links)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out, end, cues = [], -1, None
    for start, stop, kind, m in found:
        if start < end:
            continue  # inside a longer expression found at an earlier place
        if kind == "before" and out:
            continue  # "se vendieron en 2010, un 5,9 % más que un año antes": counted from that date, not the publication
        lead = _LEAD.match(m.group(0))
        before = text[max(0, start - 60):start + (lead.end() if lead else 0)]
        if kind in _NEEDS_TENSE and _RESCHEDULED.search(before):
            tense = "future"  # "aplazó la votación al lunes", "postponed to April 2": the day is ahead
        elif kind == "wd" and re.fullmatch(r"para\s+el", m.group("pre") or "", re.IGNORECASE):
            tense = "future"  # "ha citado al alcalde para el jueves": the day something is set for is ahead
        elif kind in ("dmy", "mdy", "dom", "wd") and _ORIGINALLY.search(before[-48:]):
            tense = ""  # "The deadline, originally Jan. 15, was pushed back": the plan's day, the nearest
        elif kind in ("dmy", "mdy", "dom") and _SET_FOR.search(before[-24:]):
            tense = ""  # "convocó una huelga para el 23 de junio", "data for June 23": the nearest, whatever the verb
        elif kind in _NEEDS_TENSE:
            cues = cues or _cues(text, lang)
            tense = _tense(cues, start, stop, len(text))
            if tense == SAID:
                # a start announced ("anunció una huelga a partir del 15 de octubre", "said the fares rise
                # starting March 1"): the verb is the announcement's, the day the nearest such; else past
                tense = "" if kind in ("dmy", "mdy", "dom") and _STARTING.search(before[-32:]) else "past"
            if tense != "future" and kind in ("dmy", "mdy", "month", "part") and _SINCE[lang].match(m.group(0)) and \
                    (lang == "en" or _STILL_ES.search(text[max(0, start - 80):start])):
                tense = "past"  # "prices are up since March", "no gana desde marzo": a span up to now began then
            if kind == "quarter" and _REPORTED.search(text[max(0, start - 24):start] + "#" + text[stop:stop + 24]):
                tense = "past"  # "will report first-quarter earnings": a quarter's results come after it ends
        else:
            tense = ""
        try:
            value, granularity = _resolve(kind, m, lang, published, tense)
        except (ValueError, OverflowError):  # a publication date at the calendar's ends (year 1, 9999)
            value, granularity = "", ""
        if value and not _VALUE.fullmatch(value) or value[:4] == "0000":
            value = ""  # past the calendar's ends
        if granularity:
            out.append(Mention(start, stop, text[start:stop], value, granularity))
            end = stop
            if len(out) >= MAX_MENTIONS:
                break
    return tuple(out)


def resolve_first(text: str, language: str, published: date | None) -> str:
    """The value of the first date expression in `text` ("" if none or unresolved): `eval dates`."""
    found = mentions(text, language, published)
    return found[0].value if found else ""


def _accept(kind: str, m: re.Match, text: str, lang: str) -> bool:
    if lang == "en":
        # English months and weekdays are capitalised: "may", "march" are verbs
        for name in ("mon", "wd"):
            if name in m.groupdict() and m.group(name) and not m.group(name)[0].isupper():
                return False
        if kind == "wd" and re.search(r"\b(?:Good|Black|Super|Ash|Holy|Cyber|Bloody|Easter|Maundy)\s+$", text[max(0, m.start("wd") - 20):m.start("wd")]):
            return False
        if kind == "wd" and not m.group("pre") and re.search(r"\b[Tt]he\s+$", text[max(0, m.start("wd") - 5):m.start("wd")]) and \
                (after := re.match(r"\s+([A-Z][\w'’]*)", text[m.end():m.end() + 24])) and \
                after.group(1).lower().rstrip(".") not in MONTHS_EN:
            return False  # "The Sunday Times", "the Thursday Murder Club": a name
        if kind == "wd" and not m.group("pre") and \
                (after := re.match(r"[ \t]+([A-Z][\w'’]*)", text[m.end():m.end() + 24])) and \
                after.group(1).lower().rstrip(".") not in MONTHS_EN and after.group(1).lower() not in WEEKDAYS_EN:
            return False  # "Monday Night Football", "Sunday Telegraph": a weekday opening a name
        if kind == "wd" and re.search(r"\b(?:every|each|any)\s+$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE):
            return False  # "Every Monday, volunteers...": a habit, no date
        if kind == "month" and m.group("mon").lower().startswith("may") and (m.groupdict().get("pre") or "").lower() in ("by", "from"):
            return False
    if kind == "rel" and re.match(r"(?:la\s+v|el\s+d|the\s+(?:day|previous))", m.group("w"), re.IGNORECASE) and (
            re.match(r"\s+(?:de|del|a|al|to|the|a|an|his|her|its|their|this|that|[A-ZÁÉÍÓÚ]|\d)\b", text[m.end():m.end() + 12])
            or re.search(r"\b(?:que|than)\s+$", text[max(0, m.start() - 8):m.start()])):
        return False  # "la víspera de las elecciones", "the day before the vote": another event's eve
    if kind == "shorthand" and m.group("d") + m.group("l") not in SHORTHANDS_ES:
        return False  # "el 28M", "la A-4": not a day usage has fixed
    if kind == "shorthand" and re.search(r"\b(?:antes|después|despues)\s+(?:de(?:l)?\s+)?(?:el\s+)?#?$", text[max(0, m.start() - 16):m.start()]):
        return False  # "antes del 8M": an open time, as "antes de Navidad"
    if kind in ("shorthand", "holiday") and re.search(r"\b(?:cada|every|each)\s+#?$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE):
        return False  # "como cada 25N", "cada Semana Santa", "every Christmas Eve": a yearly habit, no date
    if kind == "rel" and m.group("w").lower() == "mañana":
        before = text[max(0, m.start() - 20):m.start()].rstrip().lower()
        if (re.search(r"(?:\b(?:la|una|cada|media|esta|toda|de|por)|\d)$", before) and not re.search(r"\ba\s+partir\s+de$", before)) \
                or text[m.end():m.end() + 3].startswith(" de"):
            return False  # "la mañana", "por la mañana": the morning
    if lang == "es" and kind == "month" and (m.groupdict().get("pre") or "").lower() == "de" and not m.group("mon").islower():
        return False  # "Plaza de Mayo": Spanish writes its months in lower case
    if lang == "es" and kind in ("dmy", "month") and m.group("mon")[0].isupper() and not m.groupdict().get("y") and \
            not re.match(r"(?:el|del|al|este|desde|hasta|en|de|a|para|durante|entre|los)\b", m.group(0), re.IGNORECASE) and \
            _NAMED_BEFORE_ES.search(text[max(0, m.start() - 30):m.start()]):
        return False  # "el Hospital 12 de Octubre", "la avenida 9 de Julio": a name with a capitalised month
    if lang == "es" and kind == "holiday" and not m.group("name").islower() and \
            re.search(r"\b(?:calle|avenida|avda\.|plaza|paseo|glorieta|colonia|barrio|estación|estacion|estadio|parque|"
                      r"puente|hospital|instituto|colegio|escuela)\s+$", text[max(0, m.start() - 16):m.start()], re.IGNORECASE):
        return False  # "la calle Primero de Mayo": a street
    if kind == "period":
        g = m.groupdict()
        if not (g.get("q1") or g.get("q2") or g.get("part")) and not re.match(r"(?:este|esta|this)\b", m.group(0), re.IGNORECASE):
            return False  # "el año", "el mes" alone: no date
        if lang == "en" and (g.get("q1") or "").lower() == "the past":
            return False  # "the past year": a span, not a date
    if kind == "dom" and lang == "es" and not re.match(r"(?:el|pasado|próximo|proximo)\b", m.group(0), re.IGNORECASE):
        return False  # "cada día 5", "día 3" of a list: only "el (pasado) día 12" is a date
    if kind == "week":
        g = m.groupdict()
        q1, q2 = (g.get("q1") or "").lower(), (g.get("q2") or "").strip().lower()
        if lang == "es" and not (q1 or q2 or g.get("part") or (g.get("pre") or "").lower() == "esta"):
            return False  # "la semana", "tres semanas": no date
        if lang == "en" and q1 == "the" and not q2:
            return False  # "the week": no date
        after = text[m.end():m.end() + 12]
        if (q2 in ("anterior", "before", "after") or q1 in ("the previous", "the following")) and \
                re.match(r"\s*(?:a|al|de|del|the|his|her|its|their|a|an|[A-ZÁÉÍÓÚ]|\d)\b", after):
            return False  # "la semana anterior a las elecciones", "the week before the vote": another event's week
        if re.match(r"\s+(?:de|of)\b", after) or re.search(r"\b(?:cada|every|each|una|a|per|por)\s+$", text[max(0, m.start() - 8):m.start()]):
            return False
    if kind == "weekend":
        g = m.groupdict()
        if not (g.get("pre") or g.get("q1") or g.get("q2")):
            return False  # "cada fin de semana", "un fin de semana": no date
        if re.match(r"\s+(?:de|of|largo\s+de)\b", text[m.end():m.end() + 10]):
            return False  # "el fin de semana de Pascua": a named weekend
    if kind == "season":
        g = m.groupdict()
        name = m.group("season")
        pre = re.sub(r"\s+", " ", (g.get("pre") or "").lower())
        if name[0].isupper():
            return False  # "la Primavera Árabe", "the Arab Spring": names
        if not (pre or g.get("q1") or g.get("q2") or g.get("y")):
            return False  # "el verano", "primavera" alone: no date
        if lang == "en" and pre == "the" and not g.get("y"):
            return False
        if name.lower() == "fall" and pre in ("in", "by", "since", "from", "until", "through", "over", "the", "during") \
                and not g.get("y"):
            return False  # "a fall in prices", "since the fall": a fall, not autumn
        if not g.get("y") and re.match(r"\s+(?:of|de)\s", text[m.end():m.end() + 5]):
            return False  # "the fall of Kabul", "el otoño de la vida"
        if re.search(r"\b(?:antes|después|despues|before|after)\s+(?:de(?:l)?\s+|the\s+)?$", text[max(0, m.start() - 16):m.start()]):
            return False  # "antes del verano": an open time, not the season
    if kind == "in" and lang == "en" and _SUPERLATIVE_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
        return False  # "the fastest increase in a decade", "the first time in two years": a span back, no date ahead
    if kind == "course":
        g = m.groupdict()
        if not (g.get("q1") or g.get("q2") or g.get("y") or re.search(r"\b(?:este|esta)$", (g.get("pre") or "").lower())):
            return False  # "el curso", "en el curso de la investigación", "the school year": no date
    if kind == "holiday":
        g = m.groupdict()
        name = m.group("name")
        key = _holiday_key(name)
        if lang == "en" and not name[0].isupper():
            return False  # "may day", "christmas" in lower case: not the holiday's name
        if lang == "es" and name.islower() and key not in _HOLIDAYS_LOWER_ES:
            return False  # "año nuevo", "todos los santos" in lower case: words, not the holiday
        if not (g.get("pre") or g.get("q1") or g.get("q2") or g.get("y") or " " in key):
            return False  # "Feliz Navidad", "Easter eggs": a one-word name needs a preposition or a determiner
        if lang == "en" and re.match(r"\s+(?:markets?|trees?|shopping|shoppers|sales|lights|cards?|dinners?|lunch|"
                                     r"party|parties|presents?|gifts?|carols?|bonus(?:es)?|decorations|spirit|songs?|"
                                     r"films?|movies?|message|address|menus?|trading|spending|eggs?|bunny|turkey|"
                                     r"travel|costumes?|adverts?|ads?|specials?|jumpers?|number|card|deals?|discounts?|bargains|doorbusters|"
                                     r"traditions?|celebrations?|festivities|rush)\b", text[m.end():m.end() + 14]):
            return False  # "at Christmas markets", "for Easter eggs": a thing named after the holiday
        after = re.match(r"\s+([A-Z][\w'’]*)", text[m.end():m.end() + 24])
        if lang == "en" and after and after.group(1).lower().rstrip(".") not in MONTHS_EN and \
                after.group(1).lower() not in WEEKDAYS_EN:
            return False  # "the Good Friday Agreement", "Easter Island", "Christmas Day Parade": a name
        if re.search(r"\b(?:antes|después|despues|before|after|ahead\s+of)\s+(?:de(?:l)?\s+(?:la\s+|las\s+)?|the\s+)?$",
                     text[max(0, m.start() - 20):m.start()]):
            return False  # "antes de Navidad", "before Christmas": an open time, not the day
    if kind == "overnight" and re.search(r"\b(?:happen\w*|change[sd]?|changing|transform\w*|disappear\w*|vanish\w*|"
                                          r"solved?|fix(?:ed)?|literally|virtually|almost|nearly|practically|seemingly|"
                                          r"become|became|turn(?:ed)?|grow|grew|success|sensation)\s+$",
                                          text[max(0, m.start() - 20):m.start()], re.IGNORECASE):
        return False  # "it won't happen overnight", "almost overnight": suddenly, not a night
    if kind == "quarter" and m.group("q").lower() in ("último", "ultimo") and not (m.group("y") or m.group("which")):
        return False  # "el último trimestre" alone: the latest one, not the fourth
    if kind == "quarter" and lang == "en":
        if m.group("q")[0] == "Q" and not m.group("q").isupper():
            return False  # "q1": not the way a quarter is written
        if not (m.groupdict().get("y") or m.groupdict().get("which")) and not _MONEY_CONTEXT_EN.search(text):
            return False  # "scored in the third quarter": a game's quarter; a year's is said with money, growth, rates
    if kind == "bare":
        after = _NEXT_WORD.match(text, m.end())
        word = (after.group(1) or "") if after else ""
        if word and word[0].isalpha() and word.lower() not in _AFTER_BARE and not (
                lang == "es" and re.search(r"\b(?:el|del|al)\s+$", text[max(0, m.start() - 5):m.start()], re.IGNORECASE)) and not (
                lang == "en" and word.lower() in _EVENT_AFTER_YEAR_EN
                and re.search(r"\b(?:the|this|last|next|its|their)\s+$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE)):
            return False  # "2000 manifestantes", "the 2022 report"; but "the 2024 election" is 2024's
        if _BEFORE_BARE.search(text[max(0, m.start() - 20):m.start()]):
            return False  # "unos 2000", "$2000"
    return True


# The second month of a range and its year, after a month without one ("entre julio y septiembre de 1936").
_RANGE_YEAR = {
    "es": re.compile(rf"\s*(?:y|e|a|al|hasta|-|–)\s+(?:(?:finales|principios|mediados|fines|comienzos)\s+de\s+)?"
                     rf"(?:{_MES})\s+(?:de(?:l)?\s+)?(?:año\s+)?(?P<y>{_YR})\b", re.IGNORECASE),
    "en": re.compile(rf"\s*(?:and|to|through|until|-|–)\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MON})\s*,?\s+(?P<y>{_YR})\b",
                     re.IGNORECASE),
}

# A sentence about an economy or a company, where "the third quarter" is a year's, not a game's.
_MONEY_CONTEXT_EN = re.compile(r"%|[$€£]|\b(?:percent|per\s+cent|gdp|economy|economic|growth|grew|shrank|contracted|expanded|"
                               r"revenue|revenues|profit|profits|earnings|sales|fiscal|inflation|output|deficit|losses|"
                               r"unemployment|jobless|billion|million|quarterly|year-on-year|year-over-year|annualized|"
                               r"annualised|results|exports|imports|investment|spending|prices|stocks?|shares|wall\s+street|nasdaq|dow|"
                               r"s&p|markets?|bonds?|investors)\b", re.IGNORECASE)

# The word before a name that holds a date with its month capitalised ("Hospital 12 de Octubre",
# "avenida 9 de Julio", "estadio 15 de Abril"): a street, a place, an institution or a capitalised name.
_NAMED_BEFORE_ES = re.compile(r"(?:\b(?:calle|avenida|avda\.|plaza|paseo|glorieta|colonia|barrio|estación|estacion|"
                              r"estadio|parque|puente|hospital|instituto|colegio|escuela|bulevar|ronda|carretera|"
                              r"movimiento)|\b(?-i:[A-ZÁÉÍÓÚÑ])[\wáéíóúñ]+)\s+$", re.IGNORECASE)


# A verb of saying is the report's tense, not the reported fact's: "Salas will appear before Judge Park at a
# hearing on March 17, prosecutors said" (the date's clause, after "before", has no verb of its own). It
# tells a date's tense in the date's own clause ("Police said on Monday") or when no other verb is near.
SAID = "past, saying"
_SAYING = {
    "en": frozenset("said told reported announced added stated explained noted confirmed".split()),
    "es": frozenset("dijo dijeron afirmó afirmaron informó informaron señaló señalaron explicó explicaron "
                    "aseguró aseguraron indicó indicaron añadió añadieron declaró declararon precisó precisaron "
                    "detalló detallaron agregó agregaron anunció anunciaron confirmó confirmaron".split()),
}


def _cues(text: str, lang: str) -> tuple[list[int], list[int], list[tuple[int, int, str]]]:
    """The clause boundaries (their starts and ends) and the tense cues (start, end, 'future' or
    'past') of a sentence, found once for all its dates. A future group swallows its participle
    ("will be held"): a past cue inside one does not count."""
    bounds = [(b.start(), b.end()) for b in _CLAUSE[lang].finditer(text)]
    future = [(m.start(), m.end(), "future") for m in _FUTURE[lang].finditer(text)]
    starts = [f[0] for f in future]
    past = []
    for m in _PAST[lang].finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and future[k][1] > m.start():
            continue
        word = m.group()
        if lang == "en" and (word.lower() in _NOT_PAST_EN or word[:1].isupper() and word.lower() not in ("said", "was", "were", "had")):
            continue
        past.append((m.start(), m.end(), SAID if word.lower() in _SAYING[lang] else "past"))
    # pasts that only their left context tells: a participle closing a noun phrase (es), a bare past (en)
    pattern, unless, look = (_PARTICIPLE_ES, _BEFORE_PARTICIPLE_ES, 16) if lang == "es" else \
        (_BARE_PAST_EN, _BEFORE_BARE_PAST_EN, 12)
    for m in pattern.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if not (k >= 0 and future[k][1] > m.start()) and m.start() > 0 and \
                not unless.search(text[max(0, m.start() - look):m.start()]):
            past.append((m.start(), m.end(), "past"))
    return [b[0] for b in bounds], [b[1] for b in bounds], sorted(future + past)


def _tense(cues, start: int, end: int, length: int) -> str:
    """'future', 'past' or '' from the verbs of the date's clause (the nearest cue), else of the
    words around it (within TENSE_WINDOW)."""
    bound_starts, bound_ends, found = cues
    low, high = max(0, start - TENSE_WINDOW), min(length, end + TENSE_WINDOW)
    k = bisect_right(bound_ends, start) - 1
    left = max(low, bound_ends[k]) if k >= 0 else low
    k = bisect_left(bound_starts, end)
    right = min(high, bound_starts[k]) if k < len(bound_starts) else high
    cue = _nearest_cue(found, left, right, start, end) or _nearest_cue(found, low, high, start, end)
    if cue and cue[2] == SAID and cue[0] >= end and left > low and length - cue[1] <= 2:
        # outside the date's clause, the nearest verb is the attribution closing the sentence ("...,
        # prosecutors said."): the reported verb before the date tells it, when there is one ("Salas will
        # appear before Judge Park at a preliminary hearing on March 17, prosecutors said.")
        cue = _nearest_cue([f for f in found if f[2] != SAID and f[1] <= start], low, start, start, end) or cue
    return "" if cue is None else cue[2]  # SAID: a past the caller may read otherwise


def _nearest_cue(found: list[tuple[int, int, str]], left: int, right: int, start: int, end: int):
    """The cue (start, end, tense) nearest the date between left and right, None when none."""
    best: tuple[int, str, tuple] | None = None
    for a, b, tense in found[bisect_left(found, (left, -1, "")):]:
        if a >= right:
            break
        if b > right or (a < end and b > start):
            continue  # across the clause's end, or the date itself ("pasado", "last", "next")
        distance = start - b if b <= start else a - end
        if best is None or (distance, tense) < best[:2]:
            best = (distance, tense, (a, b, tense))
    return best[2] if best else None


def _distance(m: re.Match, start: int, end: int) -> int:
    return start - m.end() if m.end() <= start else m.start() - end


def _number(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    return int(w) if w.isdigit() else NUMBERS.get(w)


def _month_number(word: str, lang: str) -> int:
    w = word.lower().rstrip(".")
    return (MONTHS_ES.get(w) or MONTHS_ES_ABBR[w]) if lang == "es" else MONTHS_EN[w]


def _resolve(kind: str, m: re.Match, lang: str, pub: date | None, tense: str) -> tuple[str, str]:
    g = m.groupdict()
    if kind == "iso":
        return _day(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        # Spanish, a day over 12 and dots (European: "12.03.2024") put the day first; US English the month
        day, month = (a, b) if lang == "es" or a > 12 or g.get("sep") == "." else (b, a)
        return _day(y, month, day)
    if kind in ("dmy", "mdy"):
        month, day = _month_number(g["mon"], lang), 1 if g["d"].lower() == "primero" else int(g["d"])
        if g.get("y"):
            return _day(int(g["y"]), month, day)
        if pub is None:
            return "", DAY
        return _day_near(pub, month, day, tense)
    if kind in ("my",):
        return f"{int(g['y']):04d}-{_month_number(g['mon'], lang):02d}", MONTH
    if kind in ("part", "month"):
        month = _month_number(g["mon"], lang)
        if g.get("y"):
            return f"{int(g['y']):04d}-{month:02d}", MONTH
        shared = _RANGE_YEAR[lang].match(m.string, m.end())
        if shared:  # "entre julio y septiembre de 1936", "between July and September 2023": the year they share
            return f"{int(shared.group('y')):04d}-{month:02d}", MONTH
        words = " ".join(x for x in (g.get("pre"), g.get("post")) if x).lower()
        if pub is None:
            return "", MONTH
        return _month_near(pub, month, tense, words), MONTH
    if kind == "wd":
        if pub is None:
            return "", DAY
        weekday = (WEEKDAYS_ES if lang == "es" else WEEKDAYS_EN)[g["wd"].lower()]
        words = " ".join(x for x in (g.get("pre"), g.get("q1"), g.get("q2")) if x).lower()
        return _weekday(pub, weekday, tense, words).isoformat(), DAY
    if kind in ("ago", "in", "before"):
        (n, (unit, size)) = _number(g["n"]), _unit(g["unit"])
        granularity = {"h": DAY, "d": DAY, "w": DAY, "m": MONTH, "y": YEAR}[unit]
        if n is None:
            return "", ""
        n *= size
        if pub is None:
            return "", granularity
        return _shift(pub, n if kind == "in" else -n, unit), granularity
    if kind == "sofar":  # the year or the month so far: this one
        if pub is None:
            return "", YEAR if g.get("ytd") or g["unit"].lower() in ("año", "year") else \
                DAY if g["unit"].lower() == "week" else MONTH
        if g.get("ytd") or g["unit"].lower() in ("año", "year"):
            return f"{pub.year:04d}", YEAR
        if g["unit"].lower() == "week":
            return (pub - timedelta(days=pub.weekday())).isoformat(), DAY
        return f"{pub.year:04d}-{pub.month:02d}", MONTH
    if kind == "overnight":
        if pub is None:
            return "", DAY
        return (pub - timedelta(days=1 if tense == "past" else 0)).isoformat(), DAY
    if kind == "rel":
        if pub is None:
            return "", DAY
        w = re.sub(r"\s+", " ", g["w"].lower())
        offset = {"ayer": -1, "yesterday": -1, "anoche": -1, "last night": -1, "anteayer": -2, "antier": -2,
                  "antenoche": -2, "the day before yesterday": -2, "mañana": 1, "tomorrow": 1,
                  "pasado mañana": 2, "the day after tomorrow": 2,
                  # the day before, with no other day named: the day before the publication, as "the week before"
                  "la víspera": -1, "la vispera": -1, "el día anterior": -1, "el dia anterior": -1,
                  "the day before": -1, "the previous day": -1, "the day prior": -1}.get(w, 0)
        return (pub + timedelta(days=offset)).isoformat(), DAY
    if kind == "period":
        unit = g["unit"].lower()
        q = " ".join(x for x in (g.get("q1"), g.get("q2")) if x).lower()
        step = -1 if re.search(r"pasado|anterior|last|previous", q) else 1 if re.search(
            r"próximo|proximo|que viene|entrante|next|following|coming", q) else 0
        granularity = YEAR if unit in ("año", "year") else MONTH
        if pub is None:
            return "", granularity
        if granularity == YEAR:
            return f"{pub.year + step:04d}", YEAR
        total = pub.year * 12 + pub.month - 1 + step
        return f"{total // 12:04d}-{total % 12 + 1:02d}", MONTH
    if kind in ("year", "bare"):
        return f"{int(g['y']):04d}", YEAR
    if kind == "dmonth":
        if pub is None:
            return "", DAY
        which = g["which"].lower()
        step = -1 if re.search(r"pasado|anterior|last", which) else 1 if re.search(r"próximo|proximo|viene|entrante|next", which) else 0
        total = pub.year * 12 + pub.month - 1 + step
        return _day(total // 12, total % 12 + 1, int(g["d"]))
    if kind == "dom":
        if pub is None:
            return "", DAY
        q = (g.get("q") or "").lower()
        return _day_of_month(pub, int(g["d"]), "past" if q == "pasado" else "future" if q else tense)
    if kind == "week":
        if pub is None:
            return "", DAY
        q = " ".join(x for x in (g.get("q1"), g.get("q2")) if x).lower()
        step = -2 if "antepasada" in q else 2 if "after next" in q else -1 if re.search(r"pasada|anterior|última|ultima|last|past|previous|before", q) else 1 if re.search(
            r"próxima|proxima|que viene|entrante|next|coming|following|after", q) else 0
        return (pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)).isoformat(), DAY
    if kind == "weekend":
        if pub is None:
            return "", DAY
        words = " ".join(x for x in (g.get("pre"), g.get("q1"), g.get("q2")) if x).lower()
        words = re.sub(r"último|ultimo|anterior", "pasado", words)
        if re.fullmatch(r"(?:este|this)", words) and pub.weekday() >= 5:
            return (pub - timedelta(days=pub.weekday() - 5)).isoformat(), DAY  # this weekend, while it lasts
        return _weekday(pub, 5, tense, words).isoformat(), DAY
    if kind == "season":
        if g.get("y"):
            return f"{int(g['y']):04d}", YEAR
        if pub is None:
            return "", YEAR
        words = " ".join(x for x in (g.get("pre"), g.get("q1"), g.get("q2")) if x).lower()
        if not tense and words in ("en", "in"):
            return "", ""  # "funciona los sábados en verano", "in summer, the pools open": a habit, no date
        return _season(pub, SEASONS[g["season"].lower()], tense, words), YEAR
    if kind == "span":
        (n, (unit, size)) = _number(g["n"]), _unit(g["unit"])
        granularity = {"h": DAY, "d": DAY, "w": DAY, "m": MONTH, "y": YEAR}[unit]
        if n is None:
            return "", ""
        n *= size
        if pub is None:
            return "", granularity
        back = re.match(r"(?:últim|ultim|pasad|past|last)", g["dir"].lower())
        return _shift(pub, -n if back else 0, unit), granularity  # a span's first day: n back, or now
    if kind == "course":
        if g.get("y"):
            return f"{int(g['y']):04d}", YEAR
        if pub is None:
            return "", YEAR
        words = " ".join(x for x in (g.get("pre"), g.get("q1"), g.get("q2")) if x).lower()
        words = re.sub(r"\b(?:anterior|previous)\b", "last", re.sub(r"\b(?:siguiente|following)\b", "next", words))
        # a school year runs from September to June (10 months); July and August belong to none
        return _season(pub, 9, tense, words, months=10), YEAR
    if kind == "holiday":
        spec = HOLIDAYS[_holiday_key(g["name"])]

        def day_of(y: int) -> date:
            return date(y, *spec) if isinstance(spec, tuple) else spec(y)

        if g.get("y"):
            return day_of(int(g["y"])).isoformat(), DAY
        if pub is None:
            return "", DAY
        words = " ".join(x for x in (g.get("pre"), g.get("q1"), g.get("q2")) if x).lower()
        if not (tense or g.get("q1") or g.get("q2")) and re.match(r"\s+(?:de|of)\s+(?-i:[A-ZÁÉÍÓÚ])", m.string[m.end():m.end() + 6]):
            return "", ""  # "La Semana Santa de Sevilla es fiesta de interés turístico": a place's feast, no day
        candidates = [day_of(y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        if re.search(r"\b(?:pasad[oa]s?|últim[oa]s?|ultim[oa]s?|last|past)\b", words):
            pool = [c for c in candidates if c < pub]
        elif re.search(r"\b(?:próxim[oa]s?|proxim[oa]s?|que viene|next|coming)\b", words):
            pool = [c for c in candidates if c > pub]
        elif tense == "past":
            pool = [c for c in candidates if c <= pub]
        elif tense == "future":
            pool = [c for c in candidates if c >= pub]
        else:
            pool = candidates
        return min(pool, key=lambda c: abs((c - pub).days)).isoformat(), DAY
    if kind == "quarter":
        if g.get("y"):
            return f"{int(g['y']):04d}", YEAR
        if pub is None:
            return "", YEAR
        which = re.sub(r"\s+", " ", (g.get("which") or "").lower())
        if which:
            step = -1 if re.search(r"pasado|last|previous", which) else 1 if re.search(r"viene|próximo|proximo|next", which) else 0
            return f"{pub.year + step:04d}", YEAR
        word = g["q"].lower()
        n = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4, "último": 4, "ultimo": 4,
             "first": 1, "second": 2,
             "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(word) or int(word[1])
        months = 6 if (g.get("unit") or "").lower() == "semestre" else 3
        if months == 6 and n > 2:
            return "", ""
        return _season(pub, 1 + (n - 1) * months, tense, "", months=months), YEAR
    if kind == "shorthand":
        y, month, day = SHORTHANDS_ES[m.group("d") + m.group("l")]
        if y:
            return _day(y, month, day)
        return ("", DAY) if pub is None else _day_near(pub, month, day, tense)
    if kind == "wdshift":
        if pub is None:
            return "", DAY
        n = NUMBERS[g["n"].lower()]
        first = pub + timedelta(days=1) if g.get("tomorrow") else \
            pub + timedelta(days=(WEEKDAYS_EN[g["wd"].lower()] - pub.weekday()) % 7 or 7)
        return (first + timedelta(weeks=n)).isoformat(), DAY
    if kind == "wdnum":
        if pub is None:
            return "", DAY
        weekday = WEEKDAYS_ES[g["wd"].lower()]
        value = _day_of_weekday(pub, int(g["d"]), weekday)
        if value[0]:
            return value
        # no month near holds that day on that weekday: the number counts something ("el martes 20 presos")
        return _weekday(pub, weekday, tense, "").isoformat(), DAY
    return "", ""


def _day(y: int, m: int, d: int) -> tuple[str, str]:
    try:
        return date(y, m, d).isoformat(), DAY
    except ValueError:
        return "", ""  # "31 de febrero": not a date


def _day_near(pub: date, month: int, day: int, tense: str) -> tuple[str, str]:
    """The date with that day and month nearest to `pub`, before it in the past, after it in the future."""
    candidates = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            pass
    if not candidates:
        return "", ""
    if tense == "past":
        pool = [c for c in candidates if c <= pub] or candidates
    elif tense == "future":
        pool = [c for c in candidates if c >= pub] or candidates
    else:
        pool = candidates
    return min(pool, key=lambda c: abs((c - pub).days)).isoformat(), DAY


def _day_of_weekday(pub: date, day: int, weekday: int) -> tuple[str, str]:
    """'el martes 15': the 15th of the month before, this one or the next that falls on a Tuesday, nearest to
    `pub`; ("", "") when none does."""
    candidates = []
    for shift in (-1, 0, 1):
        total = pub.year * 12 + pub.month - 1 + shift
        try:
            candidates.append(date(total // 12, total % 12 + 1, day))
        except ValueError:
            pass
    fitting = [c for c in candidates if c.weekday() == weekday]
    if not fitting:
        return "", ""
    return min(fitting, key=lambda c: abs((c - pub).days)).isoformat(), DAY


def _day_of_month(pub: date, day: int, tense: str) -> tuple[str, str]:
    """'el pasado día 12': that day of this month, the one before or the next, by the tense (the nearest without one)."""
    candidates = []
    for shift in (-1, 0, 1):
        total = pub.year * 12 + pub.month - 1 + shift
        try:
            candidates.append(date(total // 12, total % 12 + 1, day))
        except ValueError:
            pass
    pool = [c for c in candidates if (c <= pub if tense == "past" else c >= pub if tense == "future" else True)]
    if not pool:
        return "", ""
    return min(pool, key=lambda c: abs((c - pub).days)).isoformat(), DAY


def _season(pub: date, first_month: int, tense: str, words: str, months: int = 3) -> str:
    """The year a season starts in: the last one over ("pasado", "last"), the next one to come
    ("próximo", "next"), the one under way, else the one the tense points to ("este verano" in
    May: the coming one; in October, in the past tense: the one just gone)."""
    spans = []
    for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1):
        start = date(y, first_month, 1)
        end_month = y * 12 + first_month - 1 + months
        spans.append((y, start, date(end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)))
    current = [y for y, a, b in spans if a <= pub <= b]
    over = [y for y, a, b in spans if b < pub]
    coming = [y for y, a, b in spans if a > pub]
    if re.search(r"\b(?:pasad[oa]|últim[oa]|ultim[oa]|last|past)\b", words):
        return f"{over[-1]:04d}"
    if re.search(r"\b(?:próxim[oa]|proxim[oa]|que viene|next|coming)\b", words):
        return f"{coming[0]:04d}"
    if current:
        return f"{current[0]:04d}"
    if tense == "past":
        return f"{over[-1]:04d}"
    if tense == "future":
        return f"{coming[0]:04d}"
    near = min([(pub - spans[i][2]).days for i in range(len(spans)) if spans[i][0] == over[-1]] +
               [10 ** 6])
    ahead = min([(spans[i][1] - pub).days for i in range(len(spans)) if spans[i][0] == coming[0]] + [10 ** 6])
    return f"{(over[-1] if near < ahead else coming[0]):04d}"


def _month_near(pub: date, month: int, tense: str, words: str) -> str:
    here = pub.year * 12 + pub.month - 1
    options = [(y * 12 + month - 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if re.search(r"\b(?:pasado|last|past|del año pasado)\b", words):
        pool = [o for o in options if o < here]
    elif re.search(r"\b(?:próximo|proximo|que viene|next|coming)\b", words):
        pool = [o for o in options if o > here]
    elif re.search(r"\b(?:este|this|de este año)\b", words):
        pool = [pub.year * 12 + month - 1]
    elif tense == "past":
        pool = [o for o in options if o <= here]
    elif tense == "future":
        pool = [o for o in options if o >= here]
    else:
        pool = options
    best = min(pool, key=lambda o: (abs(o - here), o))
    return f"{best // 12:04d}-{best % 12 + 1:02d}"


def _weekday(pub: date, weekday: int, tense: str, words: str) -> date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if re.search(r"\b(?:pasado|last|past)\b", words):
        return pub - timedelta(days=back or 7)
    if re.search(r"\b(?:próximo|proximo|que viene|next)\b", words):
        return pub + timedelta(days=ahead or 7)
    if re.search(r"\b(?:since|desde)\b", words) and tense != "future":
        return pub - timedelta(days=back)  # "sigue activo desde el viernes", "has been closed since Monday": gone by
    if re.search(r"\b(?:coming|this coming)\b", words) or tense != "past":
        return pub + timedelta(days=ahead)  # the future, or the present tense of a schedule ("takes effect on Monday")
    return pub - timedelta(days=back)


def _shift(pub: date, n: int, unit: str) -> str:
    if unit == "h":
        return (pub + timedelta(days=int(n / 24))).isoformat()  # whole days only: "hace 12 horas" is today
    if unit == "d":
        return (pub + timedelta(days=n)).isoformat()
    if unit == "w":
        return (pub + timedelta(weeks=n)).isoformat()
    if unit == "m":
        total = pub.year * 12 + pub.month - 1 + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    return f"{pub.year + n:04d}"


_OPTION = re.compile(r"\s*([A-Za-z]{1,2})\s*=\s*(\S*)\s*")


def parse_date_option(value: str, where: str = "--date") -> tuple[str, str]:
    """'B=2024-06-19' -> ('B', '2024-06-19'); ValueError with a clear message otherwise."""
    m = _OPTION.fullmatch(value)
    if not m:
        raise ValueError(f"{where} {value!r}: expected ARTICLE=YYYY-MM-DD, such as A=2024-06-19")
    return m.group(1).upper(), check_iso_day(m.group(2), f"{where} {value!r}")


def check_iso_day(value: str, where: str) -> str:
    """The ISO date `value` as written, or ValueError: a real calendar day, YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        raise ValueError(f"{where}: the date must be YYYY-MM-DD, such as 2024-06-19")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: {value} is not a day of the calendar") from None
    return value
