"""`reporter eval`: the measures themselves, on tiny files written here."""
import gzip
import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SHARED, ROOT
from reporter.evaldata import count_reference_sentences, read_checkworthy, read_sts, score_pair
from reporter.evaluate import pearson, prf, ranks, rouge

GOLD = {"pairs": [{
    "name": "sismo", "lang": "es", "a": "sismo_a.txt", "b": "sismo_b.txt",
    "overlap": [["El epicentro se localizó a 10 kilómetros", "El epicentro estuvo a 10 kilómetros"]],
    "conflict": [["dejó al menos 32 muertos", "causó 58 muertos"]],
    "acceptable": [], "not_conflict": [],
    "only_a": ["pidió ayuda a EE.UU."], "only_b": ["La oposición acusó al gobierno"],
    "boilerplate": {"a": ["Lee también"], "b": ["Deja un comentario"]},
    "not_in_summary": {"a": ["(Foto: EFE)"], "b": []},
    "summary_lead": {"a": ["Un terremoto de magnitud 7,8"], "b": ["Un sismo de magnitud 7,8"]},
    "checkworthy": {"a": ["dejó al menos 32 muertos"], "b": ["La oposición acusó al gobierno"]},
    "not_checkworthy": {"a": ["podría tener implicaciones"], "b": ["Deja un comentario"]},
}]}


def test_pearson_spearman_prf_and_rouge_on_known_values():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert ranks([10, 20, 20, 5]) == [1.0, 2.5, 2.5, 0.0]
    assert prf([True, True, False, False], [1, 0, 1, 0]) == (0.5, 0.5, 0.5)
    r1, r2, rl = rouge("the cat sat on the mat", "the cat sat on a mat")
    assert r1 == pytest.approx(5 / 6) and r2 == pytest.approx(3 / 5) and rl == pytest.approx(5 / 6)


def test_score_pair_counts_every_kind_of_mistake():
    briefing = {"articles": [
        {"sentences": [{"id": "A1", "text": "dejó al menos 32 muertos"}, {"id": "A2", "text": "pidió ayuda a EE.UU."},
                       {"id": "A3", "text": "Lee también"}], "summary": ["A3"]},
        {"sentences": [{"id": "B1", "text": "causó 58 muertos"}, {"id": "B2", "text": "otra cosa"}], "summary": ["B2"]}],
        "relations": [{"a": "A1", "b": "B1", "type": "overlap"}, {"a": "A2", "b": "B2", "type": "overlap"}],
        "flags": [{"sentence": "A1"}]}
    g = {"overlap": [], "conflict": [["32 muertos", "58 muertos"]], "only_a": ["ayuda"], "only_b": [],
         "boilerplate": {"a": ["Lee también"], "b": []}, "checkworthy": {"a": ["32"], "b": []},
         "not_checkworthy": {"a": [], "b": []}, "summary_lead": {"a": [], "b": []}}
    c = score_pair(g, briefing)
    assert c["overlap_recall"] == (1, 1) and c["conflict_recall"] == (0, 1)  # related, but not as a conflict
    assert c["precision"] == (1, 2) and c["only_violations"] == 1 and c["boilerplate_violations"] == 1
    assert c["checkworthy_recall"] == (1, 1)


def test_eval_pairs_on_team_fixtures(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "pairs", str(gold), "--articles", str(FIXTURES),
                        "--json", "--save", str(tmp_path / "saved")], capture_output=True, text=True, timeout=300,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    total = json.loads(r.stdout)["rows"][-1]
    assert total["align_recall"] == [2, 2] and total["conflict_recall"] == [1, 1]
    assert total["only_viol"] == total["boilerplate_viol"] == total["summary_viol"] == 0
    assert total["checkworthy_recall"] == [2, 2] and total["checkworthy_viol"] == 0
    assert total["lost_anchors"] == 0
    if (SHARED / "eval" / "score.py").exists():  # the judges' scorer agrees with ours
        out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(tmp_path / "saved")],
                             capture_output=True, text=True, timeout=60).stdout
        judged = json.loads(out.split("TOTAL", 1)[1])
        assert judged["overlap_recall"] == total["align_recall"] and judged["precision"] == total["align_precision"]
        assert judged["conflict_recall"] == total["conflict_recall"]


def test_sts_predictions_file_has_one_line_per_pair_in_order(tmp_path):
    f = tmp_path / "sts.tsv"
    f.write_text("sentence1\tsentence2\tscore\n"
                 "El perro juega con la pelota.\tEl perro juega con una pelota.\t4.8\n"
                 "El gobierno subió los impuestos.\tLa niña lee un libro.\t0.2\n"
                 "La policía detuvo a dos hombres.\tDos hombres fueron detenidos por la policía.\t4.5\n",
                 encoding="utf-8")
    out = tmp_path / "pred.tsv"
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "sts", str(f), "--language", "es",
                        "--predictions", str(out), "--json"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    scores = [float(x) for x in out.read_text().split()]
    assert len(scores) == 3 and scores[1] < min(scores[0], scores[2])
    assert json.loads(r.stdout)["rows"][0]["pearson"] > 0.9


def test_the_three_sts_layouts_and_unscored_rows(tmp_path):
    a = tmp_path / "h.tsv"
    a.write_text("3.0\tA b c\tA b d\n\tX y\tX z\n", encoding="utf-8")
    assert read_sts(a) == [("A b c", "A b d", 3.0), ("X y", "X z", None)]
    b = tmp_path / "b.csv"
    b.write_text("main-news\tf\t2012\t0001\t4.0\tOne.\tTwo.\n", encoding="utf-8")
    assert read_sts(b) == [("One.", "Two.", 4.0)]


def test_checkworthy_reads_checkthat_and_claimbuster_and_writes_predictions(tmp_path):
    ct = tmp_path / "ct.tsv"
    ct.write_text("Sentence_id\tText\tclass_label\n1\tWe spent 50 percent more on roads.\tYes\n"
                  "2\tThank you all for coming tonight.\tNo\n", encoding="utf-8")
    cb = tmp_path / "cb.json.gz"
    cb.write_bytes(gzip.compress(json.dumps([{"text": "Taxes rose 20 percent.", "label": 1},
                                             {"text": "Hello.", "label": 0}]).encode()))
    assert read_checkworthy(ct) == [("We spent 50 percent more on roads.", 1), ("Thank you all for coming tonight.", 0)]
    assert [label for _, label in read_checkworthy(cb)] == [1, 0]
    out = tmp_path / "p.tsv"
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "checkworthy", str(ct), "--language", "en",
                        "--predictions", str(out)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    lines = out.read_text().splitlines()
    assert [line.split("\t")[0] for line in lines] == ["1", "0"]


def test_reference_sentences_are_found_even_when_joined_without_spaces():
    assert count_reference_sentences("One thing.Two things.", ["One thing.", "Three.", "Two things."]) == 2


def test_a_missing_file_is_one_clean_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "sts", str(tmp_path / "nope.tsv"), "--language",
                        "es"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert r.returncode == 3 and "no such file" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(not (SHARED / "eval" / "seeds-gold.json").exists(),
                    reason="../shared/eval is not beside the repository (only on the team's machines and CI)")
def test_seeds_meet_the_foundation_bars(tmp_path):
    for p in (SHARED / "seeds").glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "pairs", str(SHARED / "eval" / "seeds-gold.json"),
                        "--articles", str(tmp_path), "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    total = json.loads(r.stdout)["rows"][-1]
    good, made = total["align_precision"]
    assert total["align_recall"] == [1, 1] and good >= 0.8 * made
    assert total["only_viol"] == total["boilerplate_viol"] == total["summary_viol"] == total["checkworthy_viol"] == 0
    assert total["summary_lead"] == [2, 2] and total["checkworthy_recall"] == [4, 4]


def test_team_fixture_pairs_hold_their_floor():
    # A quality floor on the six team-written pairs (tests/fixtures/pairs-gold.json). Lowering a
    # figure here is a decision to take in a commit of its own, with the reason.
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "pairs", str(FIXTURES / "pairs-gold.json"),
                        "--articles", str(FIXTURES), "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    total = json.loads(r.stdout)["rows"][-1]
    hit, need = total["align_recall"]
    good, made = total["align_precision"]
    assert hit / need >= 0.9 and good / made >= 0.9
    assert total["conflict_recall"] == [4, 4] and total["false_conflicts"] == 0
    assert total["only_viol"] == total["boilerplate_viol"] == total["summary_viol"] == 0
    assert total["checkworthy_viol"] == 0 and total["checkworthy_recall"][0] >= 11
    assert total["summary_lead"] == [12, 12] and total["lost_anchors"] == 0
