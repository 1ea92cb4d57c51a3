"""Issue 17, item 1 (done under issue 18, item 3): the laws of the checklist's cell guard, for
any text. Every CSV the project writes goes through review/checklist.py text_cell: the checklist
(to_csv) and the archive's export (archive/reviews.py to_csv); batch prints its summary table to
the terminal and writes no CSV. Fixture-level round trips: tests/test_hostile_output.py."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reporter.review.checklist import FORMULA_START, plain_cell, text_cell

# text that often starts like a formula, a quote, or a full-width sign
risky = st.text(alphabet=st.sampled_from(list("=+-@'\t\r\n a1(\"|!") + list("\uff1d\uff0b\uff0d\uff20")), max_size=8) \
    | st.text(max_size=30)
cells = st.tuples(risky, st.text(max_size=20)).map(lambda p: p[0] + p[1])


@given(cells)
@settings(max_examples=500)
def test_no_cell_starts_like_a_formula(value):
    assert not text_cell(value).startswith(FORMULA_START)


@given(cells)
@settings(max_examples=500)
def test_the_guard_never_doubles_its_quote(value):
    assert text_cell(text_cell(value)) == text_cell(value)


@given(cells)
@settings(max_examples=500)
def test_what_a_reviewer_wrote_comes_back_as_written(value):
    # a cell read back (plain_cell) is the text that was written (text_cell); the one exception
    # is text that itself starts with a quote before a formula sign: that quote is a spreadsheet's
    # (the guard's own form), so "'=1" reads back as "=1" and is written again as "'=1"
    if not (value.startswith("'") and value[1:].startswith(FORMULA_START)):
        assert plain_cell(text_cell(value)) == value
    assert text_cell(plain_cell(text_cell(value))) == text_cell(value)
