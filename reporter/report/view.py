"""What the PDF template shows, built from a Briefing (pure, no I/O).

The template receives one typed View (`v`); every field is a frozen dataclass,
a tuple of them, or a plain value, so tests/test_render.py can check every
attribute path a template uses against these types. build_view composes one
small function per section of the PDF, in page order: the front page, changes
since an earlier briefing, conflicts and shared claims, the claim matrix, what
only one source says (with the summaries), the checklist, the appendix.

Every string from an article is either left for Jinja2 to autoescape or escaped
here before markup is added around it (highlight), so article text can never
become HTML.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from reporter.stages.compare import claim_groups, group_id, values_agree
from reporter.stages.facts import KINDS as FACT_KINDS, table_of as fact_table, value_label
from reporter.text.features import analyze
from reporter.text.language import WORD, fold, resources
from reporter.settings import PDF_ITEMS
from reporter.model import CONFLICT, OVERLAP, Article, Briefing, Difference, Flag, Relation, Sentence
from reporter.report.labels import Labels, labels_for
from reporter.report import readable
from reporter.review.checklist import Row, claims_of, row_verdict, rows as checklist_rows, verdict_for
from reporter.review.changes import Changes, changes


@dataclass(frozen=True)
class SourceRow:
    id: str
    title: str
    file: str
    language: str
    words: int
    sentences: int
    claims: int
    file_html: Markup = Markup("")  # the file name, breakable after _ - . / only (issue 15)


@dataclass(frozen=True)
class Note:
    """A page-1 note about the sources: a warning ("not the same story") or information."""

    text: str
    css: str  # "warning" or "info"


# Notes that warn; the others inform (two languages, identical wire copy).
WARNINGS = frozenset({"unrelated"})


@dataclass(frozen=True)
class Bar:
    """One bar of the page-1 chart."""

    label: str
    value: int
    css: str  # "shared", "only", "conflict", "flag": the bar's colour


@dataclass(frozen=True)
class Totals:
    """How many items each section has, listed in the PDF or not."""

    conflicts: int
    shared: int
    flagged: int  # the checklist
    matrix: int  # claims two or more sources carry (three or more sources)
    added: int  # since the earlier briefing (--since)
    dropped: int
    checklist: int = 0  # the checklist's rows: a row per claim, however many sources tell it (issue 13)


@dataclass(frozen=True)
class Review:
    """The reviewer's progress, from --verdicts (or verdicts carried over with --since)."""

    given: bool
    reviewed: int
    left: int


@dataclass(frozen=True)
class Method:
    summarizer: str
    length: str


@dataclass(frozen=True)
class FactSay:
    """What one source says about one quantity: "A at least 23 (governor, 13:00)"."""

    article: str
    value: str  # the value(s), with their qualifier, in the reader's language
    note: str  # who says it and the time of the report, "" none


@dataclass(frozen=True)
class FactRow:
    """One row of the fact table: a quantity about a subject, and who says what."""

    label: str  # "deaths, Oaxaca"
    says: tuple[FactSay, ...]
    differ: bool  # the sources give values that do not agree


@dataclass(frozen=True)
class Pair:
    relation: Relation
    a: Sentence
    b: Sentence
    a_html: Markup
    b_html: Markup
    strength: str  # how strongly the two match ("high" / "medium"), in the reader's language
    kinds: tuple[str, ...] = ()  # readable label of each differing value, in the reader's language
    shared_words: tuple[str, ...] = ()  # the shared names, figures and words as the sentences write them


@dataclass(frozen=True)
class Claim:
    sentence: Sentence
    flag: Flag | None
    reasons: tuple[str, ...]  # the flag's reasons, in the reader's language
    priority: str = ""  # the flag's priority, in the reader's language ("" = not flagged)
    verdict: str = ""  # the reviewer's verdict, in the reader's language ("" = not reviewed)
    notes: str = ""
    previous: str = ""  # the archive's best match (issue 16), in the reader's language ("" = none)
    # a checklist row (issue 13, item 2): every sentence that tells the claim, in source order
    # (`sentence` is its first flagged one); and the sentences giving another value (rows of their own)
    ids: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShortItem:
    """One item of the one-page briefing (--short): a conflict, or a checklist row."""

    ids: tuple[str, ...]  # every sentence telling the claim (of a conflict: one side's)
    sentences: tuple[Sentence, ...]  # what it shows: both sides of a conflict, a claim's first flagged wording
    why: str  # the differing values of a conflict, a row's reasons: in the reader's language
    level: str  # "conflict", or the row's priority ("high", "medium", "low"): a css class
    label: str  # the same in the reader's language, with the score for a row
    against: tuple[str, ...] = ()  # a conflict's other side: every sentence telling the other value


@dataclass(frozen=True)
class MatrixRow:
    id: str  # "C1"
    text: str  # the claim as the first source words it
    cells: tuple[tuple[str, ...], ...]  # per source: the ids of its sentences carrying the claim
    conflicted: tuple[bool, ...]  # per source: its sentence is in a conflict of this claim


@dataclass(frozen=True)
class Line:
    """A sentence as the appendix shows it."""

    sentence: Sentence
    role: str  # its role, in the reader's language ("" for body text)
    why: str  # why it has that role, in the reader's language
    back: str  # the anchor of its first mention in the body ("" = none)


@dataclass(frozen=True)
class Gap:
    """Sentences an abridged appendix leaves out, between two it shows."""

    first: str  # sentence ids
    last: str
    count: int


@dataclass(frozen=True)
class ArticleBlock:
    id: str
    title: str
    only: tuple[Claim, ...]  # the claims only this source makes that the PDF lists
    summary: tuple[Sentence, ...]
    sentences: tuple[Sentence, ...]  # every sentence
    only_total: int = 0  # the claims only this source makes, listed or not
    appendix: tuple[Line | Gap, ...] = ()  # what the appendix shows, in source order


@dataclass(frozen=True)
class TimelineRow:
    """A date the claims mention, with the sentences that mention it (model.TimelineEntry)."""

    date: str  # in the reader's language: "15 August 2023", "July 2023", "2023"
    iso: str
    granularity: str
    text: str  # the expressions as written
    sentences: tuple[Sentence, ...]  # the first TIMELINE_SENTENCES that mention it
    more: int = 0  # the others, in the JSON twin


@dataclass(frozen=True)
class View:
    t: Labels  # labels in the reader's language
    lang: str
    title: str
    generated: str
    version: str
    created: str  # W3C date for the PDF metadata
    # the front page
    sources: tuple[SourceRow, ...]
    relatedness: float
    relatedness_label: str
    notes: tuple[Note, ...]  # in the reader's language
    chart: tuple[Bar, ...]
    review: Review
    key_points: tuple[str, ...]
    # the sections
    changes: Changes | None  # what --since found, as listed (None: no --since)
    since: str  # the earlier briefing's file name
    conflicts: tuple[Pair, ...]
    matrix: tuple[MatrixRow, ...]  # claims carried by several sources (shown with 3+ sources)
    shared: tuple[Pair, ...]
    articles: tuple[ArticleBlock, ...]  # only-in-one-source, summaries and appendix, per source
    checklist: tuple[Claim, ...]
    totals: Totals
    # the appendix
    abridged: bool  # the appendix shows the cited sentences, not every one
    sentence_count: int  # sentences of all sources together
    method: Method
    # publication dates (page 1) and the timeline section
    published: tuple[str, ...] = ()  # each source's date, earliest first, then the unknown ones
    chronology: tuple[str, ...] = ()  # how far apart the dated sources are ("B is 10 months later than A.")
    timeline: tuple[TimelineRow, ...] = ()  # the dates the PDF lists
    timeline_total: int = 0
    # the fact table (who says what), rows stated by two or more sources, differing first
    facts: tuple[FactRow, ...] = ()
    facts_total: int = 0
    # --short (issue 13, item 4): one page, the top items to check, conflicts first
    short: bool = False
    short_items: tuple[ShortItem, ...] = ()
    short_more: int = 0  # items to check the page leaves to the checklist


# The PDF is for reading; the JSON twin and the checklist CSV are for everything. Past
# LISTED items a section lists the most important ones and says how many more the JSON
# and the CSV carry (--pdf-items changes it; 0 lists all). This also bounds the time to
# lay the PDF out (WeasyPrint: about 0.3 s a page) whatever the size of the input.
LISTED = PDF_ITEMS
# Sources with up to this many sentences together are shown whole in the appendix. Past
# it the appendix shows what the briefing cites, every line left out of the analysis
# (titles, captions, boilerplate: what was left out and why stays visible), and marks
# each run of sentences it skips; the JSON carries them all with their offsets.
APPENDIX_WHOLE = 400
KEY_POINTS = 5  # on page 1: the conflicts, then the highest-priority flags

_LONG_RUN = re.compile(r"\S{100,}")
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def visible(text: str) -> str:
    """Article text as a reader may safely see it: bidirectional overrides (which can
    make a sentence display in another order than it reads), control characters and
    every other invisible format character (Unicode Cf: zero-width space and joiners,
    soft hyphen, word joiner, a byte-order mark inside the text: "5\u200b8" reads 58 but
    is not 58) are shown as visible marks instead of acting. The JSON keeps the exact text."""
    if _LONG_RUN.search(text):
        # WeasyPrint lays out a 10,000-letter "word" in minutes (its line breaking is
        # quadratic in the run's length): show the run's ends and say how long it is.
        text = _LONG_RUN.sub(lambda m: f"{m.group()[:30]}…⟦{len(m.group())} characters⟧…{m.group()[-10:]}", text)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code in _BIDI or (code < 32 and ch not in "\t\n") or code == 0x7F or unicodedata.category(ch) == "Cf":
            out.append(f"⟦U+{code:04X}⟧")
        else:
            out.append(ch)
    return "".join(out)


def highlight(text: str, terms: set[str], language: str, css: str = "hl",
              values: tuple[str, ...] = ()) -> Markup:
    """Escape `text`, then wrap words whose folded lemma is in `terms`, and exact `values`."""
    res = resources(language)
    marks: list[tuple[int, int, str]] = []
    for v in values:
        for part in (p.strip() for p in v.split(",")):
            at = readable.find_figure(part, text) if part else -1  # "30" of "pulled 30", not of "8:30"
            at = text.find(part) if part and at < 0 else at
            if at >= 0:
                marks.append((at, at + len(part), "diff"))
    for m in WORD.finditer(text):
        w = m.group()
        if fold(w) in terms or fold(res.lemma(w.lower())) in terms:
            if not any(a <= m.start() < b for a, b, _ in marks):
                marks.append((m.start(), m.end(), css))
    marks.sort()
    out, pos = [], 0
    for a, b, cls in marks:
        if a < pos:
            continue
        out.append(escape(visible(text[pos:a])))
        out.append(Markup('<mark class="%s">%s</mark>') % (cls, visible(text[a:b])))
        pos = b
    out.append(escape(visible(text[pos:])))
    return Markup("").join(out)


def kind_label(d: Difference, t: Labels) -> str:
    """count of death -> 'deaths' / 'muertos'; a fact's kind (deaths, depth, time) by its own label;
    a count of something else or an amount by its unit ('house', 'euros'); unknown units as they are."""
    if d.kind in FACT_KINDS and not (d.kind in ("count", "money") and d.unit):
        return t.facts.kinds.of(d.kind)
    return t.units.of(d.unit or d.kind)


def build_view(b: Briefing, ui_language: str | None = None, listed: int = LISTED, short: bool = False) -> View:
    lang = ui_language or (b.articles[0].language if b.articles[0].language in ("en", "es") else "en")
    t = labels_for(lang)
    cap = listed if listed > 0 else None  # None: list everything
    flags = {f.sentence: f for f in b.flags}

    all_conflicts, all_shared = _strongest(b, CONFLICT), _strongest(b, OVERLAP)
    # Highlighting costs a lemma lookup per word: only for the pairs the PDF lists.
    conflicts = tuple(_pair(b, r, t) for r in all_conflicts[:cap])
    shared = tuple(_pair(b, r, t) for r in all_shared[:cap])
    every_group = claim_groups(b.articles, b.relations)
    groups = every_group if len(b.articles) > 2 else ()
    matrix = _matrix(b, groups, all_conflicts, cap)
    articles = _article_blocks(b, t, flags, cap)
    every_row = checklist_rows(b)
    checklist = tuple(_row(b, row, t) for row in every_row[:cap])
    every_change = changes(b)
    totals = Totals(conflicts=len(all_conflicts), shared=len(all_shared), flagged=len(b.flags),
                    matrix=len(groups), added=len(every_change.added) if every_change else 0,
                    dropped=len(every_change.dropped) if every_change else 0, checklist=len(every_row))
    listed_changes = _listed_changes(every_change, cap)

    sentence_count = sum(len(a.sentences) for a in b.articles)
    abridged = cap is not None and sentence_count > APPENDIX_WHOLE
    back = _back_links(conflicts, shared, articles, checklist)
    cited = set(back) | {x for row in matrix for cell in row.cells for x in cell}
    cited |= set(listed_changes.added if listed_changes else ())
    timeline = tuple(_timeline_row(b, e, t) for e in b.timeline[:cap])
    cited |= {s.id for row in timeline for s in row.sentences}  # the timeline links to them
    articles = tuple(replace(blk, appendix=_appendix(blk.sentences, t, back, cited if abridged else None))
                     for blk in articles)
    return View(
        t=t, lang=lang, title=readable.full_title(b.title, b.articles[0].sentences), generated=_when(b, t), version=b.version, created=b.generated_iso,
        sources=tuple(_source_row(a) for a in b.articles),
        relatedness=b.relatedness, relatedness_label=_relatedness_label(b, t),
        notes=tuple(Note(t.notes.of(n), "warning" if n in WARNINGS else "info") for n in b.notes), chart=_chart(t, totals, articles),
        review=_review(b, every_row), key_points=_key_points(t, conflicts, checklist, _tellers(every_group)),
        changes=listed_changes, since=Path(b.previous.path).name if b.previous else "",
        conflicts=conflicts, matrix=matrix, shared=shared, articles=articles, checklist=checklist,
        totals=totals, abridged=abridged, sentence_count=sentence_count,
        method=Method(b.settings.summary.summarizer, b.settings.summary.length),
        published=_published(b, t), chronology=_chronology(b, t),
        timeline=timeline, timeline_total=len(b.timeline),
        **_fact_rows(b, t, cap),
        **(_short_items(b, t, all_conflicts, every_row) if short else {}),
    )


# --- the front page ---------------------------------------------------------------------------


def _source_row(a: Article) -> SourceRow:
    name = Path(a.source).name
    return SourceRow(a.id, readable.full_title(a.title, a.sentences), name, a.language, a.word_count,
                     len(a.sentences), len(a.claims), readable.file_markup(name, visible))


def _when(b: Briefing, t: Labels) -> str:
    """The run's time written the reader's way: '22 November 2026, 09:51 UTC' / '22 de noviembre de 2026, 09:51 UTC'."""
    iso = b.generated_iso
    if len(iso) < 16:
        return b.generated
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return t.date_format.format(day=day, month=t.months[month - 1], year=year, time=iso[11:16])


def _relatedness_label(b: Briefing, t: Labels) -> str:
    if len(b.articles) < 2:
        return t.rel_single
    if b.relatedness >= b.settings.compare.high_overlap:
        return t.rel_high
    if b.relatedness >= b.settings.compare.unrelated_below:
        return t.rel_medium
    return t.rel_low


def _chart(t: Labels, totals: Totals, articles: tuple[ArticleBlock, ...]) -> tuple[Bar, ...]:
    return (Bar(t.shared, totals.shared, "shared"),
            *(Bar(t.only_in.format(id=blk.id), blk.only_total, "only") for blk in articles),
            Bar(t.conflicts, totals.conflicts, "conflict"), Bar(t.flagged, totals.checklist, "flag"))  # rows to review


def _review(b: Briefing, every_row: tuple[Row, ...]) -> Review:
    """Counted in checklist rows (a claim several sources tell is one to review)."""
    reviewed = sum(1 for row in every_row if b.verdicts and row_verdict(b, row))
    return Review(given=bool(b.verdicts), reviewed=reviewed, left=len(every_row) - reviewed)


def _key_points(t: Labels, conflicts: tuple[Pair, ...], checklist: tuple[Claim, ...],
                tellers: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every differing value of the listed conflicts (a possible update said as one), then the
    highest-priority flags, KEY_POINTS at most: each claim once (issue 13, item 4), named by every
    sentence that tells it ("A3 · B2"), never again after its conflict."""
    points = [(t.facts.key_update if p.relation.update else t.key_conflict).format(
                  a=p.a.article, b=p.b.article, va=d.a, vb=d.b, kind=f"{kind}, {d.subject}" if d.subject else kind,
                  wa=d.a_when or "?", wb=d.b_when or "?")
              for p in conflicts for d, kind in zip(p.relation.evidence.differing, p.kinds)]
    told = {x for p in conflicts if p.relation.evidence.differing
            for x in (*tellers.get(p.a.id, (p.a.id,)), *tellers.get(p.b.id, (p.b.id,)))}
    for c in checklist:
        if len(points) >= KEY_POINTS:
            break
        # a checklist row names the sentences that tell its claim, never one that disputes it
        ids = c.ids or tellers.get(c.sentence.id, (c.sentence.id,))
        if told.intersection(ids):
            continue
        told.update(ids)
        points.append(t.key_flag.format(id=" · ".join(ids), text=_quoted(c.sentence.text),  # whole: page 1 wraps, never cuts
                                        reasons=", ".join(c.reasons)))
    return tuple(points[:KEY_POINTS])


def _tellers(groups: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, ...]]:
    """Sentence id -> every sentence of its claim group (itself included), in source order."""
    out: dict[str, tuple[str, ...]] = {}
    for group in groups:
        for sid in group:
            out[sid] = tuple(group)
    return out


def _dated(b: Briefing) -> list[tuple[date, Article]]:
    """The sources whose publication date is known, earliest first (ties: source order)."""
    return sorted(((date.fromisoformat(a.published.date[:10]), a) for a in b.articles if a.published),
                  key=lambda x: (x[0], x[1].id))


def _published(b: Briefing, t: Labels) -> tuple[str, ...]:
    if not any(a.published for a in b.articles):
        return ()
    d = t.dating
    known = [d.source_date.format(id=a.id, date=_day_label(day, t), how=d.hows.of(a.published.how))
             for day, a in _dated(b)]
    return tuple(known + [d.unknown.format(id=a.id) for a in b.articles if not a.published])


def _chronology(b: Briefing, t: Labels) -> tuple[str, ...]:
    """How far apart the dated sources are, each from the one before it in time."""
    dated = _dated(b)
    out = []
    for (day_a, a), (day_b, later) in zip(dated, dated[1:]):
        gap = _gap(day_a, day_b, t)
        out.append(t.dating.same_day.format(a=a.id, b=later.id) if not gap
                   else t.dating.later.format(a=a.id, b=later.id, gap=gap))
    return tuple(out)


def _gap(a: date, b: date, t: Labels) -> str:
    """'3 days', '2 weeks', '10 months', '2 years' ('' the same day): whole calendar units, rounded down."""
    days = (b - a).days
    months = (b.year - a.year) * 12 + b.month - a.month - (1 if b.day < a.day else 0)
    d = t.dating
    if days == 0:
        return ""
    unit, n = ((d.days, days) if days < 14 else (d.weeks, days // 7) if months < 2
               else (d.months, months) if months < 24 else (d.years, months // 12))
    return unit[0] if n == 1 else unit[1].format(n=n)


def _day_label(day: date, t: Labels) -> str:
    return t.dating.day_format.format(day=day.day, month=t.months[day.month - 1], year=day.year)


TIMELINE_SENTENCES = 5  # per date in the PDF: a year every sentence names would fill pages


def _timeline_row(b: Briefing, e, t: Labels) -> TimelineRow:
    year, _, rest = e.date.partition("-")
    if e.granularity == "day":
        label = _day_label(date.fromisoformat(e.date), t)
    elif e.granularity == "month":
        label = t.dating.month_format.format(month=t.months[int(rest) - 1], year=int(year))
    else:
        label = year
    shown = e.sentences[:TIMELINE_SENTENCES]
    return TimelineRow(label, e.date, e.granularity, e.text, tuple(b.sentence(x) for x in shown),
                       len(e.sentences) - len(shown))


# --- changes since an earlier briefing --------------------------------------------------------


def _listed_changes(found: Changes | None, cap: int | None) -> Changes | None:
    if found is None or cap is None:
        return found
    return replace(found, added=found.added[:cap], dropped=found.dropped[:cap], added_texts=found.added_texts[:cap])


def _kind_subject(d: Difference, t: Labels) -> str:
    return f"{kind_label(d, t)}, {d.subject}" if d.subject else kind_label(d, t)


# --- conflicts and shared claims --------------------------------------------------------------


def _strongest(b: Briefing, kind: str) -> list[Relation]:
    """The relations of one kind, strongest first."""
    return sorted((r for r in b.relations if r.type == kind),
                  key=lambda r: (-r.score, _order(b, r.a), _order(b, r.b)))


def _pair(b: Briefing, r: Relation, t: Labels) -> Pair:
    sa, sb = b.sentence(r.a), b.sentence(r.b)
    la, lb = b.article_of(sa.id).language, b.article_of(sb.id).language
    terms = set(r.evidence.words) | {w for n in r.evidence.names for w in n.split()}
    terms |= {fold(x.text) for x in analyze(sa.text, la).figures if x.text in sb.text}
    va = tuple(d.a for d in r.evidence.differing)
    vb = tuple(d.b for d in r.evidence.differing)
    sides = ((sa.text, la), (sb.text, lb))
    kinds = tuple(_kind_said(d, t, sides) for d in r.evidence.differing)
    a_html, b_html = highlight(sa.text, terms, la, values=va), highlight(sb.text, terms, lb, values=vb)
    if r.evidence.differing:  # the values the reader's way ("23:49", "75 mi (121 km)"), after highlighting as written
        times = {(f.sentence, f.text): value_label(f) for f in b.facts if f.sentence in (sa.id, sb.id)
                 and f.kind in ("time", "report-time")}
        r = replace(r, evidence=replace(r.evidence, differing=tuple(
            _reader_difference(d, t, sides, {k[1]: v for k, v in times.items() if k[0] == sa.id},
                               {k[1]: v for k, v in times.items() if k[0] == sb.id}) for d in r.evidence.differing)))
    words = readable.surface_words(r.evidence.words, r.evidence.names,
                                   tuple(_figure_said(b, label, sa, sb) for label in r.evidence.figures), sides)
    return Pair(r, sa, sb, a_html, b_html, t.levels.high if r.score >= 0.5 else t.levels.medium, kinds, words)


def _figure_said(b: Briefing, label: str, sa: Sentence, sb: Sentence) -> str:
    """A shared figure (a fact label, '120.7 km') as the two sentences write it: '75 miles = 120
    kilometres', or once when both write it alike; the label when no fact of the pair has it."""
    from reporter.stages.compare import _label as fact_label

    said, kind = [], ""
    for s in (sa, sb):
        f = next((f for f in b.facts if f.sentence == s.id and (fact_label(f) == label or (
            f.kind == kind and kind in readable.LENGTHS))), None)  # a length written in another unit
        kind = kind or (f.kind if f is not None else "")
        if f is not None:
            said.append(readable.figure_text(f.text, s.text, b.article_of(s.id).language, f.kind))
    said = list(dict.fromkeys(said)) or [x for s in (sa, sb)
                                         if (x := readable.figure_in(label, s.text, b.article_of(s.id).language))][:1]
    return " = ".join(said)


def _reader_difference(d: Difference, t: Labels, sides: tuple[tuple[str, str], ...],
                       times_a: dict | None = None, times_b: dict | None = None) -> Difference:
    """A differing value as the reader reads it: a time as '23:49' (its fact's value when the
    sentence has it: '11:49' of '11:49 de la noche' is 23:49), a length with its unit and, when
    the two sources write different units, the other unit beside it."""
    (ta, la), (tb, lb) = sides
    d = _reader_when(d, t)
    if d.kind in ("time", "report-time"):
        def hhmm(values: str, known: dict, lang: str) -> str:
            return ", ".join(next((v for text, v in (known or {}).items() if text.startswith(x)), None)
                             or readable.clock(x, lang) for x in values.split(", "))
        return replace(d, a=hhmm(d.a, times_a, la), b=hhmm(d.b, times_b, lb))
    if d.kind == "duration":  # '3' -> '3 horas', as its sentence says it
        return replace(d, a=_with_noun(d.a, ta), b=_with_noun(d.b, tb))
    if d.kind in readable.LENGTHS or d.unit in ("km", "mi"):
        ua = [readable.written_unit(x, ta) for x in d.a.split(", ")]
        ub = [readable.written_unit(x, tb) for x in d.b.split(", ")]
        mixed = len({u for u in ua + ub if u}) > 1
        return replace(d, a=", ".join(readable.length(x, u, mixed, t.lang, la) for x, u in zip(d.a.split(", "), ua)),
                       b=", ".join(readable.length(x, u, mixed, t.lang, lb) for x, u in zip(d.b.split(", "), ub)))
    return d


_WHEN = re.compile(r"(?:(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2})?\S*)?)?\s*(\d{1,2}:\d{2})?$")


def _reader_when(d: Difference, t: Labels) -> Difference:
    """When each side states its value, the reader's way: the compare stage writes the publication
    date and time, then the report time ('2026-03-17 08:55 08:30'); shown: the report time, else the
    publication time, with the day only when the two sides' days differ ('08:30' / '17 March 2026, 08:55')."""
    parts = [_WHEN.match(w.strip()) if w else None for w in (d.a_when, d.b_when)]
    if not any(parts) or not all(m or not w for m, w in zip(parts, (d.a_when, d.b_when))):
        return d
    days = {m.group(1, 2, 3) for m in parts if m and m.group(1)}

    def shown(m) -> str:
        if m is None:
            return ""
        time = m.group(5) or m.group(4) or ""
        if not m.group(1) or (len(days) == 1 and time and all(parts)):
            return time
        day = _day_label(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), t)
        return f"{day}, {time}" if time else day

    return replace(d, a_when=shown(parts[0]), b_when=shown(parts[1]))


def _with_noun(values: str, text: str) -> str:
    return ", ".join(f"{x} {n}" if (n := readable.counted_noun(x, text)) else x for x in values.split(", "))


def _kind_said(d: Difference, t: Labels, sides: tuple[tuple[str, str], ...]) -> str:
    """kind_label, but a count of something the labels do not name is named as _counted_word says."""
    label = kind_label(d, t)
    if d.kind != "count" or not d.unit:
        return label
    return _counted_word(d.unit, label, ((value.split(", ")[0], text, lang)
                                         for (text, lang), value in zip(sides, (d.a, d.b))), t)


def _counted_word(unit: str, label: str, said, t: Labels) -> str:
    """What a count counts: the labels' word (label, when it is not the bare unit), else the noun a
    source in the reader's language writes after its number ('viviendas'), else the labels' word
    for the unit. said: (value as written, its sentence, the sentence's language) per source."""
    if label != unit:
        return label
    for value, text, lang in said:
        noun = readable.counted_noun(value, text) if lang == t.lang else ""
        if noun:
            return noun
    return dict(t.counted).get(unit, unit)


# --- the fact table -------------------------------------------------------------------------


# Values of one source in one row of the PDF's fact table; "+N" says how many more the JSON carries.
# Two long reports gave rows of hundreds of values: two pages of numbers no reader reads.
FACT_VALUES_SHOWN = 6


def _fact_rows(b: Briefing, t: Labels, cap: int | None) -> dict:
    """The rows stated by two or more sources (with one source, all), those whose values differ
    first, then in order of first mention: `facts` (as listed) and `facts_total`."""
    rows = [r for r in fact_table(b) if len(r.articles) > 1 or len(b.articles) == 1]
    built = []
    for row in rows:
        says = []
        mixed = _mixed_units(b, row.facts)
        for aid in row.articles:
            mine = [f for a, f in row.facts if a == aid]
            shown: dict[str, None] = {}
            for i, f in enumerate(mine):
                if len(shown) == FACT_VALUES_SHOWN:
                    rest = len({x.text for x in mine[i:]} - {x.text for x in mine[:i]})
                    break
                shown[_qualified(f, t, b, mixed)] = None
            else:
                rest = 0
            values = ", ".join(shown) + (f" +{rest}" if rest else "")
            note = ", ".join(list(dict.fromkeys(x for f in mine for x in (f.source, f.at) if x))[:FACT_VALUES_SHOWN])
            says.append(FactSay(aid, values, note))
        kind = t.facts.kinds.of(row.kind) if row.kind not in ("count",) else \
            (t.facts.kinds.speed_limit if row.unit.endswith("limit") else t.facts.kinds.speed) if _speed(row.unit) else \
            _counted_label(b, row, t)
        label = f"{kind}, {row.subject}" if row.subject else kind
        first = [f for a, f in row.facts if a == row.articles[0]]
        differ = any(not any(values_agree(x, y, b.settings.compare) for x in first)
                     for a, y in row.facts if a != row.articles[0])
        built.append(FactRow(label, tuple(says), differ))
    built.sort(key=lambda r: not r.differ)
    return {"facts": tuple(built[:cap]), "facts_total": len(built)}


def _qualified(f, t: Labels, b: Briefing | None = None, mixed: bool = False) -> str:
    q = {"min": t.facts.min, "max": t.facts.max, "approx": t.facts.approx}.get(f.qualifier, "")
    shown = _fact_value(f, t, b, mixed)
    return f"{q} {shown}" if q else shown


def _fact_value(f, t: Labels, b: Briefing | None, mixed: bool) -> str:
    """A fact's value the reader's way (issue 15): a time as '23:49'; a length in the unit its source
    wrote, with the other beside it when the row mixes km and miles ('75 mi (121 km)'); a duration
    with the word its source wrote ('3 horas'); amounts normalised (USD); the rest as written."""
    said = b.sentence(f.sentence) if b is not None else None
    if f.kind in ("time", "report-time"):
        return value_label(f)
    if said is not None and f.kind in readable.LENGTHS:
        unit = readable.written_unit(f.text, said.text)
        if unit in ("km", "mi"):
            return readable.length(f.text, unit, mixed, t.lang, b.article_of(said.id).language)
    if said is not None and f.kind == "count" and _speed(f.unit):
        written = _SPEED_UNIT.match(said.text, said.text.find(f.text) + len(f.text)) if f.text in said.text else None
        return f"{f.text} {written.group(1)}" if written else f.text  # "215 km/h" beside "130 mph": one row, each as written
    if f.kind == "duration":
        noun = readable.counted_noun(f.text, said.text) if said is not None else ""
        return f"{f.text} {noun}" if noun else f"{value_label(f).split()[0]} {dict(t.counted).get(f.unit, f.unit)}"
    return value_label(f) if f.kind in ("depth", "distance", "height", "money") else f.text


# A speed's unit as its source wrote it (the fact reader keeps mph and km/h as one quantity, in km/h).
_SPEED_UNIT = re.compile(r"\s*(km/h|kph|mph|km por hora|kilómetros por hora|kilometros por hora|millas por hora|"
                         r"miles per hour|kilomet(?:er|re)s per hour|kilomet(?:er|re)s an hour|miles an hour)\b",
                         re.IGNORECASE)


def _speed(unit: str) -> bool:
    return unit.split(" ")[0] in ("km/h", "kph", "mph")


def _mixed_units(b: Briefing, facts) -> bool:
    """The sources of a row of lengths write them in different units (km and miles)."""
    units = {readable.written_unit(f.text, b.sentence(f.sentence).text) for _, f in facts
             if f.kind in readable.LENGTHS}
    return len(units - {""}) > 1


def _counted_label(b: Briefing, row, t: Labels) -> str:
    """What a row of counts counts (_counted_word, over the row's facts)."""
    said = ((f.text, b.sentence(f.sentence).text, b.article_of(f.sentence).language) for _, f in row.facts)
    return _counted_word(row.unit, t.units.of(row.unit), said, t)


# --- the claim matrix -------------------------------------------------------------------------


def _matrix(b: Briefing, groups: tuple[tuple[str, ...], ...], all_conflicts: list[Relation],
            cap: int | None) -> tuple[MatrixRow, ...]:
    """Claims several sources carry: the ones some source disputes first, each part in the order of the sources."""
    in_conflict = {x for r in all_conflicts for x in (r.a, r.b)}
    ranked = sorted(enumerate(groups), key=lambda g: (not any(x in in_conflict for x in g[1]), g[0]))
    rows = []
    for n, group in ranked[:cap]:
        cells = tuple(tuple(x for x in group if b.sentence(x).article == a.id) for a in b.articles)
        rows.append(MatrixRow(group_id(n + 1), _short(b.sentence(group[0]).text, 150), cells,
                              tuple(any(x in in_conflict for x in c) for c in cells)))
    return tuple(rows)


# --- what only one source says, and the summaries ---------------------------------------------


def _article_blocks(b: Briefing, t: Labels, flags: dict[str, Flag], cap: int | None) -> tuple[ArticleBlock, ...]:
    related = {x for r in b.relations for x in (r.a, r.b)}
    return tuple(_article_block(b, a, t, flags, related, cap) for a in b.articles)


def _article_block(b: Briefing, a: Article, t: Labels, flags: dict[str, Flag], related: set[str],
                   cap: int | None) -> ArticleBlock:
    """The claims only `a` makes that the PDF lists (the most check-worthy, in source order), its summary."""
    alone = [s for s in a.claims if s.id not in related] if len(b.articles) > 1 else []
    chosen = sorted(alone, key=lambda s: (-(flags[s.id].score if s.id in flags else 0.0), s.index))[:cap]
    only = tuple(_claim(b, s, t, flags) for s in sorted(chosen, key=lambda s: s.index))
    return ArticleBlock(a.id, readable.full_title(a.title, a.sentences), only,
                        tuple(b.sentence(i) for i in b.summaries[a.id]), a.sentences,
                        len(alone))


# --- the checklist ----------------------------------------------------------------------------


def _row(b: Briefing, row: Row, t: Labels) -> Claim:
    """A checklist row (review/checklist.py rows: a row per claim, highest priority first)."""
    v = row_verdict(b, row) if b.verdicts else None
    previous = next((p for p in (_previous(b, b.sentence(x), t) for x in dict.fromkeys((row.lead, *row.sentences)))
                     if p), "")
    return Claim(b.sentence(row.lead), row.flag, tuple(t.reasons.of(x) for x in row.reasons), t.levels.of(row.priority),
                 t.verdicts.of(v.verdict) if v else "", v.notes if v else "", previous, row.sentences, row.conflicts)


SHORT_ITEMS = 8  # what one page holds with its sources table: conflicts first, then the checklist's top rows
SHORT_TEXT = 220  # characters of a sentence on the one page


def _short_items(b: Briefing, t: Labels, conflicts: list[Relation], every_row: tuple[Row, ...]) -> dict:
    """--short: the conflicts (strongest first), then the checklist rows they do not cover, in
    priority order, SHORT_ITEMS at most; each claim once, with every sentence that tells it."""
    items: list[ShortItem] = []
    told: set[str] = set()
    claim = claims_of(b)
    for r in conflicts:
        side_a, side_b = claim.get(r.a, (r.a,)), claim.get(r.b, (r.b,))
        if told.issuperset(side_a + side_b):
            continue  # the same two claims, another pair of their sentences: said once
        sa, sb = b.sentence(r.a), b.sentence(r.b)
        why = "; ".join(f"{_kind_subject(d, t)}: {d.a} ≠ {d.b}" for d in r.evidence.differing)
        items.append(ShortItem(side_a, (sa, sb), why or t.reasons.conflict, "conflict", t.conflicts, side_b))
        told.update(side_a + side_b)
    for row in every_row:
        if told.intersection(row.sentences):
            continue
        items.append(ShortItem(row.sentences, (b.sentence(row.lead),), ", ".join(t.reasons.of(x) for x in row.reasons),
                               row.priority, f"{t.levels.of(row.priority)} ({row.score:.2f})"))
    shown = tuple(replace(i, sentences=tuple(replace(s, text=_short(s.text, SHORT_TEXT)) for s in i.sentences))
                  for i in items[:SHORT_ITEMS])
    return {"short": True, "short_items": shown, "short_more": len(items) - len(shown)}


def _claim(b: Briefing, s: Sentence, t: Labels, flags: dict[str, Flag]) -> Claim:
    f = flags.get(s.id)
    v = verdict_for(b, s.id) if b.verdicts else None
    return Claim(s, f, tuple(t.reasons.of(x) for x in (f.reasons if f else ())),
                 t.levels.of(f.priority) if f else "",
                 t.verdicts.of(v.verdict) if v else "", v.notes if v else "", _previous(b, s, t))


def _previous(b: Briefing, s: Sentence, t: Labels) -> str:
    """The archived verdict of the claim's best match (archive/consult.py), "" when none."""
    from reporter.archive.consult import matches_of, where

    m = next((m for m in matches_of(b) or () if m.sentence == s.id), None)
    if m is None:
        return ""
    r = m.match.record
    when = ", ".join(x for x in (r.reviewed[:10], where(r.source)) if x)
    label = t.archived_same if m.match.tier == "same" else t.archived_related
    return label.format(verdict=t.verdicts.of(r.verdict), when=when).replace(" ()", "")


# --- the appendix -----------------------------------------------------------------------------


def _back_links(conflicts: tuple[Pair, ...], shared: tuple[Pair, ...], articles: tuple[ArticleBlock, ...],
                checklist: tuple[Claim, ...]) -> dict[str, str]:
    """Sentence id -> the anchor of its first mention in the body, in page order."""
    back: dict[str, str] = {}
    for n, p in enumerate(conflicts):
        for x in (p.a.id, p.b.id):
            back.setdefault(x, f"c-{n}")
    for n, p in enumerate(shared):
        for x in (p.a.id, p.b.id):
            back.setdefault(x, f"p-{n}")
    for blk in articles:
        for c in blk.only:
            back.setdefault(c.sentence.id, f"o-{c.sentence.id}")
        for s in blk.summary:
            back.setdefault(s.id, f"m-{s.id}")
    for c in checklist:
        for x in (c.sentence.id, *c.ids):  # every sentence a row names links back to the row
            back.setdefault(x, f"k-{c.sentence.id}")
    return back


def _appendix(sentences: tuple[Sentence, ...], t: Labels, back: dict[str, str],
              cited: set[str] | None) -> tuple[Line | Gap, ...]:
    """Every sentence (cited is None), or the cited ones and every non-body line, with a
    Gap for each run of sentences left out between them."""
    out: list[Line | Gap] = []
    skipped: list[Sentence] = []
    for s in sentences:
        if cited is None or s.id in cited or not s.is_claim:
            if skipped:
                out.append(Gap(skipped[0].id, skipped[-1].id, len(skipped)))
                skipped = []
            why = t.whys.of(s.why) if s.why else ""
            if why == s.why and t.lang != "en":  # a note with no label yet: left out, never shown in English
                why = ""
            out.append(Line(s, t.roles.of(s.role), why, back.get(s.id, "")))
        else:
            skipped.append(s)
    if skipped:
        out.append(Gap(skipped[0].id, skipped[-1].id, len(skipped)))
    return tuple(out)


# --- helpers ----------------------------------------------------------------------------------


def _order(b: Briefing, sid: str) -> tuple[str, int]:
    s = b.sentence(sid)
    return (s.article, s.index)


def _quoted(text: str) -> str:
    return text if text[:1] in "«“\"'‘" else f"“{text}”"


def _short(text: str, n: int = 110) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"
