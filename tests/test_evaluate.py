"""`reporter eval`: the measures themselves, on tiny files written here."""
import gzip
import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SHARED, ROOT
from reporter.settings import Settings
from reporter.stages import compare
from reporter.tools.evaldata import (checkworthy_items, count_reference_sentences, ecb_article, ecb_pairs,
                                     read_checkworthy, read_ecb, read_sts, score_pair)
from reporter.tools.evaluate import SWEEP, _pair_row
from reporter.tools.metrics import f1, pearson, prf, prf_counts, ranks, rouge, spearman

SCORE_PY = SHARED / "eval" / "score.py"
needs_shared = pytest.mark.skipif(not SCORE_PY.exists(), reason=f"{SHARED / 'eval'} is absent: the shared evaluation "
                                  "folder is only beside the repository on the team's machines and CI")

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
    assert prf_counts(0, 0, 0) == (0.0, 0.0, 0.0) and prf_counts(1, 1, 3) == (0.5, 0.25, f1(0.5, 0.25))
    assert f1(0.5, 0.25) == pytest.approx(1 / 3) and rouge("", "the cat") == (0.0, 0.0, 0.0)


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
    assert (tmp_path / "saved" / "sismo.json").is_file()


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


@pytest.mark.parametrize("name, content, expected", [
    # headlines: the score first; a blank score is an unscored pair
    ("h.tsv", "3.0\tA b c\tA b d\n\tX y\tX z\n", [("A b c", "A b d", 3.0), ("X y", "X z", None)]),
    # STS Benchmark: seven columns or more
    ("b.csv", "main-news\tf\t2012\t0001\t4.0\tOne.\tTwo.\n", [("One.", "Two.", 4.0)]),
    ("bench.csv", "main-news\tf\t2012\t0001\t4.0\tOne.\tTwo.\tsource-a\tsource-b\n", [("One.", "Two.", 4.0)]),
    # SemEval-2017: a header row; a number as the second sentence is still text
    ("es.tsv", "sentence1\tsentence2\tscore\nUn perro corre.\t2024\t1.0\n", [("Un perro corre.", "2024", 1.0)]),
])
def test_the_three_sts_layouts_are_told_apart_by_the_first_row(tmp_path, name, content, expected):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    assert read_sts(f) == expected


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
    # A quality floor on the team-written pairs (tests/fixtures/pairs-gold.json): eight in one
    # language, three Spanish against English (issue 12: recall >= 0.8 at precision >= 0.85);
    # every real conflict of the eleven found, none false (issue 14).
    # Lowering a figure here is a decision to take in a commit of its own, with the reason.
    r = subprocess.run([sys.executable, "-m", "reporter", "eval", "pairs", str(FIXTURES / "pairs-gold.json"),
                        "--articles", str(FIXTURES), "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    rows = {row["pair"]: row for row in json.loads(r.stdout)["rows"]}
    rows.pop("TOTAL")
    # The held-out pairs (written before the tool ran on them) are held to their own floor below;
    # the figures here are the eleven pairs' own.
    held_out = {name: rows.pop(name) for name in HELD_OUT_PAIRS}
    red_team = {name: rows.pop(name) for name in RED_TEAM_PAIRS}
    second = {name: rows.pop(name) for name in SECOND_RED_TEAM_PAIRS}
    html = {name: rows.pop(name) for name in HTML_RED_TEAM_PAIRS}
    third = {name: rows.pop(name) for name in THIRD_RED_TEAM_PAIRS}
    html2 = {name: rows.pop(name) for name in SECOND_HTML_RED_TEAM_PAIRS if name in rows}
    fourth = {name: rows.pop(name) for name in FOURTH_RED_TEAM_PAIRS}
    total = {key: ([sum(row[key][0] for row in rows.values()), sum(row[key][1] for row in rows.values())]
                   if isinstance(row0, list) else sum(row[key] for row in rows.values()))
             for key, row0 in next(iter(rows.values())).items() if key != "pair"}
    across = [rows["puerto"], rows["vacunas"], rows["valdora"]]
    for group, floor_recall, floor_precision in ((list(rows.values()), 0.9, 0.9), (across, 0.8, 0.85)):
        hit, need = map(sum, zip(*(row["align_recall"] for row in group)))
        good, made = map(sum, zip(*(row["align_precision"] for row in group)))
        assert hit / need >= floor_recall and good / made >= floor_precision, (hit, need, good, made)
    assert total["conflict_recall"] == [11, 11] and total["conflict_precision"] == [11, 11]
    assert total["false_conflicts"] == 0
    assert total["only_viol"] == total["boilerplate_viol"] == total["summary_viol"] == 0
    assert total["checkworthy_viol"] == 0 and total["checkworthy_recall"][0] >= 40
    assert total["summary_lead"] == [18, 18] and total["lost_anchors"] == 0
    # The four held-out pairs (cercanias, derrumbe, tipos, huelga): what they hold since the ingest fixes.
    # An update is a conflict marked as such (issue 14, item 3), as temblor's 32 -> 58 dead: the gold of
    # derrumbe's 30 rescued by 8:30 a.m. / 41 by 2 p.m. says conflict, and the briefing adds "update".
    hit, need = map(sum, zip(*(row["align_recall"] for row in held_out.values())))
    good, made = map(sum, zip(*(row["align_precision"] for row in held_out.values())))
    assert hit / need >= 0.9 and good / made >= 0.9, (hit, need, good, made)
    found, real = map(sum, zip(*(row["conflict_recall"] for row in held_out.values())))
    right, made = map(sum, zip(*(row["conflict_precision"] for row in held_out.values())))
    assert found == real == right == made == 4 and sum(row["false_conflicts"] for row in held_out.values()) == 0
    for row in held_out.values():
        assert row["only_viol"] == row["boilerplate_viol"] == row["summary_viol"] == row["checkworthy_viol"] == 0, row
        assert row["summary_lead"][0] == row["summary_lead"][1] and row["lost_anchors"] == 0, row
    # The four red-team pairs (apagon es-en, banco en-es, mina es, derail en; written before the tool ran
    # on them). First run: alignment 28/33 at 31/31, conflicts 0/3; since the comparator's fixes: 32/33
    # at 35/35 (left: apagon's traffic lights, meaning 0.64 against 0.65), conflicts 2/3 (38 / 52 mph,
    # 2.3 billion / 2.800 millones; left: derail's injured update, "two railroad workers ... with minor
    # injuries" / "five people, three of them railroad workers", which the fact reader counts as
    # railroad and people, not injured).
    for names, floor_recall, floor_precision in ((("mina", "derail"), 14, 17), (("apagon", "banco"), 18, 18)):
        hit, need = map(sum, zip(*(red_team[n]["align_recall"] for n in names)))
        good, made = map(sum, zip(*(red_team[n]["align_precision"] for n in names)))
        assert hit >= floor_recall and good == made >= floor_precision, (names, hit, need, good, made)
    found, real = map(sum, zip(*(row["conflict_recall"] for row in red_team.values())))
    right, made = map(sum, zip(*(row["conflict_precision"] for row in red_team.values())))
    assert found >= 2 and right == made == found and sum(row["false_conflicts"] for row in red_team.values()) == 0
    # derail's injured update is found since a count of persons takes what its clause says happened to
    # them after an aside ("five people, three of them railroad workers, had been treated ... for minor
    # injuries") and a modifier before the counted noun ("two railroad workers") counts workers
    assert found == real == 3
    for row in red_team.values():
        assert row["only_viol"] == row["summary_viol"] == row["checkworthy_viol"] == 0, row
        assert row["summary_lead"][0] == row["summary_lead"][1], row
    # On the first run derail's caption "Photo: A crane lifts ..." was read as a body line (and flagged)
    # and mina's "(Foto: EFE/J. Casares)" was cut in two at "J." (its anchor lost): neither any more.
    assert sum(row["boilerplate_viol"] for row in red_team.values()) == 0
    assert sum(row["lost_anchors"] for row in red_team.values()) == 0
    # The second red team's four pairs (calor es, ring en, pib es-en, marcha es; figures that disagree,
    # gold written before the tool ran on them). First run: alignment 30/31 at 32/32, conflicts 5/6
    # (marcha's 12.000 personas según la Delegación del Gobierno / 85.000 asistentes según los
    # organizadores missed: two nouns for one crowd), 0 false. Since the fact reader's fixes (a crowd is
    # one quantity whatever noun counts it; an aside between a count and its verb is skipped): conflicts
    # 6/6; left: pib's quarterly 0,8 % / 0.8% (meaning cosine 0.47 across languages).
    _hold_floor(second, recall=30, precision=32, conflicts=6, checkworthy=32)
    # The HTML red team's two pairs (feria es, bridge en-es: full saved pages, gold written before the tool
    # ran on them). First run: alignment 16/17 at 15/15, conflicts 2/3, a pull-quote in bridge_en's summary
    # and feria_b's standfirst in its summary (a kicker above the headline); since the reader's and
    # ingest's fixes no furniture is in a summary, relation or flag. The page furniture trafilatura drops
    # is labelled all the same, so its anchors are lost (tests/test_ingest_html.py checks that every
    # claim anchor is found and no furniture anchor is body). Left: bridge_en's pedestrians sentence
    # (compare), its 'on Monday night' (when the council spoke) against 'este martes' (when the bridge
    # closed) as a day conflict (facts).
    _hold_floor(html, recall=15, precision=15, conflicts_at_least=2, pages=True)
    # The third red team's four pairs (bus es, vote en-es, outbreak en, wirecopy es; gold written before the
    # tool ran on them). First run: alignment 27/36 at 28/29, conflicts 3/5 (3 right of 4), 1 false
    # (wirecopy's quote given to 'Lledó' and to 'el ministro', one man), 2 only violations (vote: two
    # different percentages supported a pair across languages). Since the comparator's and the fact
    # reader's fixes: 32/36 at 33/33, conflicts 5/5 (bus's 11 at 7:00 / 'ascendió a 14', vote's turnout
    # and its quote given to two people, outbreak's two / three dead, wirecopy's 85.000 / 65.000), 0 false.
    # Left: outbreak's 19 hospitalised / 19 patients, 'a third' / 29, the fair; vote's swearing-in.
    _hold_floor(third, recall=32, precision=33, conflicts=5, checkworthy=31)
    # The second HTML red team's two pairs (directo es: a live blog against another outlet's article;
    # tarifa en-es: a web clipper's Markdown page against a Spanish page pasted with its menu; gold written
    # before the tool ran on them). First run: alignment 13/14 at 15/15, conflicts 3/3, 4 boilerplate
    # violations (the live blog's "Buenos días. Arrancamos este directo..." in a summary, the Markdown front
    # matter's tags in a summary, an amendment line and a "Lo más visto" headline flagged) and a title in a
    # summary (the front matter read as the title). Since the reader's and ingest's fixes: 14/14 at 15/15,
    # no violation.
    _hold_floor(html2, recall=14, precision=15, conflicts_at_least=3, pages=True, checkworthy_viol=True)
    # The fourth red team's four pairs (riada es, a DANA told hours apart; tiroteo es, Latin American outlets
    # on a bar shooting; huracan es-en, a hurricane's landfall; juicio es, a court sentence; gold written and
    # committed before the tool ran on them). First run: alignment 28/37 at 30/30, conflicts 4/7, 3 false
    # (37 rescued by the Guardia Civil / more than 120 by all services, '500 mil' / '500,000 pesos' read as
    # 500 and 1,000 / 500). Since the figure and fact readers' and the comparator's fixes: 36/37 at 37/37,
    # conflicts 7/7 (12 / 14 years, 25 / 27 años, tres / at least six dead), 0 false. Left: juicio's
    # 'hechos probados' (0.345, its best partner another claim).
    _hold_floor(fourth, recall=36, precision=37, conflicts=7, checkworthy=34)


def _hold_floor(rows: dict, recall: int, precision: int, conflicts: int | None = None, conflicts_at_least: int = 0,
                checkworthy: int = 0, pages: bool = False, checkworthy_viol: bool | None = None) -> None:
    """A red team's pairs hold their floor: alignment recall and precision (no false pair), the conflicts
    (all found, all right, none false when `conflicts`; at least `conflicts_at_least` found otherwise), no
    violation, the summary lead, and the check-worthy claims flagged. Pages (`pages`) may lose furniture
    anchors trafilatura drops, and are held to check-worthy violations only when asked."""
    hit, need = map(sum, zip(*(row["align_recall"] for row in rows.values())))
    good, made = map(sum, zip(*(row["align_precision"] for row in rows.values())))
    assert hit >= recall and good == made >= precision, (hit, need, good, made)
    if conflicts is not None:
        found, real = map(sum, zip(*(row["conflict_recall"] for row in rows.values())))
        right, made = map(sum, zip(*(row["conflict_precision"] for row in rows.values())))
        assert found == real == right == made == conflicts and sum(row["false_conflicts"] for row in rows.values()) == 0
    assert sum(row["conflict_recall"][0] for row in rows.values()) >= conflicts_at_least
    held_cw = (not pages) if checkworthy_viol is None else checkworthy_viol
    for row in rows.values():
        assert row["only_viol"] == row["boilerplate_viol"] == row["summary_viol"] == 0, row
        assert not held_cw or row["checkworthy_viol"] == 0, row
        assert row["summary_lead"][0] == row["summary_lead"][1], row
        assert pages or row["lost_anchors"] == 0, row
    assert sum(row["checkworthy_recall"][0] for row in rows.values()) >= checkworthy


HTML_RED_TEAM_PAIRS = ("feria", "bridge")
HELD_OUT_PAIRS = ("cercanias", "derrumbe", "tipos", "huelga")
RED_TEAM_PAIRS = ("apagon", "banco", "mina", "derail")
SECOND_RED_TEAM_PAIRS = ("calor", "ring", "pib", "marcha")
THIRD_RED_TEAM_PAIRS = ("bus", "vote", "outbreak", "wirecopy")
SECOND_HTML_RED_TEAM_PAIRS = ("directo", "tarifa")
FOURTH_RED_TEAM_PAIRS = ("riada", "tiroteo", "huracan", "juicio")


def _reporter(*argv, timeout=120):
    return subprocess.run([sys.executable, "-m", "reporter", *map(str, argv)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


# A gold pair and a briefing written by hand so that every count of score.py is exercised
# once: each relation below is annotated with what it must count as.
HAND_GOLD = {
    "name": "hand", "a": "a.txt", "b": "b.txt",
    "overlap": [["alpha one", "beta one"], ["alpha two", "beta two"]],
    "conflict": [["alpha three", "beta three"]],
    "acceptable": [["alpha four", "beta four"]],
    "not_conflict": [["alpha five", "beta five"]],
    "only_a": ["alpha six"], "only_b": ["beta six"],
    "boilerplate": {"a": ["Read more"], "b": []},
    "not_in_summary": {"a": ["Photo: Agency"], "b": []},
    "summary_lead": {"a": ["alpha one"], "b": ["beta two"]},
    "checkworthy": {"a": ["alpha three"], "b": ["beta three", "an anchor in no sentence"]},
    "not_checkworthy": {"a": ["alpha six"], "b": []},
}
_A = ["alpha one said", "alpha  two", "alpha three: 32", "alpha four", "alpha five", "alpha six", "Read more",
      "Photo: Agency"]
_B = ["beta one", "beta two", "beta three: 58", "beta four", "beta five", "beta six"]
HAND_BRIEFING = {
    "articles": [
        {"id": "A", "summary": ["A2", "A8"], "sentences": [{"id": f"A{i}", "text": t} for i, t in enumerate(_A, 1)]},
        {"id": "B", "summary": ["B2"], "sentences": [{"id": f"B{i}", "text": t} for i, t in enumerate(_B, 1)]}],
    "relations": [
        {"a": "A1", "b": "B1", "type": "overlap"},   # found
        {"a": "A2", "b": "B2", "type": "conflict"},  # found, but a false conflict
        {"a": "A3", "b": "B3", "type": "overlap"},   # found, the conflict missed
        {"a": "A4", "b": "B4", "type": "overlap"},   # acceptable: neither needed nor wrong
        {"a": "A5", "b": "B5", "type": "conflict"},  # allowed, a false conflict
        {"a": "A6", "b": "B1", "type": "overlap"},   # wrong; A6 is only in a
        {"a": "A7", "b": "B6", "type": "overlap"},   # wrong; A7 boilerplate, B6 only in b
    ],
    "flags": [{"sentence": "A3"}, {"sentence": "B3"}, {"sentence": "A6"}],
}
HAND_COUNTS = {"overlap_recall": (3, 3), "conflict_recall": (0, 1), "false_conflicts": 2, "precision": (5, 7),
               "conflict_precision": (0, 2),
               "only_violations": 2, "boilerplate_violations": 1, "summary_violations": 1, "summary_lead": (1, 2),
               "checkworthy_recall": (2, 3), "checkworthy_violations": 1, "lost": 1}


def test_score_pair_counts_the_hand_made_briefing_as_worked_out_by_hand():
    assert score_pair(HAND_GOLD, HAND_BRIEFING) == HAND_COUNTS
    row = _pair_row(HAND_COUNTS)
    assert row["align_f1"] == pytest.approx(2 * (5 / 7) * 1 / (5 / 7 + 1), abs=1e-3)  # recall 3/3, precision 5/7


@needs_shared
def test_score_pair_agrees_with_the_judges_score_py(tmp_path):
    (tmp_path / "gold.json").write_text(json.dumps({"pairs": [HAND_GOLD]}), encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "hand.json").write_text(json.dumps(HAND_BRIEFING), encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCORE_PY), str(tmp_path / "gold.json"), str(tmp_path / "out")],
                       capture_output=True, text=True, timeout=60)
    judged = json.loads(r.stdout.split("TOTAL", 1)[1])
    ours = {k: list(v) if isinstance(v, tuple) else v for k, v in score_pair(HAND_GOLD, HAND_BRIEFING).items()}
    assert judged == ours


@needs_shared
def test_score_pair_agrees_with_score_py_on_a_real_briefing_of_the_team_fixtures(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    r = _reporter("eval", "pairs", gold, "--articles", FIXTURES, "--json", "--save", tmp_path / "saved", timeout=300)
    assert r.returncode == 0, r.stderr
    total = json.loads(r.stdout)["rows"][-1]
    out = subprocess.run([sys.executable, str(SCORE_PY), str(gold), str(tmp_path / "saved")],
                         capture_output=True, text=True, timeout=60).stdout
    judged = json.loads(out.split("TOTAL", 1)[1])
    assert judged["overlap_recall"] == total["align_recall"] and judged["precision"] == total["align_precision"]
    assert judged["conflict_recall"] == total["conflict_recall"]
    assert judged["checkworthy_recall"] == total["checkworthy_recall"]


def test_spearman_is_pearson_of_ranks_with_ties_averaged():
    assert spearman([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)  # 1 - 6 * 2 / (4 * 15)
    assert spearman([1, 2, 3, 4], [10, 100, 1000, 10000]) == pytest.approx(1.0)  # monotone, not linear
    assert pearson([1, 2, 3, 4], [10, 100, 1000, 10000]) < 0.9
    assert ranks([3.0, 1.0, 3.0, 3.0]) == [2.0, 0.0, 2.0, 2.0]
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0  # no variance: 0, not a division by zero


def test_sts_unscored_rows_still_get_a_prediction_line_in_input_order(tmp_path):
    f = tmp_path / "headlines.tsv"
    f.write_text("4.8\tPolice arrest two men in Madrid\tTwo men arrested by police in Madrid\n"
                 "\tStocks fall on weak earnings\tStocks fall on weak earnings\n"
                 "0.2\tPolice arrest two men in Madrid\tRain expected across Scotland\n"
                 "2.5\tPope visits Brazil\tPope to visit Brazil next year\n", encoding="utf-8")
    out = tmp_path / "pred.tsv"
    r = _reporter("eval", "sts", f, "--language", "en", "--predictions", out, "--json")
    assert r.returncode == 0, r.stderr
    row = json.loads(r.stdout)["rows"][0]
    assert (row["pairs"], row["scored"]) == (4, 3)
    scores = [float(x) for x in out.read_text().splitlines()]
    assert len(scores) == 4 and scores[1] == pytest.approx(1.0)  # the unscored pair, in its place
    assert scores[2] < scores[0]
    assert compare.similarity("Stocks fall on weak earnings", "Stocks fall on weak earnings", "en") == pytest.approx(1.0)


def test_checkworthy_unquotes_csv_quoted_fields_but_keeps_a_tweets_own_quotation(tmp_path):
    en = tmp_path / "en.tsv"
    en.write_text('Sentence_id\tText\tclass_label\n26\t"I saw a movie - ""Crocodile Dundee."""\tNo\n'
                  '27\t"We cut taxes, and the deficit fell."\tYes\n', encoding="utf-8")
    assert read_checkworthy(en) == [('I saw a movie - "Crocodile Dundee."', 0),
                                    ("We cut taxes, and the deficit fell.", 1)]
    es = tmp_path / "es.tsv.gz"
    es.write_bytes(gzip.compress('tweet_id\ttweet_url\ttweet_text\tclass_label\n'
                                 '1\tu\t"Hay que bajar impuestos", dijo el ministro.\tYes\n'.encode()))
    assert read_checkworthy(es) == [('"Hay que bajar impuestos", dijo el ministro.', 1)]


def test_claimbuster_predictions_are_one_decision_and_score_per_item_in_order(tmp_path):
    FLAG_THRESHOLD = Settings().flag.rules_threshold  # --scorer rules

    cb = tmp_path / "2x.json.gz"
    items = [{"text": "Thank you very much.", "label": 0},
             {"text": "Unemployment fell by 40 percent in 2019, the senator said.", "label": 1},
             {"text": "Good evening.", "label": 0}]
    cb.write_bytes(gzip.compress(json.dumps(items).encode()))
    out = tmp_path / "p.tsv"
    r = _reporter("eval", "checkworthy", cb, "--language", "en", "--predictions", out, "--scorer", "rules", "--json")
    assert r.returncode == 0, r.stderr
    lines = [line.split("\t") for line in out.read_text().splitlines()]
    assert [d for d, _ in lines] == ["0", "1", "0"]
    assert all((float(s) >= FLAG_THRESHOLD) == (d == "1") for d, s in lines)
    row = json.loads(r.stdout)["rows"][0]
    assert (row["precision"], row["recall"], row["f1"]) == (1.0, 1.0, 1.0)


def _bbc(tmp_path):
    docs = [
        {"article": "The council approved a new budget on Monday. It raises spending on schools by ten percent. "
                    "Critics said the plan came too late. The mayor will present it to residents next week.",
         "extractive_summary": "The council approved a new budget on Monday.It raises spending on schools by ten percent."},
        {"article": "Heavy rain flooded the valley overnight. Hundreds of homes lost power. Rescue teams reached "
                    "the villages by boat. Forecasters expect more rain on Friday.",
         "extractive_summary": "Heavy rain flooded the valley overnight.Hundreds of homes lost power."},
    ]
    f = tmp_path / "bbc.jsonl.gz"
    f.write_bytes(gzip.compress("\n".join(json.dumps(d) for d in docs).encode()))
    return f


def test_summaries_lead_matches_a_lead_reference_exactly_and_lead3_pays_for_its_extra_sentence(tmp_path):
    r = _reporter("eval", "summaries", _bbc(tmp_path), "--summarizer", "lead,textrank", "--json")
    assert r.returncode == 0, r.stderr
    rows = {row["summarizer"]: row for row in json.loads(r.stdout)["rows"]}
    assert set(rows) == {"lead-3", "lead", "textrank"}
    assert rows["lead"]["rouge1"] == rows["lead"]["rouge2"] == rows["lead"]["rougeL"] == 1.0
    assert 0.5 < rows["lead-3"]["rouge1"] < 1.0  # precision lost to the third sentence
    r = _reporter("eval", "summaries", _bbc(tmp_path), "--summarizer", "lead", "--length", "1", "--json")
    one = {row["summarizer"]: row for row in json.loads(r.stdout)["rows"]}["lead"]
    assert 0.5 < one["rouge1"] < 1.0  # half the reference: recall lost


def test_summaries_refuse_an_unknown_summarizer_or_length_in_one_line(tmp_path):
    for extra in (["--summarizer", "gpt"], ["--length", "three"]):
        r = _reporter("eval", "summaries", _bbc(tmp_path), *extra)
        assert r.returncode == 3 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_missing_inputs_of_every_kind_are_one_clean_error(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    for argv in (["pairs", gold, "--articles", tmp_path / "no-dir"], ["pairs", tmp_path / "no.json", "--articles", tmp_path],
                 ["ecb", tmp_path / "no.jsonl.gz"], ["summaries", tmp_path / "no.jsonl"],
                 ["checkworthy", tmp_path / "no.tsv", "--language", "es"]):
        r = _reporter("eval", *argv)
        assert r.returncode == 3, (argv, r.stderr)
        assert r.stderr.startswith("reporter: error:") and len(r.stderr.strip().splitlines()) == 1
        assert "no such" in r.stderr


def _mention(sent, kind, instance):
    return {"sent": sent, "mention": "x", "type": kind, "instance": instance, "descriptor": "d"}


ECB_DOCS = [
    {"doc_id": "1_1ecb", "topic": 1, "subtopic": "1a",
     "sentences": ["A powerful earthquake struck northern Chile on Monday , killing 12 people .",
                   "The president praised the rescue teams in Santiago .", "It was cold ."],
     "cross_doc_mentions": [_mention(0, "ACTION_OCCURRENCE", "E1"), _mention(1, "ACTION_OCCURRENCE", "E2"),
                            _mention(1, "HUMAN_PART_PER", "P1")]},
    {"doc_id": "1_2ecb", "topic": 1, "subtopic": "1a",
     "sentences": ["An earthquake struck northern Chile on Monday and killed 12 people .",
                   "Football fans celebrated the cup victory in Madrid ."],
     "cross_doc_mentions": [_mention(0, "ACTION_OCCURRENCE", "E1"), _mention(1, "ACTION_OCCURRENCE", "E3"),
                            _mention(1, "HUMAN_PART_PER", "P1")]},  # a shared person is not a shared event
    {"doc_id": "1_3ecb", "topic": 1, "subtopic": "1a", "sentences": ["Nothing was annotated here ."],
     "cross_doc_mentions": []},
    {"doc_id": "3_1ecb", "topic": 3, "subtopic": "3a", "sentences": ["Alone in its subtopic ."],
     "cross_doc_mentions": [_mention(0, "ACTION_OCCURRENCE", "E1")]},  # same id, other subtopic: never paired
]


def _ecb_file(tmp_path):
    f = tmp_path / "ecb.jsonl.gz"
    f.write_bytes(gzip.compress("\n".join(json.dumps(d) for d in ECB_DOCS).encode()))
    return f


def test_ecb_gold_is_same_action_instance_within_a_subtopic_neighbours_first(tmp_path):
    docs = read_ecb(_ecb_file(tmp_path))
    pairs = [(a["doc_id"], b["doc_id"], gold) for a, b, gold in ecb_pairs(docs, per_subtopic=2)]
    assert pairs == [("1_1ecb", "1_2ecb", {(0, 0)}), ("1_2ecb", "1_3ecb", set())]
    assert len(list(ecb_pairs(docs, per_subtopic=0))) == 3
    article = ecb_article("A", docs[0], [0, 1])
    assert [s.id for s in article.claims] == ["A1", "A2"]
    assert all(article.text[s.start:s.end] == s.text for s in article.sentences)


def test_eval_ecb_counts_relations_against_gold_at_the_settings_threshold(tmp_path):
    before = Settings().compare.meaning_threshold  # the hybrid score's, meaning being on
    r = _reporter("eval", "ecb", _ecb_file(tmp_path), "--sweep", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert [row["threshold"] for row in rows] == sorted(set(SWEEP) | {before})
    at_current = next(row for row in rows if row["current"] == "*")
    assert at_current["threshold"] == before and at_current["doc_pairs"] == 3
    assert (at_current["gold"], at_current["related"], at_current["correct"]) == (1, 1, 1)
    assert at_current["precision"] == at_current["recall"] == 1.0
    assert all(row["correct"] <= min(row["related"], row["gold"]) for row in rows)
    # a config file moves the threshold the sweep marks as current
    (tmp_path / "c.toml").write_text("[compare]\nmeaning-threshold = 0.3\n", encoding="utf-8")
    r = _reporter("eval", "ecb", _ecb_file(tmp_path), "--config", tmp_path / "c.toml", "--json")
    assert json.loads(r.stdout)["rows"][0]["threshold"] == 0.3
    # lemmas alone: the lexical threshold is the one in use
    (tmp_path / "l.toml").write_text("[compare]\nuse-meaning = false\n", encoding="utf-8")
    r = _reporter("eval", "ecb", _ecb_file(tmp_path), "--config", tmp_path / "l.toml", "--json")
    assert json.loads(r.stdout)["rows"][0]["threshold"] == Settings().compare.overlap_threshold


@pytest.mark.skipif(not (SHARED / "eval" / "data" / "news_pairs" / "ecbplus-odd-topics.dev.jsonl.gz").exists(),
                    reason="../shared/eval/data is absent (only beside the repository on the team's machines and CI)")
@pytest.mark.slow
def test_the_comparator_beats_chance_on_ecb_dev():
    # ~5,000 sentences through the sentence encoder (about 10 ms each here): minutes, not seconds
    f = SHARED / "eval" / "data" / "news_pairs" / "ecbplus-odd-topics.dev.jsonl.gz"
    r = _reporter("eval", "ecb", f, "--json", timeout=900)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    row = result["rows"][0]
    assert row["doc_pairs"] == 420 and row["precision"] > result["chance_precision"] + 0.2


def test_train_learns_from_the_very_items_eval_checkworthy_scores(tmp_path, monkeypatch):
    # One reader and one cleaning for both: a tweet's links, handles and hash marks are gone
    # before the rules give their reasons, in training as in `reporter eval checkworthy`.
    from reporter.tools import train

    data = tmp_path / "data"
    data.mkdir()
    tweets = [("Hubo 30 muertos en #Sismo https://t.co/x según @proteccioncivil", "Yes"),
              ('"El Gobierno mintió sobre la deuda", dijo la oposición', "Yes"),
              ("Buenos días a todos @amigos", "No"), ("Qué bonito día hace hoy", "No")] * 3
    (data / "CT24_checkworthy_spanish_dev.tsv.gz").write_bytes(gzip.compress(
        ("tweet_id\ttweet_url\ttweet_text\tclass_label\n"
         + "".join(f"{i}\thttps://x.com/{i}\t{t}\t{c}\n" for i, (t, c) in enumerate(tweets))).encode()))
    # Spanish learns from the English training part too (train.EXTRA): tiny English files beside
    (data / "CT24_checkworthy_english_dev.tsv").write_text(
        "Sentence_id\tText\tclass_label\n1\tWe spent 50 percent more on roads.\tYes\n2\tThank you all.\tNo\n",
        encoding="utf-8")
    (data / "2xNCS.json.gz").write_bytes(gzip.compress(json.dumps(
        [{"text": "Taxes rose 20 percent.", "label": 1}, {"text": "Hello there.", "label": 0}]).encode()))
    seen = {}
    learn = train.train
    monkeypatch.setattr(train, "train", lambda items, language, name, **kw: learn(seen.setdefault(language, items),
                                                                                  language, name, **kw))
    assert train.main([str(data), "--out", str(tmp_path / "out"), "--languages", "es"]) == 0
    items = checkworthy_items(data / "CT24_checkworthy_spanish_dev.tsv.gz")
    assert seen["es"] == items and items[0] == ("Hubo 30 muertos en  Sismo   según  ", 1)
    model = json.loads((tmp_path / "out" / "checkworthy-es.json").read_text(encoding="utf-8"))
    assert model["threshold"] in train.THRESHOLDS and "12 items, 6 check-worthy" in model["about"]
    (data / "2xNCS.json.gz").unlink()
    with pytest.raises(SystemExit):  # an English file is missing: one usage error, no traceback
        train.main([str(data), "--out", str(tmp_path / "out"), "--languages", "en"])
