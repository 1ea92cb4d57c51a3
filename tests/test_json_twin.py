"""The JSON twin's contract (issue 2) and its determinism."""
import json
import os
from datetime import datetime, timezone

from conftest import briefing_of, fixture

from reporter.report.json_twin import to_dict, to_json
from reporter.run.briefing import Job, make_briefing


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


def test_summary_ids_are_body_sentences_in_source_order(sismo, storm):
    for b in (sismo, storm):
        for a in to_dict(b)["articles"]:
            index = {s["id"]: n for n, s in enumerate(a["sentences"])}
            roles = {s["id"]: s["role"] for s in a["sentences"]}
            assert a["summary"] and all(roles[i] == "body" for i in a["summary"])
            assert [index[i] for i in a["summary"]] == sorted(index[i] for i in a["summary"])
            assert all(i.startswith(a["id"]) for i in a["summary"])


def briefing_from_files(*paths) -> dict:
    return to_dict(make_briefing(Job(tuple(str(p) for p in paths)), datetime(2026, 1, 1, tzinfo=timezone.utc)))


def test_offsets_point_into_each_file_as_decoded(tmp_path):
    # A BOM is not text (dropped); CRLF are text (kept); a Windows-1252 file is read as such.
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + fixture("sismo_a.txt").replace("\n", "\r\n").encode("utf-8"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(fixture("sismo_b.txt").encode("cp1252"))
    d = briefing_from_files(bom, latin)
    decoded = [bom.read_bytes().decode("utf-8-sig"), latin.read_bytes().decode("cp1252")]
    for art, text in zip(d["articles"], decoded):
        assert art["sentences"]
        for s in art["sentences"]:
            assert text[s["start"]:s["end"]] == s["text"]
    assert d["articles"][0]["title"] == "Un terremoto sacude el sur del país"
    assert [a["encoding"] for a in d["articles"]] == ["utf-8", "cp1252"]


def test_articles_keep_the_order_the_files_were_given(tmp_path):
    # Not sorted by name: A is the first file given, whatever it is called.
    (tmp_path / "z.txt").write_text(fixture("storm_a.txt"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(fixture("storm_b.txt"), encoding="utf-8")
    d = briefing_from_files(tmp_path / "z.txt", tmp_path / "a.txt")
    assert [(a["id"], os.path.basename(a["source"])) for a in d["articles"]] == [("A", "z.txt"), ("B", "a.txt")]
    assert d["articles"][0]["title"] == "Storm leaves thousands without power"
