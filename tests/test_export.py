"""The JSON twin's contract (issue 2) and its determinism."""
import json

from conftest import briefing_of, fixture

from reporter.export import to_dict, to_json


def test_every_sentence_is_traceable_to_its_source(sismo):
    d = to_dict(sismo)
    for art, source in zip(d["articles"], sismo.articles):
        for s in art["sentences"]:
            assert source.text[s["start"]:s["end"]] == s["text"]
            assert s["role"] in ("title", "body", "heading", "caption", "boilerplate")


def test_ids_are_unique_and_articles_keep_the_given_order(sismo):
    d = to_dict(sismo)
    assert [a["id"] for a in d["articles"]] == ["A", "B"]
    assert [a["source"] for a in d["articles"]] == ["a.txt", "b.txt"]
    ids = [s["id"] for a in d["articles"] for s in a["sentences"]]
    assert len(ids) == len(set(ids))


def test_summary_relations_and_flags_point_at_existing_sentences(sismo):
    d = to_dict(sismo)
    roles = {s["id"]: s["role"] for a in d["articles"] for s in a["sentences"]}
    for a in d["articles"]:
        assert all(roles[i] == "body" for i in a["summary"])
    for r in d["relations"]:
        assert r["a"] in roles and r["b"] in roles and r["type"] in ("overlap", "conflict")
        assert set(r["evidence"]) == {"words", "names", "figures", "differing"}
    for f in d["flags"]:
        assert roles[f["sentence"]] == "body" and f["reasons"] and len(f["key"]) == 12


def test_same_input_same_bytes():
    a, b = fixture("storm_a.txt"), fixture("storm_b.txt")
    assert to_json(briefing_of(a, b)) == to_json(briefing_of(a, b))
    json.loads(to_json(briefing_of(a, b)))
