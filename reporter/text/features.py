"""Signals read off one sentence: content lemmas, names, figures, quotes.

Shared by the comparator and the flagger. Figures are parsed as numbers in the
article's locale (Spanish 8,2 = 8.2 and 1.000 = 1000; English 1,000 = 1000),
with the thing they count, so "32 muertos" and "treinta y dos muertos" agree.
sumy drops tokens with digits; numbers matter in claims, hence this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reporter.text.language import WORD, fold, resources
from reporter.model import Figure

_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)"
)
_SCALE = {
    "mil": 1e3, "miles": 1e3, "thousand": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
    "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "billones": 1e12,
    "mil millones": 1e9, "trillion": 1e12,
}
_WORDS = {
    "es": {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
           "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
           "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
           "noventa": 90, "veintiuno": 21, "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintitrés": 23,
           "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28,
           "veintinueve": 29, "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300,
           "cuatrocientos": 400, "quinientos": 500, "mil": 1000, "docena": 12, "decenas": 10,
           "centenares": 100, "cientos": 100},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "thousand": 1000, "dozen": 12, "dozens": 12, "hundreds": 100},
}
# Words a quantity is often followed by before the counted noun: "8 millones DE personas".
_LINKS = {"de", "del", "of", "the", "más", "more", "than", "que", "por", "al", "menos", "la", "las", "los", "el",
          "least", "some", "unos", "unas", "cerca", "about", "around", "over", "casi", "almost"}
_PERCENT = re.compile(r"^\s*(?:%|por ciento|percent|per cent|pc\b)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|€|£|USD|EUR)\s*$")
_CURRENCY_WORDS = {"dólar", "dólares", "dolar", "euro", "euros", "dollar", "dollars", "peso", "pesos", "libras",
                   "pounds", "yuan", "rublos", "rubles"}
_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
WEEKDAYS = {
    "lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
    "sabado": 6, "domingo": 7, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
QUOTE = re.compile(r"[«“\"„‘'][^«»“”\"„]{12,}?[»”\"’']")


@dataclass(frozen=True)
class Features:
    lemmas: tuple[str, ...]  # folded content lemmas, in order, with repeats
    weights: tuple[float, ...]  # how informative each lemma is (smooth inverse frequency)
    names: tuple[str, ...]  # folded proper names ("kim jong un")
    figures: tuple[Figure, ...]
    weekdays: tuple[int, ...]
    quoted: bool
    quote_lemmas: tuple[str, ...] = ()  # content lemmas inside quotation marks
    speakers: tuple[str, ...] = ()  # names outside the quotation marks: who is quoted or reported
    quote_words: frozenset[str] = frozenset()  # every word inside the quotation marks, folded


def locale_number(raw: str, language: str) -> float | None:
    """Parse '8,2' / '1.000' / '1,000.5' the way the article's locale writes it."""
    s = raw.replace("\u00a0", " ").replace(" ", ",") if re.search(r"\d \d{3}", raw) else raw
    decimal = "." if language == "en" else ","
    thousands = "," if decimal == "." else "."
    if s.count(decimal) <= 1 and thousands in s:
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


def _unit_after(tokens: list[re.Match], i: int, language: str) -> tuple[str, int]:
    """Lemma of the counted noun after token i ("32 muertos" -> "muerto"), skipping links."""
    res = resources(language)
    j = i + 1
    while j < len(tokens) and j <= i + 3:
        w = tokens[j].group()
        f = fold(w)
        if f in _SCALE or f in _LINKS or f.isdigit():
            j += 1
            continue
        if (res.is_stop(w) or f in _QUALIFIER_WORDS) and f not in _CURRENCY_WORDS and f not in _UNIT_ALIASES:
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
        if f in ("de", "of", "a", "an", "at", "en", "was", "fue", "es", "is", "was", "del"):
            j -= 1
            continue
        if res.is_stop(w) or f in _QUALIFIER_WORDS or w[0].isdigit():
            return ""
        return fold(res.lemma(w.lower()))
    return ""


# Units written several ways; generic nouns for people take the event they are counted in.
_UNIT_ALIASES = {
    "km": "km", "kilometro": "km", "kilometros": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "metro": "m", "metros": "m", "metre": "m", "meter": "m", "m": "m", "milla": "mi",
    "millas": "mi", "mile": "mi", "miles": "mi", "kg": "kg", "kilo": "kg", "kilogramo": "kg", "kilogram": "kg",
    "tonelada": "t", "ton": "t", "tonne": "t", "hectarea": "ha", "hectareas": "ha", "hectare": "ha",
    "hectares": "ha", "ha": "ha", "grado": "degree", "degree": "degree", "hora": "hour",
    "hour": "hour", "dia": "day", "day": "day", "ano": "year", "year": "year", "mes": "month", "month": "month",
}
_PEOPLE = {"persona", "people", "person", "personas", "individuo", "habitante", "resident", "ciudadano",
           "civil", "civilian", "nino", "child", "children", "mujer", "woman", "women", "hombre", "man", "men"}
_QUALIFIERS = (
    ("min", ("al menos", "por lo menos", "como minimo", "mas de", "at least", "more than", "over", "upwards of",
             "no menos de", "superior a", "exceeding", "in excess of")),
    ("max", ("menos de", "hasta", "como maximo", "less than", "fewer than", "under", "up to", "at most")),
    ("approx", ("unos", "unas", "alrededor de", "cerca de", "casi", "aproximadamente", "about", "around",
                "nearly", "almost", "roughly", "some", "approximately", "estimated", "estimado", "estimada")),
)
_QUALIFIER_WORDS = {w for _, phrases in _QUALIFIERS for p in phrases for w in p.split()} - {"de", "of", "a"}


def _qualifier(text: str, start: int) -> str:
    before = fold(text[max(0, start - 24):start]).rstrip()
    for name, phrases in _QUALIFIERS:
        if any(before.endswith(" " + p) or before == p for p in phrases):
            return name
    return ""


def _known_unit(unit: str) -> bool:
    from reporter.text.lexicon import concept

    return bool(unit) and (unit in _UNIT_ALIASES or unit in _PEOPLE or concept(unit) is not None)


_EVENTS = ("death", "injury", "missing", "arrest", "rescue")


def _normal_unit(unit: str, tokens: list[re.Match], i: int, last: int, language: str) -> str:
    """'kilómetros' -> 'km'; '32 personas murieron' -> 'death' (the nearest event word)."""
    from reporter.text.lexicon import concept

    if unit in _UNIT_ALIASES:
        return _UNIT_ALIASES[unit]
    known = concept(unit) if unit else None
    if unit in _PEOPLE or known is None:
        res = resources(language)
        near = sorted((j for j in range(max(0, i - 6), min(len(tokens), last + 7)) if not i <= j <= last),
                      key=lambda j: (i - j if j < i else j - last, j < i))
        for j in near:
            c = concept(fold(res.lemma(tokens[j].group().lower())))
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


def figures(text: str, language: str) -> tuple[Figure, ...]:
    out: list[Figure] = []
    tokens = _tokens(text)
    words = _WORDS.get(language, {})
    consumed = -1  # end offset of the last number read (its digits span several tokens)
    for i, tok in enumerate(tokens):
        if tok.start() < consumed:
            continue
        raw = tok.group()
        low = raw.lower()
        value: float | None = None
        if raw[0].isdigit():
            m = _NUMBER.match(text, tok.start())
            if not m:
                continue
            raw = m.group()
            value = locale_number(raw, language)
        elif all(p in words for p in low.split("-")) and (raw == low or i == 0):
            if low in ("un", "una", "uno", "one", "a"):
                continue  # the article, not a count
            value, end_token = _word_number(tokens, i, words)
            raw = text[tok.start():tokens[end_token].end()]
        if value is None:
            continue
        consumed = tok.start() + len(raw)
        qualifier = _qualifier(text, tok.start())
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].start() < consumed:
            last += 1
        nxt = fold(tokens[last + 1].group()) if last + 1 < len(tokens) else ""
        scale = _SCALE.get(nxt, 1.0)
        if nxt == "mil" and last + 2 < len(tokens) and fold(tokens[last + 2].group()) in ("millones", "millon"):
            scale = 1e9
        value = round(value * scale, 6)
        after = text[consumed:]
        if _PERCENT.match(after):
            out.append(Figure(value, raw + "%", "percent", "", qualifier))
            continue
        unit, _ = _unit_after(tokens, last, language)
        before = text[max(0, tok.start() - 4):tok.start()]
        if _CURRENCY_BEFORE.search(before) or unit in _FOLDED_CURRENCIES:
            out.append(Figure(value, raw, "money", _currency(before, unit), qualifier))
            continue
        prev = fold(tokens[i - 1].group()) if i > 0 else ""
        prev2 = fold(tokens[i - 2].group()) if i > 1 else ""
        month = _MONTHS.get(unit) or _MONTHS.get(prev) or (_MONTHS.get(prev2, 0) if prev == "de" else 0)
        if month and 1 <= value <= 31 and value == int(value):
            out.append(Figure(month * 100 + value, raw, "date", ""))
            continue
        if raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100 and scale == 1.0:
            out.append(Figure(value, raw, "year", ""))
            continue
        before_unit = _unit_before(tokens, i, language)
        if not _known_unit(unit) and (_known_unit(before_unit) or not unit):
            unit = before_unit  # "magnitud 7,8 sacudió": the property named before the number
        out.append(Figure(value, raw, "count", _normal_unit(unit, tokens, i, last, language), qualifier))
    return tuple(out)


_FOLDED_CURRENCIES = {fold(w) for w in _CURRENCY_WORDS}


def _currency(before: str, unit: str) -> str:
    if "€" in before or "EUR" in before or unit.startswith("euro"):
        return "eur"
    if "£" in before or unit in ("libras", "pounds"):
        return "gbp"
    if "$" in before or "USD" in before or unit.startswith("dol"):
        return "usd"
    return unit or "currency"


def names(text: str) -> tuple[str, ...]:
    """Runs of capitalised words not opening the sentence: 'Kim Jong Un', 'Corea del Norte'."""
    found: list[str] = []
    run: list[str] = []
    tokens = _tokens(text)
    for i, tok in enumerate(tokens):
        w = tok.group()
        if run and text[tokens[i - 1].end():tok.start()].strip():
            found.append(" ".join(run))  # punctuation ends a name: "Rusia, Vladimir Putin"
            run = []
        cap = w[0].isupper() and not w.isdigit()
        joiner = w in ("de", "del", "la", "of") and run and i + 1 < len(tokens) and tokens[i + 1].group()[0].isupper()
        if (cap and (i > 0 or len(tokens) == 1)) or joiner:
            run.append(w)
        else:
            if run:
                found.append(" ".join(run))
            run = []
            if cap and i == 0:
                run = [w] if len(tokens) > 1 and tokens[1].group()[:1].isupper() else []
    if run:
        found.append(" ".join(run))
    return tuple(fold(n.replace("-", " ")) for n in found if len(n) > 1)


@lru_cache(maxsize=50_000)
def analyze(text: str, language: str) -> Features:
    res = resources(language)
    lemmas, weights, kept = [], [], []
    for tok in _tokens(text):
        w = tok.group()
        if len(w) < 2 or w[0].isdigit() or res.is_stop(w):
            continue
        lemma = res.lemma(w if w.isupper() and len(w) > 1 else w.lower())
        if lemma and not res.is_stop(lemma):
            lemmas.append(fold(lemma))
            weights.append(res.weight(lemma.lower()))
            kept.append(tok.start())
    days = tuple(WEEKDAYS[fold(t.group())] for t in _tokens(text) if fold(t.group()) in WEEKDAYS
                 or t.group().lower() in WEEKDAYS)
    quotes = [m.span() for m in QUOTE.finditer(text)]
    inside = [lemma for lemma, tok in zip(lemmas, kept) if any(a <= tok < b for a, b in quotes)]
    outside = text
    for a, b in quotes:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    return Features(tuple(lemmas), tuple(weights), names(text), figures(text, language), days, bool(quotes),
                    tuple(inside), _speakers(outside, language) if quotes else (),
                    frozenset(fold(t.group()) for a, b in quotes for t in _tokens(text[a:b])))


# Verbs that introduce a quotation's speaker: "X said", "dijo X", "according to X".
_SAYS = {"said", "says", "told", "tells", "stated", "added", "declared", "explained", "insisted", "warned",
         "dijo", "dice", "afirmó", "afirma", "declaró", "declara", "aseguró", "asegura", "señaló", "señala",
         "explicó", "añadió", "agregó", "sostuvo", "advirtió", "indicó", "subrayó", "según", "according"}


def _speakers(outside: str, language: str) -> tuple[str, ...]:
    """Who a quotation is given to: the names outside the quotation marks, and the
    role words next to the verb that introduces it ("the fire chief said")."""
    res = resources(language)
    found = list(names(outside))
    tokens = _tokens(outside)
    for i, tok in enumerate(tokens):
        if tok.group().lower() not in _SAYS:
            continue
        for j in [*range(max(0, i - 3), i), *range(i + 1, min(len(tokens), i + 4))]:
            w = tokens[j].group()
            if w[0].islower() and not res.is_stop(w) and w.lower() not in _SAYS and len(w) > 2:
                found.append(fold(res.lemma(w.lower())))
    return tuple(dict.fromkeys(found))


def figure_label(f: Figure) -> str:
    if f.kind == "percent":
        return f"{_fmt(f.value)}%"
    if f.kind == "year":
        return f"{f.value:.0f}"
    if f.kind == "date":
        return f"{int(f.value) % 100}/{int(f.value) // 100}" if f.value >= 100 else f"{int(f.value)}"
    unit = f" {f.unit}" if f.unit else ""
    return f"{_fmt(f.value)}{unit}"
