"""The reviewer's loop with a row per claim (issue 13 item 2): ClaimReview is one item per reviewed
row naming every source that tells the claim, and --since carries a row's verdict to every
sentence of the row, flagged or not."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from conftest import briefing_of, fixture
from reporter.errors import InputError
from reporter.model import Published
from reporter.report.json_twin import to_json
from reporter.review.changes import carried_verdicts, changes, load_previous
from reporter.review.checklist import Verdict, claimreview, row_keys, rows
from reporter.review.claims import claim_key


def merged(b):
    return next(r for r in rows(b) if len({b.sentence(x).article for x in r.sentences}) == 2)


def with_verdict(b, row, verdict=Verdict("misleading", "El IGP dice 12 km.", "engañoso")):
    return replace(b, verdicts={k: verdict for k in row_keys(b, row)})


# ---- ClaimReview: one item per checklist row ------------------------------------------------

def test_a_row_two_sources_tell_is_one_claimreview_naming_both(sismo):
    row = merged(sismo)
    items = json.loads(claimreview(with_verdict(sismo, row)))
    (item,) = items  # one claim reviewed once: one item (it was one per flagged sentence)
    lead = sismo.sentence(row.lead)
    assert item["claimReviewed"] == lead.text and item["inLanguage"] == "es"
    appearances = item["itemReviewed"]["appearance"]
    assert [a["name"] for a in appearances] == [sismo.article_of(x).title for x in row.sentences]
    assert all("url" not in a for a in appearances)  # local files: no path is written
    assert item["reviewRating"]["alternateName"] == "misleading" and item["reviewBody"] == "El IGP dice 12 km."


def test_every_reviewed_row_is_one_item_in_checklist_order(sismo):
    verdict = Verdict("accurate", "", "correcto")
    reviewed = replace(sismo, verdicts={claim_key(s.text): verdict for a in sismo.articles for s in a.claims})
    items = json.loads(claimreview(reviewed))
    assert [i["claimReviewed"] for i in items] == [sismo.sentence(r.lead).text for r in rows(reviewed)]
    assert len(items) < len(sismo.flags)


def test_an_appearance_gives_the_articles_url_date_and_language():
    b = briefing_of(fixture("valdora_es.txt"), fixture("valdora_en.txt"))
    url = "https://news.example/valdora?id=1&lang=en"
    articles = [replace(b.articles[0], published=Published("2024-03-01T08:30", "option")),
                replace(b.articles[1], source=url)]
    b = replace(b, articles=articles)
    row = merged(b)
    (item,) = json.loads(claimreview(with_verdict(b, row)))
    lead = b.article_of(row.lead)
    first, *rest = item["itemReviewed"]["appearance"]
    assert first["name"] == lead.title and first["inLanguage"] == lead.language  # the quoted sentence's first
    by_language = {a["inLanguage"]: a for a in item["itemReviewed"]["appearance"]}
    assert by_language["es"]["datePublished"] == "2024-03-01" and "url" not in by_language["es"]
    assert by_language["en"]["url"] == url and "datePublished" not in by_language["en"]


def test_our_claimreview_reads_back_into_the_archive_with_the_quoted_sentences_source(sismo, tmp_path):
    from reporter.archive.reviews import read_reviews

    b = replace(sismo, articles=[replace(a, source=f"https://news.example/{a.id}") for a in sismo.articles])
    row = merged(b)
    (tmp_path / "r.json").write_bytes(claimreview(with_verdict(b, row)))
    (got,) = read_reviews(tmp_path / "r.json", "r.json")
    assert (got["text"], got["source"], got["language"], got["verdict"]) == (
        b.sentence(row.lead).text, f"https://news.example/{b.sentence(row.lead).article}", "es", "misleading")


# ---- --since: a row's verdict is carried by its keys ------------------------------------------

@pytest.fixture
def previous_json(sismo, tmp_path):
    """An earlier briefing whose reviewed two-source row has an unflagged sentence (the comparator
    named it in the row; the flagger left it out)."""
    row = merged(sismo)
    other = next(x for x in row.sentences if x != row.lead)
    earlier = with_verdict(replace(sismo, flags=tuple(f for f in sismo.flags if f.sentence != other)), row)
    assert [r.sentences for r in rows(earlier) if row.lead in r.sentences] == [row.sentences]
    path = tmp_path / "earlier.json"
    path.write_text(to_json(earlier), encoding="utf-8")
    return path, row, other


def test_since_carries_a_rows_verdict_to_its_unflagged_sentence(sismo, previous_json):
    path, row, other = previous_json
    data = json.loads(path.read_text(encoding="utf-8"))
    assert other not in {f["sentence"] for f in data["flags"]}  # flags[] alone never named it
    carried = carried_verdicts(load_previous(path), sismo)
    assert set(carried) == {claim_key(sismo.sentence(x).text) for x in row.sentences}
    assert carried[claim_key(sismo.sentence(other).text)] == Verdict("misleading", "El IGP dice 12 km.", "misleading")
    # the page-1 count is of checklist rows: the claim is one verdict carried, whatever its sources
    now = replace(sismo, previous=load_previous(path), verdicts=carried)
    assert changes(now).carried == 1


def test_since_carries_to_a_source_that_alone_tells_the_claim_now(sismo, previous_json):
    # the story develops: the source whose sentence was quoted is gone; the other one still tells it
    path, row, other = previous_json
    name = {"A": "sismo_a.txt", "B": "sismo_b.txt"}[sismo.sentence(other).article]
    b = briefing_of(fixture(name), fixture("storm_a.txt"))
    assert carried_verdicts(load_previous(path), b) == {
        claim_key(sismo.sentence(other).text): Verdict("misleading", "El IGP dice 12 km.", "misleading")}


def test_an_earlier_briefing_without_checklist_rows_carries_its_flags_verdicts(sismo, previous_json):
    path, row, other = previous_json
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["checklist"]  # written before rows were per claim
    path.write_text(json.dumps(data), encoding="utf-8")
    assert set(carried_verdicts(load_previous(path), sismo)) == {claim_key(sismo.sentence(row.lead).text)}


@pytest.mark.parametrize("rows_value, reason", [
    ([{"key": "abc", "keys": "abc def", "verdict": "falso"}], "TypeError"),
    ([{"keys": [1, 2], "verdict": "falso"}], "TypeError"),
    (["row"], "AttributeError"),
])
def test_checklist_rows_of_the_wrong_type_are_one_clear_error(previous_json, rows_value, reason):
    path, *_ = previous_json
    data = json.loads(path.read_text(encoding="utf-8"))
    data["checklist"] = rows_value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=rf"not a reporter briefing JSON \({reason}\)"):
        load_previous(path)


def test_an_unknown_verdict_word_in_a_checklist_row_is_refused(previous_json):
    path, *_ = previous_json
    data = json.loads(path.read_text(encoding="utf-8"))
    data["checklist"][0]["verdict"] = "maybe"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="unknown verdict 'maybe'"):
        load_previous(path)
