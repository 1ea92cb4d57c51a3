"""Stage 3: summaries of body sentences only, in source order, of the asked length."""
import pytest

from conftest import briefing_of, fixture

from reporter.model import Settings
from reporter.summarize import parse_length, sentence_count, summarize

ALGORITHMS = ["lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "lead"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_summary_is_body_sentences_in_source_order(sismo, algorithm):
    for art in sismo.articles:
        ids = summarize(art, Settings(summarizer=algorithm, length="2"))
        assert len(ids) == 2
        by_id = {s.id: s for s in art.sentences}
        assert all(by_id[i].role == "body" for i in ids)
        assert [by_id[i].index for i in ids] == sorted(by_id[i].index for i in ids)


def test_length_in_sentences_and_percent():
    assert parse_length("3") == (3, False) and parse_length("20%") == (20, True)
    assert sentence_count("20%", 12) == 3  # rounded up: never an empty summary
    assert sentence_count("10", 4) == 4
    for bad in ("0", "-1", "abc", "150%", "2.5"):
        with pytest.raises(ValueError):
            parse_length(bad)


def test_title_caption_and_boilerplate_are_never_summarized():
    b = briefing_of(fixture("sismo_a.txt"), fixture("sismo_b.txt"), settings=Settings(length="100%"))
    for art in b.articles:
        assert set(b.summaries[art.id]) == {s.id for s in art.claims}
