"""Laws of the whole pipeline, tried on generated text (Hypothesis).

- any text gives a briefing or one clean InputError, never another exception;
- every sentence is an exact slice of its source, spans ordered and disjoint;
- the same input gives byte-identical JSON;
- relations only join different articles, and a claim compared with itself is related;
- any text renders to a PDF (fewer examples: a render takes about a second).
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from reporter.errors import InputError
from reporter.report.json_twin import to_json
from reporter.stages.read import decode
from reporter.settings import Settings
from reporter.pipeline import brief, make_source
from reporter.report.render import render

# Text that looks like news and text that does not: words, figures in both locales,
# abbreviations, quotes, markup, control and bidirectional characters, blank lines.
WORDS = ["El", "presidente", "dijo", "que", "8,2", "1.000", "U.S.", "EE.UU.", "Sr.", "«cita»", "“quote”",
         "32", "muertos", "the", "minister", "said", "{{ x }}", "<script>", "@import", "url(x)", "\u202e",
         "\u200f", "\x0b", "AFP", "(Foto: EFE)", "Lee también:", "…", "?", "!", ".", ",", "-", "ñ", "Ü",
         "a" * 300]
news_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(["\n", "\n\n", " "]),
                               st.text(min_size=1, max_size=12)), min_size=1, max_size=80).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=400))

SETTINGS = Settings()


def briefing_of(a: str, b: str):
    texts = []
    for name, text in (("a.txt", a), ("b.txt", b)):
        texts.append((name, decode(text.encode("utf-8"), name)[0]))  # the same path as a file
    return brief([make_source(n, t, SETTINGS) for n, t in texts], SETTINGS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, any_text)
def test_any_text_gives_a_briefing_or_a_clean_error(a, b):
    try:
        b_ = briefing_of(a, b)
    except InputError as e:
        assert str(e) and "\n" not in str(e)  # one clear line
        return
    for article in b_.articles:
        last = 0
        for s in article.sentences:
            assert article.text[s.start:s.end] == s.text
            assert last <= s.start < s.end
            last = s.end
    ids = [s.id for art in b_.articles for s in art.sentences]
    assert len(ids) == len(set(ids))
    for r in b_.relations:
        assert b_.sentence(r.a).article != b_.sentence(r.b).article
        assert 0.0 <= r.score <= 1.0
    assert to_json(b_) == to_json(briefing_of(a, b))  # deterministic, byte for byte
    json.loads(to_json(b_))


@settings(max_examples=60, deadline=None)
@given(news_text)
def test_an_article_compared_with_itself_relates_every_claim(text):
    try:
        b_ = briefing_of(text, text)
    except InputError:
        return
    a, b = b_.articles
    related = {r.a for r in b_.relations}
    # every claim with content words finds its twin (a claim of only stop words has no vector)
    from reporter.text.features import analyze

    for s in a.claims:
        if analyze(s.text, a.language).lemmas:
            assert s.id in related


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, any_text)
def test_any_text_renders_to_a_pdf(a, b):
    try:
        b_ = briefing_of(a, b)
    except InputError:
        return
    pdf = render(b_)
    assert pdf.startswith(b"%PDF-")
