"""Values and words the reader's way (issue 15, item 4), for the view (pure, no I/O).

The pipeline keeps what it compares by: folded lemmas ("ucranio", "estrechar"), canonical
figures ("7.4 magnitude", "200 house"), values in one unit (km, minutes after midnight).
The PDF shows what the sources wrote: the shared words as they stand in the sentence
("Ucrania", "estrechando"), a time as "23:49" (not "23.49 horas" beside "11:50 p.m."),
a length in the unit its source wrote with the other unit beside it when the sources mix
them ("75 mi (121 km)" beside "120 km (75 mi)"), a full title instead of a cut one.
The JSON twin keeps the pipeline's values; nothing here changes them.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from reporter.text.features import analyze
from reporter.text.figures import figure_label, locale_number
from reporter.text.language import WORD, fold, resources
from reporter.text.lexicon import UNIT_ALIASES, concept

KM_PER_MILE = 1.609344
LENGTHS = ("depth", "distance", "height")
# the unit a length's source wrote, from the word after its number
_WRITTEN = {"km": "km", "mi": "mi", "m": "m"}


def find_figure(number: str, sentence: str) -> int:
    """Where `number` stands in `sentence` as a figure of its own: '30' in 'pulled 30 people', not
    in '8:30 a.m.'; -1 when it does not."""
    m = re.search(rf"(?<![\w.,:]){re.escape(number)}(?![\w]|[.,:]\d)", sentence) if number else None
    return m.start() if m else -1


def full_title(title: str, sentences) -> str:
    """An article's title without the ingest's "…" cut: the line it was cut from, when one starts with it."""
    if not title.endswith("…"):
        return title
    stem = title[:-1].rstrip()
    for s in sentences:
        if s.text.startswith(stem) and len(s.text) > len(stem):
            return s.text
    return title


def file_markup(name: str, visible) -> Markup:
    """A file name that wraps only after a separator (_ - . / \\), never inside a word:
    each piece escaped (and made visible), a <wbr> after each separator."""
    pieces = re.split(r"(?<=[_\-./\\])", name)
    return Markup("<wbr>").join(escape(visible(p)) for p in pieces if p)


def clock(value: str, language: str) -> str:
    """'23.49 horas', '11:49 p.m.', 'las 11 de la noche' -> '23:49'; each comma-separated part
    on its own; a part that is not a time of day stays as written."""
    out = []
    for part in value.split(", "):
        times = [f for f in analyze(part, language).figures if f.kind == "time"]
        out.append(figure_label(times[0]) if len(times) == 1 else part)
    return ", ".join(out)


def written_unit(number: str, sentence: str) -> str:
    """'km', 'mi' or 'm': the unit written right after `number` in `sentence` ("" unknown)."""
    at = find_figure(number, sentence)
    if at < 0:
        return ""
    after = WORD.search(sentence, at + len(number))
    if after is None or sentence[at + len(number):after.start()].strip():
        return ""
    return _WRITTEN.get(UNIT_ALIASES.get(fold(after.group()), ""), "")


def number(value: float, language: str) -> str:
    """A converted length: whole above 10, one decimal below, the UI language's decimal mark."""
    text = f"{value:,.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,")) if language == "es" else text


def length(value: str, unit: str, mixed: bool, language: str, source_language: str) -> str:
    """'75' written in miles -> '75 mi', and '75 mi (121 km)' when the sources mix units
    (`language`: the reader's, for the converted number; `source_language`: how `value` is written)."""
    if unit not in ("km", "mi"):
        return f"{value} {unit}".strip() if unit else value
    shown = f"{value} {unit}"
    raw = locale_number(value, source_language) if mixed else None
    if raw is None:
        return shown
    other = raw * KM_PER_MILE if unit == "mi" else raw / KM_PER_MILE
    return f"{shown} ({number(other, language)} {'km' if unit == 'mi' else 'mi'})"


def surface_words(words, names, figures, sentences: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The shared names and words as the first sentence that holds them writes them, and the figures
    as given
    (`sentences`: (text, language) of each side); a term found in neither is left out (a
    stem no one wrote helps no reader). Each once, a word inside a shown name or figure not again."""
    shown: list[str] = []

    def add(text: str) -> None:
        low = text.casefold()
        if text and not any(low == s.casefold() or re.search(rf"\b{re.escape(low)}\b", s.casefold()) for s in shown):
            shown.append(text)

    for name in names:
        add(next((x for text, _ in sentences if (x := _name_in(name, text))), ""))
    for said in figures:  # already as written ("75 miles = 120 kilómetros": view._figure_said)
        add(said)
    for lemma in words:
        add(next((x for text, lang in sentences if (x := _word_in(lemma, text, lang))), ""))
    return tuple(shown)


def _name_in(name: str, text: str) -> str:
    wanted = name.split()
    tokens = list(WORD.finditer(text))
    folded = [fold(m.group()) for m in tokens]
    for i in range(len(tokens) - len(wanted) + 1):
        if folded[i:i + len(wanted)] == wanted:
            return text[tokens[i].start():tokens[i + len(wanted) - 1].end()]
    return ""


def _word_in(lemma: str, text: str, language: str) -> str:
    res = resources(language)
    for m in WORD.finditer(text):
        w = m.group()
        if fold(w) == lemma or fold(res.lemma(w.lower())) == lemma:
            return w
    return ""


def figure_in(label: str, text: str, language: str) -> str:
    """A figure as written, with the word that says what it counts or measures beside it
    ("200 viviendas", "10 kilómetros", "magnitud 7,4"), found by its canonical label."""
    res = resources(language)
    for f in analyze(text, language).figures:
        if figure_label(f) != label:
            continue
        at = find_figure(f.text, text)
        if at < 0:
            return f.text
        end = at + len(f.text)
        if not f.unit:
            return f.text
        after = WORD.search(text, end)
        if after and not text[end:after.start()].strip() and _names_unit(after.group(), f.unit, res):
            return text[at:after.end()]
        before = list(WORD.finditer(text[:at]))
        if before and not text[before[-1].end():at].strip() and _names_unit(before[-1].group(), f.unit, res):
            return text[before[-1].start():end]
        return f.text
    return ""


def _names_unit(word: str, unit: str, res) -> bool:
    w, lemma = fold(word), fold(res.lemma(word.lower()))
    return unit in (UNIT_ALIASES.get(w), UNIT_ALIASES.get(lemma), concept(w), concept(lemma))


def counted_noun(number: str, sentence: str) -> str:
    """The noun a count counts, as written after its number ("4.000 viviendas", "more than 300
    aftershocks", "8 millones de personas"); "" when none follows within three words."""
    from reporter.text.lexicon import NUMBER_LINKS, SCALE

    at = find_figure(number, sentence)
    if at < 0 or not number:
        return ""
    for n, m in enumerate(WORD.finditer(sentence, at + len(number))):
        w = m.group()
        if n > 3:
            break
        if fold(w) in SCALE or fold(w) in NUMBER_LINKS:
            continue
        return w if not w[:1].isupper() else (w.lower() if w[1:].islower() else w)
    return ""


def figure_text(number: str, sentence: str, language: str, kind: str) -> str:
    """A fact's number as its sentence writes it with the word that says what it is: '75 miles',
    '10 kilómetros', '30 people', 'magnitud 7,4' (the word before, for a magnitude)."""
    res = resources(language)
    at = find_figure(number, sentence)
    if at < 0 or not number:
        return number
    end = at + len(number)
    if kind == "magnitude":
        before = list(WORD.finditer(sentence[:at]))
        if before and not sentence[before[-1].end():at].strip() and fold(before[-1].group()).startswith("magnitud"):
            return sentence[before[-1].start():end]
        return number
    if kind in ("time", "report-time", "date", "year", "money", "percentage", "rate"):
        return number
    after = WORD.search(sentence, end)
    if after and not sentence[end:after.start()].strip() and not res.is_stop(after.group()):
        return sentence[at:after.end()]
    return number
