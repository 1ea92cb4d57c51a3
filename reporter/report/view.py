"""What the PDF template shows, built from a Briefing (pure, no I/O).

The template receives one typed View; every string from an article is either
left for Jinja2 to autoescape or escaped here before markup is added around it
(highlight), so article text can never become HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup, escape

from reporter.stages.compare import HIGH_OVERLAP, UNRELATED_BELOW, claim_groups
from reporter.text.features import analyze
from reporter.stages.flag import REASON_LABELS
from reporter.text.language import WORD, fold, resources
from reporter.model import CONFLICT, OVERLAP, PDF_ITEMS, Briefing, Difference, Flag, Relation, Sentence
from reporter.report.labels import labels_for
from reporter.review.checklist import verdict_for
from reporter.review.changes import changes


@dataclass(frozen=True)
class SourceRow:
    id: str
    title: str
    file: str
    language: str
    words: int
    sentences: int
    claims: int


@dataclass(frozen=True)
class Pair:
    relation: Relation
    a: Sentence
    b: Sentence
    a_html: Markup
    b_html: Markup
    strength: str  # "high" / "medium"
    kinds: tuple[str, ...] = ()  # readable label of each differing value, in the reader's language


@dataclass(frozen=True)
class Claim:
    sentence: Sentence
    flag: Flag | None
    reasons: tuple[str, ...]
    verdict: str = ""  # the reviewer's verdict, in the reader's language ("" = not reviewed)
    notes: str = ""


@dataclass(frozen=True)
class MatrixRow:
    id: str  # "C1"
    text: str  # the claim as the first source words it
    cells: tuple[tuple[str, ...], ...]  # per source: the ids of its sentences carrying the claim
    conflicted: tuple[bool, ...]  # per source: its sentence is in a conflict of this claim


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
    appendix: tuple[Sentence | Gap, ...] = ()  # what the appendix shows, in source order


@dataclass(frozen=True)
class View:
    t: dict  # labels in the reader's language
    lang: str
    title: str
    generated: str
    version: str
    sources: tuple[SourceRow, ...]
    relatedness: float
    relatedness_label: str
    notes: tuple[str, ...]
    counts: dict
    key_points: tuple[str, ...]
    conflicts: tuple[Pair, ...]
    shared: tuple[Pair, ...]
    articles: tuple[ArticleBlock, ...]
    checklist: tuple[Claim, ...]
    method: dict
    changes: object  # since.Changes or None
    since: str  # the earlier briefing's file name
    matrix: tuple[MatrixRow, ...]  # claims carried by several sources (shown with 3+ sources)
    review: dict  # {"given": bool, "reviewed": n, "left": m}
    back: dict  # sentence id -> anchor of its first mention in the body (appendix links back)
    created: str  # W3C date for the PDF metadata
    chart: tuple  # bars of the page-1 chart: (label, value, css class)
    totals: dict  # section -> how many items it has, listed or not (conflicts, shared, matrix, checklist, ...)
    abridged: bool  # the appendix shows the cited sentences, not every one
    sentence_count: int  # sentences of all sources together


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

_LONG_RUN = re.compile(r"\S{100,}")
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def visible(text: str) -> str:
    """Article text as a reader may safely see it: bidirectional overrides (which can
    make a sentence display in another order than it reads) and control characters
    are shown as visible marks instead of acting. The JSON keeps the exact text."""
    if _LONG_RUN.search(text):
        # WeasyPrint lays out a 10,000-letter "word" in minutes (its line breaking is
        # quadratic in the run's length): show the run's ends and say how long it is.
        text = _LONG_RUN.sub(lambda m: f"{m.group()[:30]}…⟦{len(m.group())} characters⟧…{m.group()[-10:]}", text)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code in _BIDI or (code < 32 and ch not in "\t\n") or code == 0x7F:
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
            at = text.find(part) if part else -1
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


def kind_label(d: Difference, t: dict) -> str:
    """count of death -> 'deaths' / 'muertos'; unknown units are shown as they are."""
    units = t["unit_labels"]
    if d.unit:
        return units.get(d.unit, d.unit)
    return units.get(d.kind, d.kind)


def _pair(b: Briefing, r: Relation, t: dict) -> Pair:
    sa, sb = b.sentence(r.a), b.sentence(r.b)
    la, lb = _lang(b, sa), _lang(b, sb)
    terms = set(r.evidence.words) | {w for n in r.evidence.names for w in n.split()}
    terms |= {fold(x.text) for x in analyze(sa.text, la).figures if x.text in sb.text}
    va = tuple(d.a for d in r.evidence.differing)
    vb = tuple(d.b for d in r.evidence.differing)
    kinds = tuple(kind_label(d, t) for d in r.evidence.differing)
    return Pair(r, sa, sb, highlight(sa.text, terms, la, values=va), highlight(sb.text, terms, lb, values=vb),
                "high" if r.score >= 0.5 else "medium", kinds)


def _lang(b: Briefing, s: Sentence) -> str:
    return b.article_of(s.id).language


def build_view(b: Briefing, ui_language: str | None = None, listed: int = LISTED) -> View:
    lang = ui_language or (b.articles[0].language if b.articles[0].language in ("en", "es") else "en")
    t = labels_for(lang)
    cap = listed if listed > 0 else None  # None: list everything
    flags = {f.sentence: f for f in b.flags}
    related = {x for r in b.relations for x in (r.a, r.b)}

    def strongest(relations) -> list[Relation]:
        return sorted(relations, key=lambda r: (-r.score, _order(b, r.a), _order(b, r.b)))

    all_conflicts = strongest(r for r in b.relations if r.type == CONFLICT)
    all_shared = strongest(r for r in b.relations if r.type == OVERLAP)
    # Highlighting costs a lemma lookup per word: only for the pairs the PDF lists.
    conflicts = tuple(_pair(b, r, t) for r in all_conflicts[:cap])
    shared = tuple(_pair(b, r, t) for r in all_shared[:cap])

    def claim(s: Sentence) -> Claim:
        f = flags.get(s.id)
        v = verdict_for(b, s.id) if b.verdicts else None
        return Claim(s, f, tuple(t["reason_labels"].get(x, REASON_LABELS[x]) for x in (f.reasons if f else ())),
                     t["verdict_labels"].get(v.verdict, v.verdict) if v else "", v.notes if v else "")

    def only_in(a) -> tuple[list[Sentence], int]:
        """The claims only `a` makes that the PDF lists: the most check-worthy, in source order."""
        if len(b.articles) < 2:
            return [], 0
        alone = [s for s in a.claims if s.id not in related]
        chosen = sorted(alone, key=lambda s: (-(flags[s.id].score if s.id in flags else 0.0), s.index))[:cap]
        return sorted(chosen, key=lambda s: s.index), len(alone)

    blocks = []
    for a in b.articles:
        only, only_total = only_in(a)
        blocks.append(ArticleBlock(a.id, a.title, tuple(claim(s) for s in only),
                                   tuple(b.sentence(i) for i in b.summaries[a.id]), a.sentences, only_total))
    ranked_flags = sorted(b.flags, key=lambda f: (-f.score, _order(b, f.sentence)))
    checklist = tuple(claim(b.sentence(f.sentence)) for f in ranked_flags[:cap])
    counts = {
        "shared": len(all_shared),
        "conflicts": len(all_conflicts),
        "flagged": len(b.flags),
        "only": {blk.id: blk.only_total for blk in blocks},
    }
    key_points = [t["key_conflict"].format(a=p.a.article, b=p.b.article, va=d.a, vb=d.b, kind=kind_label(d, t))
                  for p in conflicts for d in p.relation.evidence.differing]
    in_conflict = {x for r in all_conflicts for x in (r.a, r.b)}
    groups = claim_groups(b.articles, b.relations) if len(b.articles) > 2 else ()
    # claims some source disputes first, each part in the order of the sources
    ranked_groups = sorted(enumerate(groups), key=lambda g: (not any(x in in_conflict for x in g[1]), g[0]))
    matrix = []
    for n, group in ranked_groups[:cap]:
        cells = tuple(tuple(x for x in group if b.sentence(x).article == a.id) for a in b.articles)
        matrix.append(MatrixRow(f"C{n + 1}", _short(b.sentence(group[0]).text, 150), cells,
                                tuple(any(x in in_conflict for x in c) for c in cells)))
    reviewed = sum(1 for f in b.flags if b.verdicts and verdict_for(b, f.sentence))
    review = {"given": bool(b.verdicts), "reviewed": reviewed, "left": len(b.flags) - reviewed}
    back: dict[str, str] = {}
    for n, p in enumerate(conflicts):
        for x in (p.a.id, p.b.id):
            back.setdefault(x, f"c-{n}")
    for n, p in enumerate(shared):
        for x in (p.a.id, p.b.id):
            back.setdefault(x, f"p-{n}")
    for blk in blocks:
        for c in blk.only:
            back.setdefault(c.sentence.id, f"o-{c.sentence.id}")
        for s in blk.summary:
            back.setdefault(s.id, f"m-{s.id}")
    for c in checklist:
        back.setdefault(c.sentence.id, f"k-{c.sentence.id}")
    chart = ((t["shared"], counts["shared"], "shared"),
             *((t["only_in"].format(id=k), v, "only") for k, v in counts["only"].items()),
             (t["conflicts"], counts["conflicts"], "conflict"), (t["flagged"], counts["flagged"], "flag"))
    key_points += [t["key_flag"].format(id=c.sentence.id, text=_quoted(_short(c.sentence.text)),
                                        reasons=", ".join(c.reasons)) for c in checklist[:5 - min(5, len(key_points))]]
    every_change = changes(b)
    found = every_change
    if found is not None and cap is not None:
        found = replace(found, added=found.added[:cap], dropped=found.dropped[:cap])
    sentence_count = sum(len(a.sentences) for a in b.articles)
    abridged = cap is not None and sentence_count > APPENDIX_WHOLE
    cited = set(back) | {x for row in matrix for cell in row.cells for x in cell} | set(found.added if found else ())
    blocks = [replace(blk, appendix=_appendix(blk.sentences, cited if abridged else None)) for blk in blocks]
    totals = {"conflicts": len(all_conflicts), "shared": len(all_shared), "checklist": len(b.flags),
              "matrix": len(groups), "added": len(every_change.added) if every_change else 0,
              "dropped": len(every_change.dropped) if every_change else 0}
    return View(
        t=t, lang=lang, title=b.title, generated=_when(b, t), version=b.version,
        sources=tuple(SourceRow(a.id, a.title, Path(a.source).name, a.language, a.word_count,
                                len(a.sentences), len(a.claims)) for a in b.articles),
        relatedness=b.relatedness, relatedness_label=_relatedness_label(b, t),
        notes=tuple(t["notes"][n] for n in b.notes), counts=counts, key_points=tuple(key_points[:5]),
        conflicts=conflicts, shared=shared, articles=tuple(blocks), checklist=checklist,
        method={"summarizer": b.settings.summarizer, "length": b.settings.length},
        changes=found, since=Path(b.previous.path).name if b.previous else "",
        matrix=tuple(matrix), review=review, back=back, created=b.generated_iso, chart=chart,
        totals=totals, abridged=abridged, sentence_count=sentence_count,
    )


def _appendix(sentences: tuple[Sentence, ...], cited: set[str] | None) -> tuple[Sentence | Gap, ...]:
    """Every sentence (cited is None), or the cited ones and every non-body line, with a
    Gap for each run of sentences left out between them."""
    if cited is None:
        return sentences
    out: list[Sentence | Gap] = []
    skipped: list[Sentence] = []
    for s in sentences:
        if s.id in cited or not s.is_claim:
            if skipped:
                out.append(Gap(skipped[0].id, skipped[-1].id, len(skipped)))
                skipped = []
            out.append(s)
        else:
            skipped.append(s)
    if skipped:
        out.append(Gap(skipped[0].id, skipped[-1].id, len(skipped)))
    return tuple(out)


def _order(b: Briefing, sid: str) -> tuple[str, int]:
    s = b.sentence(sid)
    return (s.article, s.index)


def _when(b: Briefing, t: dict) -> str:
    """The run's time written the reader's way: '22 November 2026, 09:51 UTC' / '22 de noviembre de 2026, 09:51 UTC'."""
    iso = b.generated_iso
    if len(iso) < 16:
        return b.generated
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return t["date_format"].format(day=day, month=t["months"][month - 1], year=year, time=iso[11:16])


def _quoted(text: str) -> str:
    return text if text[:1] in "«“\"'‘" else f"“{text}”"


def _short(text: str, n: int = 110) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def _relatedness_label(b: Briefing, t: dict) -> str:
    if len(b.articles) < 2:
        return t["rel_single"]
    if b.relatedness >= HIGH_OVERLAP:
        return t["rel_high"]
    if b.relatedness >= UNRELATED_BELOW:
        return t["rel_medium"]
    return t["rel_low"]
