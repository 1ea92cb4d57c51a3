"""Figures read off a sentence: numbers compared as numbers, with what they count.

Figures are parsed in the article's locale (Spanish 8,2 = 8.2 and 1.000 = 1000;
English 1,000 = 1000), with the thing they count, so "32 muertos" and "treinta y
dos muertos" agree. sumy drops tokens with digits; numbers matter in claims, hence
this module. The words it reads (number words, scales, units, qualifiers) are in
text/lexicon.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from reporter.model import Figure
from reporter.text.language import WORD, fold, resources
from reporter.text.lexicon import (COLLECTIVE_PLURALS, COLLECTIVES, CURRENCY_WORDS, MONTHS, NUMBER_LINKS, NUMBER_WORDS,
                                   PEOPLE, QUALIFIERS, SCALE, UNIT_ALIASES, WEEKDAYS, concept)

_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)"
)
# A minus sign right before a figure, after a space, an opening bracket or the text's start.
_NEGATIVE = re.compile(r"(?:^|[\s(\[])[-\u2212]$|^[-\u2212]$")
_PERCENT = re.compile(r"\s*(?:%|por ciento|percent|per cent|pc\b)", re.IGNORECASE)  # .match(text, pos)
_CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|€|£|USD|EUR)\s*$")
# A time of day: "23:49", "11:49 p.m.", "13.00 horas", "11 p.m." (.match at a digit token).
# A dot separates hours and minutes only with an hour word or a.m./p.m. after it ("8.30" is
# also a decimal); a bare hour needs a.m./p.m.
_MERIDIEM = r"(?P<ampm>[ap])\.?\s?m\b\.?"
_TIME = re.compile(
    r"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?!\d)(?:\s*(?:" + _MERIDIEM + r"|(?:horas|hora|hrs|h)\b))?"
    r"|\.(?P<m2>[0-5]\d)\s*(?:" + _MERIDIEM.replace("ampm", "ampm2") + r"|(?:horas|hora|hrs|h)\b)"
    r"|\s?(?:" + _MERIDIEM.replace("ampm", "ampm3") + r"))",
    re.IGNORECASE)


# "las 11 de la noche", "las 11:49 de la noche": the part of the day says a.m. or p.m.
_DAY_PART = re.compile(r"\s+de\s+la\s+(mañana|manana|madrugada|tarde|noche)\b", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.,]|\s*%)")
_BARE_HOUR = re.compile(r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?(?!\d)")


def _time_of_day(text: str, pos: int) -> tuple[float, str] | None:
    """(minutes after midnight, the text) of a time of day written at pos, or None."""
    if pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in ".,:"):
        return None
    bare = _BARE_HOUR.match(text, pos)
    part = _DAY_PART.match(text, bare.end()) if bare else None
    if bare and part and re.search(r"\blas?\s*$", text[max(0, pos - 5):pos], re.IGNORECASE):
        hours, minutes = int(bare.group("h")), int(bare.group("m") or 0)
        evening = part.group(1).lower() in ("tarde", "noche") and not (part.group(1).lower() == "noche" and hours == 12)
        hours = hours % 12 + (12 if evening else 0)
        return float(hours * 60 + minutes), text[pos:part.end()]
    m = _TIME.match(text, pos)
    if not m:
        # "a las 23.49 del jueves": after "la(s)" a dotted figure is a clock time, not a decimal
        dotted = _DOTTED_TIME.match(text, pos)
        if dotted and re.search(r"\blas?\s*$", text[max(0, pos - 5):pos], re.IGNORECASE):
            hours, part = int(dotted.group("h")), _DAY_PART.match(text, dotted.end())
            if part and hours <= 12 and part.group(1).lower() in ("tarde", "noche") and hours != 12:
                hours += 12
            return float(hours * 60 + int(dotted.group("m"))), text[pos:part.end() if part else dotted.end()]
        return None
    hours = int(m.group("h"))
    minutes = int(m.group("m") or m.group("m2") or 0)
    ampm = (m.group("ampm") or m.group("ampm2") or m.group("ampm3") or "").lower()
    if ampm:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if ampm == "p" else 0)
    return float(hours * 60 + minutes), m.group().rstrip()
def locale_number(raw: str, language: str) -> float | None:
    """Parse '8,2' / '1.000' / '1,000.5' the way the article's locale writes it."""
    decimal = "." if language == "en" else ","
    thousands = "," if decimal == "." else "."
    # "1 200", "10\u00a0000": a space or a no-break space groups thousands (the RAE's way) in any locale
    s = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", raw)
    if s.count(decimal) <= 1 and thousands in s and decimal not in s and s.count(thousands) == 1 \
            and len(s.split(thousands)[1]) != 3:
        # the other locale's decimal mark ("8.2" in a Spanish text, "1,5" in an English one): a decimal
        s = s.replace(thousands, decimal)
    elif s.count(decimal) <= 1 and thousands in s:
        groups = s.split(decimal)[0].split(thousands)
        if all(len(g) == 3 for g in groups[1:]):
            s = s.replace(thousands, "")
    elif decimal not in s and s.count(thousands) == 1 and len(s.split(thousands)[1]) != 3:
        # the other locale's decimal mark ("8.2" in a Spanish text): still a decimal
        s = s.replace(thousands, decimal)
    elif decimal not in s and thousands in s:
        s = s.replace(thousands, "")
    s = s.replace(decimal, ".").replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def _tokens(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


_PER_HOUR = re.compile(r"\s?/\s?h\b|\s+(?:por|a la|per|an|a)\s+(?:hora|hour)\b", re.IGNORECASE)


# A part of what a count before it counts: "dos de ellos", "three of them" (text.figures reads it as a
# count of the same thing; stages.facts leaves it out of the fact table, a subset being no other value).
PARTITIVE = re.compile(r"\s+(?:de\s+(?:ellos|ellas|estos|estas)|of\s+(?:them|those|whom))\b", re.IGNORECASE)
# Punctuation between a number and a word ends what the number can count or measure.
_CLAUSE_GAP = re.compile(r"[,;:()\[\]—–]")
# Words that modify a counted noun without being it: "86 confirmed cases", "12 nuevos casos".
_COUNT_MODIFIERS = {"confirmed", "suspected", "new", "additional", "further", "registered", "reported",
                    "probable", "recorded", "known", "nuevos", "nuevas", "confirmados", "confirmadas"}
# Stop words of the word lists that are nouns after a number: "86 cases" ("in case" elsewhere).
_COUNTED_STOPS = {"case", "cases"}
# A day or a month before a number is when, not what ("ascendió este sábado a 14", "in March 12").
_WHEN_WORDS = {fold(w) for w in (*MONTHS, *WEEKDAYS)} | {"hoy", "ayer", "today", "yesterday", "tonight", "anoche"}


# A tally's verb before its new value ("reached 86", "ascendió a 14"): no property of its own.
_RISE_VERB = re.compile(r"reached|rose|climbed|increased|jumped|grew|stood|stands|ascendio|asciende|ascienden|"
                        r"alcanzo|subio|aumento|elevo|eleva")
_TALLY = {"number", "numero", "cifra", "total", "tally", "count", "balance"}


def _tallied(tokens: list[re.Match], j: int, language: str) -> str:
    """What a tally counts, from its subject before the verb at token j: "The number of confirmed
    cases reached" -> "case", "el número de fallecidos ... ascendió" -> "fallecido"; "" when none."""
    res = resources(language)
    for k in range(j - 1, max(-1, j - 14), -1):
        if fold(tokens[k].group()) in _TALLY and k + 1 < len(tokens) and fold(tokens[k + 1].group()) in ("of", "de"):
            for m in range(k + 2, min(len(tokens), k + 5)):
                w = tokens[m].group()
                if fold(w) in _COUNT_MODIFIERS or res.is_stop(w) and fold(w) not in _COUNTED_STOPS:
                    continue
                return fold(res.lemma(w.lower()))
            return ""
    return ""


def _unit_after(tokens: list[re.Match], i: int, language: str) -> tuple[str, int]:
    """Lemma of the counted noun after token i ("32 muertos" -> "muerto"), skipping links."""
    res = resources(language)
    j = i + 1
    while j < len(tokens) and j <= i + 3:
        w = tokens[j].group()
        f = fold(w)
        if _CLAUSE_GAP.search(tokens[j].string, tokens[j - 1].end(), tokens[j].start()):
            return "", j  # "reached 86, more than double": the clause ends before a noun counts it
        if f in _COUNT_MODIFIERS and j + 1 < len(tokens):
            j += 1  # "86 confirmed cases", "12 nuevos casos": the noun after the modifier is counted
            continue
        if (f in SCALE and not (f == "miles" and language == "en")) or f in NUMBER_LINKS or f.isdigit():
            j += 1
            continue
        if (res.is_stop(w) or f in _QUALIFIER_WORDS) and f not in CURRENCY_WORDS and f not in UNIT_ALIASES \
                and f not in _COUNTED_STOPS:
            return "", j
        return fold(res.lemma(w.lower())), j
    return "", j


def _unit_before(tokens: list[re.Match], i: int, language: str) -> str:
    """The measured property before a bare number: "magnitud 7,8", "una profundidad de 10"."""
    res = resources(language)
    j = i - 1
    while j >= 0 and j >= i - 3:
        w = tokens[j].group()
        f = fold(w)
        if _CLAUSE_GAP.search(tokens[j].string, tokens[j].end(), tokens[j + 1].start()) or f in _WHEN_WORDS:
            return ""  # "de la provincia, cinco de ellos"; "ascendió este sábado a 14": no property
        if _RISE_VERB.fullmatch(f):
            return _tallied(tokens, j, language)  # "the number of confirmed cases reached 86": cases
        if f in ("de", "of", "a", "an", "at", "en", "was", "fue", "es", "is", "was", "del"):
            j -= 1
            continue
        if res.is_stop(w) or f in _QUALIFIER_WORDS or w[0].isdigit():
            return ""
        return fold(res.lemma(w.lower()))
    return ""


_QUALIFIER_WORDS = {w for _, phrases in QUALIFIERS for p in phrases for w in p.split()} - {"de", "of", "a"}
# Verbs before a number that has a noun of its own tell what was done to it, not what it measures:
# "se aseguraron 38 casquillos" counts casquillos (not 'say'), "cayeron 210 litros" litres (not 'decrease').
_DOINGS = {"say", "decrease", "increase"}


def _qualifier(text: str, start: int) -> str:
    before = fold(text[max(0, start - 24):start]).rstrip()
    for name, phrases in QUALIFIERS:
        if any(before.endswith(" " + p) or before == p for p in phrases):
            return name
    return ""


def _known_unit(unit: str) -> bool:
    return bool(unit) and (unit in UNIT_ALIASES or unit in PEOPLE or concept(unit) is not None)


_EVENTS = ("death", "injury", "missing", "arrest", "rescue")


# The victim, with its article, is a person of its own: a count of other people named by their own noun near
# it ("los dos amigos que acompañaban a la víctima") are not victims (juicio: 'dos amigos' read as two dead),
# while "32 personas", a bare count, or "dos turistas fueron víctimas" (no article) still take its event.
_VICTIM_NOUNS = {"victima", "victim", "victimas", "victims"}
_VICTIM_DETERMINERS = {"la", "las", "el", "los", "su", "sus", "the", "his", "her", "their"}  # not "fueron víctimas"
_GATHERINGS = {"crowd", "crowds", "multitud", "asistencia", "attendance", "turnout", "afluencia", "aforo"}
_MEASURES = {"foot", "feet", "ft", "pie", "pies", "inch", "inches", "pulgada", "pulgadas", "yard", "yards", "yarda"}
_AGE = re.compile(r"\s?-\s?years?\s?-\s?old", re.IGNORECASE)


def _normal_unit(unit: str, tokens: list[re.Match], i: int, last: int, language: str) -> str:
    """'kilómetros' -> 'km'; '32 personas murieron' -> 'death' (the nearest event word)."""
    if unit in UNIT_ALIASES:
        return UNIT_ALIASES[unit]
    if unit in _MEASURES:
        return unit  # "fell 200 feet and died": a length, not a death toll
    if unit in _GATHERINGS:
        return unit  # "the crowd at 12,000 as the march wound through": a crowd, not the wounded
    known = concept(unit) if unit else None
    if unit in PEOPLE or known is None:
        res = resources(language)
        near = sorted((j for j in range(max(0, i - 6), min(len(tokens), last + 7)) if not i <= j <= last),
                      key=lambda j: (i - j if j < i else j - last, j < i))
        for j in near:
            lemma = fold(res.lemma(tokens[j].group().lower()))
            if unit and unit not in PEOPLE and lemma in _VICTIM_NOUNS and j and \
                    fold(tokens[j - 1].group()) in _VICTIM_DETERMINERS:
                continue  # "los dos amigos que acompañaban a la víctima": the friends are not the dead
            c = concept(lemma)
            if c in _EVENTS:
                return c
        return unit
    return known


def _word_number(tokens: list[re.Match], i: int, words: dict[str, int]) -> tuple[float, int]:
    """Read 'treinta y dos', 'thirty-two', 'dos mil', 'ciento veinte' from token i: (value, last index)."""
    total, current, last, j = 0.0, 0.0, i, i
    while j < len(tokens):
        parts = tokens[j].group().lower().split("-")
        if not all(p in words for p in parts):
            if parts[0] in ("y", "and") and j + 1 < len(tokens) and tokens[j + 1].group().lower() in words and last == j - 1:
                j += 1
                continue
            break
        for p in parts:
            v = words[p]
            if v == 100:
                current = max(current, 1) * 100
            elif v == 1000:
                total += max(current, 1) * 1000
                current = 0
            else:
                current += v
        last = j
        j += 1
    return total + current, last


_HALF = {"medio", "media", "half"}


def _collective(tokens: list[re.Match], i: int) -> tuple[float, int] | None:
    """(value, last token) of a collective numeral opened at token i by un/una/a ("una decena",
    "a dozen"), medio/media ("medio centenar") or half ("half a dozen"); None when none follows."""
    w = fold(tokens[i].group())
    j = i + 1
    if w == "half" and j < len(tokens) and fold(tokens[j].group()) in ("a", "an"):
        j += 1
    if j >= len(tokens) or tokens[j].start() - tokens[j - 1].end() > 1:
        return None
    noun = fold(tokens[j].group())
    if noun in _MILLION:  # "medio millón de personas", "un millón de euros", "half a million people"
        return 1e6 * (0.5 if w in _HALF else 1.0), j
    if noun not in COLLECTIVES or noun in COLLECTIVE_PLURALS:
        return None
    return COLLECTIVES[noun] * (0.5 if w in _HALF else 1.0), j


# A million told as a noun after un/una/medio/half: "más de medio millón de personas" (the fourth red team's
# huracan: the evacuated were no figure at all against "over 500,000"), "un millón de euros", "half a million".
_MILLION = {"millon", "million"}
_MILLIONS_OF = {"mdp": "peso", "mdd": "usd"}


# "one" / "un" / "una" is a count only where a toll is told: before a person or a casualty noun, with
# a word of death, injury or disappearance within a few words ("killed one person and injured dozens",
# "murió una persona", "dejó un muerto y tres heridos"). An ECB+ pair of earthquake reports (read in
# place) lost its only conflict, four dead / one dead, because "one" was never read. Elsewhere "one",
# "un", "una" are articles and pronouns ("one of them", "una persona que pasaba"): no figure.
_ONE_NOUNS = frozenset(
    "person persona man woman hombre mujer child boy girl nino nina menor worker trabajador victim victima "
    "soldier soldado officer agente policeman policia civilian civil resident vecino passenger pasajero "
    "driver conductor firefighter bombero miner minero patient paciente muerto herido fallecido "
    "desaparecido dead".split())
_CASUALTY = ("muert", "fallec", "muri", "mortal", "kill", "fatal", "dead", "die", "death", "perec", "herid",
             "lesion", "injur", "wound", "hurt", "hospitaliz", "desaparec", "missing")


def _one_casualty(tokens: list[re.Match], i: int) -> bool:
    """Whether the "one" / "un" / "una" at token i counts a casualty (see _ONE_NOUNS)."""
    if fold(tokens[i].group()) not in ("one", "un", "una", "uno") or i + 1 >= len(tokens):
        return False
    noun = fold(tokens[i + 1].group())
    if noun not in _ONE_NOUNS or (i + 2 < len(tokens) and fold(tokens[i + 2].group()) in ("que", "who", "whose")):
        return False  # "una persona que pasaba", "one man who saw it": someone, not a toll
    near = (fold(t.group()) for t in tokens[max(0, i - 4):i + 5])
    return any(w.startswith(_CASUALTY) for w in near)


_COLLECTIVE_AFTER = re.compile(r"[ \u00a0]([^\W\d_]+)")


def _times_collective(tokens: list[re.Match], end: int, text: str) -> tuple[float, int] | None:
    """(the collective's value, where it ends) when a number is followed by one: "dos centenares",
    "tres decenas", "two dozen"; None otherwise."""
    m = _COLLECTIVE_AFTER.match(text, end)
    if not m or fold(m.group(1)) not in COLLECTIVES:
        return None
    return float(COLLECTIVES[fold(m.group(1))]), m.end()


def figures(text: str, language: str) -> tuple[Figure, ...]:
    """The figures of a sentence. Invisible format characters (Unicode Cf: zero-width space
    and joiners, soft hyphen, word joiner, a byte-order mark inside the text) are not read:
    "5\u200b8" shows as 58 and is read as 58, not as 5 and 8. Each figure's text is still
    the source's own characters, format characters included, so it is found in the text."""
    hidden = format_positions(text)
    links = link_spans(text)
    if not hidden:
        return tuple(f for f, (a, b) in _figures(text, language) if not _inside(a, b, links))
    gone = set(hidden)
    where = [i for i in range(len(text)) if i not in gone]  # clean index -> source index
    clean = "".join(text[i] for i in where)
    out = []
    for f, (a, b) in _figures(clean, language):
        if _inside(where[a], where[b - 1] + 1, links):
            continue
        source = text[where[a]:where[b - 1] + 1]
        out.append(replace(f, text=source + "%" if f.kind == "percent" else source))
    return tuple(out)


# A web address, an e-mail address or a social-media handle or tag: its digits are part of a name
# ("…/553008-saints.html", "…/2024/05/12/…", "@juan1985", "#8M"), not figures. An ECB+ pair of
# sports reports set the story ids of two links against each other as an injured count.
_LINK = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@#])[@#]\w+")


def link_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds web or e-mail addresses, handles and hashtags."""
    if "/" not in text and "@" not in text and "#" not in text and "www." not in text:
        return []
    return [m.span() for m in _LINK.finditer(text)]


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def format_positions(text: str) -> list[int]:
    """Where `text` holds invisible format characters (Unicode category Cf)."""
    if text.isprintable():  # the common case, in C: no Cf (nor control) character at all
        return []
    return [i for i, ch in enumerate(text) if unicodedata.category(ch) == "Cf"]


# A number right after one of these nouns names the thing ("State Route 9", "Flight 370", "Terminal 4",
# "la línea 12", "el vuelo 370"): read as counts, Flight 370 was 370 people missing,
# "Terminal 4 was evacuated" 4 rescued and "la línea 12 del metro" 12 metres.
# Places and vehicles only: a law's or a case's number ("artículo 155", "caso 12") stays a figure, which
# the check-worthiness model reads as one (CheckThat! es held-out F1 0.606 with it, 0.595 without).
_NAMING = frozenset(
    "route highway interstate motorway freeway line flight gate terminal platform track pier berth exit lane "
    "room ward precinct district channel bus seat row apartment apt suite "
    "ruta carretera autopista autovía autovia línea linea vuelo puerta andén anden vía via muelle salida carril "
    "sala habitación habitacion distrito canal autobús autobus fila asiento "
    # an emergency or a help line's number ("el servicio de emergencias 112", "the 911 hotline" reads
    # as a count already only after its noun): a name, not a second injured count after "34"
    "emergencias emergency teléfono telefono telephone phone hotline".split())


def _names_it(tokens: list[re.Match], i: int, text: str) -> bool:
    """Whether the number at token i follows a naming noun ("Route 9", "vuelo 370"), with nothing but a
    space between them, and that noun is not itself counted ("9 routes" is a count, "3 Route 9s" rare)."""
    if i == 0:
        return False
    noun = tokens[i - 1]
    gap = text[noun.end():tokens[i].start()]
    if gap not in (" ", "\u00a0") or noun.group().lower() not in _NAMING:
        return False
    if i > 1 and tokens[i - 2].group()[:1].isdigit():
        return False
    after = fold(tokens[i + 1].group()) if i + 1 < len(tokens) else ""
    return not any(w in UNIT_ALIASES or w in PEOPLE for w in (after, after[:-1] if after.endswith("s") else after))
    # ... unless a unit follows: "lined the route 9 hours before" is 9 hours


# An emergency line named by its number after an article ("según el 112", "llamadas al 112", "del 911",
# "called 911", "the 999 service"): the service that counted, not a count ("según el 112" read as a
# second toll beside "Dos personas han muerto"). A plural article counts: "los 112 heridos".
_EMERGENCY_LINES = {"112", "911", "999", "061", "062", "080", "085", "091", "092", "000", "066", "080"}
_LINE_BEFORE = {"el", "al", "del", "the", "call", "called", "calls", "calling", "dial", "dialled", "dialed",
                "llamar", "llamó", "llamaron", "llamada", "llamadas", "marcar", "marcó"}


def _emergency_line(tokens: list[re.Match], i: int, raw: str) -> bool:
    if raw not in _EMERGENCY_LINES or i == 0 or tokens[i - 1].group().lower() not in _LINE_BEFORE:
        return False
    after = fold(tokens[i + 1].group()) if i + 1 < len(tokens) else ""
    return not (after in PEOPLE or after[:-1] in PEOPLE or after in UNIT_ALIASES or concept(after) is not None
                or (after.endswith("s") and concept(after[:-1]) is not None))


# A month abbreviated with its stop before a day, as agencies write it ("Oct. 10, 2002", "Aug. 15", "el 3 de
# sept."; "dic. 24"): a date, not a count. ECB+ (read in place): "on Oct. 10, 2002, ... killing three people"
# read 10 as dead.
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                        "oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "dic": 12}  # not "ago.", "mar."


# A comma before groups of three digits in Spanish copy: Mexico, Central America, the Caribbean and
# Peru group thousands with it ("una recompensa de 500,000 pesos", "1,200,000 habitantes"), where Spain
# writes "500.000". Spain's decimal comma is rarely followed by exactly three digits, and then before a
# scale word ("1,250 millones"), a percentage ("el euríbor, en el 2,125 %") or a euro price ("1,659
# euros el litro"): those stay decimals, as does a leading zero ("0,125").
_LATIN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_DECIMAL_AFTER = re.compile(r"\s*(?:%|por\s*ciento|€|euros?\b|eur\b)", re.IGNORECASE)


def _decimal_context(tokens: list[re.Match], i: int, text: str, raw: str) -> bool:
    """Whether a Spanish "d,ddd" reads as a decimal: one group before a scale word, a percentage or euros."""
    if raw.count(",") > 1:
        return False  # "1,200,000": only thousands group twice
    end = tokens[i].start() + len(raw)
    after = re.match(r"\s*([^\W\d_]+)", text[end:])
    if after and fold(after.group(1)) in SCALE:
        return True
    return bool(_DECIMAL_AFTER.match(text, end)) or "€" in text[max(0, tokens[i].start() - 3):tokens[i].start()]


def _figures(text: str, language: str) -> list[tuple[Figure, tuple[int, int]]]:
    """(figure, its span in text) for every figure of text."""
    out: list[tuple[Figure, tuple[int, int]]] = []
    tokens = _tokens(text)
    words = NUMBER_WORDS.get(language, {})
    consumed = -1  # end offset of the last number read (its digits span several tokens)
    for i, tok in enumerate(tokens):
        if tok.start() < consumed:
            continue
        raw = tok.group()
        low = raw.lower()
        value: float | None = None
        one = False  # "one" itself, not "una decena"
        if raw[0].isdigit():
            when = _time_of_day(text, tok.start())
            if when is not None:
                consumed = tok.start() + len(when[1])
                out.append((Figure(when[0], when[1], "time", ""), (tok.start(), consumed)))
                continue
            m = _NUMBER.match(text, tok.start())
            if not m:
                continue
            raw = m.group()
            if _names_it(tokens, i, text) or _emergency_line(tokens, i, raw):
                consumed = tok.start() + len(raw)
                continue  # "State Route 9", "Flight 370", "la línea 12": a name, not a quantity
            value = locale_number(raw, language)
            if language == "es" and _LATIN_THOUSANDS.fullmatch(raw) and not _decimal_context(tokens, i, text, raw):
                value = float(raw.replace(",", ""))  # "500,000 pesos", "1,200,000 habitantes": thousands
            if value is not None and _NEGATIVE.match(text[max(0, tok.start() - 2):tok.start()]):
                value = -value  # "-5 grados", "−3,2 %" (not "COVID-19", not "2023-2024")
        elif fold(low) in _HALF or low in ("un", "una", "uno", "one", "a"):
            whole = _collective(tokens, i)
            if whole is not None:
                value, end_token = whole
                raw = text[tok.start():tokens[end_token].end()]
            elif _one_casualty(tokens, i):
                value, one = 1.0, True  # "killed one person", "dejó un muerto": a toll of one
            else:
                continue  # the article, not a count ("medio" alone: a means, a half of something)
        elif all(p in words for p in low.split("-")) and (raw == low or i == 0):
            value, end_token = _word_number(tokens, i, words)
            raw = text[tok.start():tokens[end_token].end()]
        if value is None:
            continue
        collective = _times_collective(tokens, tok.start() + len(raw), text)
        if collective:  # "dos centenares", "two dozen": the number times the collective
            value *= collective[0]
            raw = text[tok.start():collective[1]]
        consumed = tok.start() + len(raw)
        span = (tok.start(), consumed)  # every branch below adds one figure with this span
        qualifier = _qualifier(text, tok.start())
        if not qualifier and not one and (collective or fold(tokens[i].group()) in COLLECTIVES or
                                          fold(low) in _HALF or low in ("un", "una", "uno", "one", "a")):
            qualifier = "approx"  # "una veintena de heridos": about 20, not 20
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].start() < consumed:
            last += 1
        nxt = fold(tokens[last + 1].group()) if last + 1 < len(tokens) else ""
        scale = SCALE.get(nxt, 1.0) if not (nxt == "miles" and language == "en") else 1.0  # English miles: a unit
        if nxt == "mil" and last + 2 < len(tokens) and fold(tokens[last + 2].group()) in ("millones", "millon"):
            scale = 1e9
        value = round(value * scale, 6)
        if scale != 1.0 and nxt in words and last + 1 < len(tokens):
            # "500 mil pesos", "20 mil personas" (Latin American copy writes thousands so): "mil" scaled the
            # number and is read with it, not as a second figure of 1,000
            consumed = tokens[last + 1].end()
        percent = _PERCENT.match(text, consumed)  # at the offset: a copy of the rest per figure grew with the square
        if percent:
            out.append((Figure(value, raw + "%", "percent", "", qualifier), span))
            consumed = percent.end()  # "60 por ciento": "ciento" is no figure of its own
            continue
        unit, at = _unit_after(tokens, last, language)
        joined = re.match(r"-([^\W\d_]+)\b(?!-old)", text[consumed:])  # "a 4-kilometre route", "a 24-hour strike"
        if joined and (UNIT_ALIASES.get(fold(joined.group(1))) or UNIT_ALIASES.get(
                fold(resources(language).lemma(joined.group(1).lower())))):
            unit = fold(joined.group(1)) if fold(joined.group(1)) in UNIT_ALIASES else \
                fold(resources(language).lemma(joined.group(1).lower()))
        if at < len(tokens) and UNIT_ALIASES.get(unit) in ("km", "mi") and _PER_HOUR.match(text, tokens[at].end()):
            unit = "kph" if UNIT_ALIASES[unit] == "km" else "mph"  # "80 km/h", "120 kilómetros por hora": a speed
        unit = _currency_after(tokens, last, language) or unit
        if unit in _MILLIONS_OF and language == "es":  # "300 mdp", "45 mdd": Mexican copy's millions of pesos, dollars
            value, unit = round(value * 1e6, 6), _MILLIONS_OF[unit]
            out.append((Figure(value, raw, "money", unit, qualifier), span))
            continue
        before = text[max(0, tok.start() - 4):tok.start()]
        if _CURRENCY_BEFORE.search(before) or unit in _FOLDED_CURRENCIES:
            out.append((Figure(value, raw, "money", _currency(before, unit), qualifier), span))
            continue
        prev = fold(tokens[i - 1].group()) if i > 0 else ""
        prev2 = fold(tokens[i - 2].group()) if i > 1 else ""
        month = MONTHS.get(unit) or MONTHS.get(prev) or (MONTHS.get(prev2, 0) if prev == "de" else 0) or \
            (_MONTH_ABBREVIATIONS.get(prev, 0) if i > 0 and text[tokens[i - 1].end():tokens[i - 1].end() + 1] == "." else 0)
        if month and 1 <= value <= 31 and value == int(value):
            out.append((Figure(month * 100 + value, raw, "date", ""), span))
            continue
        if raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100 and scale == 1.0:
            out.append((Figure(value, raw, "year", ""), span))
            continue
        before_unit = _unit_before(tokens, i, language)
        if not _known_unit(unit) and ((_known_unit(before_unit) and not (unit and concept(before_unit) in _DOINGS))
                                      or not unit):
            unit = before_unit  # "magnitud 7,8 sacudió": the property named before the number
        if _AGE.match(text, consumed):  # "a 36-year-old climber died": an age, not a toll
            out.append((Figure(value, raw, "count", "year", qualifier), span))
            continue
        counted = _normal_unit(unit, tokens, i, last, language)
        if not counted and PARTITIVE.match(text, consumed):
            # "Los seis heridos fueron trasladados ..., dos de ellos en estado grave": two of the injured
            counted = next((f.unit for f, _ in reversed(out) if f.kind == "count" and f.unit), "")
        out.append((Figure(value, raw, "count", counted, qualifier), span))
    return out


_FOLDED_CURRENCIES = {fold(w) for w in CURRENCY_WORDS}


def _currency_after(tokens: list[re.Match], last: int, language: str) -> str:
    """A currency named after one or two words that say whose it is: "2.3 billion Canadian
    dollars", "300 million Hong Kong dollars", "40 million US dollars" (read as a count of
    "canadian", "hong", "increase" before); "" when none."""
    res = resources(language)
    words = 0
    for j in range(last + 1, min(len(tokens), last + 6)):
        w = tokens[j].group()
        f = fold(w)
        if f in _FOLDED_CURRENCIES:
            return f if words else ""
        if (f in SCALE and not (f == "miles" and language == "en")) or f in NUMBER_LINKS:
            continue
        if words == 2 or w[0].isdigit() or (res.is_stop(w) and not w[0].isupper()) \
                or _known_unit(fold(res.lemma(w.lower()))):
            return ""  # "12 people paid dollars": the count is of people
        words += 1
    return ""


def _currency(before: str, unit: str) -> str:
    if "€" in before or "EUR" in before or unit.startswith("euro"):
        return "eur"
    if "£" in before or unit in ("libras", "pounds"):
        return "gbp"
    if unit.startswith("peso") and "US" not in before:
        return unit  # "$500,000 pesos": Latin American copy writes its peso with "$" (the word after decides)
    if "$" in before or "USD" in before or unit.startswith("dol"):
        return "usd"
    return unit or "currency"


def figure_label(f: Figure) -> str:
    if f.kind == "percent":
        return f"{_fmt(f.value)}%"
    if f.kind == "year":
        return f"{f.value:.0f}"
    if f.kind == "time":
        return f"{int(f.value) // 60:02d}:{int(f.value) % 60:02d}"
    if f.kind == "date":
        return f"{int(f.value) % 100}/{int(f.value) // 100}" if f.value >= 100 else f"{int(f.value)}"
    unit = f" {f.unit}" if f.unit else ""
    return f"{_fmt(f.value)}{unit}"
