"""The reviewer's loop: checklist CSV, verdicts, --since, ClaimReview."""
import csv
import io
import json

import pytest

from reporter.errors import InputError
from reporter.run.briefing import Job, make_briefing, now, run
from reporter.review.checklist import claim_key, read_verdicts, to_csv

from conftest import FIXTURES

PAIR = (str(FIXTURES / "sismo_a.txt"), str(FIXTURES / "sismo_b.txt"))


def test_checklist_csv_has_one_row_per_flag_with_stable_keys(sismo):
    rows = list(csv.DictReader(io.StringIO(to_csv(sismo).decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [f.sentence for f in sismo.flags]
    assert all(r["verdict"] == "" and r["notes"] == "" for r in rows)
    assert to_csv(sismo).startswith("\ufeff".encode("utf-8"))  # spreadsheets keep the accents
    s = sismo.sentence(rows[0]["id"])
    assert rows[0]["key"] == claim_key("a.txt", s.text) == claim_key("other/folder/a.txt", "  " + s.text)


def test_unknown_verdicts_are_refused_with_the_line(tmp_path):
    p = tmp_path / "v.csv"
    p.write_text("id,key,verdict,notes\nA4,abc,accurate,ok\nA5,def,maybe,hmm\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_verdicts(p)


def test_spanish_verdicts_and_semicolon_spreadsheets(tmp_path):
    p = tmp_path / "v.csv"
    p.write_text("id;key;verdict;notes\nA4;abc;engañoso;falta contexto\n", encoding="utf-8")
    v = read_verdicts(p)
    assert v["abc"].verdict == "misleading" and v["A4"].word == "engañoso"


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
