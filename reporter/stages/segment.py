"""Stage 2: sentences with character offsets into the source.

Lines first (ingest), then simplemma's rule-based splitter within each line:
that combination measured best on UD news text (see README, "Sentence
splitting"), needs no NLTK punkt data, and keeps every sentence a slice of the
source. simplemma carries abbreviation lists only for some languages, so we add
the honorifics and country abbreviations that news copy uses (EE.UU., Sr.,
Gov., U.S.): a piece ending with one of them is joined to the next.
"""
from __future__ import annotations


import re

from reporter.model import BODY, BOILERPLATE, Article, Sentence, Source
from reporter.stages.ingest import LONE_CREDIT

# Lowercase, without the final dot. Only abbreviations that (almost) never end a
# sentence in news copy: titles before a name, and country/organisation initials.
_COMMON = {"u.s", "u.k", "u.n", "ee", "ee.uu", "ee. uu", "e.e.u.u", "n.y", "d.c", "nº", "núm", "vs", "bros"}
ABBREVIATIONS = {
    "es": _COMMON | {"sr", "sra", "srta", "dr", "dra", "lic", "ing", "prof", "gral", "gen", "cnel", "tte",
                     "sto", "sta", "av", "avda", "pág", "ud", "uds", "dña", "aprox", "art", "cía",
                     "p.ej", "mons", "pdte", "presid", "dip", "sen", "hab", "st"},
    "en": _COMMON | {"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "cmdr",
                     "adm", "maj", "prof", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "e.g", "i.e",
                     "jan", "feb", "aug", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "supt", "gov"},
    "fr": _COMMON | {"m", "mme", "mlle", "dr", "pr", "me", "st"},
    "de": _COMMON | {"dr", "prof", "hr", "fr", "nr", "bzw", "ca", "z.b", "u.a", "st"},
    "it": _COMMON | {"sig", "sigg", "dott", "prof", "on", "avv", "ing", "sen"},
    "pt": _COMMON | {"sr", "sra", "dr", "dra", "prof", "av", "eng"},
    "sv": _COMMON | {"dr", "prof", "bl.a", "t.ex", "s.k"},
}
_OPENING = "(«“\"'"  # stripped from the front of the last word before it is looked up
LONGEST = max(len(a) for abbrevs in ABBREVIATIONS.values() for a in abbrevs)


def split(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) within text[start:end], one line."""
    import simplemma

    line = text[start:end]
    pieces = simplemma.split_sentences(line, lang=language if language in ABBREVIATIONS else None)
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        at = line.find(piece, pos)
        if at < 0:  # cannot happen (pieces are slices), but never lose text
            continue
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    if language in ("es", "en"):
        spans = _split_after_figures(line, spans)
    spans = _join_abbreviations(line, spans, ABBREVIATIONS.get(language, _COMMON))
    spans = _move_footnote_marks(line, spans)
    if not spans:
        spans = [(0, len(line))]
    return [(start + a, start + b) for a, b in spans]


# What simplemma's rules get wrong on news copy, fixed after it (measured with `reporter eval
# segmentation` on UD es-GSD and en-GUM, README "Sentence splitting"):
# - a clock time "11:49 p.m." goes on with a weekday, month, zone or lowercase word
#   ("p.m. Thursday local time") and ends a sentence before any other capital ("10 a.m. The");
# - a figure ends a sentence before a capital in Spanish and English ("los años 90. Esto"),
#   where simplemma reads it as an ordinal (German "1. Mai"), but not a list item's number at the
#   start of its line ("1. Hacienda devolverá...": a "Most viewed" list pasted as text);
# - a piece that opens with "/" or a lowercase letter goes on ("7,63 hab. / km²");
# - footnote marks ("[17]") belong to the sentence before them.
_CLOCK_END = re.compile(r"\b[ap]\.\s?m\.$", re.IGNORECASE)
_CLOCK_NEXT = re.compile(
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b"
    r"|(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|ET|PT|local)\b|[a-z0-9(,;:–—-]")
_CLOCK_THEN_CAPITAL = re.compile(r"\b[ap]\.\s?m\.(\s+)(?=[\"“«(¿¡]?[A-ZÁÉÍÓÚÑ])", re.IGNORECASE)
_FIGURE_THEN_CAPITAL = re.compile(r"(?<![.,\d])\d{1,4}\.(\s+)(?=[\"“«(¿¡]?[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
_BEFORE_FIGURE = re.compile(r"(?:\b(?:no|nº|núm|num|art|pág|p|vol|cap|fig)\.?|[#])\s*$", re.IGNORECASE)
_FOOTNOTES = re.compile(r"(?:\[\d{1,3}\]\s*)+")
_INITIAL_END = re.compile(r"[\s/(][A-ZÁÉÍÓÚÑ]\.$")


def _split_after_figures(line: str, spans) -> list[tuple[int, int]]:
    """Split a piece after "10 a.m." or a figure with its dot when a capitalised word follows
    (not a weekday, month or zone after a clock time; not a figure after "No." or "art.")."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        cuts = []
        for m in _CLOCK_THEN_CAPITAL.finditer(line, a, b):
            if not _CLOCK_NEXT.match(line, m.end(), b) and m.end() < b:
                cuts.append((m.start(1), m.end(1)))
        for m in _FIGURE_THEN_CAPITAL.finditer(line, a, b):
            if m.start() == 0:
                continue  # a numbered item: "1. Hacienda devolverá..." (a list pasted as text) is one piece
            if m.end() < b and not _BEFORE_FIGURE.search(line, max(a, m.start() - 8), m.start()):
                cuts.append((m.start(1), m.end(1)))
        start = a
        for end, next_start in sorted(cuts):
            if end > start:
                out.append((start, end))
                start = next_start
        out.append((start, b))
    return out


def _join_abbreviations(line: str, spans, abbrevs) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and (_ends_with_abbreviation(line, *out[-1], abbrevs) or _goes_on(line, out[-1], a, b)):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _goes_on(line: str, before: tuple[int, int], a: int, b: int) -> bool:
    """Whether the piece line[a:b] continues the one before: after a clock time, a weekday,
    month, zone or lowercase word; after any piece, "/" or a lowercase letter."""
    first = line[a:min(b, a + 40)].lstrip()  # only the ends are looked at: joined pieces grow
    tail = line[max(before[0], before[1] - 12):before[1]].rstrip()
    if not first:
        return False
    if first[0] == "/" or first[0].islower():
        return not tail.endswith(("?", "!", "…"))
    if first[0].isdigit() and re.search(r"(?:^|\s)no\.$", tail, re.IGNORECASE):
        return True  # "No. 1"
    if _INITIAL_END.search(tail) and first[0].isupper():
        near = line[max(before[0], before[1] - 60):before[1]]  # a bounded look back, as above
        if tail[-3] == "/" or near.rfind("(") > near.rfind(")"):
            return True  # a name's initial in a credit: "(Foto: EFE/J. Casares)", "EFE/J. Casares"
    return bool(_CLOCK_END.search(tail) and _CLOCK_NEXT.match(first))


def _move_footnote_marks(line: str, spans) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        m = _FOOTNOTES.match(line, a, b)
        if out and m:
            out[-1] = (out[-1][0], len(line[:m.end()].rstrip()))
            a = m.end()
            if a >= b:
                continue
        out.append((a, b))
    return out


def _ends_with_abbreviation(line: str, a: int, b: int, abbrevs) -> bool:
    """Whether line[a:b] ends with an abbreviation and its dot: its last word, opening marks
    aside ("(Sr."), is one of `abbrevs`. Only the end of the piece is looked at: a search from
    its start (the pattern (\\S+)\\.$ this replaces) took minutes on a 100 KB word, and slicing
    every joined piece again grew with the square of a line of "Sr. Sr. Sr. ..."."""
    dot = b - 1
    if dot <= a or line[dot] != ".":
        return False
    for size in range(1, min(LONGEST, dot - a) + 1):
        start = dot - size
        if line[start].isspace():
            return False  # the word is shorter than this: no longer candidate
        if line[start:dot].lower() in abbrevs:
            while start > a and line[start - 1] in _OPENING:
                start -= 1
            if start == a or line[start - 1].isspace():
                return True
    return False


def segment(source: Source, article_id: str) -> Article:
    """Split every line of `source` into sentences and number them A1, A2, ..."""
    sentences: list[Sentence] = []
    for line in source.lines:
        for a, b in split(source.text, line.start, line.end, source.language):
            s = source.text[a:b]
            role, why = line.role, line.why
            if role == BODY and LONE_CREDIT.match(s):
                role, why = BOILERPLATE, "agency credit"
            n = len(sentences) + 1
            sentences.append(Sentence(f"{article_id}{n}", article_id, n, a, b, s, role, line.paragraph, why))
    title = next((s.text for s in sentences if s.role == "title"), None)
    if title is None:
        first = next((s.text for s in sentences if s.is_claim), sentences[0].text)
        title = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
    return Article(article_id, source.path, source.text, title, source.language, tuple(sentences),
                   source.format, source.encoding)
