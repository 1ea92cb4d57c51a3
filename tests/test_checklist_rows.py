"""The checklist a reviewer trusts (issue 13, items 2 and 4; issue 15, item 4): a row per claim
naming every source that tells it, in priority order in the PDF, the CSV and the JSON; the
verdict round trip byte for byte, older one-row-per-sentence files still read; the reasons and
priority in the briefing's language with the codes beside them; and the one-page --short PDF."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from conftest import FIXTURES, briefing_of, fixture

from reporter.errors import InputError
from reporter.model import CONFLICT
from reporter.report.json_twin import to_dict
from reporter.report.view import build_view
from reporter.review.checklist import COLUMNS, attach, read_verdicts, rows, to_csv
from reporter.review.claims import claim_key
from reporter.settings import Report, Settings


def table(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def write(path, header, body) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(body)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))


def key_of(b, sid: str) -> str:
    return claim_key(b.sentence(sid).text)


@pytest.fixture(scope="module")
def wire():
    # two outlets running the same agency copy: the same claims in both, some word for word
    return briefing_of(fixture("wire_a.txt"), fixture("wire_b.txt"))


def shared_row(b):
    """A row two sources tell (the test needs one)."""
    row = next(r for r in rows(b) if len({b.sentence(x).article for x in r.sentences}) > 1)
    return row


def test_a_claim_several_sources_tell_is_one_row_naming_each(sismo):
    b = sismo
    found = rows(b)
    # every flagged sentence is in exactly one row; a row is smaller than the flags it stands for
    ids = [x for r in found for x in r.sentences]
    assert len(ids) == len(set(ids)) and {f.sentence for f in b.flags} <= set(ids)
    assert len(found) < len(b.flags)
    row = shared_row(b)
    assert {b.sentence(x).article for x in row.sentences} == {"A", "B"}
    csv_rows = table(to_csv(b))
    (cells,) = [r for r in csv_rows if r["id"] == " · ".join(row.sentences)]
    assert cells["keys"].split() == [key_of(b, row.lead)] + [key_of(b, x) for x in row.sentences if x != row.lead]
    assert cells["key"] == key_of(b, row.lead) and cells["claim"] == b.sentence(row.lead).text
    assert cells["sources"] == "A: a.txt · B: b.txt"
    # the PDF names both, each linking to its sentence
    v = build_view(b)
    (c,) = [c for c in v.checklist if c.ids == row.sentences]
    assert c.sentence.id == row.lead


def test_conflicting_sentences_are_rows_of_their_own_that_name_each_other(sismo):
    b = sismo
    pair = next(r for r in b.relations if r.type == CONFLICT)
    by_sentence = {x: r for r in rows(b) for x in r.sentences}
    assert by_sentence[pair.a] is not by_sentence[pair.b]
    assert pair.b in by_sentence[pair.a].conflicts and pair.a in by_sentence[pair.b].conflicts


def test_the_pdf_the_csv_and_the_json_have_the_rows_in_the_same_priority_order(sismo, wire):
    for b in (sismo, wire):
        found = rows(b)
        # by priority band; in a band the disputed claims first, then by score
        bands = [("high", "medium", "low").index(r.priority) for r in found]
        assert bands == sorted(bands)
        for band in set(bands):
            mine = [r for r in found if ("high", "medium", "low").index(r.priority) == band]
            disputed = [bool(r.conflicts) for r in mine]
            assert disputed == sorted(disputed, reverse=True)
            for group in (True, False):
                scores = [r.score for r in mine if bool(r.conflicts) == group]
                assert scores == sorted(scores, reverse=True)
        assert [r["id"] for r in table(to_csv(b))] == [r.id for r in found]
        data = to_dict(b)
        assert [" · ".join(r["sentences"]) for r in data["checklist"]] == [r.id for r in found]
        assert [c.ids for c in build_view(b).checklist] == [r.sentences for r in found]
        # flags[] stays a flag per sentence, in source order, for the tools that read it
        assert [f["sentence"] for f in data["flags"]] == [f.sentence for f in b.flags]
        for r in data["checklist"]:
            assert r["score"] == max(f.score for f in b.flags if f.sentence in r["sentences"])
            assert r["sources"] == sorted({x[0] for x in r["sentences"]}) and r["key"] == r["keys"][0]


def test_a_disputed_claim_leads_its_priority_band(sismo):
    """A breaking-news briefing puts most claims in the high band at 0.99-1.00: by score alone, two ECB+
    reports' disputed toll (four dead / one) came fourth, after background claims."""
    found = rows(sismo)
    first = found[0]
    assert first.conflicts and first.priority == "high"
    # the other side of the dispute is a row of its own, in the same block
    assert any(set(r.sentences) & set(first.conflicts) for r in found[:len([r for r in found if r.conflicts])])


def test_a_verdict_on_a_row_lands_on_every_sentence_and_comes_back_byte_for_byte(sismo, tmp_path):
    b = sismo
    row = shared_row(b)
    data = table(to_csv(b))
    for r in data:
        if r["id"] == row.id:
            r["verdict"], r["notes"] = "engañoso", "=58 según el IGP"
    write(tmp_path / "filled.csv", COLUMNS, [[r[c] for c in COLUMNS] for r in data])
    verdicts, unmatched = attach(read_verdicts(tmp_path / "filled.csv"), b)
    assert unmatched == ()
    assert set(verdicts) == {key_of(b, x) for x in row.sentences}  # each sentence of the claim
    assert verdicts[key_of(b, row.sentences[-1])].notes == "=58 según el IGP"
    reviewed = replace(b, verdicts=verdicts)
    assert to_csv(reviewed) == (tmp_path / "filled.csv").read_bytes().replace(
        b",=58 seg", b",'=58 seg")  # our writer guards the reviewer's formula-like note; nothing else moves
    (tmp_path / "again.csv").write_bytes(to_csv(reviewed))
    again = dict(attach(read_verdicts(tmp_path / "again.csv"), b)[0])
    assert to_csv(replace(b, verdicts=again)) == to_csv(reviewed)
    # page 1's review status counts rows: the claim is one reviewed, whatever its sources
    v = build_view(reviewed)
    assert (v.review.reviewed, v.review.left) == (1, len(rows(b)) - 1)
    # the JSON: the row and each of its flagged sentences carry the verdict
    d = to_dict(reviewed)
    (jrow,) = [r for r in d["checklist"] if r["sentences"] == list(row.sentences)]
    assert jrow["verdict"] == "misleading"
    assert all(f.get("verdict") == "misleading" for f in d["flags"] if f["sentence"] in row.sentences)


def test_an_older_checklist_with_a_row_per_sentence_still_reads(sismo, tmp_path):
    b = sismo
    row = shared_row(b)
    first, second = row.sentences[0], row.sentences[1]
    old = ["id", "key", "source", "claim", "reasons", "priority", "score", "verdict", "notes"]
    # one row per sentence, English codes, as reporter wrote them before issue 13
    body = [[x, key_of(b, x), "a.txt", b.sentence(x).text, "figure", "high", "0.82", "", ""] for x in row.sentences]
    body[0][7] = "accurate"
    write(tmp_path / "old.csv", old, body)
    verdicts, unmatched = attach(read_verdicts(tmp_path / "old.csv"), b)
    assert unmatched == () and set(verdicts) == {key_of(b, first)}
    one = table(to_csv(replace(b, verdicts=verdicts)))
    (cells,) = [r for r in one if first in r["id"].split(" · ")]
    assert cells["id"] == row.id and cells["verdict"] == "accurate"  # the claim's one row shows it
    # two rows of the old file disagree on one claim: nothing is lost, the claim is a row per verdict
    body[1][7] = "inaccurate"
    write(tmp_path / "old.csv", old, body)
    verdicts, _ = attach(read_verdicts(tmp_path / "old.csv"), b)
    split = table(to_csv(replace(b, verdicts=verdicts)))
    mine = [r for r in split if set(r["id"].split(" · ")) & set(row.sentences)]
    assert sorted((r["id"], r["verdict"]) for r in mine) == sorted([(first, "accurate"), (second, "inaccurate")])
    assert len(split) == len(rows(b)) + 1
    # and that file round-trips too
    (tmp_path / "split.csv").write_bytes(to_csv(replace(b, verdicts=verdicts)))
    back = dict(attach(read_verdicts(tmp_path / "split.csv"), b)[0])
    assert back == verdicts and to_csv(replace(b, verdicts=back)) == (tmp_path / "split.csv").read_bytes()


def test_two_rows_giving_the_same_words_different_verdicts_are_refused_naming_both(sismo, tmp_path):
    b = sismo
    x = b.flags[0].sentence
    write(tmp_path / "v.csv", ["id", "key", "verdict", "notes"],
          [[x, key_of(b, x), "accurate", ""], ["A99", "", "", ""], [x, key_of(b, x), "falso", ""]])
    with pytest.raises(InputError, match=r"v\.csv: lines 2 and 4 give the same claim different verdicts "
                                         r"\(accurate and falso"):
        attach(read_verdicts(tmp_path / "v.csv"), b)
    # the same verdict twice is no contradiction
    write(tmp_path / "v.csv", ["id", "key", "verdict", "notes"],
          [[x, key_of(b, x), "accurate", ""], [x, key_of(b, x), "correcto", ""]])
    assert len(attach(read_verdicts(tmp_path / "v.csv"), b)[0]) == 1


def test_the_csv_speaks_the_briefing_language_and_keeps_the_codes(sismo):
    es = table(to_csv(sismo))  # a Spanish briefing
    en = table(to_csv(replace(sismo, settings=replace(sismo.settings, report=Report(ui_language="en")))))
    assert list(es[0]) == COLUMNS == list(en[0])  # the column names are machine keys: the same in both
    for r_es, r_en in zip(es, en):
        assert r_es["reason codes"] == r_en["reason codes"] and r_es["priority code"] == r_en["priority code"]
        codes = r_es["reason codes"].split("; ")
        assert r_en["priority"] == r_en["priority code"] in ("high", "medium", "low")
        assert r_es["priority"] == {"high": "alta", "medium": "media", "low": "baja"}[r_es["priority code"]]
        assert len(r_es["reasons"].split("; ")) == len(codes)
    spanish = "; ".join(r["reasons"] for r in es)
    assert "cifra" in spanish and "figure" not in spanish and "single_source" not in spanish
    assert "figure" in "; ".join(r["reason codes"] for r in es)


def test_json_checklist_rows_are_documented_in_the_readme():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for field in ("checklist[]", "conflicts_with", "reason codes", "--short"):
        assert field in readme, field


# --- --short: one page ---------------------------------------------------------------------------


def pages(pdf) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


@pytest.mark.slow
@pytest.mark.parametrize("names", [("seeds",), ("temblor_a.txt", "temblor_b.txt", "quake_a.txt")],
                         ids=["seeds", "three-sources"])
def test_short_is_one_page_and_leaves_the_json_and_csv_alone(cli, tmp_path, names):
    from pypdf import PdfReader

    from conftest import ROOT

    files = ([str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))] if names == ("seeds",)
             else [str(FIXTURES / n) for n in names])
    status, _, err = cli("brief", *files, "-o", "short.pdf", "--short", "--no-archive")
    assert status == 0, err
    status, _, err = cli("brief", *files, "-o", "full.pdf", "--no-archive")
    assert status == 0, err
    assert pages(tmp_path / "short.pdf") == 1 < pages(tmp_path / "full.pdf")
    assert (tmp_path / "short.csv").read_bytes() == (tmp_path / "full.csv").read_bytes()
    assert (tmp_path / "short.json").read_bytes() == (tmp_path / "full.json").read_bytes()
    text = " ".join(PdfReader(str(tmp_path / "short.pdf")).pages[0].extract_text().split())
    data = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    for a in data["articles"]:
        assert a["id"] in text
    # each claim once: conflicts first, then the top rows, none twice
    v = build_view(briefing_of(*(open(f, encoding="utf-8").read() for f in files)), short=True)
    ids = [x for i in v.short_items for x in i.ids + i.against]
    assert v.short_items and len(ids) == len(set(ids))
    levels = [i.level == "conflict" for i in v.short_items]
    assert levels == sorted(levels, reverse=True)
    first = v.short_items[0]
    assert first.ids[0] in text


def test_short_lists_conflicts_first_and_each_claim_once(sismo):
    v = build_view(sismo, short=True)
    assert v.short and v.short_items[0].level == "conflict"
    pair = next(r for r in sismo.relations if r.type == CONFLICT)
    assert pair.a in v.short_items[0].ids and pair.b in v.short_items[0].against and "≠" in v.short_items[0].why
    ids = [x for i in v.short_items for x in i.ids + i.against]
    assert len(ids) == len(set(ids))
    assert not build_view(sismo).short and build_view(sismo).short_items == ()
