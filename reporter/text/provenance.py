"""Where a story's words come from: agency credits, and passages two sources share word for word.

Two outlets that run the same AP paragraph are one source for that claim, not two that agree
(issue 13, item 3). This module finds

- **credits**: the agencies an article credits for its text: a dateline ("SEOUL (AFP) –",
  "Ciudad de México, 23 jun (EFE).-", "México/Washington/EFE-EL UNIVERSAL"), a byline ("Por EFE",
  "By The Associated Press"), a credit line ("AFP", "Con información de Reuters", "Reporting by
  ...; Editing by ... (Reuters)", "© 2024 The Associated Press"). A photo credit ("(Photo: AP)")
  credits a picture, not the text, and "told Reuters" is an interview: neither counts.
- **shared text**: two sentences of different sources that say the same words outside
  quotations (word trigrams of the shorter one, at least SHARED_SHARE of them in the other, and
  at least MIN_WORDS words each): wire copy, whoever credits it. A quotation is left out because
  every outlet that quotes a person repeats the same words.

Hand-written patterns: no library we know of reads agency credits from news text.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

from reporter.model import SharedText
from reporter.text.lexicon import AGENCIES

_ANY = "|".join(f"(?:{p})" for p in AGENCIES.values())
_NAME = re.compile(rf"(?<!\w)(?:{_ANY})(?!\w)")

# A dateline: a place (capitalised words, commas, slashes), maybe a date, the agency in
# parentheses or after a slash, then a dash or ".-": at the start of a line.
_DATELINE = re.compile(
    rf"^\W{{0,3}}[A-ZÁÉÍÓÚÑ][\w .,'/()-]{{0,80}}?(?:\(\s*(?:{_ANY})(?:\s*[/,]\s*(?:{_ANY}))*\s*\)|/\s*(?:{_ANY}))"
    r"\s*(?:\.\s*-|[-–—:.]|,)"
)
# A byline or credit line: the line says who wrote or supplied the text ("Por EFE", "By The
# Associated Press", "Con información de AP y Reuters", "Reporting by Jane Doe; Editing by John
# Smith (Reuters)"), or is only agency names ("AFP", "EFE / Reuters").
_CREDIT_LINE = re.compile(
    rf"^\W*(?:por|by|fuente|source|con información de|con informacion de|con información de las agencias|"
    rf"with reporting (?:from|by)|información de|reporting by|agencias?|agencies|wire services)\b[^\n]{{0,120}}?"
    rf"(?<![\w-])(?:{_ANY})(?![\w-])",
    re.IGNORECASE,
)
_ONLY_NAMES = re.compile(rf"^\W*(?:{_ANY})(?:\s*(?:[/,;|]|y|and|&)\s*(?:{_ANY}))*\W*$")
_RIGHTS = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?:{_ANY})", re.IGNORECASE)

SHARED_SHARE = 0.6  # of the shorter sentence's word trigrams, found in the other (wire copy rewrites the
# attribution: 'the South Korean military said' / 'South Korea's military said' keeps 0.72)
MIN_WORDS = 10  # a shorter sentence is a common phrase, not evidence of copy
_WORD = re.compile(r"\w+")


def canonical(name: str) -> str:
    for canon, pattern in AGENCIES.items():
        if re.fullmatch(pattern, name.strip()):
            return canon
    return name.strip()


def credits(lines: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The agencies credited for the text, from (role, text) lines in order: datelines and
    credit lines anywhere, never a photo caption or a body sentence's mention."""
    found: list[str] = []
    for role, text in lines:
        if role == "caption":
            continue
        names: list[str] = []
        m = _DATELINE.match(text)
        if m:
            names = _NAME.findall(m.group())
        elif _RIGHTS.search(text):
            names = _NAME.findall(_RIGHTS.search(text).group())
        elif _ONLY_NAMES.match(text) or (len(text.split()) <= 25 and _CREDIT_LINE.match(text)
                                         and not _mentions_only(text)):
            names = _NAME.findall(text)
        for n in names:
            c = canonical(n)
            if c not in found:
                found.append(c)
    return tuple(found)


def _mentions_only(text: str) -> bool:
    """'told Reuters', 'dijo a EFE', 'according to AP': the agency is quoted, not credited."""
    return bool(re.search(rf"(?:told|to|a|según|according to|dijo a|declaró a|said to)\s+(?:la agencia\s+)?(?:{_ANY})\b",
                          text, re.IGNORECASE))


def _trigrams(text: str) -> frozenset[tuple[str, str, str]]:
    """The word trigrams of the reporter's own words: a quotation is the same in every outlet
    that quotes it, so quoted spans are left out."""
    from reporter.text.features import quote_spans

    for a, b in reversed(quote_spans(text)):
        text = text[:a] + " | " + text[b:]  # a break: no trigram spans a removed quotation
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    runs = [_WORD.findall(part) for part in plain.split("|")]
    if sum(len(r) for r in runs) < MIN_WORDS:
        return frozenset()
    return frozenset(t for words in runs for t in zip(words, words[1:], words[2:]))


def shared_text(sentences: Sequence[tuple[str, str, str]]) -> tuple[SharedText, ...]:
    """Pairs of (id, article, text) sentences from different articles that share their words.
    Candidates come from an index of trigrams, so the work grows with the shared trigrams, not
    with every pair of sentences."""
    grams = [(sid, art, _trigrams(text)) for sid, art, text in sentences]
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, (_, _, g) in enumerate(grams):
        for t in g:
            index[t].append(i)
    found: list[SharedText] = []
    for i, (sid, art, g) in enumerate(grams):
        if not g:
            continue
        counts: dict[int, int] = defaultdict(int)
        for t in g:
            bucket = index[t]
            if len(bucket) > 50:
                continue  # a trigram in 50 sentences is a formula ("dijo el presidente de"), not copy
            for j in bucket:
                if j > i and grams[j][1] != art:
                    counts[j] += 1
        for j, common in counts.items():
            other = grams[j][2]
            share = common / min(len(g), len(other))
            if share >= SHARED_SHARE:
                found.append(SharedText(sid, grams[j][0], round(share, 3)))
    return tuple(found)


def independent(group: Sequence[str], article_of: dict[str, str], shared: Iterable[SharedText]) -> list[list[str]]:
    """The sources of a claim group (sentence ids), merged where two of them tell it in the same
    words: each inner list is one independent source (article ids)."""
    parent = {article_of[s]: article_of[s] for s in group}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members = set(group)
    for pair in shared:
        if pair.a in members and pair.b in members:
            parent[root(article_of[pair.a])] = root(article_of[pair.b])
    clusters: dict[str, list[str]] = defaultdict(list)
    for art in sorted(parent):
        clusters[root(art)].append(art)
    return sorted(clusters.values())
