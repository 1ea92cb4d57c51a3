"""Signals read off one sentence: content lemmas, names, figures, quotes.

Shared by the comparator and the flagger; the figures themselves are read by
text/figures.py, the words these signals look for are in text/lexicon.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reporter.model import Figure
from reporter.text.figures import figures
from reporter.text.language import WORD, fold, resources
from reporter.text.lexicon import AGENCIES, SAYS, SPEECH, WEEKDAYS

QUOTE = re.compile(r"[«“\"„‘'][^«»“”\"„]{12,}?[»”\"’']")  # what quote_spans finds, in linear time


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans QUOTE.finditer(text) gives, found in linear time: the pattern's lazy scan
    went from every opening mark to the end of the text when no closing mark came (33,000
    "‘a" took a minute). A quotation opened at p closes at the first ’ or ' from p + 13 on,
    or at the first of «»“”"„ after p if that is » ” or " and leaves the 12 characters room."""
    import bisect

    hard = [m.start() for m in _HARD.finditer(text)]  # never inside a quotation
    soft = [m.start() for m in _SOFT.finditer(text)]  # closing marks that may also be inside one
    spans, pos = [], 0
    for m in _OPEN.finditer(text):
        p = m.start()
        if p < pos:
            continue
        i = bisect.bisect_right(hard, p)
        stop = hard[i] if i < len(hard) else len(text)
        if stop < p + 13:
            continue
        j = bisect.bisect_left(soft, p + 13)
        if j < len(soft) and soft[j] < stop:
            end = soft[j] + 1
        elif stop < len(text) and text[stop] in "»”\"":
            end = stop + 1
        else:
            continue
        spans.append((p, end))
        pos = end
    return spans


_OPEN, _HARD, _SOFT = re.compile("[«“\"„‘']"), re.compile("[«»“”\"„]"), re.compile("[’']")


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
    # weekdays that are not the day of what the sentence tells, so no day conflict rests on them: one
    # told only in the possessive names another event ("will play in Sunday's playoff game"), one right
    # after a verb of saying is when it was said ("has been closed ..., the council said on Monday night")
    named_days: tuple[int, ...] = ()


def _tokens(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


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
    words = [t.group().lower() for t in _tokens(text)]
    told = [(i, _possessor(fold(w)), fold(w)) for i, w in enumerate(words)]
    told = [(i, day, w) for i, day, w in told if day in WEEKDAYS]  # the weekdays, as written
    days = tuple(WEEKDAYS[day] for _, day, _ in told)
    named = tuple(d for d in set(days)
                  if all(day != w or _said_on(words, i) for i, day, w in told if WEEKDAYS[day] == d))
    quotes = quote_spans(text)
    inside = [lemma for lemma, tok in zip(lemmas, kept) if any(a <= tok < b for a, b in quotes)]
    outside = text
    for a, b in quotes:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    return Features(tuple(lemmas), tuple(weights), names(text), figures(text, language), days, bool(quotes),
                    tuple(inside), _speakers(outside, language) if quotes else (),
                    frozenset(fold(t.group()) for a, b in quotes for t in _tokens(text[a:b])), tuple(sorted(named)))


_SAID_ON = {"on", "late", "early", "this", "last", "el", "este", "la", "esta", "noche", "night", "del", "de"}


def _said_on(words: list[str], i: int) -> bool:
    """Whether the weekday at word i dates a verb of saying before it ("said on Monday night", "dijo el
    lunes", "announced Tuesday"): only such small words between them."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if words[j] in SPEECH:
            return True
        if words[j] not in _SAID_ON:
            return False
    return False


def _possessor(word: str) -> str:
    """"saturday's" -> "saturday" (In Saturday's semifinals), so a weekday is read in the possessive."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


# Who hears the words is not who says them: an outlet after "told" ("told The Jakarta Post"), an agency
# after "to" ("said ... to the Associated Press", "dijo a EFE"). A name that qualifies the noun after it
# ("a Bukit Sama village resident", "central Aceh district resident", "Obama administration officials")
# is a place or a body, not the speaker. Two ECB+ reports (read in place) gave one quotation to "Bensu
# Elianita ... to the Associated Press" and to "a Bukit Sama village resident told AP": a speaker conflict
# between two residents, one named and one not, built on the agency and the village.
_AGENCY = "|".join(f"(?:{p})" for p in AGENCIES.values())
_RECIPIENT = re.compile(rf"(?<=\btold )(?:the |The )?[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*|"
                        rf"(?<!according to )(?<=\bto )(?:the |The )?(?:{_AGENCY})\b|"
                        rf"(?<=\b[a] )(?:la agencia )?(?:{_AGENCY})\b")
_MODIFIER = re.compile(r"(?<![\w'])([A-Z][\w'-]*(?: [A-Z][\w'-]*)*) ([a-zñáéíóú][\w-]+)")


def _speakers(outside: str, language: str) -> tuple[str, ...]:
    """Who a quotation is given to: the names outside the quotation marks, and the
    role words next to the verb that introduces it ("the fire chief said")."""
    res = resources(language)
    tokens = _tokens(outside)
    if not any(t.group().lower() in SPEECH for t in tokens) and ":" not in outside:
        return ()  # a phrase the sentence quotes, given to no one (lexicon.SPEECH)
    outside = _RECIPIENT.sub(lambda m: " " * len(m.group()), outside)
    tokens = _tokens(outside)
    found = list(names(outside))
    if outside[:1].isspace() and outside.strip():
        # the quotation opened the sentence: the word after it does not ('"We accept the result,"
        # Arnau told reporters' gave "reporter" alone, and a false speaker conflict with "Tomás Arnau")
        first = [n for n in names("x " + outside.lstrip(" \t,.;:-\u2014\u2013")) if not all(map(res.is_stop, n.split()))]
        found = list(dict.fromkeys([*first, *found]))
    modifiers = {fold(m.group(1).replace("-", " ")) for m in _MODIFIER.finditer(outside)
                 if not res.is_stop(m.group(2)) and m.group(2).lower() not in SPEECH}
    found = [n for n in found if n not in modifiers]
    for i, tok in enumerate(tokens):
        if tok.group().lower() not in SAYS:
            continue
        for j in [*range(max(0, i - 3), i), *range(i + 1, min(len(tokens), i + 4))]:
            w = tokens[j].group()
            if w[0].islower() and not res.is_stop(w) and w.lower() not in SAYS and len(w) > 2:
                found.append(fold(res.lemma(w.lower())))
    return tuple(dict.fromkeys(found))


