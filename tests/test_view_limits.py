"""The PDF of long or many sources: each section lists its most important items, says how
many more the JSON and CSV carry, and the appendix shows what the briefing cites.

Built on generated documents (reporter.tools.bench) long enough to pass every limit.
"""
from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import briefing_of, fixture

from reporter.tools.bench import generate_document
from reporter.cli import parser
from reporter.model import CONFLICT, OVERLAP
from reporter.report.render import to_html
from reporter.review.checklist import rows as checklist_rows, to_csv
from reporter.report.view import APPENDIX_WHOLE, LISTED, Gap, Line, build_view

CAP = 5


@pytest.fixture(scope="module")
def long_briefing():
    # two 240-sentence documents: hundreds of relations and flags, more sentences than APPENDIX_WHOLE
    b = briefing_of(generate_document(1, 240), generate_document(2, 240))
    assert sum(len(a.sentences) for a in b.articles) > APPENDIX_WHOLE
    return b


@pytest.fixture(scope="module")
def lopsided():
    # a long document against a short one on another story: most of A is said only by A
    return briefing_of(generate_document(3, 120), fixture("sismo_b.txt"))


def cited(v, block) -> set[str]:
    """The sentences of `block` the body of the briefing lists (each links to the appendix)."""
    ids = {x for p in v.conflicts + v.shared for x in (p.a.id, p.b.id)}
    ids |= {c.sentence.id for blk in v.articles for c in blk.only} | {s.id for blk in v.articles for s in blk.summary}
    ids |= {c.sentence.id for c in v.checklist}
    return {x for x in ids if x in {s.id for s in block.sentences}}


def whole(block) -> bool:
    """The appendix shows every sentence of the block, each once, in order, with no gap."""
    lines = block.appendix
    return all(isinstance(x, Line) for x in lines) and tuple(x.sentence for x in lines) == block.sentences


def test_pairs_list_the_strongest_and_the_page_one_counts_keep_every_one(long_briefing):
    b = long_briefing
    v = build_view(b, listed=CAP)
    for kind, listed in ((CONFLICT, v.conflicts), (OVERLAP, v.shared)):
        every = [r for r in b.relations if r.type == kind]
        assert len(every) > CAP and len(listed) == CAP
        weakest_listed = min(p.relation.score for p in listed)
        unlisted = [r.score for r in every if r not in {p.relation for p in listed}]
        assert weakest_listed >= max(unlisted)
        assert [p.relation.score for p in listed] == sorted((p.relation.score for p in listed), reverse=True)
    assert v.totals.conflicts == sum(r.type == CONFLICT for r in b.relations)
    assert v.totals.shared == sum(r.type == OVERLAP for r in b.relations)
    assert v.totals.flagged == len(b.flags) > CAP
    chart = {bar.css: bar.value for bar in v.chart if bar.css != "only"}  # page 1 counts every one
    # the flag bar counts the checklist's rows: a claim several sources tell is one to check (issue 13)
    assert chart == {"conflict": v.totals.conflicts, "shared": v.totals.shared, "flag": v.totals.checklist}


def test_the_checklist_lists_the_highest_priority_and_the_csv_has_every_row(long_briefing):
    b = long_briefing
    v = build_view(b, listed=CAP)
    assert len(v.checklist) == CAP
    listed = {x for c in v.checklist for x in c.ids}
    # the first rows of the checklist's order (by band, disputed claims first in a band, then score)
    assert [c.ids for c in v.checklist] == [r.sentences for r in checklist_rows(b)[:CAP]]
    band = ("high", "medium", "low").index
    assert max(band(c.flag.priority) for c in v.checklist) <= min(band(f.priority) for f in b.flags
                                                                  if f.sentence not in listed)
    rows = list(csv.DictReader(io.StringIO(to_csv(b).decode("utf-8-sig"))))
    # a row per claim (issue 13): every flag in one row, and the PDF says how many rows there are
    assert len(rows) == v.totals.checklist and sorted(x for r in rows for x in r["id"].split(" · ") if x in
                                                      {f.sentence for f in b.flags}) == sorted(f.sentence for f in b.flags)


def test_claims_only_one_source_makes_are_the_most_check_worthy_in_source_order(lopsided):
    b = lopsided
    v = build_view(b, listed=CAP)
    a = v.articles[0]
    related = {x for r in b.relations for x in (r.a, r.b)}
    alone = [s for s in b.articles[0].claims if s.id not in related]
    on_page_one = next(bar.value for bar in v.chart if bar.label == v.t.only_in.format(id="A"))
    assert a.only_total == len(alone) == on_page_one > CAP
    listed = [c.sentence for c in a.only]
    assert len(listed) == CAP and [s.index for s in listed] == sorted(s.index for s in listed)
    flags = {f.sentence: f.score for f in b.flags}
    assert min(flags.get(s.id, 0.0) for s in listed) >= max(flags.get(s.id, 0.0) for s in alone if s not in listed)


def test_an_abridged_appendix_shows_every_cited_and_left_out_sentence_and_counts_the_rest(long_briefing):
    v = build_view(long_briefing, listed=CAP)
    assert v.abridged
    for block in v.articles:
        shown = [x.sentence for x in block.appendix if isinstance(x, Line)]
        gaps = [x for x in block.appendix if isinstance(x, Gap)]
        assert gaps and len(shown) < len(block.sentences)
        assert len(shown) + sum(g.count for g in gaps) == len(block.sentences)
        assert [s.index for s in shown] == sorted(s.index for s in shown)
        ids = {s.id for s in shown}
        assert cited(v, block) <= ids
        assert {x.sentence.id for x in block.appendix if isinstance(x, Line) and x.back} == cited(v, block)
        assert {s.id for s in block.sentences if not s.is_claim} <= ids  # what was left out stays visible
        for before, after in zip(block.appendix, block.appendix[1:]):
            assert not (isinstance(before, Gap) and isinstance(after, Gap))
        first_gap = gaps[0]
        at = {s.id: s.index for s in block.sentences}  # by index: as strings "A3" > "A11"
        inside = [s for s in block.sentences if at[first_gap.first] <= s.index <= at[first_gap.last]]
        assert first_gap.count >= 1 and not ({first_gap.first, first_gap.last} & ids) and inside


def test_every_link_in_the_briefing_has_its_target(long_briefing, lopsided):
    for b, listed in ((long_briefing, CAP), (long_briefing, LISTED), (lopsided, CAP)):
        html = to_html(build_view(b, listed=listed))
        targets = set(re.findall(r'id="([^"]+)"', html))
        links = set(re.findall(r'href="#([^"]+)"', html))
        assert links and links <= targets, sorted(links - targets)[:5]


def test_the_briefing_says_how_many_more_and_where(long_briefing):
    v = build_view(long_briefing, "en", listed=CAP)
    html = to_html(v)
    assert f"the {CAP} strongest of {v.totals.conflicts}" in html
    assert f"the {CAP} strongest of {v.totals.shared}" in html
    assert f"the {CAP} highest-priority of {v.totals.checklist} flagged claims" in html
    assert "Appendix: the sentences cited" in html and "sentences not cited" in html
    es = to_html(build_view(long_briefing, "es", listed=CAP))
    assert f"las {CAP} más fuertes de {v.totals.conflicts}" in es and "oraciones no citadas" in es


def test_no_limit_lists_everything_and_shows_every_sentence(long_briefing):
    b = long_briefing
    v = build_view(b, listed=0)
    assert len(v.conflicts) == v.totals.conflicts and len(v.shared) == v.totals.shared
    assert len(v.checklist) == v.totals.checklist and {f.sentence for f in b.flags} <= {x for c in v.checklist for x in c.ids}
    assert not v.abridged
    assert all(whole(block) for block in v.articles)
    assert "Listed here" not in to_html(v)


def test_a_short_briefing_is_not_cut():
    b = briefing_of(fixture("sismo_a.txt"), fixture("sismo_b.txt"))
    v = build_view(b)
    assert not v.abridged and all(whole(block) for block in v.articles)
    assert len(v.conflicts) + len(v.shared) == len(b.relations) and len(v.checklist) == v.totals.checklist
    assert {f.sentence for f in b.flags} <= {x for c in v.checklist for x in c.ids}
    assert "Listed here" not in to_html(v)


@pytest.mark.parametrize("given, expected", [("7", 7), ("0", 0), ("all", 0), ("ALL", 0)])
def test_pdf_items_option(given, expected):
    assert parser().parse_args(["brief", "--pdf-items", given]).pdf_items == expected


@pytest.mark.parametrize("given", ["-1", "many", ""])
def test_pdf_items_refuses_what_is_not_a_count(given, capsys):
    with pytest.raises(SystemExit) as e:
        parser().parse_args(["brief", "--pdf-items", given])
    assert e.value.code == 2 and "--pdf-items" in capsys.readouterr().err


def test_a_fact_row_shows_a_few_values_per_source_and_counts_the_rest(long_briefing):
    # two long reports gave fact rows of hundreds of values each: two pages of numbers
    from reporter.report.view import FACT_VALUES_SHOWN
    v = build_view(long_briefing)
    says = [s for r in v.facts for s in r.says]
    assert says
    for s in says:
        shown = s.value.split(" +")[0].split(", ")
        assert len(shown) <= FACT_VALUES_SHOWN, s.value
    assert any(re.search(r" \+\d+$", s.value) for s in says)  # the long reports do have more
