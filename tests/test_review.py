"""The reviewer's loop: checklist CSV, verdicts, --since, ClaimReview."""
import csv
import io
import json

import pytest

from reporter.errors import InputError
from reporter.run.briefing import Job, make_briefing, now, run
from reporter.review.checklist import read_verdicts, rows as checklist_rows, to_csv
from reporter.review.claims import claim_key

from conftest import FIXTURES

PAIR = (str(FIXTURES / "sismo_a.txt"), str(FIXTURES / "sismo_b.txt"))


def test_checklist_csv_has_one_row_per_claim_with_stable_keys(sismo):
    rows = list(csv.DictReader(io.StringIO(to_csv(sismo).decode("utf-8-sig"))))
    # a row per claim (issue 13): every flag is in exactly one row, highest priority first
    ids = [x for r in rows for x in r["id"].split(" · ")]
    assert {f.sentence for f in sismo.flags} <= set(ids) and len(ids) == len(set(ids))
    # by priority band, disputed claims first in a band (test_checklist_rows), then by score
    assert [r["id"] for r in rows] == [r.id for r in checklist_rows(sismo)]
    bands = [("high", "medium", "low").index(r.priority) for r in checklist_rows(sismo)]
    assert bands == sorted(bands)
    assert all(r["verdict"] == "" and r["notes"] == "" for r in rows)
    assert to_csv(sismo).startswith("\ufeff".encode("utf-8"))  # spreadsheets keep the accents
    s = sismo.sentence(rows[0]["id"])
    # the key is the claim's words, whatever the file is called or how the text was saved
    assert rows[0]["key"] == claim_key(s.text) == claim_key("  " + s.text.upper().replace(" ", "\u200b  "))


def test_unknown_verdicts_are_refused_with_the_line(tmp_path):
    p = tmp_path / "v.csv"
    p.write_text("id,key,verdict,notes\nA4,abc,accurate,ok\nA5,def,maybe,hmm\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_verdicts(p)


def test_spanish_verdicts_and_semicolon_spreadsheets(tmp_path):
    p = tmp_path / "v.csv"
    p.write_text("id;key;verdict;notes\nA4;abc;engañoso;falta contexto\n", encoding="utf-8")
    (row,) = read_verdicts(p)
    assert row.keys == ("abc",) and row.verdict.verdict == "misleading" and row.verdict.word == "engañoso"


def test_since_reports_added_and_dropped_claims_and_carries_verdicts(tmp_path):
    first = tmp_path / "one.pdf"
    run(Job(PAIR, str(first)))
    data = json.loads(first.with_suffix(".json").read_text(encoding="utf-8"))
    # the reviewer's verdict on the conflicting death toll, as a later briefing would carry it
    rows = list(csv.reader(io.StringIO(first.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    rows[1][7] = "inaccurate"
    filled = tmp_path / "filled.csv"
    filled.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in rows), encoding="utf-8")
    second = tmp_path / "two.pdf"
    run(Job(PAIR, str(second), verdicts=str(filled)))
    changed = tmp_path / "a2.txt"
    changed.write_text((FIXTURES / "sismo_a.txt").read_text(encoding="utf-8").replace(
        "El Sr. Gómez, alcalde de la ciudad, pidió ayuda a EE.UU. y a la Unión Europea.",
        "El alcalde decretó tres días de luto."), encoding="utf-8")
    b = make_briefing(Job((str(changed), PAIR[1]), since=str(second.with_suffix(".json"))), now())
    from reporter.review.changes import changes

    c = changes(b)
    assert [b.sentence(x).text for x in c.added] == ["El alcalde decretó tres días de luto."]
    assert [t for _, t in c.dropped] == ["El Sr. Gómez, alcalde de la ciudad, pidió ayuda a EE.UU. y a la Unión Europea."]
    assert c.carried == 1 and data["flags"]


def test_claimreview_json_ld(tmp_path):
    first = tmp_path / "one.pdf"
    run(Job(PAIR, str(first)))
    rows = list(csv.reader(io.StringIO(first.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    rows[1][7], rows[1][8] = "misleading", "El balance oficial es 58."
    filled = tmp_path / "f.csv"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    filled.write_text(buf.getvalue(), encoding="utf-8")
    out = tmp_path / "two.pdf"
    run(Job(PAIR, str(out), verdicts=str(filled)))
    items = json.loads(out.with_suffix(".claimreview.json").read_text(encoding="utf-8"))
    assert len(items) == 1 and items[0]["@type"] == "ClaimReview"
    assert items[0]["reviewRating"]["alternateName"] == "misleading"
    assert items[0]["reviewBody"] == "El balance oficial es 58."


def _fill(csv_path, pick, verdict="inaccurate", notes="checked") -> tuple[list[list[str]], str]:
    """The checklist at csv_path with `verdict` on the first row whose claim contains `pick`."""
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    (row,) = [r for r in rows[1:] if pick in r[3]]
    row[7], row[8] = verdict, notes
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return rows, buf.getvalue()


def _verdicts(json_path) -> dict[str, str]:
    data = json.loads(json_path.read_text(encoding="utf-8"))
    text = {s["id"]: s["text"] for a in data["articles"] for s in a["sentences"]}
    return {text[f["sentence"]]: f["verdict"] for f in data["flags"] if f.get("verdict")}


def test_a_verdict_follows_its_claim_not_its_position(tmp_path):
    # Regression (issue 18): a sentence inserted above a reviewed claim shifted every id, and the
    # id fallback put the verdict on the new, unreviewed sentence too (ClaimReview and all).
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text((FIXTURES / "sismo_a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text((FIXTURES / "sismo_b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    first = tmp_path / "one.pdf"
    run(Job((str(a), str(b)), str(first)))
    _, filled = _fill(first.with_suffix(".csv"), "32 muertos")
    (tmp_path / "filled.csv").write_text(filled, encoding="utf-8")
    text = a.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    inserted = "El Gobierno anunció 200 millones de euros para reconstruir 40 escuelas, según el ministro."
    moved = tmp_path / "renamed_a.txt"  # renamed too: keys no longer depend on the file name
    moved.write_text(f"{title}\n\n{inserted}\n{rest}", encoding="utf-8")
    second = tmp_path / "two.pdf"
    run(Job((str(moved), str(b)), str(second), verdicts=str(tmp_path / "filled.csv")))
    got = _verdicts(second.with_suffix(".json"))
    assert len(got) == 1 and "32 muertos" in next(iter(got)) and inserted not in got
    rows = list(csv.DictReader(io.StringIO(second.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    assert [r["claim"] for r in rows if r["verdict"]] == list(got)
    review = json.loads(second.with_suffix(".claimreview.json").read_text(encoding="utf-8"))
    assert [item["claimReviewed"] for item in review] == list(got)


def test_a_verdicts_file_that_matches_nothing_says_so(tmp_path):
    first = tmp_path / "one.pdf"
    run(Job(PAIR, str(first)))
    _, filled = _fill(first.with_suffix(".csv"), "32 muertos")
    (tmp_path / "filled.csv").write_text(filled, encoding="utf-8")
    other = (str(FIXTURES / "storm_a.txt"), str(FIXTURES / "storm_b.txt"))
    with pytest.raises(InputError, match="none of its 1 verdicts matches a claim"):
        make_briefing(Job(other, verdicts=str(tmp_path / "filled.csv")), now())


def test_unknown_verdicts_in_an_earlier_briefing_are_refused(tmp_path):
    first = tmp_path / "one.pdf"
    run(Job(PAIR, str(first)))
    data = json.loads(first.with_suffix(".json").read_text(encoding="utf-8"))
    data["flags"][0]["verdict"] = "probably fine"
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="unknown verdict 'probably fine'"):
        make_briefing(Job(PAIR, since=str(tmp_path / "old.json")), now())


def test_a_quoted_formula_cell_comes_back_as_the_reviewer_wrote_it(tmp_path):
    # to_csv puts a quote before a cell that starts like a formula; reading the checklist back
    # takes it off again: the note is the reviewer's words, the claim matches by its own words.
    p = tmp_path / "v.csv"
    claim = "-5 grados marcó el termómetro, según el servicio meteorológico."
    buf = io.StringIO()
    csv.writer(buf).writerows([["id", "key", "claim", "verdict", "notes"], ["A4", "", "'" + claim, "inaccurate",
                                                                              "'=58 según el IGP"]])
    p.write_text(buf.getvalue(), encoding="utf-8")
    (row,) = read_verdicts(p)
    assert row.verdict.notes == "=58 según el IGP"
    assert row.keys == (claim_key(claim),)
